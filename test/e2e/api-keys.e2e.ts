import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launch, newContext, screenshot, seriousViolations } from "./browser";

// Partner API keys in the support console: the privacy officer creates a key, copies its
// secret (shown once), the partner calls /api/graphql with it and changes a consent, the
// officer rotates the key (the new secret works) and revokes it after confirming (then
// every secret gets 401); the audit log words each step and names the key. A support
// agent is told the page is for privacy officers.
// The Ask First test shop: no other journey changes its demo customer's consents.
const baseUrl = inject("baseUrl");
const SHOP = "ask-first";
const PASSWORD = "privacy-demo";
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
// Long and unbroken in places, so it must wrap inside its boxes at 390 px.
const NAME = `Acme Marketing Automation GmbH — Newsletter-Synchronisation-Dienst ${Date.now().toString(36)}`;
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

async function signIn(page: Page, email: string) {
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
  await screenshot(page, `${name}-phone`);
  await page.setViewportSize(DESKTOP);
}

// The answers the journey reads, loosely: whatever is missing fails the expectation.
type Answer = {
  data?: {
    viewer?: { partner: { name: string; scopes?: string[] } | null };
    customerByEmail?: { id: string } | null;
    shop?: { policy: { consentPurposes: { key: string }[] } };
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

describe("partner API keys in the support console", () => {
  let context: BrowserContext;
  let page: Page;
  let secret: string;
  let rotatedSecret: string;
  const card = () => page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: NAME }) });

  beforeAll(async () => {
    context = await newContext(browser, DESKTOP);
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseUrl });
    page = await context.newPage();
  });

  afterAll(async () => {
    await context.close();
  });

  it("explains keys and refuses a key without scopes, next to the field", async () => {
    await signIn(page, `dpo@${SHOP}.example`);
    await page.getByRole("navigation", { name: "Support console" }).getByRole("link", { name: "API keys" }).click();
    await page.waitForURL(`${baseUrl}/${SHOP}/support/api-keys`);
    await arrived(page, "API keys");
    const main = (await page.locator("main").textContent()) ?? "";
    expect(main).toContain("/api/graphql");
    expect(main).toContain("Authorization: Bearer <secret>");
    expect(main).toContain("graphql/schema.graphql");
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel("Name", { exact: true }).fill(NAME);
    await page.getByRole("button", { name: "Create key" }).click();
    await page.getByRole("alert").filter({ hasText: "The key was not created" }).waitFor();
    expect(await page.locator("#scopes-error").textContent()).toBe("Choose at least one scope.");
    expect(await page.getByLabel("Name", { exact: true }).inputValue()).toBe(NAME);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("creates a key whose secret is shown once, copied, and works for the partner", async () => {
    for (const scope of ["customers:read", "consents:read", "consents:write", "policy:read"])
      await page.getByLabel(scope).check();
    await page.getByLabel("This partner is a recipient named in our policy").selectOption({ index: 1 });
    await page.getByRole("button", { name: "Create key" }).click();
    const box = page.getByRole("region", { name: /^New secret for/ });
    await box.waitFor();
    expect(await box.textContent()).toContain("it will not be shown again");
    await box.getByRole("button", { name: "Copy secret" }).click();
    await box.getByText("Copied to the clipboard.").waitFor();
    secret = await page.evaluate(() => navigator.clipboard.readText());
    expect(secret).toMatch(/^pc_test_[A-Za-z0-9]{30}_[A-Za-z0-9]{6}$/);
    expect(await box.locator("code[data-secret]").textContent()).toBe(secret);
    expect(page.url()).toBe(`${baseUrl}/${SHOP}/support/api-keys`);
    // The new key is listed with its visible prefix, scopes and status.
    const text = (await card().textContent()) ?? "";
    expect(text).toContain(`${secret.slice(0, 14)}…`);
    expect(text).toContain("consents:write");
    expect(text).toContain("Active");
    expect(await seriousViolations(page)).toEqual([]);
    await bothWidths(page, "api-keys-created");

    const viewer = await partner(secret, "{ viewer { partner { name scopes } } }");
    expect(viewer.status).toBe(200);
    expect(viewer.body.data?.viewer?.partner).toEqual({
      name: NAME,
      scopes: ["customers:read", "consents:read", "consents:write", "policy:read"],
    });

    // A partner change, for the audit log: withdraw the customer's first purpose.
    const found = await partner(
      secret,
      `query ($email: String!, $shop: String!) {
        customerByEmail(email: $email) { id }
        shop(handle: $shop) { policy { consentPurposes { key } } }
      }`,
      { email: `demo@${SHOP}.example`, shop: SHOP },
    );
    const customerId = found.body.data?.customerByEmail?.id;
    const purpose = found.body.data?.shop?.policy.consentPurposes[0]?.key;
    expect(customerId && purpose).toBeTruthy();
    const update = await partner(
      secret,
      `mutation ($input: ConsentUpdateInput!) { consentUpdate(input: $input) { userErrors { field message } } }`,
      { input: { customerId, changes: [{ key: purpose, state: "WITHDRAWN" }] } },
    );
    expect(update.body.data?.consentUpdate?.userErrors).toEqual([]);

    // Not drawn again on reload.
    await page.reload();
    await arrived(page, "API keys");
    expect(await page.content()).not.toContain(secret);
  });

  it("rotates the key: a new secret once, the old one kept for the chosen time", async () => {
    await card().getByLabel("1 hour").check();
    await card()
      .getByRole("button", { name: /^Rotate secret/ })
      .click();
    const box = card().getByRole("region", { name: /^New secret after rotating/ });
    await box.waitFor();
    rotatedSecret = ((await box.locator("code[data-secret]").textContent()) ?? "").trim();
    expect(rotatedSecret).not.toBe(secret);
    expect(await card().textContent()).toContain("Stops working");
    expect((await partner(rotatedSecret, "{ viewer { partner { name } } }")).body.data?.viewer?.partner?.name).toBe(
      NAME,
    );
    expect((await partner(secret, "{ viewer { partner { name } } }")).status).toBe(200);
    expect(await seriousViolations(page)).toEqual([]);
    await bothWidths(page, "api-keys-rotated");
  });

  it("revokes the key after a confirmation: every secret then gets 401", async () => {
    await card()
      .getByRole("button", { name: /^Revoke…/ })
      .click();
    const confirm = card().getByRole("region", { name: /^Revoke “/ });
    await confirm.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await confirm.getByRole("button", { name: "Cancel" }).click();
    expect(await confirm.count()).toBe(0);
    expect((await partner(rotatedSecret, "{ __typename }")).status).toBe(200);

    await card()
      .getByRole("button", { name: /^Revoke…/ })
      .click();
    await card().getByRole("button", { name: "Yes, revoke it now" }).click();
    await card().getByText("Revoked: every call with this key is now refused.").waitFor();
    expect(await card().textContent()).toContain("Revoked");
    for (const s of [secret, rotatedSecret]) expect((await partner(s, "{ __typename }")).status).toBe(401);
    expect(await seriousViolations(page)).toEqual([]);
    await bothWidths(page, "api-keys-revoked");
  });

  it("words each step in the audit log and names the key for the partner's change", async () => {
    await page.getByRole("navigation", { name: "Support console" }).getByRole("link", { name: "Audit log" }).click();
    await arrived(page, "Audit log");
    const rows = page.getByRole("row");
    for (const words of ["API key created", "API key secret rotated", "API key revoked"]) {
      expect(await rows.filter({ hasText: words }).filter({ hasText: NAME }).count()).toBeGreaterThan(0);
    }
    const partnerRow = rows.filter({ hasText: "partner API key" }).first();
    expect(await partnerRow.textContent()).toContain(NAME);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "api-keys-audit-log");
  });
});

describe("a support agent on the API keys page", () => {
  it("is told the page is for privacy officers and has no link to it", async () => {
    const context = await newContext(browser, DESKTOP);
    const page = await context.newPage();
    await signIn(page, `agent@${SHOP}.example`);
    expect(await page.getByRole("link", { name: "API keys" }).count()).toBe(0);
    await page.goto(`${baseUrl}/${SHOP}/support/api-keys`);
    await arrived(page, "API keys");
    expect(await page.locator("main").textContent()).toContain("for its privacy officers only");
    expect(await page.getByRole("button", { name: "Create key" }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
