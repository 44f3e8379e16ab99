import { readFileSync } from "node:fs";
import path from "node:path";
import { unzipSync } from "fflate";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launch, newContext, SCREENSHOTS, screenshot, seriousViolations } from "./browser";

// GDPR Art. 17, "Delete my account", as a shopper does it: read what is deleted and what
// is kept, save the documents, ask with the password and the typed word, confirm with
// the mailed link, see the scheduled deletion on every page, cancel it. Then, in a test
// shop without a grace period (test/e2e/global-setup.ts), an account deleted at once:
// signed out, the password no longer works, and the receipt is in the mailbox.
const baseUrl = inject("baseUrl");
const PHONE = { width: 390, height: 844 };
const PASSWORD = "privacy-demo";
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

async function signIn(page: Page, shop: string, email: string, password = PASSWORD) {
  await page.goto(`${baseUrl}/${shop}/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: /^Sign in to/ }).click();
}

async function signUp(page: Page, shop: string, email: string) {
  await page.goto(`${baseUrl}/${shop}/sign-up`);
  await page.getByLabel("First name").fill("Irini");
  await page.getByLabel("Last name").fill("Vlachou");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(`${baseUrl}/${shop}/account/privacy`);
}

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
const banner = (page: Page) => page.getByRole("region", { name: "Scheduled account deletion" });
const deletionStatus = (page: Page) => page.locator("#deletion-status");

// Accessibility checks after a server action wait until the page has been drawn anew.
async function axe(page: Page) {
  await page.waitForLoadState("networkidle");
  return seriousViolations(page);
}

// Submits the deletion form and waits for the answer: the form is rebuilt after each.
async function submitDeletion(page: Page, password: string, word: string) {
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByLabel(/^Type DELETE to confirm/).fill(word);
  const button = page
    .locator("form")
    .getByRole("button", { name: /^(Delete my account|Send a new confirmation link)$/ });
  const form = await button.locator("xpath=ancestor::form").elementHandle();
  await button.click();
  await page.waitForFunction((el) => !el?.isConnected, form);
}

// The newest message to `to` whose subject contains `subject`, opened in the dev
// mailbox; returns its text.
async function openMail(page: Page, to: string, subject: string): Promise<string> {
  await page.goto(`${baseUrl}/dev/mailbox`);
  await page.getByRole("row").filter({ hasText: to }).filter({ hasText: subject }).first().getByRole("link").click();
  await page.waitForURL(/\/dev\/mailbox\/.+/);
  return (await page.textContent("main")) ?? "";
}

async function confirmationLink(page: Page, to: string, shopName: string): Promise<string> {
  const text = await openMail(page, to, `Confirm that you want to delete your ${shopName} account`);
  expect(text).toContain("The link works once, for 24 hours.");
  return (await page
    .locator("a[href*='/account/privacy/delete/confirm?token=']")
    .first()
    .getAttribute("href")) as string;
}

// File names as the single downloads name them.
const safe = (number: string) => number.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^[.-]+|[.-]+$/g, "");

describe("deleting an account with a grace period, then cancelling", () => {
  const SHOP = "almaz";
  const EMAIL = `demo@${SHOP}.example`;
  const PAGE = `${baseUrl}/${SHOP}/account/privacy/delete`;
  let context: BrowserContext;
  let page: Page;
  let link: string;

  beforeAll(async () => {
    context = await newContext(browser);
    page = await context.newPage();
    await signIn(page, SHOP, EMAIL);
    await page.waitForURL(`${baseUrl}/${SHOP}/account/privacy`);
  });

  afterAll(async () => {
    await context.close();
  });

  it("opens from the privacy navigation: the shop's warning, the table, the alternatives, the grace period", async () => {
    await page.getByRole("navigation", { name: "Privacy" }).getByRole("link", { name: "Delete my account" }).click();
    await page.waitForURL(PAGE);
    await page.getByRole("heading", { level: 1, name: "Delete my account" }).waitFor();
    const warning = page.locator("section[aria-labelledby='warning']");
    expect(await warning.textContent()).toContain("save all documents related to orders made from ALMAZ");
    // One row per data set that holds records, each saying what happens in words.
    const table = page.getByRole("table", { name: "What deleting your account does to each kind of data" });
    expect(await table.getByRole("columnheader").allTextContents()).toEqual(["Data", "Records", "What happens"]);
    const rows = table.locator("tbody tr");
    expect(await rows.count()).toBeGreaterThan(3);
    const text = (await table.textContent()) ?? "";
    expect(text).toContain("Deleted");
    expect(text).toMatch(/Kept until \d{1,2} \w{3} \d{4}/);
    expect(text).toContain("Why: ");
    const alternatives = page.locator("section[aria-labelledby='alternatives']");
    expect(
      await alternatives.getByRole("link", { name: "Unsubscribe from everything instead" }).getAttribute("href"),
    ).toBe(`/${SHOP}/account/privacy/subscriptions`);
    expect(await alternatives.getByRole("link", { name: "Download your data first" }).getAttribute("href")).toBe(
      `/${SHOP}/account/privacy/export`,
    );
    const form = (await page.locator("section[aria-labelledby='delete']").textContent()) ?? "";
    expect(form).toContain("Your account is deleted 14 days after you confirm; you can cancel until then.");
    expect(form).toMatch(/same email address/);
    expect(await page.getByRole("button", { name: "Delete my account" }).count()).toBe(1);
    expect(await axe(page)).toEqual([]);
    await screenshot(page, "delete-desktop");
    await page
      .locator("section[aria-labelledby='what-happens']")
      .screenshot({ path: path.join(SCREENSHOTS, "delete-table-desktop.png") });
  });

  it("lists every document with its download, and downloads them all as one ZIP of PDFs", async () => {
    const documents = page.locator("section[aria-labelledby='documents']");
    // Each list is folded; unfolded, every document has its own download.
    for (const summary of await documents.locator("summary").all()) await summary.click();
    const links = documents.getByRole("link", { name: /^Download PDF of (invoice|certificate) / });
    const names = (await links.allTextContents()).map((t) => t.replace(/^Download PDF of /, ""));
    expect(names.length).toBeGreaterThan(0);
    await documents.screenshot({ path: path.join(SCREENSHOTS, "delete-documents.png") });
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      documents.getByRole("link", { name: "Download all documents (ZIP)" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^${SHOP}-documents-\\d{4}-\\d{2}-\\d{2}\\.zip$`));
    const files = unzipSync(new Uint8Array(readFileSync(await download.path())));
    const inZip = Object.keys(files);
    // Every listed document is in the ZIP under the name of its single download.
    for (const name of names) {
      const [kind, number] = name.split(" ");
      expect(inZip).toContain(`${kind === "invoice" ? "invoice" : "warranty"}-${safe(number)}.pdf`);
    }
    for (const bytes of Object.values(files)) expect(Buffer.from(bytes.slice(0, 5)).toString()).toBe("%PDF-");
    // One document on its own, too.
    const [single] = await Promise.all([page.waitForEvent("download"), links.first().click()]);
    expect(single.suggestedFilename()).toMatch(/^(invoice|warranty)-[A-Za-z0-9._-]+\.pdf$/);
    expect(inZip).toContain(single.suggestedFilename());
  });

  it("refuses a wrong word and a wrong password next to their fields, and deletes nothing", async () => {
    await submitDeletion(page, PASSWORD, "delete it");
    await page.locator("[id='confirmation-error']").waitFor();
    expect(await page.locator("[id='confirmation-error']").textContent()).toBe("Type DELETE to confirm.");
    expect(await page.getByLabel(/^Type DELETE to confirm/).getAttribute("aria-invalid")).toBe("true");
    // What was typed is kept, so it can be corrected.
    expect(await page.getByLabel(/^Type DELETE to confirm/).inputValue()).toBe("delete it");

    await submitDeletion(page, "not-my-password", "DELETE");
    await page.locator("[id='password-error']").waitFor();
    expect(await page.locator("[id='password-error']").textContent()).toBe("The password is not right.");
    expect(await page.getByLabel("Password", { exact: true }).getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("[id='confirmation-error']").count()).toBe(0);
    const summary = page.locator("form").getByRole("alert");
    expect(await summary.textContent()).toContain("Nothing was deleted");
    expect(await deletionStatus(page).count()).toBe(0);
    expect(await axe(page)).toEqual([]);
    await screenshot(page, "delete-refused");
    await page
      .locator("section[aria-labelledby='delete']")
      .screenshot({ path: path.join(SCREENSHOTS, "delete-form-refused.png") });
  });

  it("asks: a link is emailed, valid for 24 hours, and the request can be cancelled", async () => {
    await submitDeletion(page, PASSWORD, "DELETE");
    const status = deletionStatus(page);
    await status.waitFor();
    expect(await status.textContent()).toMatch(
      /We emailed you a link to confirm; it works until \d{1,2} \w+ \d{4} at \d{2}:\d{2} UTC\./,
    );
    await status.getByRole("button", { name: "Cancel the request" }).waitFor();
    // The form stays, to send a new link.
    await page.getByRole("button", { name: "Send a new confirmation link" }).waitFor();
    expect(await axe(page)).toEqual([]);
    await screenshot(page, "delete-requested");
    await status.screenshot({ path: path.join(SCREENSHOTS, "delete-requested-status.png") });
    link = await confirmationLink(page, EMAIL, "ALMAZ");
    expect(link).toMatch(new RegExp(`^${baseUrl}/${SHOP}/account/privacy/delete/confirm\\?token=[A-Za-z0-9_-]{43}$`));
  });

  it("refuses the link to another account of the shop", async () => {
    const other = await newContext(browser);
    const stranger = await other.newPage();
    await signUp(stranger, SHOP, `stranger-${Date.now()}@test.example`);
    await stranger.goto(link);
    await stranger.getByRole("button", { name: "Delete my account" }).click();
    const alert = stranger.getByRole("alert").filter({ hasText: "Your account was not deleted." });
    await alert.waitFor();
    expect(await alert.textContent()).toContain("This link is not valid for your account.");
    await screenshot(stranger, "delete-confirm-wrong-account");
    await other.close();
  });

  it("opening the link changes nothing; the button confirms and schedules the deletion", async () => {
    await page.goto(link);
    await page.getByRole("heading", { level: 1, name: "Confirm deleting your account" }).waitFor();
    const main = (await page.textContent("main")) ?? "";
    expect(main).toContain(EMAIL);
    expect(main).toContain("Your account is deleted 14 days after you confirm; you can cancel until then.");
    expect(await axe(page)).toEqual([]);
    await screenshot(page, "delete-confirm");
    // The GET (as a mail scanner's) left the request waiting.
    const other = await context.newPage();
    await other.goto(PAGE);
    await deletionStatus(other).getByText("We emailed you a link to confirm").waitFor();
    await other.close();

    await page.getByRole("button", { name: "Delete my account" }).click();
    const status = page.getByRole("status").filter({ hasText: "Confirmed." });
    await status.waitFor();
    expect(await status.textContent()).toMatch(
      /Your account is scheduled for deletion on \d{1,2} \w+ \d{4} at \d{2}:\d{2} UTC\./,
    );
    await status.getByRole("button", { name: "Cancel deletion" }).waitFor();
    expect(await axe(page)).toEqual([]);
    await screenshot(page, "delete-confirmed");
    expect(await openMail(page, EMAIL, "Your ALMAZ account will be deleted on")).toContain("Until then you can cancel");
  });

  it("shows the scheduled deletion on every account page, also after signing in again", async () => {
    await page.goto(`${baseUrl}/${SHOP}/account/privacy`);
    await banner(page).waitFor();
    expect(await banner(page).textContent()).toMatch(
      /Your account is scheduled for deletion on \d{1,2} \w+ \d{4} at \d{2}:\d{2} UTC\./,
    );
    expect(await axe(page)).toEqual([]);
    await screenshot(page, "delete-banner");
    await page.goto(`${baseUrl}/${SHOP}/account/privacy/data`);
    await banner(page).waitFor();
    // Also outside the privacy pages, where the email address is changed.
    await page.goto(`${baseUrl}/${SHOP}/account/email`);
    await page.getByRole("heading", { level: 1, name: "Change your email address" }).waitFor();
    await banner(page).getByRole("button", { name: "Cancel deletion" }).waitFor();
    expect(await axe(page)).toEqual([]);
    // The delete page says it in its own words; the form is gone.
    await page.goto(PAGE);
    await deletionStatus(page).getByText("Your account is scheduled for deletion on").waitFor();
    expect(await banner(page).count()).toBe(0);
    expect(await page.locator("section[aria-labelledby='delete']").count()).toBe(0);
    // The link works once.
    await page.goto(link);
    await page.getByText("This link was already used.").waitFor();

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/signedOut=1/);
    await signIn(page, SHOP, EMAIL);
    await page.waitForURL(`${baseUrl}/${SHOP}/account/privacy`);
    await banner(page).waitFor();
  });

  it("cancels from the banner: the deletion page confirms it and the banner is gone", async () => {
    await banner(page).getByRole("button", { name: "Cancel deletion" }).click();
    await page.waitForURL(`${PAGE}?cancelled=1`);
    await deletionStatus(page).getByText("Deletion cancelled. Your account will not be deleted").waitFor();
    await page.getByRole("button", { name: "Delete my account" }).waitFor();
    expect(await axe(page)).toEqual([]);
    await screenshot(page, "delete-cancelled");
    await page.goto(`${baseUrl}/${SHOP}/account/privacy`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    expect(await banner(page).count()).toBe(0);
    expect(await openMail(page, EMAIL, "Your ALMAZ account will not be deleted")).toContain("nothing was deleted");
  });

  it("refuses the old link once the request is cancelled", async () => {
    await page.goto(link);
    await page.getByRole("button", { name: "Delete my account" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "Your account was not deleted." });
    await alert.waitFor();
    expect(await alert.textContent()).toContain("This deletion request was cancelled");
    expect(await axe(page)).toEqual([]);
    await screenshot(page, "delete-confirm-cancelled-link");
  });
});

