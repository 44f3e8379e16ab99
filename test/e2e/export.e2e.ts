import { readFileSync } from "node:fs";
import path from "node:path";
import { unzipSync } from "fflate";
import type { Browser, BrowserContext, Download, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launch, newContext, SCREENSHOTS, screenshot, seriousViolations } from "./browser";

// GDPR Art. 20, "Download my data", as a shopper does it: ask for a copy, watch it being
// prepared, download it, open it; and enter the password again when the download asks.
const baseUrl = inject("baseUrl");
const SHOP = "micro-image";
const EXPORT_PAGE = `${baseUrl}/${SHOP}/account/privacy/export`;
const PREPARE_MS = 90_000;
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

async function signIn(page: Page) {
  await page.goto(`${baseUrl}/${SHOP}/sign-in`);
  await page.getByLabel("Email").fill(`demo@${SHOP}.example`);
  await page.getByLabel("Password", { exact: true }).fill("privacy-demo");
  await page.getByRole("button", { name: /^Sign in to/ }).click();
  await page.waitForURL(`${baseUrl}/${SHOP}/account/privacy`);
}

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
// The polite live region that reads out where the newest export stands.
const liveStatus = (page: Page) => page.locator("section[aria-labelledby='history'] [aria-live='polite']");
const newest = (page: Page) => page.getByRole("article").first();
const summary = (page: Page) => page.locator("form").getByRole("alert");

// Submits the export form and waits for the answer: the form is rebuilt after each one.
async function submit(page: Page) {
  const button = page.getByRole("button", { name: "Prepare my download" });
  const form = await button.locator("xpath=ancestor::form").elementHandle();
  await button.click();
  await page.waitForFunction((el) => !el?.isConnected, form);
}

// Waits, without reloading, until the newest export is ready, and notes what the live
// region said on the way.
async function waitUntilReady(page: Page, format: string): Promise<string[]> {
  const heard: string[] = [];
  const started = Date.now();
  for (;;) {
    const text = (await liveStatus(page).textContent())?.trim() ?? "";
    if (text && heard.at(-1) !== text) heard.push(text);
    if (text === `Your ${format} export is ready to download.`) return heard;
    if (/could not be prepared/.test(text)) throw new Error(`The export failed: ${text}`);
    if (Date.now() - started > PREPARE_MS) throw new Error(`Not ready in time; heard: ${heard.join(" | ")}`);
    await page.waitForTimeout(100);
  }
}

async function downloadNewest(page: Page): Promise<{ download: Download; bytes: Buffer }> {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    newest(page)
      .getByRole("link", { name: /^Download/ })
      .click(),
  ]);
  const file = await download.path();
  return { download, bytes: readFileSync(file) };
}

