import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launch, newContext, screenshot, seriousViolations } from "./browser";

// Support sessions, as an agent and as the customer see them: the agent finds a
// customer, opens their privacy centre for a stated reason and ticket, corrects an
// address, is refused what only the customer may do and ends the session; the customer
// reads all of it in their access log. Then, in a test shop that asks customers first
// (test/e2e/global-setup.ts), the agent waits for the customer's permission and is sent
// back to the console when it is withdrawn.
// Micro-Image is used for the first journeys: no other journey opens its address book or
// its access log.
const baseUrl = inject("baseUrl");
const SHOP = "micro-image";
const ASK_FIRST = "ask-first";
const PASSWORD = "privacy-demo";
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const REASON = "Customer asked on the phone to fix the floor in their delivery address";
// Unique per run, so the access log entry found is this run's.
const TICKET = `SUP-${Date.now().toString(36).toUpperCase()}`;
const FLOOR = `Floor 4, door ${TICKET.slice(-3)}`;
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

async function agentSignIn(page: Page, shop: string) {
  await page.goto(`${baseUrl}/${shop}/support/sign-in`);
  await page.getByLabel("Email").fill(`agent@${shop}.example`);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in to the support console" }).click();
  await page.waitForURL(`${baseUrl}/${shop}/support`);
  await page.getByRole("heading", { level: 1, name: "Find a customer" }).waitFor();
}

async function customerSignIn(page: Page, shop: string) {
  await page.goto(`${baseUrl}/${shop}/sign-in`);
  await page.getByLabel("Email").fill(`demo@${shop}.example`);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: /^Sign in to/ }).click();
  await page.waitForURL(`${baseUrl}/${shop}/account/privacy`);
}

// A navigation is complete (for axe too) once the new page's title is set.
async function arrived(page: Page, title: string) {
  await page.waitForFunction((start) => document.title.startsWith(start), title);
}

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
const banner = (page: Page) => page.getByRole("region", { name: /^Support session: you are acting in/ });

// Searches the console for the customer by email and opens them.
async function openCustomer(page: Page, shop: string) {
  await page.getByLabel("Email, name or order number").fill(`demo@${shop}.example`);
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByRole("heading", { name: "1 customer found" }).waitFor();
  const row = page.getByRole("row").filter({ hasText: `demo@${shop}.example` });
  const name = ((await row.getByRole("link").textContent()) ?? "").trim();
  expect(name).not.toBe("");
  await row.getByRole("link").click();
  await page.waitForURL(/\/support\/customers\/[^/]+$/);
  await page.getByRole("heading", { level: 1, name }).waitFor();
  await arrived(page, "Customer");
}

async function fillStartForm(page: Page) {
  await page.getByLabel("Reason").fill(REASON);
  await page.getByLabel("Ticket reference").fill(TICKET);
  await page.getByRole("button", { name: "Start support session" }).click();
}

// Screenshots at 1280 px and at 390 px of the same page (same context, same session).
async function bothWidths(page: Page, name: string) {
  await screenshot(page, `${name}-desktop`);
  await page.setViewportSize(PHONE);
  expect(await overflow(page)).toBeLessThanOrEqual(0);
  await screenshot(page, `${name}-phone`);
  await page.setViewportSize(DESKTOP);
}

