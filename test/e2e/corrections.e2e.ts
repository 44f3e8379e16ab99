import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launch, newContext, SCREENSHOTS, screenshot, seriousViolations } from "./browser";

// GDPR Art. 16, "Correct my data", as a shopper does it: names, alias, phones, date of
// birth on one page; the address book on another.
const baseUrl = inject("baseUrl");
const SHOP = "crystalline";
const DATA = `${baseUrl}/${SHOP}/account/privacy/data`;
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
  await page.getByLabel("Password").fill("privacy-demo");
  await page.getByRole("button", { name: /^Sign in to/ }).click();
  await page.waitForURL(`${baseUrl}/${SHOP}/account/privacy`);
}

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
const phoneRow = (page: Page, n: number) => page.getByRole("group", { name: `Phone number ${n}`, exact: true });
const status = (page: Page) => page.locator("main").getByRole("status");
const summary = (page: Page) => page.locator("form").getByRole("alert");

// After a save the action redirects to the list with a notice; the page's title is
// set once the new page has fully arrived.
async function backOnTheList(page: Page, notice: string) {
  await page.waitForURL(`${DATA}/addresses?${notice}=1`);
  await arrived(page, "Addresses");
}

// A client-side navigation is complete (for axe too) once the new title is set.
async function arrived(page: Page, title: string) {
  await page.waitForFunction((start) => document.title.startsWith(start), title);
}

// Submits with the named button and waits for the answer: the form is rebuilt after
// each one (and left behind when the answer is a redirect).
async function submit(page: Page, button: string) {
  const form = await page.getByRole("button", { name: button }).locator("xpath=ancestor::form").elementHandle();
  await page.getByRole("button", { name: button }).click();
  await page.waitForFunction((el) => !el?.isConnected, form);
}

