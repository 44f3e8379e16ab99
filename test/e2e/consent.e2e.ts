import path from "node:path";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launch, newContext, SCREENSHOTS, screenshot, seriousViolations } from "./browser";

// Subscriptions and consent (GDPR Art. 7, 21) as a shopper meets them: the channel ×
// topic grid and its history, double opt-in through the mailed link, one-click
// unsubscribe from the dev mailbox while signed out, "unsubscribe from everything",
// cookie choices, and a browser's Global Privacy Control signal.
const baseUrl = inject("baseUrl");
const PHONE = { width: 390, height: 844 };
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

async function signIn(page: Page, shop: string, email = `demo@${shop}.example`, password = "privacy-demo") {
  await page.goto(`${baseUrl}/${shop}/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: /^Sign in to/ }).click();
  await page.waitForURL(`${baseUrl}/${shop}/account/privacy`);
}

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
const historyEntries = (page: Page) => page.locator("section[aria-labelledby='history'] ol > li");
// "<label> <state> <where>, <when> <opt-in> · <policy version>", one space between parts.
const entryText = async (entry: Locator) =>
  (await entry.locator(":scope > div > span, :scope > p").allTextContents()).join(" ").replace(/\s+/g, " ");
const saved = (page: Page) => page.getByRole("status").filter({ hasText: "Your choices are saved." });

// Accessibility checks after a server action wait until the page has been drawn anew.
async function axe(page: Page) {
  await page.waitForLoadState("networkidle");
  return seriousViolations(page);
}

// Presses a form's button and waits for the answer: the form is drawn anew after each.
async function submit(page: Page, name: string) {
  const button = page.getByRole("button", { name, exact: true });
  const form = await button.locator("xpath=ancestor::form").elementHandle();
  await button.click();
  await page.waitForFunction((el) => !el?.isConnected, form);
}

// The grid's boxes by channel, and how each stands.
async function gridBoxes(page: Page) {
  const boxes = page.locator("section[aria-labelledby='marketing']").getByRole("checkbox");
  const all: { name: string; isChecked: boolean }[] = [];
  for (const box of await boxes.all()) {
    all.push({ name: (await box.getAttribute("aria-label")) ?? "", isChecked: await box.isChecked() });
  }
  return all;
}

// Waits until the newest history entry is about `label` and says `text`.
async function waitForNewestEntry(page: Page, label: string, text: string) {
  await historyEntries(page).first().filter({ hasText: label }).filter({ hasText: text }).waitFor();
}

describe("My subscriptions", () => {
  const SHOP = "crystalline";
  const PAGE = `${baseUrl}/${SHOP}/account/privacy/subscriptions`;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await newContext(browser);
    page = await context.newPage();
    await signIn(page, SHOP);
  });

  afterAll(async () => {
    await context.close();
  });

  it("opens from the privacy navigation: a topic × channel grid and the shop's own words for sharing", async () => {
    await page.getByRole("navigation", { name: "Privacy" }).getByRole("link", { name: "Subscriptions" }).click();
    await page.waitForURL(PAGE);
    await page.getByRole("heading", { level: 1, name: "My subscriptions" }).waitFor();
    const table = page.getByRole("table", { name: "Topics (rows) by channel (columns)" });
    expect(await table.getByRole("columnheader").allTextContents()).toEqual(["E-mail", "Telephone", "SMS", "Viber"]);
    expect(await table.getByRole("rowheader").allTextContents()).toEqual([
      "New arrivals",
      "Offers and promotions",
      "Competitions and polls",
    ]);
    // Every cell is a checkbox named "<topic> by <channel>".
    expect(await table.getByRole("checkbox").count()).toBe(12);
    await page.getByRole("checkbox", { name: "Competitions and polls by Viber", exact: true }).waitFor();
    // Crystalline's explicit consent for third parties' marketing, in its words.
    const sharing = page.getByRole("switch", { name: "Sharing with third parties for their marketing" });
    const sharingHint = await page.locator(`[id='${await sharing.getAttribute("id")}-hint']`).textContent();
    expect(sharingHint).toContain("by e-mail, telephone, SMS or Viber");
    expect(sharingHint).toContain("only with your explicit consent");
    await page.getByRole("switch", { name: "Personalised advertising and profiling" }).waitFor();
    const main = (await page.textContent("main")) ?? "";
    expect(main).toContain("Click the link to unsubscribe in any of our marketing messages");
    expect(main).toContain("we first send you a link to confirm");
    // The history is there from the start, newest first.
    expect(await historyEntries(page).count()).toBeGreaterThan(5);
    expect(await axe(page)).toEqual([]);
    await screenshot(page, "subscriptions-desktop");
  });

  it("saves nothing when nothing changed", async () => {
    await submit(page, "Save my choices");
    await page.getByRole("status").filter({ hasText: "Nothing to save: you have not changed anything." }).waitFor();
  });

  it("grants one and withdraws another in one save, and shows both in the history as made in the account", async () => {
    const boxes = (await gridBoxes(page)).filter((b) => !b.name.endsWith("by E-mail"));
    const grant = boxes.find((b) => !b.isChecked)?.name as string;
    const withdraw = boxes.find((b) => b.isChecked)?.name as string;
    expect(grant && withdraw).toBeTruthy();
    const before = await historyEntries(page).count();
    await page.getByRole("checkbox", { name: grant, exact: true }).check();
    await page.getByRole("checkbox", { name: withdraw, exact: true }).uncheck();
    await submit(page, "Save my choices");
    const status = saved(page);
    await status.waitFor();
    const said = (await status.textContent()) ?? "";
    expect(said).toContain(`${grant}: consent given`);
    expect(said).toContain(`${withdraw}: consent withdrawn`);
    expect(said).toContain("Withdrawals take effect at once.");
    expect(said).not.toContain("confirmation link");
    // The page is drawn again from the ledger: two new records, nothing else.
    await page.waitForFunction(([selector, count]) => document.querySelectorAll(selector as string).length === count, [
      "section[aria-labelledby='history'] ol > li",
      Math.min(before + 2, 20),
    ] as const);
    const newest = [await entryText(historyEntries(page).nth(0)), await entryText(historyEntries(page).nth(1))];
    const granted = newest.find((t) => t.startsWith(grant)) as string;
    const withdrawn = newest.find((t) => t.startsWith(withdraw)) as string;
    expect(granted).toMatch(/Consent given In your account, \d{1,2} \w{3,4} \d{4}, \d{2}:\d{2} UTC/);
    expect(granted).toContain("Opt-in: single (one step) · privacy policy version 2018-05");
    expect(withdrawn).toContain("Consent withdrawn In your account");
    expect(await page.getByRole("checkbox", { name: grant, exact: true }).isChecked()).toBe(true);
    expect(await page.getByRole("checkbox", { name: withdraw, exact: true }).isChecked()).toBe(false);
    expect(await axe(page)).toEqual([]);
    await screenshot(page, "subscriptions-saved");
  });

  it("double opt-in: granting e-mail is pending until the mailed link is followed, signed out", async () => {
    const email = "Competitions and polls by E-mail";
    const box = () => page.getByRole("checkbox", { name: email, exact: true });
    if (await box().isChecked()) {
      await box().uncheck();
      await submit(page, "Save my choices");
      await saved(page).waitFor();
      await waitForNewestEntry(page, email, "Consent withdrawn");
    }
    await box().check();
    await submit(page, "Save my choices");
    const status = saved(page);
    await status.waitFor();
    expect(await status.textContent()).toContain(`${email}: waiting for you to confirm by email`);
    expect(await status.textContent()).toContain("We sent a confirmation link to your email address");
    await waitForNewestEntry(page, email, "Waiting for you to confirm by email");
    // The cell stays ticked and says what it waits for.
    expect(await box().isChecked()).toBe(true);
    const note = await box().getAttribute("aria-describedby");
    expect(await page.locator(`[id='${note}']`).textContent()).toBe("waiting for you to confirm by email");
    await screenshot(page, "subscriptions-pending");

    // The mail, read signed out in another browser, as the customer's mail client would.
    const outside = await newContext(browser);
    const mail = await outside.newPage();
    await mail.goto(`${baseUrl}/dev/mailbox`);
    await mail
      .getByRole("row")
      .filter({ hasText: `demo@${SHOP}.example` })
      .filter({ hasText: "Confirm your subscription to Crystalline emails" })
      .first()
      .getByRole("link")
      .click();
    await mail.waitForURL(/\/dev\/mailbox\/.+/);
    expect(await mail.textContent("main")).toContain(`  - ${email}`);
    const link = (await mail
      .locator("a[href*='/subscriptions/confirm?token=']")
      .first()
      .getAttribute("href")) as string;
    await mail.goto(link);
    await mail.getByRole("heading", { level: 1, name: "Confirm your subscription" }).waitFor();
    expect(await mail.locator("main li").allTextContents()).toEqual([email]);
    expect(await axe(mail)).toEqual([]);
    await screenshot(mail, "subscription-confirm");
    await mail.getByRole("button", { name: "Confirm my subscription" }).click();
    await mail.getByRole("status").filter({ hasText: "Thank you: your subscription is confirmed." }).waitFor();
    expect(await mail.getByRole("status").textContent()).toContain(email);
    await screenshot(mail, "subscription-confirmed");
    // A link works once.
    await mail.goto(link);
    await mail.getByRole("heading", { level: 1, name: "This link cannot be used" }).waitFor();
    expect(await mail.locator("main [role=alert]").textContent()).toBe("This link was already used.");
    await outside.close();

    // In the account: given, confirmed by the link.
    await page.reload();
    await waitForNewestEntry(page, email, "Consent given");
    const newest = await entryText(historyEntries(page).first());
    expect(newest).toContain("With the confirmation link in an email");
    expect(newest).toContain("Opt-in: confirmed by email (double opt-in)");
    expect(await box().isChecked()).toBe(true);
    expect(await box().getAttribute("aria-describedby")).toBeNull();
  });

  it("pages through the whole history with Show older", async () => {
    // Change one's mind a few times, so that the history is longer than a page.
    const profiling = page.getByRole("switch", { name: "Personalised advertising and profiling" });
    for (let i = 0; i < 4; i++) {
      const wasOn = await profiling.isChecked();
      await profiling.setChecked(!wasOn);
      await submit(page, "Save my choices");
      await saved(page).waitFor();
      await waitForNewestEntry(
        page,
        "Personalised advertising and profiling",
        wasOn ? "Consent withdrawn" : "Consent given",
      );
    }
    await page.reload();
    const count = await historyEntries(page).count();
    expect(count).toBe(20);
    await page.getByRole("button", { name: "Show older" }).click();
    await page.waitForFunction(
      (n) => document.querySelectorAll("section[aria-labelledby='history'] ol > li").length > n,
      count,
    );
    // The focus moves to the first older entry.
    expect(await page.evaluate(() => document.activeElement?.closest("ol > li") !== null)).toBe(true);
    const all = await historyEntries(page).allTextContents();
    // The oldest entries are the choices made at sign-up.
    expect(all.at(-1)).toContain("When you signed up");
  });
});

describe("one-click unsubscribe from the dev mailbox, signed out", () => {
  const SHOP = "almaz";
  const LIST = "News and updates by E-mail";

  it("shows the List-Unsubscribe headers and unsubscribes with one POST, which can be replayed", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/dev/mailbox`);
    await page
      .getByRole("row")
      .filter({ hasText: `demo@${SHOP}.example` })
      .filter({ hasText: "News and updates: news from ALMAZ" })
      .getByRole("link")
      .click();
    await page.waitForURL(/\/dev\/mailbox\/.+/);
    const headers = page.locator("section[aria-labelledby='headers']");
    const text = (await headers.textContent()) ?? "";
    expect(text).toMatch(/List-Unsubscribe<http:\/\/127\.0\.0\.1:\d+\/api\/unsubscribe\?token=/);
    expect(text).toContain("List-Unsubscribe-PostList-Unsubscribe=One-Click");
    expect(await axe(page)).toEqual([]);

    const button = page.getByRole("button", { name: "One-click unsubscribe (as a mail client would)" });
    await button.click();
    const result = headers.getByRole("status");
    await result.getByText("HTTP 200").waitFor();
    const first = JSON.parse((await result.locator("pre").textContent()) as string);
    expect(first).toMatchObject({ unsubscribed: true, isAlreadyWithdrawn: false, purpose: { label: LIST } });
    expect(first.message).toBe(`You are unsubscribed from "${LIST}" emails from ALMAZ.`);
    await screenshot(page, "mailbox-one-click");
    // A replay (mail clients retry) changes nothing and is still fine.
    await button.click();
    await result.locator("pre", { hasText: '"isAlreadyWithdrawn": true' }).waitFor();
    expect(await result.textContent()).toContain("HTTP 200");

    // The link in the text (GET) leads to the shop's page, which now says so.
    await page.locator("a[href*='/api/unsubscribe?token=']").first().click();
    await page.waitForURL(new RegExp(`/${SHOP}/unsubscribe\\?token=`));
    await page.getByRole("heading", { level: 1, name: "You are not subscribed" }).waitFor();
    expect(await axe(page)).toEqual([]);

    // "Unsubscribe from everything in your account": through sign-in, to that section.
    await page.getByRole("link", { name: "unsubscribe from everything in your account" }).click();
    await page.waitForURL(/\/sign-in\?next=/);
    await page.getByLabel("Email").fill(`demo@${SHOP}.example`);
    await page.getByLabel("Password", { exact: true }).fill("privacy-demo");
    await page.getByRole("button", { name: /^Sign in to/ }).click();
    await page.waitForURL(`${baseUrl}/${SHOP}/account/privacy/subscriptions#everything`);
    await page.getByRole("heading", { level: 2, name: "Unsubscribe from everything" }).waitFor();
    expect(await page.getByRole("checkbox", { name: LIST, exact: true }).isChecked()).toBe(false);
    const newest = await entryText(historyEntries(page).first());
    expect(newest).toContain(LIST);
    expect(newest).toContain("Consent withdrawn With the unsubscribe link in an email");
    // Once, although the link was used twice.
    expect(await historyEntries(page).nth(1).textContent()).not.toContain("With the unsubscribe link");
    await context.close();
  });

  it("a person opening the link gets a page with a button; the click unsubscribes", async () => {
    const shop = "crystalline";
    const list = "New arrivals by E-mail";
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/dev/mailbox`);
    await page
      .getByRole("row")
      .filter({ hasText: `demo@${shop}.example` })
      .filter({ hasText: "New arrivals: news from Crystalline" })
      .getByRole("link")
      .click();
    await page.waitForURL(/\/dev\/mailbox\/.+/);
    const oneClick = (await page.locator("section[aria-labelledby='headers'] dd").first().textContent()) as string;
    await page.locator("a[href*='/api/unsubscribe?token=']").first().click();
    await page.waitForURL(new RegExp(`/${shop}/unsubscribe\\?token=`));
    await page.getByRole("heading", { level: 1, name: "Unsubscribe from Crystalline emails" }).waitFor();
    expect(await axe(page)).toEqual([]);
    await screenshot(page, "unsubscribe-page");
    await page.getByRole("button", { name: `Unsubscribe from “${list}”` }).click();
    await page
      .getByRole("status")
      .filter({ hasText: `You are unsubscribed from “${list}”.` })
      .waitFor();
    await screenshot(page, "unsubscribe-done");

    // A mail client's one-click POST afterwards is harmless.
    const url = oneClick.match(/<(http[^>]+)>/)?.[1] as string;
    const replay = await fetch(url, { method: "POST", body: "List-Unsubscribe=One-Click" });
    expect(replay.status).toBe(200);
    expect(await replay.json()).toMatchObject({ isAlreadyWithdrawn: true });

    await signIn(page, shop);
    await page.goto(`${baseUrl}/${shop}/account/privacy/subscriptions`);
    expect(await page.getByRole("checkbox", { name: list, exact: true }).isChecked()).toBe(false);
    const newest = await entryText(historyEntries(page).first());
    expect(newest).toContain(`${list} Consent withdrawn With the unsubscribe link in an email`);
    await context.close();
  });
});

describe("unsubscribe from everything", () => {
  it("withdraws every subscription in one click, at once, and says so", async () => {
    const shop = "micro-image";
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, shop);
    await page.goto(`${baseUrl}/${shop}/account/privacy/subscriptions`);
    const on = (await gridBoxes(page)).filter((b) => b.isChecked).map((b) => b.name);
    expect(on.length).toBeGreaterThan(0);
    await page.getByRole("button", { name: "Unsubscribe from everything" }).click();
    const status = page.getByRole("status").filter({ hasText: "You are unsubscribed from everything." });
    await status.waitFor();
    expect(await status.textContent()).toContain("This took effect at once");
    for (const name of on) expect(await status.textContent()).toContain(name);
    // Drawn again from the ledger: nothing is ticked or on, and the button is gone.
    await page.waitForFunction(() =>
      [...document.querySelectorAll<HTMLInputElement>("main form input[type=checkbox]")].every((b) => !b.checked),
    );
    expect(await page.getByRole("button", { name: "Unsubscribe from everything" }).count()).toBe(0);
    const newest = await entryText(historyEntries(page).first());
    expect(newest).toContain("Consent withdrawn In your account");
    expect(await axe(page)).toEqual([]);
    await screenshot(page, "subscriptions-everything-withdrawn");
    // Pressing it again elsewhere has nothing left to do.
    await page.reload();
    await page.getByText("You are not subscribed to anything at the moment.").waitFor();
    await context.close();
  });
});

describe("cookie preferences", () => {
  it("a signed-out visitor who opens the page signs in and lands on it", async () => {
    const shop = "crystalline";
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/${shop}/account/privacy/cookies`);
    await page.waitForURL(`${baseUrl}/${shop}/sign-in?next=${encodeURIComponent(`/${shop}/account/privacy/cookies`)}`);
    await page.getByLabel("Email", { exact: true }).fill(`demo@${shop}.example`);
    await page.getByLabel("Password", { exact: true }).fill("privacy-demo");
    await page.getByRole("button", { name: /^Sign in to/ }).click();
    await page.waitForURL(`${baseUrl}/${shop}/account/privacy/cookies`);
    await page.getByRole("heading", { level: 1, name: "Cookie preferences" }).waitFor();
    await context.close();
  });

  it("shows strictly necessary cookies as always on, saves choices and lists them", async () => {
    const shop = "crystalline";
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, shop);
    await page.getByRole("navigation", { name: "Privacy" }).getByRole("link", { name: "Cookies" }).click();
    await page.waitForURL(`${baseUrl}/${shop}/account/privacy/cookies`);
    await page.getByRole("heading", { level: 1, name: "Cookie preferences" }).waitFor();
    // The cookies the website needs: text, not a control that could be switched off.
    expect(await page.getByRole("switch").count()).toBe(3);
    expect(await page.getByRole("checkbox").count()).toBe(0);
    expect(await page.getByRole("switch", { name: "Cookies the website needs" }).count()).toBe(0);
    await page.getByText("Always on", { exact: true }).waitFor();
    // No Global Privacy Control signal, no note about it.
    expect(await page.textContent("main")).not.toContain("Global Privacy Control");
    expect(await axe(page)).toEqual([]);
    await screenshot(page, "cookies-desktop");

    const advertising = page.getByRole("switch", { name: "Advertising cookies" });
    const analytics = page.getByRole("switch", { name: "Traffic analysis cookies" });
    const wasAdvertising = await advertising.isChecked();
    const wasAnalytics = await analytics.isChecked();
    await advertising.setChecked(!wasAdvertising);
    await analytics.setChecked(!wasAnalytics);
    await submit(page, "Save cookie choices");
    const status = saved(page);
    await status.waitFor();
    const word = (isOn: boolean) => (isOn ? "consent given" : "consent withdrawn");
    expect(await status.textContent()).toContain(`Advertising cookies: ${word(!wasAdvertising)}`);
    expect(await status.textContent()).toContain(`Traffic analysis cookies: ${word(!wasAnalytics)}`);
    await page.waitForFunction(() => {
      const [a, b] = [...document.querySelectorAll("section[aria-labelledby='history'] ol > li")].map(
        (li) => li.textContent ?? "",
      );
      const both = `${a} ${b}`;
      return both.includes("Advertising cookies") && both.includes("Traffic analysis cookies");
    });
    const newest = [await entryText(historyEntries(page).nth(0)), await entryText(historyEntries(page).nth(1))].join(
      " | ",
    );
    expect(newest).toContain("Advertising cookies");
    expect(newest).toContain("Traffic analysis cookies");
    // The cookie page's history holds cookie choices only.
    for (const text of await historyEntries(page).allTextContents()) expect(text).toMatch(/cookies/i);
    expect(await advertising.isChecked()).toBe(!wasAdvertising);
    expect(await analytics.isChecked()).toBe(!wasAnalytics);
    expect(await axe(page)).toEqual([]);
    await screenshot(page, "cookies-saved");
    await context.close();
  });
});