describe("an agent acting in a customer's account", () => {
  let context: BrowserContext;
  let page: Page;
  let customerName: string;

  beforeAll(async () => {
    context = await newContext(browser, DESKTOP);
    page = await context.newPage();
  });

  afterAll(async () => {
    await context.close();
  });

  it("finds the customer in the console and starts a session with a reason and a ticket", async () => {
    await agentSignIn(page, SHOP);
    await arrived(page, "Support console");
    expect(await seriousViolations(page)).toEqual([]);
    await bothWidths(page, "support-console");

    await openCustomer(page, SHOP);
    customerName = ((await page.getByRole("heading", { level: 1 }).textContent()) ?? "").trim();
    expect(await page.locator("main").textContent()).toContain("this shop does not ask customers for permission");
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "support-start-form");

    await fillStartForm(page);
    await page.waitForURL(`${baseUrl}/${SHOP}/account/privacy`);
    await banner(page).waitFor();
    const text = (await banner(page).textContent()) ?? "";
    expect(text).toContain(`acting in ${customerName}'s account (demo@${SHOP}.example)`);
    expect(text).toContain(`Reason: ${REASON}`);
    expect(text).toContain(TICKET);
    expect(text).toMatch(/\b(30|29) minutes left\b/);
    await arrived(page, "Privacy");
    expect(await seriousViolations(page)).toEqual([]);
    await bothWidths(page, "support-banner");
  });

  it("corrects an address, under the banner", async () => {
    await page.goto(`${baseUrl}/${SHOP}/account/privacy/data/addresses`);
    await page.getByRole("heading", { level: 1, name: "Addresses" }).waitFor();
    await banner(page).waitFor();
    const card = page.getByRole("article").first();
    const name = ((await card.getByRole("heading").textContent()) ?? "").trim();
    await card.getByRole("link", { name: /^Edit/ }).click();
    await page.waitForURL(/\/addresses\/[^/]+\/edit$/);
    await arrived(page, "Correct an address");
    await banner(page).waitFor();
    await page.getByLabel("Apartment, floor, entrance").fill(FLOOR);
    await page.getByRole("button", { name: "Save address" }).click();
    await page.waitForURL(`${baseUrl}/${SHOP}/account/privacy/data/addresses?saved=1`);
    await arrived(page, "Addresses");
    expect(await page.locator("main").getByRole("status").textContent()).toContain("The address was corrected.");
    expect(await page.getByRole("article", { name, exact: true }).textContent()).toContain(FLOOR);
  });

  it("is refused an email change and a data export", async () => {
    await page.goto(`${baseUrl}/${SHOP}/account/email`);
    await page.getByRole("heading", { level: 1, name: "Change your email address" }).waitFor();
    await banner(page).waitFor();
    await page.getByLabel("New email address").fill(`taken-over@${SHOP}.example`);
    await page.getByLabel("Current password").fill(PASSWORD);
    await page.getByRole("button", { name: "Send confirmation link" }).click();
    const refusal = page.getByRole("alert").filter({ hasText: "Support staff cannot do this" });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain("Ask the customer to do it themselves.");
    expect(await page.getByText("Waiting for confirmation").count()).toBe(0);

    await page.goto(`${baseUrl}/${SHOP}/account/privacy/export`);
    await page.getByRole("heading", { level: 1, name: "Download my data" }).waitFor();
    await banner(page).waitFor();
    await page.getByRole("button", { name: "Prepare my download" }).click();
    const summary = page.locator("form").getByRole("alert").filter({ hasText: "No export was started" });
    await summary.waitFor();
    expect(await summary.textContent()).toContain("Support staff cannot do this");
  });

  it("ends the session and is back in the console", async () => {
    await banner(page).getByRole("button", { name: "End session" }).click();
    await page.waitForURL(`${baseUrl}/${SHOP}/support`);
    await page.getByRole("heading", { level: 1, name: "Find a customer" }).waitFor();
    await arrived(page, "Support console");
    expect(await page.getByRole("region", { name: /session/i }).count()).toBe(0);
    // The customer's pages no longer open: back to the console.
    await page.goto(`${baseUrl}/${SHOP}/account/privacy`);
    await page.waitForURL(`${baseUrl}/${SHOP}/support`);
  });
});

