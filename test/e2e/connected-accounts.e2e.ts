import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launch, newContext, screenshot, seriousViolations } from "./browser";

// Social sign-in in Chromium against the local identity provider (started by the e2e
// setup): sign up with Facebook, see what it gave, set a password, link Microsoft, unlink
// Facebook and erase what it gave, then sign in with Microsoft to the same account.

const baseUrl = inject("baseUrl");
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

// At the provider's page: choose who to be; the browser comes back to the app.
async function chooseAtProvider(page: Page, provider: string, person: string) {
  await page.waitForURL((url) => url.pathname.startsWith(`/${provider}/interaction/`));
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole("button", { name: new RegExp(`^Continue as ${person}`) }).click();
  await page.waitForURL((url) => url.href.startsWith(baseUrl));
}

const CONNECTED = `${baseUrl}/almaz/account/privacy/connected-accounts`;
const card = (page: Page, name: string) => page.getByRole("region", { name, exact: true });

describe("connected accounts", () => {
  it("signs up with Facebook, links Microsoft, unlinks Facebook with its data, and signs in with Microsoft", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();

    // Sign up with Facebook.
    await page.goto(`${baseUrl}/almaz/sign-up`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Sign up with Facebook" }).click();
    await chooseAtProvider(page, "facebook", "Ioana Marin");
    await page.waitForURL(/\/almaz\/account\/privacy/);

    // What Facebook gave us, with why and for how long.
    await page.goto(CONNECTED);
    const facebook = card(page, "Facebook");
    await facebook.getByText(/Linked since/).waitFor();
    await facebook.getByText("ioana.marin@example.net").first().waitFor();
    await facebook.getByText("10200000000000001", { exact: true }).waitFor();
    await page.getByRole("heading", { name: "Why we keep this, and for how long" }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "connected-accounts-signed-up-1280");
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, "connected-accounts-signed-up-390");
    await page.setViewportSize({ width: 1280, height: 900 });

    // Facebook is the only way in: unlinking it waits for a password.
    await facebook.getByText(/only way you can sign in/).waitFor();
    await page.getByLabel("New password").fill("ioana-password-1");
    await page.getByLabel("Type it again").fill("ioana-password-1");
    await page.getByRole("button", { name: "Set password" }).click();
    await page.getByText("Your password is set.").waitFor();

    // Link Microsoft: signed in a moment ago, so no password is asked first.
    await card(page, "Microsoft").getByRole("button", { name: "Link Microsoft" }).click();
    await chooseAtProvider(page, "microsoft", "Ioana Marin");
    await page.waitForURL(/connected-accounts\?linked=microsoft/);
    await page.getByText("Microsoft is linked. You can now sign in with it.").waitFor();
    await card(page, "Microsoft").getByText("ioana.marin@outlook.example").first().waitFor();

    // Unlink Facebook and erase what it gave us.
    await facebook.getByText("Unlink Facebook", { exact: true }).first().click();
    await facebook.getByLabel("Also erase what Facebook gave us").check();
    await facebook.getByRole("button", { name: "Unlink Facebook" }).click();
    await facebook.getByText("Not linked").waitFor();
    expect(await facebook.getByText("10200000000000001", { exact: true }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "connected-accounts-after-unlink-1280");

    // The access log tells the story.
    await page.goto(`${baseUrl}/almaz/account/privacy/access-log`);
    await page.getByText("You erased what Facebook gave us").waitFor();
    await page.getByText("You linked Microsoft to your account").waitFor();

    // Sign out, then in with Microsoft: the same account.
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/signedOut=1/);
    await page.getByRole("button", { name: "Continue with Microsoft" }).click();
    await chooseAtProvider(page, "microsoft", "Ioana Marin");
    await page.waitForURL(/\/almaz\/account\/privacy/);
    await page.goto(CONNECTED);
    await card(page, "Microsoft")
      .getByText(/Last used/)
      .waitFor();
    await page.goto(`${baseUrl}/almaz/account/email`);
    await page.getByText("ioana.marin@example.net").first().waitFor();
    await context.close();
  });

  it("refuses, in words, a provider whose email already has an account", async () => {
    const context = await newContext(browser, { width: 390, height: 844 });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/almaz/sign-in`);
    await page.getByRole("button", { name: "Continue with Microsoft" }).click();
    await chooseAtProvider(page, "microsoft", "Demo Customer");
    await page.waitForURL(/\/almaz\/sign-in\?error=EMAIL_IN_USE/);
    await page
      .getByRole("alert")
      .getByText(/already exists/)
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "connected-accounts-email-in-use-390");
    await context.close();
  });
});
