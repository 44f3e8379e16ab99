import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launch, newContext, screenshot, seriousViolations } from "./browser";

const baseUrl = inject("baseUrl");
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

async function signIn(page: Page, shop: string, email: string, password: string) {
  await page.goto(`${baseUrl}/${shop}/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: /^Sign in to/ }).click();
}

describe("a shopper's first visit", () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await newContext(browser);
    page = await context.newPage();
  });

  afterAll(async () => {
    await context.close();
  });

  it("lists the demo shops on the landing page", async () => {
    await page.goto(`${baseUrl}/`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Privacy centre");
    const names = await page.getByRole("heading", { level: 3 }).allTextContents();
    expect(names).toEqual(expect.arrayContaining(["ALMAZ", "Crystalline", "Micro-Image", "Allegra Jewels"]));
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "landing");
  });

  it("sends a signed-out visitor from the account to the sign-in page, which names the demo password", async () => {
    await page.goto(`${baseUrl}/almaz/account/privacy`);
    await page.waitForURL(/\/almaz\/sign-in/);
    expect(await page.textContent("main")).toContain("privacy-demo");
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "sign-in");
  });

  it("answers a wrong password with one generic message", async () => {
    await signIn(page, "almaz", "demo@almaz.example", "not-the-password");
    // Scoped to the form: Next's route announcer is an (empty) alert too.
    const alert = page.locator("form").getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toBe("The email or password is not right. Check them and try again.");
  });

  it("signs the demo customer in and shows the branded privacy overview", async () => {
    await signIn(page, "almaz", "demo@almaz.example", "privacy-demo");
    await page.waitForURL(`${baseUrl}/almaz/account/privacy`);
    await page.getByRole("heading", { name: /^Hello, / }).waitFor();
    const main = await page.textContent("main");
    expect(main).toContain("What ALMAZ holds about you");
    expect(main).toContain("Your rights");
    const header = await page.locator("header").evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(header).toBe("rgb(31, 58, 95)");
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "overview-desktop");
  });

  it("opens every section of the privacy navigation", async () => {
    await page.getByRole("navigation", { name: "Privacy" }).getByRole("link", { name: "Delete my account" }).click();
    await page.waitForURL(/\/privacy\/delete$/);
    expect(await page.textContent("main")).toMatch(/invoices/i);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "section-delete");
  });

  it("reads My data: every category, with sensitive values masked", async () => {
    await page.goto(`${baseUrl}/almaz/account/privacy/data`);
    await page.getByRole("heading", { level: 1, name: "My data" }).waitFor();
    const headings = await page.getByRole("heading", { level: 2 }).allTextContents();
    expect(headings).toEqual(expect.arrayContaining(["Identity", "Contact details", "Addresses", "Orders"]));
    // Each category's values load when it is opened.
    await page.locator("#contact summary", { hasText: "Show what is stored" }).click();
    await page.locator("#contact").getByText("demo@almaz.example").waitFor();
    await page.locator("#identity summary", { hasText: "Show what is stored" }).click();
    await page.locator("#identity").getByText("••••-••-••").waitFor();
    await page.getByText("Why we hold it, where it came from").first().click();
    expect(await page.locator("details[open]", { hasText: "Why we hold it" }).first().textContent()).toMatch(
      /on the basis of/,
    );
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "my-data-desktop");
  });

  it("reveals a masked value on request", async () => {
    await page.goto(`${baseUrl}/almaz/account/privacy/data`);
    const identity = page.locator("#identity");
    await identity.locator("summary", { hasText: "Show what is stored" }).click();
    await identity.getByRole("button", { name: "Reveal Date of birth" }).click();
    await identity.getByText(/^\d{4}-\d{2}-\d{2}$/).waitFor();
    expect(await identity.getByRole("button", { name: "Reveal Date of birth" }).count()).toBe(0);
  });

  it("pages through all orders", async () => {
    await page.goto(`${baseUrl}/almaz/account/privacy/data`);
    await page.locator("#orders summary", { hasText: "Show what is stored" }).click();
    await page.getByRole("link", { name: /^See all \d+ orders$/ }).click();
    await page.waitForURL(/\/data\/set\//);
    const rows = await page.locator("tbody tr").count();
    expect(rows).toBeGreaterThan(5);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("shows each order with its items, addresses and invoices", async () => {
    await page.goto(`${baseUrl}/almaz/account/privacy/data`);
    await page.getByRole("link", { name: "Orders in detail" }).click();
    await page.waitForURL(/\/data\/orders$/);
    const first = page.locator("main details").first();
    await first.locator("summary").click();
    expect(await first.textContent()).toMatch(/Delivered to.*Billed to/s);
    expect(await first.locator("tbody tr").count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "orders");
  });

  it("downloads an invoice as a PDF", async () => {
    await page.goto(`${baseUrl}/almaz/account/privacy/data/documents`);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "documents");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page
        .getByRole("link", { name: /^Download PDF of invoice/ })
        .first()
        .click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^invoice-[A-Za-z0-9._-]+\.pdf$/);
    const file = await download.path();
    const { readFileSync } = await import("node:fs");
    expect(readFileSync(file).subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("refuses a document to a signed-out browser", async () => {
    await page.goto(`${baseUrl}/almaz/account/privacy/data/documents`);
    const href = await page
      .getByRole("link", { name: /^Download PDF of invoice/ })
      .first()
      .getAttribute("href");
    const anonymous = await newContext(browser);
    const response = await anonymous.request.get(`${baseUrl}${href}`);
    expect(response.status()).toBe(401);
    await anonymous.close();
  });

  it("does not open another shop's account with this session", async () => {
    await page.goto(`${baseUrl}/allegra/account/privacy`);
    await page.waitForURL(/\/allegra\/sign-in/);
  });

  it("signs out, and the old session cookie no longer opens the account", async () => {
    await page.goto(`${baseUrl}/almaz/account/privacy`);
    const before = await context.cookies();
    expect(before.some((c) => c.name === "pc.session")).toBe(true);
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/almaz\/sign-in\?signedOut=1/);
    expect(await page.getByRole("status").first().textContent()).toContain("You are signed out.");
    // Replaying the cookie fails: the session row was revoked in the database.
    await context.addCookies(before);
    await page.goto(`${baseUrl}/almaz/account/privacy`);
    await page.waitForURL(/\/almaz\/sign-in/);
  });
});

describe("phone width", () => {
  it("shows the overview usable on a 390 px screen", async () => {
    const context = await newContext(browser, { width: 390, height: 844 });
    const page = await context.newPage();
    await signIn(page, "micro-image", "demo@micro-image.example", "privacy-demo");
    await page.waitForURL(`${baseUrl}/micro-image/account/privacy`);
    await page.getByRole("heading", { name: /^Hello, / }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "overview-phone");
    await page.goto(`${baseUrl}/micro-image/account/privacy/data`);
    await page.getByRole("heading", { level: 1, name: "My data" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "my-data-phone");
    await context.close();
  });
});

describe("a new shopper", () => {
  it("creates an account, is signed in, and cannot create the same one twice", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const email = `new-${Date.now()}@test.example`;
    await page.goto(`${baseUrl}/allegra/sign-up`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel("First name").fill("Eleni");
    await page.getByLabel("Last name").fill("Papadopoulou");
    await page.getByLabel("Email", { exact: true }).fill(email);
    await page.getByLabel("Password").fill("short");
    await page.getByRole("button", { name: "Create account" }).click();
    // The browser's own check stops a too-short password before it is sent.
    expect(await page.getByLabel("Password").evaluate((el) => (el as HTMLInputElement).validity.tooShort)).toBe(true);
    await page.getByLabel("Password").fill("a-long-enough-password");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL(`${baseUrl}/allegra/account/privacy`);
    expect(await page.getByRole("heading", { name: /^Hello, / }).textContent()).toBe("Hello, Eleni Papadopoulou");
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/signedOut=1/);
    await page.goto(`${baseUrl}/allegra/sign-up`);
    await page.getByLabel("First name").fill("Eleni");
    await page.getByLabel("Last name").fill("Papadopoulou");
    await page.getByLabel("Email", { exact: true }).fill(email);
    await page.getByLabel("Password").fill("a-long-enough-password");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByText("An account with this email already exists in this shop. Sign in instead.").waitFor();
    // Nothing typed is lost on a refusal (except the password).
    expect(await page.getByLabel("Email", { exact: true }).inputValue()).toBe(email);
    expect(await page.getByLabel("First name").inputValue()).toBe("Eleni");
    await screenshot(page, "sign-up-duplicate");
    await context.close();
  });
});

describe("the public privacy policy", () => {
  it("is readable without signing in", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/crystalline/privacy-policy`);
    const main = await page.textContent("main");
    expect(main).toContain("CRYSTALLINE TRADE LTD");
    expect(main).toContain("How long we keep it");
    expect(main).toContain("10 years");
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "privacy-policy");
    await context.close();
  });
});

describe("errors a person can understand", () => {
  it("shows a 404 page for an unknown shop", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const response = await page.goto(`${baseUrl}/no-such-shop/account/privacy`);
    expect(response?.status()).toBe(404);
    expect(await page.textContent("h1")).toBe("Page not found");
    await context.close();
  });
});