describe("the customer reading their access log", () => {
  it("shows the session: agent, reason, ticket, the corrected address and the refusals", async () => {
    const context = await newContext(browser, DESKTOP);
    const page = await context.newPage();
    await customerSignIn(page, SHOP);
    await page.goto(`${baseUrl}/${SHOP}/account/privacy/access-log`);
    await page.getByRole("heading", { level: 1, name: "Access log" }).waitFor();
    await arrived(page, "Access log");
    const entry = page.getByRole("listitem").filter({ hasText: TICKET });
    await entry.first().waitFor();
    const text = (await entry.first().textContent()) ?? "";
    expect(text).toContain("Sam from support opened your account");
    expect(text).toContain(REASON);
    expect(text).toContain("changed an address");
    expect(text).toContain("was refused: change your email");
    expect(text).toContain("was refused: download a copy of your data");
    expect(text).toContain("ended by the agent");
    // Each kind of data viewed is listed once per session, however many pages showed it.
    expect(await entry.first().getByText("viewed your account details", { exact: true }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await bothWidths(page, "support-access-log");
    await context.close();
  });
});

describe("a shop that asks the customer first", () => {
  let agentContext: BrowserContext;
  let customerContext: BrowserContext;
  let agent: Page;
  let customer: Page;

  beforeAll(async () => {
    agentContext = await newContext(browser, DESKTOP);
    customerContext = await newContext(browser, DESKTOP);
    agent = await agentContext.newPage();
    customer = await customerContext.newPage();
  });

  afterAll(async () => {
    await agentContext.close();
    await customerContext.close();
  });

  it("refuses the agent until the customer allows it", async () => {
    await agentSignIn(agent, ASK_FIRST);
    await openCustomer(agent, ASK_FIRST);
    expect(await agent.locator("main").textContent()).toContain("Not allowed: the customer has not given permission");
    await fillStartForm(agent);
    const summary = agent.getByRole("alert").filter({ hasText: "has not allowed support staff into their account" });
    await summary.waitFor();
    expect(await summary.textContent()).toContain("The session was not started");
    expect(await summary.textContent()).toContain("on their access log page");
    // What was typed stays.
    expect(await agent.getByLabel("Reason").inputValue()).toBe(REASON);
    expect(agent.url()).toMatch(/\/support\/customers\/[^/]+$/);
    expect(await seriousViolations(agent)).toEqual([]);
    await screenshot(agent, "support-start-refused");

    await customerSignIn(customer, ASK_FIRST);
    await customer.goto(`${baseUrl}/${ASK_FIRST}/account/privacy/access-log`);
    await arrived(customer, "Access log");
    const access = customer.getByRole("region", { name: "Support access" });
    expect(await access.textContent()).toContain("Support staff may not open your account now.");
    await access.getByLabel("For 24 hours").check();
    await access.getByRole("button", { name: "Allow" }).click();
    await access.getByRole("status").filter({ hasText: "Support staff may now open your account." }).waitFor();
    await access.getByText(/^Support staff may open your account until /).waitFor();
    expect(await seriousViolations(customer)).toEqual([]);
    await screenshot(customer, "support-permission-allowed");
  });

  it("lets the agent in once allowed, and sends them back to the console when withdrawn", async () => {
    await agent.reload();
    await arrived(agent, "Customer");
    expect(await agent.locator("main").textContent()).toContain("Allowed by the customer");
    await fillStartForm(agent);
    await agent.waitForURL(`${baseUrl}/${ASK_FIRST}/account/privacy`);
    await banner(agent).waitFor();

    await customer.reload();
    await arrived(customer, "Access log");
    const access = customer.getByRole("region", { name: "Support access" });
    await access.getByRole("button", { name: "Withdraw now" }).click();
    await access.getByRole("status").filter({ hasText: "Permission withdrawn" }).waitFor();
    await customer.reload();
    await arrived(customer, "Access log");
    expect(await access.textContent()).toContain("Support staff may not open your account now.");
    const entry = customer.getByRole("listitem").filter({ hasText: TICKET });
    expect(await entry.first().textContent()).toContain("access withdrawn by you");

    await agent.goto(`${baseUrl}/${ASK_FIRST}/account/privacy/data`);
    await agent.waitForURL(`${baseUrl}/${ASK_FIRST}/support`);
    await agent.getByRole("heading", { level: 1, name: "Find a customer" }).waitFor();
    expect(await banner(agent).count()).toBe(0);
  });
});