describe("the delete page on a phone", () => {
  it("fits a 390 px screen, the table stacked", async () => {
    const context = await newContext(browser, PHONE);
    const page = await context.newPage();
    await signIn(page, "micro-image", "demo@micro-image.example");
    await page.waitForURL(`${baseUrl}/micro-image/account/privacy`);
    await page.goto(`${baseUrl}/micro-image/account/privacy/delete`);
    await page.getByRole("heading", { level: 1, name: "Delete my account" }).waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    // Each row's cells stack: the data set above what happens to it.
    const row = page.locator("section[aria-labelledby='what-happens'] tbody tr").first();
    const [name, outcome] = [await row.locator("th").boundingBox(), await row.locator("td").last().boundingBox()];
    expect(outcome?.y).toBeGreaterThan((name?.y ?? 0) + (name?.height ?? 0) - 1);
    expect(await axe(page)).toEqual([]);
    await screenshot(page, "delete-phone");
    await page
      .locator("section[aria-labelledby='what-happens']")
      .screenshot({ path: path.join(SCREENSHOTS, "delete-phone-table.png") });
    await context.close();
  });
});

describe("deleting an account at once (a shop without a grace period)", () => {
  const SHOP = "instant-delete";
  const SHOP_NAME = "Instant Delete (test shop)";
  const email = `gone-${Date.now()}@test.example`;

  it("confirms after signing in from the link, erases, signs out, and mails a receipt", {
    timeout: 120_000,
  }, async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signUp(page, SHOP, email);
    await page.goto(`${baseUrl}/${SHOP}/account/privacy/delete`);
    const form = (await page.locator("section[aria-labelledby='delete']").textContent()) ?? "";
    expect(form).toContain("Your account is deleted at once when you confirm. This cannot be undone.");
    expect(await page.locator("section[aria-labelledby='documents']").textContent()).toContain(
      "You have no invoices or warranty certificates",
    );
    await submitDeletion(page, PASSWORD, "DELETE");
    await deletionStatus(page).getByText("We emailed you a link to confirm").waitFor();
    const link = await confirmationLink(page, email, SHOP_NAME);

    // The mail is read in a browser that is not signed in: sign in first, then back.
    const outside = await newContext(browser);
    const mail = await outside.newPage();
    await mail.goto(link);
    await mail.waitForURL(/\/sign-in\?next=/);
    await mail.getByLabel("Email").fill(email);
    await mail.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await mail.getByRole("button", { name: /^Sign in to/ }).click();
    await mail.waitForURL(link);
    await mail.getByRole("heading", { level: 1, name: "Confirm deleting your account" }).waitFor();
    expect(await mail.textContent("main")).toContain("Your account is deleted at once when you confirm.");
    await mail.getByRole("button", { name: "Delete my account" }).click();
    const status = mail.getByRole("status").filter({ hasText: "Your account is being deleted now" });
    await status.waitFor();
    expect(await status.textContent()).toContain("you will be signed out");
    expect(await status.getByRole("button").count()).toBe(0);
    expect(await axe(mail)).toEqual([]);
    await screenshot(mail, "delete-now");

    // The erasure job (polled every second) revokes every session: both browsers are
    // signed out.
    const started = Date.now();
    for (;;) {
      await page.goto(`${baseUrl}/${SHOP}/account/privacy`);
      if (/\/sign-in\?/.test(page.url())) break;
      if (Date.now() - started > 60_000) throw new Error("still signed in a minute after confirming");
      await page.waitForTimeout(500);
    }
    await mail.goto(`${baseUrl}/${SHOP}/account/privacy`);
    await mail.waitForURL(/\/sign-in\?/);

    // The password no longer opens anything.
    await signIn(page, SHOP, email);
    const alert = page.locator("form").getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toBe("The email or password is not right. Check them and try again.");

    // The receipt went to the address the account had.
    const receipt = await openMail(page, email, `Your ${SHOP_NAME} account was deleted`);
    expect(receipt).toContain(email);
    expect(receipt).toContain("This is the receipt.");
    await screenshot(page, "delete-receipt");
    await outside.close();
    await context.close();
  });
});