describe("Global Privacy Control", () => {
  const SHOP = "allegra";
  const email = `gpc-${Date.now()}@test.example`;
  const password = "a-long-enough-password";

  it("sign-up offers unticked marketing boxes; ticking e-mail leaves it waiting for confirmation", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/${SHOP}/sign-up`);
    const news = page.getByRole("group", { name: "News from Allegra Jewels (optional)" });
    const box = news.getByRole("checkbox", { name: "Send me news by Email" });
    expect(await box.isChecked()).toBe(false);
    expect(await axe(page)).toEqual([]);
    await page.getByLabel("First name").fill("Dimitra");
    await page.getByLabel("Last name").fill("Kosta");
    await page.getByLabel("Email", { exact: true }).fill(email);
    await page.getByLabel("Password").fill(password);
    await box.check();
    await screenshot(page, "sign-up-marketing");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL(`${baseUrl}/${SHOP}/account/privacy`);

    await page.goto(`${baseUrl}/${SHOP}/account/privacy/subscriptions`);
    for (const b of await gridBoxes(page)) expect(b.isChecked).toBe(true);
    expect(await page.getByText("waiting for you to confirm by email", { exact: true }).count()).toBe(3);
    expect(await entryText(historyEntries(page).first())).toContain("When you signed up");

    // Without the signal: allow profiling and performance cookies.
    await page.getByRole("switch", { name: "Personalised advertising and profiling" }).check();
    await submit(page, "Save my choices");
    await saved(page).waitFor();
    await page.goto(`${baseUrl}/${SHOP}/account/privacy/cookies`);
    await page.getByRole("switch", { name: "Performance" }).check();
    await submit(page, "Save cookie choices");
    await saved(page).waitFor();
    await context.close();
  });

  it("with Sec-GPC: 1, the shop that honours it says so, locks the switches, and records it on request", async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      extraHTTPHeaders: { "Sec-GPC": "1" },
    });
    const page = await context.newPage();
    await signIn(page, SHOP, email, password);
    await page.goto(`${baseUrl}/${SHOP}/account/privacy/cookies`);
    const note = page.locator("section[aria-labelledby='gpc']");
    await note.waitFor();
    expect(await note.textContent()).toContain(
      "Your browser sends a Global Privacy Control signal; we treat it as your choice to opt out of:",
    );
    expect(await note.locator("li").allTextContents()).toEqual([
      "Personalised advertising and profiling",
      "Sharing with third parties for their marketing",
      "Performance",
      "Social media and advertising",
    ]);
    for (const name of ["Performance", "Social media and advertising"]) {
      const locked = page.getByRole("switch", { name });
      expect(await locked.isDisabled()).toBe(true);
      expect(await locked.isChecked()).toBe(false);
    }
    expect(await page.textContent("main")).toContain("Off while your browser sends the Global Privacy Control signal.");
    expect(await axe(page)).toEqual([]);
    await screenshot(page, "cookies-gpc");
    // Drawing the page wrote nothing.
    const history = await historyEntries(page).allTextContents();
    expect(history.join(" ")).not.toContain("Global Privacy Control");

    await page.goto(`${baseUrl}/${SHOP}/account/privacy/subscriptions`);
    expect(await page.getByRole("switch", { name: "Personalised advertising and profiling" }).isDisabled()).toBe(true);
    expect(
      await page.getByRole("switch", { name: "Sharing with third parties for their marketing" }).isDisabled(),
    ).toBe(true);
    // Not the shop's own newsletters.
    for (const box of await page.getByRole("checkbox").all()) expect(await box.isDisabled()).toBe(false);
    expect(await axe(page)).toEqual([]);
    await screenshot(page, "subscriptions-gpc");

    const record = page.getByRole("button", { name: "Record my opt-out" });
    expect(await note.textContent()).toContain(
      "Your earlier choice still says yes to Personalised advertising and profiling; Performance.",
    );
    await record.click();
    const status = note.getByRole("status");
    await status.waitFor();
    expect(await status.textContent()).toBe(
      "Recorded: your consent to Personalised advertising and profiling; Performance is withdrawn.",
    );
    await waitForNewestEntry(page, "", "By your browser's Global Privacy Control signal");
    const newest = [await entryText(historyEntries(page).nth(0)), await entryText(historyEntries(page).nth(1))].join(
      " | ",
    );
    expect(newest).toContain("Personalised advertising and profiling");
    expect(newest).toContain("Performance");
    expect(await record.count()).toBe(0);
    await screenshot(page, "subscriptions-gpc-recorded");
    await context.close();
  });

  it("a refused save changes nothing at all and says why, next to the switch", async () => {
    // The page is drawn without the signal; the browser starts sending it before the save.
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, SHOP, email, password);
    await page.goto(`${baseUrl}/${SHOP}/account/privacy/subscriptions`);
    const sales = page.getByRole("checkbox", { name: "Private sales by Email", exact: true });
    const profiling = page.getByRole("switch", { name: "Personalised advertising and profiling" });
    expect(await sales.isChecked()).toBe(true);
    expect(await profiling.isChecked()).toBe(false);
    await sales.uncheck();
    await profiling.check();
    await context.setExtraHTTPHeaders({ "Sec-GPC": "1" });
    await submit(page, "Save my choices");
    const summary = page.getByRole("alert").filter({ hasText: "Nothing was changed. Check the following:" });
    await summary.waitFor();
    expect(await summary.getByRole("link").textContent()).toMatch(
      /^Personalised advertising and profiling: Your browser sends the Global Privacy Control signal, which Allegra Jewels honours/,
    );
    // What was chosen is kept on the page, the switch marked.
    expect(await profiling.isChecked()).toBe(true);
    expect(await profiling.getAttribute("aria-invalid")).toBe("true");
    expect(await sales.isChecked()).toBe(false);
    expect(await axe(page)).toEqual([]);
    await screenshot(page, "subscriptions-refused");
    // All or none: the withdrawal that came with it was not recorded either.
    await context.setExtraHTTPHeaders({});
    await page.reload();
    expect(await sales.isChecked()).toBe(true);
    expect(await entryText(historyEntries(page).first())).toContain("By your browser's Global Privacy Control signal");
    await context.close();
  });

  it("where the shop's regime does not call for it, the signal changes nothing and the page says so plainly", async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      extraHTTPHeaders: { "Sec-GPC": "1" },
    });
    const page = await context.newPage();
    await signIn(page, "crystalline");
    await page.goto(`${baseUrl}/crystalline/account/privacy/cookies`);
    const note = page.getByRole("note").filter({ hasText: "Global Privacy Control" });
    expect(await note.textContent()).toContain("does not require it to act on that signal");
    expect(await page.locator("section[aria-labelledby='gpc']").count()).toBe(0);
    for (const s of await page.getByRole("switch").all()) expect(await s.isDisabled()).toBe(false);
    expect(await page.getByRole("button", { name: "Record my opt-out" }).count()).toBe(0);
    expect(await axe(page)).toEqual([]);
    await context.close();
  });
});

describe("consent pages on a phone", () => {
  it("fit a 390 px screen: the grid stacks by topic", async () => {
    const context = await newContext(browser, PHONE);
    const page = await context.newPage();
    await signIn(page, "crystalline");
    await page.goto(`${baseUrl}/crystalline/account/privacy/subscriptions`);
    await page.getByRole("heading", { level: 1, name: "My subscriptions" }).waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    // No column headers on a phone: each box shows its channel beside it.
    expect(await page.getByRole("columnheader").count()).toBe(0);
    await page.locator("td").getByText("Viber", { exact: true }).first().waitFor({ state: "visible" });
    expect(await axe(page)).toEqual([]);
    await screenshot(page, "subscriptions-phone");
    await page
      .locator("section[aria-labelledby='marketing']")
      .screenshot({ path: path.join(SCREENSHOTS, "subscriptions-phone-grid.png") });

    await page.goto(`${baseUrl}/crystalline/account/privacy/cookies`);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await axe(page)).toEqual([]);
    await screenshot(page, "cookies-phone");

    await page.goto(`${baseUrl}/dev/mailbox`);
    await page.getByRole("row").filter({ hasText: "news from ALMAZ" }).getByRole("link").click();
    await page.waitForURL(/\/dev\/mailbox\/.+/);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await axe(page)).toEqual([]);
    await screenshot(page, "mailbox-message-phone");
    await page.locator("a[href*='/api/unsubscribe?token=']").first().click();
    await page.waitForURL(/\/almaz\/unsubscribe\?token=/);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await axe(page)).toEqual([]);
    await screenshot(page, "unsubscribe-phone");
    await context.close();
  });
});