describe("downloading my data", () => {
  let context: BrowserContext;
  let page: Page;
  let jsonLink: string;

  beforeAll(async () => {
    context = await newContext(browser);
    page = await context.newPage();
    await signIn(page);
  });

  afterAll(async () => {
    await context.close();
  });

  it("opens from the privacy navigation and explains the formats", async () => {
    await page.getByRole("navigation", { name: "Privacy" }).getByRole("link", { name: "Download my data" }).click();
    await page.waitForURL(EXPORT_PAGE);
    await page.getByRole("heading", { level: 1, name: "Download my data" }).waitFor();
    const main = (await page.textContent("main")) ?? "";
    expect(main).toContain("README");
    expect(main).toContain("You have not asked for a download yet.");
    expect(await page.getByRole("link", { name: "JSON Schema" }).getAttribute("href")).toBe("/schemas/export-v1.json");
    // JSON is the default; every category is ticked, which means "everything".
    expect(await page.getByRole("radio", { name: /^JSON/ }).isChecked()).toBe(true);
    const boxes = page.getByRole("group", { name: "What to include" }).getByRole("checkbox");
    expect(await boxes.count()).toBeGreaterThan(3);
    for (const box of await boxes.all()) expect(await box.isChecked()).toBe(true);
    expect(await page.getByRole("group", { name: "Dates (optional)" }).textContent()).toContain(
      "account details (name, contact details, addresses) are always included",
    );
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "export-desktop");
  });

  it("refuses a date range that ends before it starts, next to the field", async () => {
    await page.getByLabel("From", { exact: true }).fill("2024-06-01");
    await page.getByLabel("To", { exact: true }).fill("2024-01-31");
    await submit(page);
    await summary(page).waitFor();
    expect(await summary(page).textContent()).toContain("No export was started");
    const to = page.getByLabel("To", { exact: true });
    expect(await to.getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("[id='to-error']").textContent()).toBe("The end date is before the start date.");
    // What was chosen is kept.
    expect(await page.getByLabel("From", { exact: true }).inputValue()).toBe("2024-06-01");
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "export-refused");
    // Nothing ticked is asked about rather than taken as "everything".
    await page.getByLabel("From", { exact: true }).fill("");
    await page.getByLabel("To", { exact: true }).fill("");
    for (const box of await page.getByRole("group", { name: "What to include" }).getByRole("checkbox").all()) {
      await box.uncheck();
    }
    await submit(page);
    await summary(page).getByText("Choose at least one kind of data.").waitFor();
    expect(await page.getByText("You have not asked for a download yet.").count()).toBe(1);
  });

  it("prepares a CSV export of everything, shown live, and downloads it as a ZIP", { timeout: 180_000 }, async () => {
    await page.reload();
    await page.getByRole("radio", { name: /^CSV/ }).check();
    await submit(page);
    await page.getByRole("status").filter({ hasText: "We are preparing your CSV (ZIP) download." }).waitFor();
    const item = newest(page);
    expect(await item.getByRole("heading").textContent()).toContain("CSV (ZIP)");
    expect(await item.textContent()).toContain("Everything; all dates");
    // Straight after the request it is queued (the worker looks for work every second),
    // with a progress bar labelled with its percentage.
    const bar = item.getByRole("progressbar", { name: /^(Waiting to start|Being prepared): \d+%/ });
    await bar.waitFor();
    expect(await bar.evaluate((el) => (el as HTMLProgressElement).max)).toBe(100);
    // Asking again meanwhile returns the export on its way rather than starting another.
    await submit(page);
    const existing = page.getByRole("status").filter({ hasText: "An export is already being prepared" });
    await existing.waitFor();
    expect(await existing.textContent()).toContain("CSV (ZIP)");
    expect(await page.getByRole("article").count()).toBe(1);
    await screenshot(page, "export-preparing");
    const heard = await waitUntilReady(page, "CSV (ZIP)");
    expect(heard.at(-1)).toBe("Your CSV (ZIP) export is ready to download.");
    expect(await item.textContent()).toMatch(/available until \d{1,2} \w{3} \d{4}/);
    expect(await item.getByRole("progressbar").count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "export-ready");

    // Signed in a moment ago: no password is asked, the file comes straight away.
    const { download, bytes } = await downloadNewest(page);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^${SHOP}-my-data-\\d{4}-\\d{2}-\\d{2}\\.zip$`));
    const files = unzipSync(new Uint8Array(bytes));
    const names = Object.keys(files);
    expect(names).toContain("README.txt");
    expect(names).toContain("orders/orders.csv");
    expect(names.filter((n) => /^documents\/invoices\/.+\.pdf$/.test(n)).length).toBeGreaterThan(0);
    const pdf = files[names.find((n) => n.endsWith(".pdf")) as string];
    expect(Buffer.from(pdf.slice(0, 5)).toString()).toBe("%PDF-");
    const orders = new TextDecoder().decode(files["orders/orders.csv"]);
    expect(orders.split("\r\n").length).toBeGreaterThan(2);
  });

  it("prepares a JSON export that follows its schema, and lists every download", { timeout: 180_000 }, async () => {
    expect(await page.getByRole("radio", { name: /^JSON/ }).isChecked()).toBe(true);
    await submit(page);
    await page.getByRole("status").filter({ hasText: "We are preparing your JSON download." }).waitFor();
    await waitUntilReady(page, "JSON");
    jsonLink = (await newest(page)
      .getByRole("link", { name: /^Download/ })
      .getAttribute("href")) as string;
    expect(jsonLink).toMatch(/^\/api\/exports\/[^/?]+\?token=/);
    const { download, bytes } = await downloadNewest(page);
    expect(download.suggestedFilename()).toMatch(/\.json$/);
    const document = JSON.parse(bytes.toString("utf8"));
    expect(document.$schema).toMatch(/\/schemas\/export-v1\.json$/);
    expect(document.formatVersion).toBe(1);

    // The history lists both exports, newest first, each with its download.
    await page.reload();
    const items = page.getByRole("article");
    expect(await items.count()).toBe(2);
    expect(await items.nth(0).getByRole("heading").textContent()).toContain("JSON");
    expect(await items.nth(1).getByRole("heading").textContent()).toContain("CSV (ZIP)");
    for (const i of [0, 1]) {
      const text = (await items.nth(i).textContent()) ?? "";
      expect(text).toContain("Downloaded once");
      expect(text).toMatch(/\d{1,2} \w{3} \d{4}, \d{2}:\d{2} UTC · Headless Chrome \d+ on Linux/);
    }
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "export-history");
  });

  it("tells the customer by email that the export is ready", async () => {
    await page.goto(`${baseUrl}/dev/mailbox`);
    const rows = page
      .getByRole("row")
      .filter({ hasText: `demo@${SHOP}.example` })
      .filter({ hasText: "ready to download" });
    expect(await rows.count()).toBe(2);
    await rows.first().getByRole("link").click();
    await page.waitForURL(/\/dev\/mailbox\/.+/);
    const body = (await page.textContent("main")) ?? "";
    expect(body).toContain("export-ready");
    expect(body).toContain(`/${SHOP}/account/privacy/export`);
    expect(body).toContain("JSON file");
  });

  it("asks for the password again: a wrong one is refused on the field, the right one downloads", async () => {
    // The download route sends here when the password is older than 10 minutes; the
    // session is new, so the page is opened the way that redirect opens it.
    await page.goto(`${baseUrl}/${SHOP}/account/reauthenticate?next=${encodeURIComponent(jsonLink)}`);
    await page.getByRole("heading", { level: 1, name: "Enter your password again" }).waitFor();
    expect(await page.locator("input[name='next']").inputValue()).toBe(jsonLink);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel("Password", { exact: true }).fill("not-my-password");
    await page.getByRole("button", { name: "Continue" }).click();
    await page.locator("[id='password-error']").waitFor();
    expect(await page.locator("[id='password-error']").textContent()).toBe("The password is not right.");
    expect(await page.getByLabel("Password", { exact: true }).getAttribute("aria-invalid")).toBe("true");
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "export-reauthenticate-refused");

    await page.getByLabel("Password", { exact: true }).fill("privacy-demo");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Continue" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.json$/);
    expect(JSON.parse(readFileSync(await download.path(), "utf8")).formatVersion).toBe(1);
    await page.getByRole("status").filter({ hasText: "Your download is starting." }).waitFor();
    await screenshot(page, "export-reauthenticate-done");

    // The second download of the JSON export is in its history.
    await page.goto(EXPORT_PAGE);
    expect(await newest(page).textContent()).toContain("Downloaded 2 times");
  });

  it("goes back into the shop after the password, and nowhere else", async () => {
    const open = async (next: string) => {
      await page.goto(`${baseUrl}/${SHOP}/account/reauthenticate?next=${encodeURIComponent(next)}`);
      return page.locator("input[name='next']").inputValue();
    };
    const fallback = `/${SHOP}/account/privacy/export`;
    for (const next of [
      "https://evil.example/",
      "//evil.example/x",
      `/${SHOP}//evil.example`,
      `/${SHOP}/\\evil.example`,
      "/almaz/account/privacy",
      "/api/graphql",
    ]) {
      expect(await open(next), next).toBe(fallback);
    }
    expect(await open(`/${SHOP}/account/privacy/data`)).toBe(`/${SHOP}/account/privacy/data`);
    await page.getByLabel("Password", { exact: true }).fill("privacy-demo");
    await page.getByRole("button", { name: "Continue" }).click();
    await page.waitForURL(`${baseUrl}/${SHOP}/account/privacy/data`);
  });
});

