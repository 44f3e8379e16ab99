import type { Browser } from "playwright-core";
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

describe("changing the email address", () => {
  it("sends a link to the new address, and following it changes the address", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const newEmail = `allegra-new-${Date.now()}@test.example`;
    await page.goto(`${baseUrl}/allegra/sign-in`);
    await page.getByLabel("Email").fill("demo@allegra.example");
    await page.getByLabel("Password").fill("privacy-demo");
    await page.getByRole("button", { name: /^Sign in to/ }).click();
    await page.waitForURL(`${baseUrl}/allegra/account/privacy`);

    await page.goto(`${baseUrl}/allegra/account/email`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel(/new email/i).fill(newEmail);
    await page.getByLabel(/password/i).fill("privacy-demo");
    await page
      .getByRole("button", { name: /send|change|confirm/i })
      .first()
      .click();
    await page.getByText(newEmail).first().waitFor();
    await screenshot(page, "email-change-requested");

    // The demo mailbox holds the real message; follow its link as the customer would.
    await page.goto(`${baseUrl}/dev/mailbox`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("row").filter({ hasText: newEmail }).first().getByRole("link").click();
    const link = await page.locator("a[href*='/account/email/confirm?token=']").first().getAttribute("href");
    expect(link).toBeTruthy();
    await page.goto(link as string);
    await page.getByRole("button", { name: "Confirm my new email address" }).click();
    await page.getByText(`Your email address is now ${newEmail}`).waitFor();
    await screenshot(page, "email-change-confirmed");

    // The old address no longer signs in; the new one does.
    await page.goto(`${baseUrl}/allegra/account/privacy`);
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/signedOut=1/);
    await page.getByLabel("Email").fill("demo@allegra.example");
    await page.getByLabel("Password").fill("privacy-demo");
    await page.getByRole("button", { name: /^Sign in to/ }).click();
    await page.locator("form").getByRole("alert").waitFor();
    await page.getByLabel("Email").fill(newEmail);
    await page.getByLabel("Password").fill("privacy-demo");
    await page.getByRole("button", { name: /^Sign in to/ }).click();
    await page.waitForURL(`${baseUrl}/allegra/account/privacy`);
    await context.close();
  });
});