describe("correcting my details", () => {
  let context: BrowserContext;
  let page: Page;
  let original: { alias: string; phone: string | null };

  beforeAll(async () => {
    context = await newContext(browser);
    page = await context.newPage();
    await signIn(page);
  });

  afterAll(async () => {
    await context.close();
  });

  it("opens from My data and explains what happens to a correction", async () => {
    await page.goto(DATA);
    // My data is long: only its header, where the links to the corrections are.
    await page.locator("main header").screenshot({ path: path.join(SCREENSHOTS, "corrections-my-data-links.png") });
    await page.getByRole("link", { name: "Correct my details" }).click();
    await page.waitForURL(`${DATA}/profile`);
    await arrived(page, "Correct my details");
    await page.getByRole("heading", { level: 1, name: "Correct my details" }).waitFor();
    const main = (await page.textContent("main")) ?? "";
    expect(main).toContain("Every correction is recorded");
    expect(main).toContain("are told about it");
    expect(await page.getByRole("link", { name: "Change your email address" }).getAttribute("href")).toBe(
      `/${SHOP}/account/email`,
    );
    expect(main).toContain(`demo@${SHOP}.example`);
    expect(await page.getByLabel("First name").inputValue()).not.toBe("");
    original = {
      alias: await page.getByLabel("Alias").inputValue(),
      phone: (await phoneRow(page, 1).count())
        ? await phoneRow(page, 1).getByLabel("Number", { exact: true }).inputValue()
        : null,
    };
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "corrections-profile-desktop");
  });

  it("corrects the alias and a phone number written the local way", async () => {
    await page.getByLabel("Alias").fill("crystal-fan");
    if (!(await phoneRow(page, 1).count())) await page.getByRole("button", { name: "Add a phone number" }).click();
    await phoneRow(page, 1).getByLabel("Number", { exact: true }).fill("0888 123 456");
    await submit(page, "Save corrections");
    const done = status(page);
    await done.getByText("Your details were corrected. Recipients of your data have been told.").waitFor();
    expect(await done.textContent()).toContain("+359888123456");
    // The form now shows what is stored: the number in international format.
    expect(await phoneRow(page, 1).getByLabel("Number", { exact: true }).inputValue()).toBe("+359888123456");
    expect(await page.getByLabel("Alias").inputValue()).toBe("crystal-fan");
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "corrections-profile-saved");

    await page.reload();
    expect(await page.getByLabel("Alias").inputValue()).toBe("crystal-fan");
    expect(await phoneRow(page, 1).getByLabel("Number", { exact: true }).inputValue()).toBe("+359888123456");
    // The greeting in the header uses the alias.
    expect(await page.getByRole("banner").textContent()).toContain("Signed in as crystal-fan");
  });

  it("says so when nothing changed", async () => {
    await submit(page, "Save corrections");
    await status(page).getByText("Nothing was changed").waitFor();
  });

  it("adds a second number as the main one, then removes it", async () => {
    await page.getByRole("button", { name: "Add a phone number" }).click();
    const rows = await page.getByRole("group", { name: /^Phone number \d+$/ }).count();
    const added = phoneRow(page, rows);
    // The new row takes the focus, ready to type.
    expect(await added.getByLabel("Number", { exact: true }).evaluate((el) => el === document.activeElement)).toBe(
      true,
    );
    await added.getByLabel("Type").selectOption("WORK");
    await added.getByLabel("Number", { exact: true }).fill("+40 712 345 678");
    await added.getByLabel("Main number").check();
    await submit(page, "Save corrections");
    await status(page).getByText("Your details were corrected.").waitFor();
    expect(await status(page).textContent()).toContain("+40712345678 (work, main)");

    const stored = page.getByRole("group", { name: /^Phone number \d+$/ });
    const count = await stored.count();
    let workRow = -1;
    for (let i = 1; i <= count; i++) {
      if ((await phoneRow(page, i).getByLabel("Number", { exact: true }).inputValue()) === "+40712345678") workRow = i;
    }
    expect(workRow).toBeGreaterThan(0);
    await page.getByRole("button", { name: `Remove phone number ${workRow}` }).click();
    expect(await page.getByRole("group", { name: /^Phone number \d+$/ }).count()).toBe(count - 1);
    await submit(page, "Save corrections");
    await status(page).getByText("Your details were corrected.").waitFor();
    expect(await status(page).textContent()).not.toContain("+40712345678");
  });

  it("refuses an impossible date of birth and a bad number, keeping everything typed", async () => {
    const tooYoung = `${new Date().getUTCFullYear() - 5}-06-15`;
    await page.getByLabel("Alias").fill("kept-alias");
    await page.getByLabel("Date of birth").fill(tooYoung);
    await page.getByLabel("Gender").selectOption("UNDISCLOSED");
    await phoneRow(page, 1).getByLabel("Number", { exact: true }).fill("12");
    await submit(page, "Save corrections");
    await summary(page).waitFor();
    expect(await summary(page).textContent()).toContain("Nothing was changed");
    // Each message sits next to its field, tied to it for screen readers.
    const dob = page.getByLabel("Date of birth");
    expect(await dob.getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("[id='dateOfBirth-error']").textContent()).toContain("at least 13 years old");
    const number = phoneRow(page, 1).getByLabel("Number", { exact: true });
    expect(await number.getAttribute("aria-invalid")).toBe("true");
    expect(await phoneRow(page, 1).textContent()).toContain("Enter a valid phone number");
    // Nothing typed is lost.
    expect(await dob.inputValue()).toBe(tooYoung);
    expect(await number.inputValue()).toBe("12");
    expect(await page.getByLabel("Alias").inputValue()).toBe("kept-alias");
    expect(await page.getByLabel("Gender").inputValue()).toBe("UNDISCLOSED");
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "corrections-profile-refused");
    // The error summary leads to the field.
    await summary(page)
      .getByRole("link", { name: /^Date of birth:/ })
      .click();
    expect(await dob.evaluate((el) => el === document.activeElement)).toBe(true);

    // And nothing was stored.
    await page.reload();
    expect(await page.getByLabel("Alias").inputValue()).toBe("crystal-fan");
    expect(await phoneRow(page, 1).getByLabel("Number", { exact: true }).inputValue()).toBe("+359888123456");
  });

  it("puts the original alias and number back", async () => {
    await page.getByLabel("Alias").fill(original.alias);
    if (original.phone) await phoneRow(page, 1).getByLabel("Number", { exact: true }).fill(original.phone);
    else await page.getByRole("button", { name: "Remove phone number 1" }).click();
    await submit(page, "Save corrections");
    await status(page).getByText("Your details were corrected.").waitFor();
  });
});