describe("download my data on a phone", () => {
  it("fits a 390 px screen", async () => {
    const context = await newContext(browser, { width: 390, height: 844 });
    const page = await context.newPage();
    await signIn(page);
    await page.goto(EXPORT_PAGE);
    await page.getByRole("heading", { level: 1, name: "Download my data" }).waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "export-phone");
    // The page is long on a phone: the history on its own, to look at closely.
    await page
      .locator("section[aria-labelledby='history']")
      .screenshot({ path: path.join(SCREENSHOTS, "export-phone-history.png") });
    await page.goto(`${baseUrl}/${SHOP}/account/reauthenticate?next=${encodeURIComponent(`/${SHOP}/account/privacy`)}`);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "reauthenticate-phone");
    await context.close();
  });

  it("sends a signed-out visitor to sign in first, and back afterwards", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const next = `/${SHOP}/account/privacy/data`;
    await page.goto(`${baseUrl}/${SHOP}/account/reauthenticate?next=${encodeURIComponent(next)}`);
    await page.waitForURL(/\/sign-in\?next=/);
    await page.getByLabel("Email").fill(`demo@${SHOP}.example`);
    await page.getByLabel("Password", { exact: true }).fill("privacy-demo");
    await page.getByRole("button", { name: /^Sign in to/ }).click();
    await page.waitForURL(`${baseUrl}/${SHOP}/account/reauthenticate?next=${encodeURIComponent(next)}`);
    await page.getByRole("heading", { level: 1, name: "Enter your password again" }).waitFor();
    await context.close();
  });
});
