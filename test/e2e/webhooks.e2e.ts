import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launch, newContext, screenshot, seriousViolations } from "./browser";

// Webhooks, the whole loop: a privacy officer creates a partner key and a webhook
// endpoint for consent.updated pointing at the demo receiver (refused first without an
// event; the signing secret shown once); the partner changes a customer's consent through
// /api/graphql with the key; the delivery arrives verified at /dev/webhooks and shows as
// delivered (2xx) in the console's delivery log, where it is replayed; the secret is
// rotated; the customer sees the partner by name in their access log.
// The Ask First test shop, like test/e2e/api-keys.e2e.ts (files run one after another).
const baseUrl = inject("baseUrl");
const SHOP = "ask-first";
const PASSWORD = "privacy-demo";
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const RUN = Date.now().toString(36);
// Long in places, so it must wrap inside its boxes at 390 px.
const KEY_NAME = `Consent Sync Partner Aktiengesellschaft ${RUN}`;
const RECEIVER = `e2e-${RUN}`;
const DESCRIPTION = "Newsletter tool: keeps consents in step with the privacy centre (end-to-end test)";
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

async function signInAgent(page: Page, email: string) {
  await page.goto(`${baseUrl}/${SHOP}/support/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in to the support console" }).click();
  await page.waitForURL(`${baseUrl}/${SHOP}/support`);
}

async function arrived(page: Page, title: string) {
  await page.waitForFunction((start) => document.title.startsWith(start), title);
}

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

async function bothWidths(page: Page, name: string) {
  await screenshot(page, `${name}-desktop`);
  await page.setViewportSize(PHONE);
  expect(await overflow(page)).toBeLessThanOrEqual(0);
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, `${name}-phone`);
  await page.setViewportSize(DESKTOP);
}

type Answer = {
  data?: {
    customerByEmail?: {
      id: string;
      consents: { purpose: { key: string; isRequired: boolean }; recordedState: string }[];
    } | null;
    consentUpdate?: { userErrors: unknown[] };
  };
  errors?: unknown[];
};

// A partner's call: server to server, the secret as a Bearer token, no cookies.
async function partner(secret: string, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(`${baseUrl}/api/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${secret}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as Answer };
}

// Reloads until `check` passes (deliveries are sent by the app's job worker).
async function eventually(page: Page, check: () => Promise<boolean>, timeoutMs = 30_000) {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error("Timed out waiting for the delivery.");
    await new Promise((r) => setTimeout(r, 1_000));
    await page.reload();
  }
}