describe("correcting my addresses", () => {
  let context: BrowserContext;
  let page: Page;
  let defaultName: string;
  const card = () => page.getByRole("article", { name: "E2E Studio" });

  beforeAll(async () => {
    context = await newContext(browser);
    page = await context.newPage();
    await signIn(page);
  });

  afterAll(async () => {
    await context.close();
  });

  it("lists the address book with its defaults", async () => {
    await page.goto(DATA);
    await page.locator(`a[href="/${SHOP}/account/privacy/data/addresses"]`).click();
    await page.waitForURL(`${DATA}/addresses`);
    await arrived(page, "Addresses");
    await page.getByRole("heading", { level: 1, name: "Addresses" }).waitFor();
    expect(await page.getByRole("article").count()).toBeGreaterThan(0);
    expect(await page.getByText("Default for delivery", { exact: true }).count()).toBe(1);
    defaultName = (await page
      .getByRole("article")
      .filter({ hasText: "Default for delivery" })
      .getByRole("heading")
      .textContent()) as string;
    expect(await page.locator("main").textContent()).toContain("Bulgaria");
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "corrections-addresses-desktop");
  });

  it("adds an address, with the shop's country preselected", async () => {
    await page.getByRole("link", { name: "Add an address" }).click();
    await page.waitForURL(`${DATA}/addresses/new`);
    await arrived(page, "Add an address");
    expect(await page.getByLabel("Country").inputValue()).toBe("BG");
    expect(await page.getByLabel("Recipient").inputValue()).not.toBe("");
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "corrections-address-new");
    await page.getByLabel("Name of this address").fill("E2E Studio");
    await page.getByLabel("Street and number").fill("ul. Shipka 12");
    await page.getByLabel("Apartment, floor, entrance").fill("floor 3");
    await page.getByLabel("City or town").fill("Plovdiv");
    await page.getByLabel("Postal code").fill("4000");
    await page.getByLabel("Phone for the courier").fill("0888 765 432");
    await page.getByRole("button", { name: "Add address" }).click();
    await backOnTheList(page, "added");
    expect(await status(page).textContent()).toContain("The address was added.");
    const text = (await card().textContent()) ?? "";
    expect(text).toContain("ul. Shipka 12");
    expect(text).toContain("4000 Plovdiv");
    expect(text).toContain("Bulgaria");
    expect(text).toContain("+359888765432");
  });

  it("shows the server's refusal of an unknown country and a bad phone, keeping what was typed", async () => {
    await card().getByRole("link", { name: "Edit E2E Studio" }).click();
    await page.waitForURL(/\/addresses\/[A-Za-z0-9_-]+\/edit$/);
    await arrived(page, "Correct an address");
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel("City or town").fill("Varna");
    // A tampered form: a country code that is not in ISO 3166.
    await page.getByLabel("Country").evaluate((select) => {
      const option = document.createElement("option");
      option.value = "XX";
      option.textContent = "Nowhere";
      select.append(option);
    });
    await page.getByLabel("Country").selectOption("XX");
    await submit(page, "Save address");
    await summary(page).waitFor();
    expect(await page.locator("[id='country-error']").textContent()).toBe("Choose a country from the list.");
    expect(await page.getByLabel("Country").getAttribute("aria-invalid")).toBe("true");
    // The unknown code is not silently swapped for another country: a choice is asked for.
    expect(await page.getByLabel("Country").inputValue()).toBe("");
    expect(await page.getByLabel("City or town").inputValue()).toBe("Varna");
    expect(await page.getByLabel("Name of this address").inputValue()).toBe("E2E Studio");
    await screenshot(page, "corrections-address-unknown-country");

    await page.getByLabel("Country").selectOption("BG");
    await page.getByLabel("Phone for the courier").fill("12345");
    await submit(page, "Save address");
    await page.locator("[id='phone-error']").waitFor();
    expect(await page.locator("[id='phone-error']").textContent()).toContain("Enter a valid phone number");
    expect(await page.getByLabel("Phone for the courier").getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByLabel("Phone for the courier").inputValue()).toBe("12345");
    expect(await page.getByLabel("Country").inputValue()).toBe("BG");
    expect(await page.getByLabel("City or town").inputValue()).toBe("Varna");
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "corrections-address-refused");
  });

  it("corrects the city and makes it the default for delivery", async () => {
    await page.getByLabel("Postal code").fill("9000");
    await page.getByLabel("Phone for the courier").fill("0888 765 432");
    await page.getByLabel("Default for delivery").check();
    await page.getByRole("button", { name: "Save address" }).click();
    await backOnTheList(page, "saved");
    expect(await status(page).textContent()).toContain(
      "The address was corrected. Recipients of your data have been told.",
    );
    const text = (await card().textContent()) ?? "";
    expect(text).toContain("9000 Varna");
    expect(text).toContain("Default for delivery");
    // Only one address is the default for delivery.
    expect(await page.getByText("Default for delivery", { exact: true }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "corrections-addresses-saved");
  });

  it("deletes it after a confirmation", async () => {
    const before = await page.getByRole("article").count();
    await card().getByRole("button", { name: "Delete E2E Studio" }).click();
    const confirm = card().getByRole("button", { name: "Confirm delete E2E Studio" });
    expect(await confirm.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "corrections-address-confirm-delete");
    // "Keep it" steps back without deleting.
    await card().getByRole("button", { name: "Keep it" }).click();
    await card().getByRole("button", { name: "Delete E2E Studio" }).click();
    await card().getByRole("button", { name: "Confirm delete E2E Studio" }).click();
    await backOnTheList(page, "deleted");
    expect(await status(page).textContent()).toContain("The address was deleted.");
    expect(await page.getByRole("article").count()).toBe(before - 1);
    expect(await card().count()).toBe(0);
  });

  it("makes the first default the default for delivery again", async () => {
    // Deleting the default address left none.
    expect(await page.getByText("Default for delivery", { exact: true }).count()).toBe(0);
    await page.getByRole("article", { name: defaultName, exact: true }).getByRole("link", { name: /^Edit/ }).click();
    await page.waitForURL(/\/edit$/);
    await page.getByLabel("Default for delivery").check();
    await page.getByRole("button", { name: "Save address" }).click();
    await backOnTheList(page, "saved");
    const restored = page.getByRole("article", { name: defaultName, exact: true });
    expect(await restored.textContent()).toContain("Default for delivery");
  });

  it("does not open an address that is not there", async () => {
    const response = await page.goto(`${DATA}/addresses/bm90LWFuLWFkZHJlc3M/edit`);
    expect(response?.status()).toBe(404);
  });
});

describe("correcting on a phone", () => {
  it("keeps both pages usable at 390 px", async () => {
    const context = await newContext(browser, { width: 390, height: 844 });
    const page = await context.newPage();
    await signIn(page);

    await page.goto(`${DATA}/profile`);
    await page.getByRole("heading", { level: 1, name: "Correct my details" }).waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "corrections-profile-phone");
    // A refusal is brought into view at the top of the form.
    await page.getByLabel("First name").fill("");
    await page.getByLabel("First name").evaluate((el) => el.removeAttribute("required"));
    await submit(page, "Save corrections");
    await summary(page).waitFor();
    expect(await summary(page).evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.locator("[id='firstName-error']").textContent()).toBe("Enter a name.");
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, "corrections-profile-refused-phone");

    await page.goto(`${DATA}/addresses`);
    await page.getByRole("heading", { level: 1, name: "Addresses" }).waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "corrections-addresses-phone");

    await page.goto(`${DATA}/addresses/new`);
    await page.getByLabel("Country").waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, "corrections-address-new-phone");
    await context.close();
  });
});