describe("webhooks: a partner's consent change reaches the demo receiver, signed", () => {
  let context: BrowserContext;
  let page: Page;
  let apiSecret: string;
  let signingSecret: string;
  let receiverUrl: string;
  const endpointCard = () =>
    page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: receiverUrl, exact: true }) });

  beforeAll(async () => {
    context = await newContext(browser, DESKTOP);
    page = await context.newPage();
  });

  afterAll(async () => {
    await context.close();
  });

  it("creates the partner's key", async () => {
    await signInAgent(page, `dpo@${SHOP}.example`);
    await page.getByRole("navigation", { name: "Support console" }).getByRole("link", { name: "API keys" }).click();
    await arrived(page, "API keys");
    await page.getByLabel("Name", { exact: true }).fill(KEY_NAME);
    for (const scope of ["customers:read", "consents:read", "consents:write"]) await page.getByLabel(scope).check();
    await page.getByRole("button", { name: "Create key" }).click();
    const box = page.getByRole("region", { name: /^New secret for/ });
    await box.waitFor();
    apiSecret = ((await box.locator("code[data-secret]").textContent()) ?? "").trim();
    expect(apiSecret).toMatch(/^pc_test_/);
  });

  it("explains webhooks and refuses an endpoint without events, next to the field", async () => {
    await page.getByRole("navigation", { name: "Support console" }).getByRole("link", { name: "Webhooks" }).click();
    await page.waitForURL(`${baseUrl}/${SHOP}/support/webhooks`);
    await arrived(page, "Webhooks");
    const main = (await page.locator("main").textContent()) ?? "";
    for (const words of ["webhook-id", "webhook-timestamp", "webhook-signature", "at least once", "410 Gone"]) {
      expect(main).toContain(words);
    }
    expect(await seriousViolations(page)).toEqual([]);
    await bothWidths(page, "webhooks-empty");

    const form = page.getByRole("region", { name: "Add an endpoint" });
    // Demo mode offers the demo receiver; a name of our own keeps this run's deliveries apart.
    expect(await form.textContent()).toContain("/api/dev/webhooks/demo");
    await form.getByRole("button", { name: "Use the demo receiver" }).click();
    const demoUrl = await form.getByLabel("URL", { exact: true }).inputValue();
    expect(demoUrl).toBe(`${baseUrl}/api/dev/webhooks/demo`);
    receiverUrl = demoUrl.replace(/\/demo$/, `/${RECEIVER}`);
    await form.getByLabel("URL", { exact: true }).fill(receiverUrl);
    await form.getByLabel("Description (optional)").fill(DESCRIPTION);
    await form.getByLabel("Belongs to").selectOption({ label: `API key “${KEY_NAME}”` });
    await form.getByRole("button", { name: "Add endpoint" }).click();
    await page.getByRole("alert").filter({ hasText: "The endpoint was not created" }).waitFor();
    expect(await page.locator("#events-error").textContent()).toBe("Choose at least one event.");
    expect(await form.getByLabel("URL", { exact: true }).inputValue()).toBe(receiverUrl);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("creates the endpoint: the signing secret is shown once", async () => {
    const form = page.getByRole("region", { name: "Add an endpoint" });
    await form.getByLabel("consent.updated", { exact: true }).check();
    await form.getByRole("button", { name: "Add endpoint" }).click();
    const box = page.getByRole("region", { name: /^New secret for/ });
    await box.waitFor();
    expect(await box.textContent()).toContain("it will not be shown again");
    signingSecret = ((await box.locator("code[data-secret]").textContent()) ?? "").trim();
    expect(signingSecret).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/);
    const card = (await endpointCard().textContent()) ?? "";
    expect(card).toContain("Enabled");
    expect(card).toContain("consent.updated");
    expect(card).toContain(`API key “${KEY_NAME}”`);
    expect(card).toContain(DESCRIPTION);
    expect(await seriousViolations(page)).toEqual([]);
    await bothWidths(page, "webhooks-created");
    await page.reload();
    await arrived(page, "Webhooks");
    expect(await page.content()).not.toContain(signingSecret);
  });

  it("delivers the partner's consent change to the demo receiver, verified", async () => {
    const found = await partner(
      apiSecret,
      `query ($email: String!) { customerByEmail(email: $email) { id consents { purpose { key isRequired } recordedState } } }`,
      { email: `demo@${SHOP}.example` },
    );
    const customer = found.body.data?.customerByEmail;
    // Not a strictly necessary cookie: those cannot be withdrawn.
    const consent = customer?.consents.find((c) => !c.purpose.isRequired);
    expect(customer && consent).toBeTruthy();
    if (!customer || !consent) return;
    // Flip it, so the change is a real one.
    const change =
      consent.recordedState === "GRANTED"
        ? { key: consent.purpose.key, state: "WITHDRAWN" }
        : { key: consent.purpose.key, state: "GRANTED", optInLevel: "CONFIRMED" };
    const update = await partner(
      apiSecret,
      `mutation ($input: ConsentUpdateInput!) { consentUpdate(input: $input) { userErrors { field message } } }`,
      { input: { customerId: customer.id, changes: [change] } },
    );
    expect(update.body.data?.consentUpdate?.userErrors).toEqual([]);

    await page.goto(`${baseUrl}/dev/webhooks`);
    await arrived(page, "Dev webhook receiver");
    const ours = page.getByRole("listitem").filter({ hasText: `/api/dev/webhooks/${RECEIVER}` });
    await eventually(page, async () => (await ours.count()) > 0);
    const text = (await ours.first().textContent()) ?? "";
    expect(text).toContain("consent.updated");
    expect(text).toContain("Signature verified");
    expect(text).toContain("Ask First (test shop)");
    expect(await seriousViolations(page)).toEqual([]);
    await ours.first().getByText("Body").click();
    expect(await ours.first().locator("pre").textContent()).toContain(`"purpose": "${change.key}"`);
    await bothWidths(page, "webhooks-dev-receiver");
  });

  it("shows the delivery as delivered in the console's log, and replays it", async () => {
    await page.goto(`${baseUrl}/${SHOP}/support/webhooks`);
    await arrived(page, "Webhooks");
    await endpointCard()
      .getByRole("link", { name: /^Delivery log/ })
      .click();
    await arrived(page, "Webhook delivery log");
    const deliveries = page.locator("section[aria-labelledby='deliveries-title'] > ol > li");
    await eventually(page, async () => ((await deliveries.first().textContent()) ?? "").includes("Delivered"));
    const first = (await deliveries.first().textContent()) ?? "";
    expect(first).toContain("consent.updated");
    expect(first).toContain("1 attempt");
    expect(first).toContain("200: delivered");
    expect(await deliveries.first().locator("pre").textContent()).toContain('"verified":true');
    expect(await seriousViolations(page)).toEqual([]);
    await bothWidths(page, "webhooks-delivery-log");

    await deliveries
      .first()
      .getByRole("button", { name: /^Replay/ })
      .click();
    await page.getByRole("status").filter({ hasText: "Queued again" }).waitFor();
    await eventually(page, async () => {
      if ((await deliveries.count()) < 2) return false;
      return ((await deliveries.first().textContent()) ?? "").includes("Delivered");
    });
    expect(await page.getByRole("heading", { name: "2 deliveries" }).count()).toBe(1);

    // Nothing failed, so nothing to replay since yesterday.
    await page.getByRole("button", { name: "Replay everything since then" }).click();
    await page.getByRole("status").filter({ hasText: "Nothing to replay" }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("rotates the signing secret (shown once) and asks before deleting", async () => {
    await page.goto(`${baseUrl}/${SHOP}/support/webhooks`);
    await arrived(page, "Webhooks");
    await endpointCard()
      .getByRole("button", { name: /^Rotate signing secret/ })
      .click();
    const box = endpointCard().getByRole("region", { name: /^New secret after rotating/ });
    await box.waitFor();
    const rotated = ((await box.locator("code[data-secret]").textContent()) ?? "").trim();
    expect(rotated).toMatch(/^whsec_/);
    expect(rotated).not.toBe(signingSecret);
    expect(await box.textContent()).toContain("keeps signing for 24 hours");
    expect(await seriousViolations(page)).toEqual([]);
    await bothWidths(page, "webhooks-rotated");

    await endpointCard()
      .getByRole("button", { name: /^Delete…/ })
      .click();
    const confirm = endpointCard().getByRole("region", { name: /^Delete the endpoint/ });
    await confirm.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await confirm.getByRole("button", { name: "Cancel" }).click();
    expect(await confirm.count()).toBe(0);
    expect(await endpointCard().count()).toBe(1);
  });

  it("shows the partner by name in the customer's access log", async () => {
    const customer = await newContext(browser, DESKTOP);
    const shopper = await customer.newPage();
    await shopper.goto(`${baseUrl}/${SHOP}/sign-in`);
    await shopper.getByLabel("Email").fill(`demo@${SHOP}.example`);
    await shopper.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await shopper.getByRole("button", { name: /^Sign in to/ }).click();
    await shopper.waitForURL(`${baseUrl}/${SHOP}/account/privacy`);
    await shopper.goto(`${baseUrl}/${SHOP}/account/privacy/access-log`);
    await shopper.waitForFunction(() => document.title !== "");
    const main = (await shopper.locator("main").textContent()) ?? "";
    expect(main).toContain(`${KEY_NAME}, a partner of the shop`);
    expect(await seriousViolations(shopper)).toEqual([]);
    await bothWidths(shopper, "webhooks-customer-access-log");
    await customer.close();
  });
});

describe("a support agent on the webhooks page", () => {
  it("is told the page is for privacy officers and has no link to it", async () => {
    const context = await newContext(browser, DESKTOP);
    const page = await context.newPage();
    await signInAgent(page, `agent@${SHOP}.example`);
    expect(await page.getByRole("link", { name: "Webhooks" }).count()).toBe(0);
    await page.goto(`${baseUrl}/${SHOP}/support/webhooks`);
    await arrived(page, "Webhooks");
    expect(await page.locator("main").textContent()).toContain("for its privacy officers only");
    expect(await page.getByRole("button", { name: "Add endpoint" }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
