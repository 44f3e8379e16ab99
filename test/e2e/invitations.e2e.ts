import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launch, newContext, screenshot, seriousViolations } from "./browser";

// Invited friends, from both sides: a new ALMAZ customer invites a friend by email; the
// friend reads the one notice in the dev mailbox, signed out, and says "Don't contact me
// again"; nobody can invite the address after that. A share link opens an account and
// the inviter sees it accepted; a Facebook link is withdrawn; all friends' details are
// erased; the day's limit is reached. A support agent sees the list without controls,
// and a shop without invitations says so.
const baseUrl = inject("baseUrl");
const SHOP = "almaz";
const PAGE = `${baseUrl}/${SHOP}/account/privacy/invitations`;
const PASSWORD = "a-long-enough-password";
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const RUN = Date.now().toString(36);
const INVITER = { first: "Mara", last: "Ionescu", email: `inviter-${RUN}@test.example` };
const INVITER_NAME = `${INVITER.first} ${INVITER.last}`;
const FRIEND_EMAIL = `friend-${RUN}@test.example`;
const SECOND_FRIEND_EMAIL = `second-friend-${RUN}@test.example`;
// From shops/almaz.yaml: the controller the notice must name, and its retention.
const CONTROLLER = "ALMAZ DESIGN MANAGEMENT S.R.L.";
const OBJECTION_DONE = "Done. We deleted your details and nobody can invite this address again.";
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

// Accessibility checks after a server action wait until the page has been drawn anew.
async function axe(page: Page) {
  await page.waitForLoadState("networkidle");
  return seriousViolations(page);
}

// Screenshots at 1280 px and at 390 px of the same page, which must fit the phone.
async function bothWidths(page: Page, name: string) {
  await screenshot(page, `${name}-1280`);
  await page.setViewportSize(PHONE);
  expect(await overflow(page)).toBeLessThanOrEqual(0);
  expect(await axe(page)).toEqual([]);
  await screenshot(page, `${name}-390`);
  await page.setViewportSize(DESKTOP);
}

async function signUp(page: Page, person: { first: string; last: string; email: string }) {
  await page.getByLabel("First name").fill(person.first);
  await page.getByLabel("Last name").fill(person.last);
  await page.getByLabel("Email", { exact: true }).fill(person.email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(`${baseUrl}/${SHOP}/account/privacy`);
}

// The list's card of an invitation, by its heading ("Email to …", "Share link", …).
const card = (page: Page, heading: string) =>
  page
    .locator("section[aria-labelledby='yours'] article")
    .filter({ has: page.getByRole("heading", { name: heading, exact: true }) });
const statusOf = async (invitation: Locator) => ((await invitation.locator("h3 + p").textContent()) ?? "").trim();

async function inviteByEmail(page: Page, email: string, options: { name?: string; agreed?: boolean } = {}) {
  await page.getByLabel("Friend's email address").fill(email);
  await page.getByLabel("Friend's name (optional)").fill(options.name ?? "");
  await page.getByLabel(`My friend agreed to hear from ALMAZ`).setChecked(options.agreed ?? true);
  await page.getByRole("button", { name: "Send invitation" }).click();
}

describe("invited friends", () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await newContext(browser, DESKTOP);
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseUrl });
    page = await context.newPage();
    await page.goto(`${baseUrl}/${SHOP}/sign-up`);
    await signUp(page, INVITER);
  });

  afterAll(async () => {
    await context.close();
  });

  it("opens from the privacy navigation and says what inviting means, before anyone is invited", async () => {
    await page.getByRole("navigation", { name: "Privacy" }).getByRole("link", { name: "Invited friends" }).click();
    await page.waitForURL(PAGE);
    await page.getByRole("heading", { level: 1, name: "Invited friends" }).waitFor();
    const main = (await page.textContent("main")) ?? "";
    expect(main).toContain("Friends you invite are told that we got their details from you.");
    expect(main).toContain("We email only friends who agreed to hear from us");
    expect(main).toContain("for 30 days, unless they open an account");
    expect(main).toContain("5 of 5 invitations left today.");
    expect(main).toContain("You have not invited anyone yet.");
    // Share links first, in the order the shop offers them.
    const share = page.locator("section[aria-labelledby='share']");
    expect(await share.getByRole("button").allTextContents()).toEqual([
      "Create a share link",
      "Share on Facebook",
      "Share on X",
    ]);
    expect(await page.getByRole("heading", { level: 2 }).allTextContents()).toEqual([
      "Share a link",
      "Invite by email",
      "Your invitations",
    ]);
    // The agreement box is required and tied to its label and explanation.
    const agreed = page.getByLabel("My friend agreed to hear from ALMAZ");
    expect(await agreed.getAttribute("required")).not.toBeNull();
    expect(await page.locator(`#${await agreed.getAttribute("aria-describedby")}`).textContent()).toContain(
      "We send exactly one email.",
    );
    expect(await axe(page)).toEqual([]);
    await bothWidths(page, "invitations-empty");
  });

  it("refuses a bad email invitation in words next to the field, keeping what was typed", async () => {
    // Without the tick the browser does not send the form at all.
    await inviteByEmail(page, FRIEND_EMAIL, { name: "Ana", agreed: false });
    expect(
      await page
        .getByLabel("My friend agreed to hear from ALMAZ")
        .evaluate((el) => (el as HTMLInputElement).validity.valueMissing),
    ).toBe(true);
    // The server's refusal: one's own address.
    await inviteByEmail(page, INVITER.email, { name: "Me" });
    const summary = page.getByRole("alert").filter({ hasText: "Your invitation was not sent" });
    await summary.waitFor();
    expect(await summary.textContent()).toContain("Friend's email address: This is your own address.");
    const email = page.getByLabel("Friend's email address");
    expect(await email.getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("#email-error").textContent()).toBe("This is your own address.");
    expect(await email.inputValue()).toBe(INVITER.email);
    expect(await page.getByLabel("Friend's name (optional)").inputValue()).toBe("Me");
    expect(await page.getByLabel("My friend agreed to hear from ALMAZ").isChecked()).toBe(true);
    expect(await axe(page)).toEqual([]);
    await screenshot(page, "invitations-refused-1280");
  });

  it("sends one notice to a friend who agreed; the friend objects without an account; nobody can invite them again", async () => {
    await inviteByEmail(page, FRIEND_EMAIL, { name: "Ana" });
    await page
      .getByRole("status")
      .filter({ hasText: `We sent one email to ${FRIEND_EMAIL}.` })
      .waitFor();
    // The form is empty again, the list has the invitation, one fewer is left today.
    expect(await page.getByLabel("Friend's email address").inputValue()).toBe("");
    const sent = card(page, `Email to ${FRIEND_EMAIL}`);
    await sent.waitFor();
    expect(await statusOf(sent)).toBe("Sent");
    expect(await sent.textContent()).toContain("Ana");
    expect(await sent.textContent()).toMatch(/Details will be deleted on\d{1,2} \w{3,4} \d{4}, unless your friend/);
    await page.getByText("4 of 5 invitations left today.").waitFor();

    // The friend's mail, read signed out in another browser.
    const friend = await newContext(browser, DESKTOP);
    const mail = await friend.newPage();
    await mail.goto(`${baseUrl}/dev/mailbox`);
    const rows = mail.getByRole("row").filter({ hasText: FRIEND_EMAIL });
    expect(await rows.count()).toBe(1);
    await rows
      .filter({ hasText: `${INVITER_NAME} invited you to ALMAZ` })
      .getByRole("link")
      .click();
    await mail.waitForURL(/\/dev\/mailbox\/.+/);
    const notice = (await mail.textContent("main")) ?? "";
    expect(notice).toContain("Hello Ana,");
    expect(notice).toContain(`${INVITER_NAME}, a customer of ALMAZ, asked us to invite you`);
    expect(notice).toContain(`${INVITER_NAME} gave it to us on`);
    expect(notice).toContain("30 days");
    expect(notice).toContain(CONTROLLER);
    expect(notice).toContain("Don't contact me again");
    const link = (await mail.locator(`a[href*='/${SHOP}/invitation?token=']`).first().getAttribute("href")) as string;
    expect(link.startsWith(`${baseUrl}/${SHOP}/invitation?token=`)).toBe(true);

    // The friend's page: who invited them, what we hold and until when; nothing changes on opening.
    await mail.goto(link);
    await mail.getByRole("heading", { level: 1, name: `${INVITER_NAME} invited you to ALMAZ` }).waitFor();
    const held = mail.locator("section[aria-labelledby='held']");
    expect(await held.textContent()).toContain(FRIEND_EMAIL);
    expect(await held.textContent()).toContain("Ana");
    expect(await held.textContent()).toContain(INVITER_NAME);
    expect(await held.textContent()).toMatch(/Until \d{1,2} \w{3,4} \d{4} \(30 days from the invitation\)/);
    expect(
      await mail.locator("main").getByRole("link", { name: "privacy policy", exact: true }).getAttribute("href"),
    ).toBe(`/${SHOP}/privacy-policy`);
    expect(await mail.getByRole("link", { name: "Create your account" }).getAttribute("href")).toMatch(
      new RegExp(`^/${SHOP}/sign-up\\?invitation=`),
    );
    expect(await mail.evaluate(() => document.querySelector("meta[name='referrer']")?.getAttribute("content"))).toBe(
      "no-referrer",
    );
    expect(await axe(mail)).toEqual([]);
    await bothWidths(mail, "invitation-friend-email");

    // A second tab opened before pressing, to press again afterwards.
    const second = await friend.newPage();
    await second.goto(link);
    await mail.getByRole("button", { name: "Don't contact me again" }).click();
    await mail.getByRole("status").filter({ hasText: OBJECTION_DONE }).waitFor();
    expect(await mail.getByText(FRIEND_EMAIL).count()).toBe(0);
    expect(await axe(mail)).toEqual([]);
    await screenshot(mail, "invitation-friend-objected-1280");
    // Pressed again: the same calm answer, nothing new.
    await second.getByRole("button", { name: "Don't contact me again" }).click();
    await second.getByRole("status").filter({ hasText: OBJECTION_DONE }).waitFor();
    // Opened later: it says so, and offers nothing more.
    await mail.goto(link);
    await mail.getByRole("status").filter({ hasText: "You asked us not to contact you again." }).waitFor();
    expect(await mail.getByRole("button", { name: "Don't contact me again" }).count()).toBe(0);
    expect(await mail.getByRole("link", { name: "Create your account" }).count()).toBe(0);
    // The notice itself is deleted with the details.
    await mail.goto(`${baseUrl}/dev/mailbox`);
    expect(await mail.getByRole("row").filter({ hasText: FRIEND_EMAIL }).count()).toBe(0);
    await friend.close();

    // The inviter sees that the friend objected; the address is gone.
    await page.reload();
    const objected = card(page, "Email (address deleted)");
    await objected.waitFor();
    expect(await statusOf(objected)).toBe("Your friend asked not to be contacted");
    expect(await objected.textContent()).toMatch(/Your friend objected on\d{1,2} \w{3,4} \d{4}/);
    expect(await objected.textContent()).toMatch(/Details deleted on\d{1,2} \w{3,4} \d{4}/);
    expect(await objected.textContent()).not.toContain("Ana");
    expect(await objected.getByText("Withdraw", { exact: true }).count()).toBe(0);
    expect(await page.textContent("main")).not.toContain(FRIEND_EMAIL);

    // Inviting the address again is refused, in words.
    await inviteByEmail(page, FRIEND_EMAIL);
    await page.getByRole("alert").filter({ hasText: "Your invitation was not sent" }).waitFor();
    expect(await page.locator("#email-error").textContent()).toMatch(/already invited this address|can't be invited/);
    await page.getByText("4 of 5 invitations left today.").waitFor();

    // And by anyone else too: the address is on the shop's suppression list.
    const other = await newContext(browser, DESKTOP);
    const demo = await other.newPage();
    await demo.goto(`${baseUrl}/${SHOP}/sign-in`);
    await demo.getByLabel("Email").fill(`demo@${SHOP}.example`);
    await demo.getByLabel("Password", { exact: true }).fill("privacy-demo");
    await demo.getByRole("button", { name: /^Sign in to/ }).click();
    await demo.waitForURL(`${baseUrl}/${SHOP}/account/privacy`);
    await demo.goto(PAGE);
    await inviteByEmail(demo, FRIEND_EMAIL);
    await demo.getByRole("alert").filter({ hasText: "Your invitation was not sent" }).waitFor();
    expect(await demo.locator("#email-error").textContent()).toBe("This address can't be invited.");
    await other.close();
  });

  it("makes a share link that opens an account, once, and the inviter sees it accepted", async () => {
    await page.goto(PAGE);
    await page.getByRole("button", { name: "Create a share link" }).click();
    await page.getByRole("status").filter({ hasText: "Your link is ready." }).waitFor();
    const input = page.getByLabel("Your invitation link");
    const link = await input.inputValue();
    expect(link).toMatch(new RegExp(`^${baseUrl}/${SHOP}/invitation\\?token=[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$`));
    expect(await input.getAttribute("readonly")).not.toBeNull();
    await page.getByRole("button", { name: "Copy link" }).first().click();
    await page
      .getByRole("status")
      .filter({ hasText: /^Copied$/ })
      .waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    // The list has it too, open, with the same link to copy again.
    const open = card(page, "Share link");
    await open.waitFor();
    expect(await statusOf(open)).toBe("Link open");
    expect(await open.getByLabel("Invitation link").inputValue()).toBe(link);
    await page.getByText("3 of 5 invitations left today.").waitFor();
    expect(await axe(page)).toEqual([]);
    await screenshot(page, "invitations-share-link-1280");

    // The friend opens it in a browser of their own.
    const friend = await newContext(browser, DESKTOP);
    const visit = await friend.newPage();
    await visit.goto(link);
    await visit.getByRole("heading", { level: 1, name: `${INVITER_NAME} invited you to ALMAZ` }).waitFor();
    expect(await visit.locator("section[aria-labelledby='held']").textContent()).toContain(
      "we know nothing about you from it",
    );
    expect(await visit.getByRole("button", { name: "Don't contact me again" }).count()).toBe(0);
    expect(await axe(visit)).toEqual([]);
    await bothWidths(visit, "invitation-friend-share-link");
    await visit.getByRole("link", { name: "Create your account" }).click();
    await visit.waitForURL(new RegExp(`/${SHOP}/sign-up\\?invitation=`));
    await visit
      .getByRole("note")
      .filter({ hasText: `${INVITER_NAME} invited you` })
      .waitFor();
    expect(await axe(visit)).toEqual([]);
    await screenshot(visit, "sign-up-invited-1280");
    await signUp(visit, { first: "Radu", last: "Popa", email: `link-friend-${RUN}@test.example` });
    // The link has done its work: it opens no second account.
    await visit.goto(link);
    await visit.getByRole("status").filter({ hasText: "This invitation has been used" }).waitFor();
    expect(await visit.getByRole("link", { name: "Create your account" }).count()).toBe(0);
    await friend.close();

    await page.reload();
    const accepted = card(page, "Share link");
    expect(await statusOf(accepted)).toBe("Accepted — your friend opened an account");
    expect(await accepted.textContent()).toMatch(/Accepted on\d{1,2} \w{3,4} \d{4}/);
    expect(await accepted.getByLabel("Invitation link").count()).toBe(0);
    expect(await accepted.textContent()).not.toContain("Radu");
  });

  it("shares on Facebook, withdraws that link, erases every friend's details and reaches the day's limit", async () => {
    await page.getByRole("button", { name: "Share on Facebook" }).click();
    await page.getByRole("status").filter({ hasText: "Your link is ready to share on Facebook." }).waitFor();
    const link = await page.getByLabel("Your invitation link").inputValue();
    const share = page.getByRole("link", { name: "Open Facebook's share page (opens in a new tab)" });
    expect(await share.getAttribute("href")).toBe(
      `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(link)}`,
    );
    expect(await share.getAttribute("target")).toBe("_blank");
    expect((await share.getAttribute("rel"))?.split(" ").sort()).toEqual(["noopener", "noreferrer"]);

    // Withdraw it: the page says what that does first.
    await page.reload();
    const facebook = card(page, "Share link on Facebook");
    expect(await statusOf(facebook)).toBe("Link open");
    await facebook.getByText("Withdraw", { exact: true }).click();
    expect(await facebook.textContent()).toContain("The link stops working");
    await facebook.getByRole("button", { name: "Withdraw this link" }).click();
    await page.waitForURL(`${PAGE}?withdrawn=1`);
    await page.getByRole("status").filter({ hasText: "The invitation is withdrawn." }).waitFor();
    expect(await statusOf(card(page, "Share link on Facebook"))).toBe("Withdrawn");
    const friend = await newContext(browser, PHONE);
    const visit = await friend.newPage();
    await visit.goto(link);
    await visit
      .getByRole("status")
      .filter({ hasText: `${INVITER_NAME} withdrew this invitation` })
      .waitFor();
    expect(await visit.getByRole("link", { name: "Create your account" }).count()).toBe(0);
    await friend.close();

    // Another friend by email, then erase every friend's details.
    await inviteByEmail(page, SECOND_FRIEND_EMAIL, { name: "Ioana" });
    await page
      .getByRole("status")
      .filter({ hasText: `We sent one email to ${SECOND_FRIEND_EMAIL}.` })
      .waitFor();
    await page.getByText("1 of 5 invitations left today.").waitFor();
    const erase = page.locator("section[aria-labelledby='erase']");
    await erase.locator("summary", { hasText: "Erase all friends' details" }).click();
    expect(await erase.textContent()).toContain("Email invitations still open are withdrawn");
    await erase.getByRole("button", { name: "Erase all friends' details now" }).click();
    await page.waitForURL(`${PAGE}?erased=1`);
    await page.getByRole("status").filter({ hasText: "Your friends' details are erased (1 invitation)." }).waitFor();
    const main = (await page.textContent("main")) ?? "";
    expect(main).not.toContain(SECOND_FRIEND_EMAIL);
    expect(main).not.toContain("Ioana");
    const emails = card(page, "Email (address deleted)");
    expect(await emails.count()).toBe(2);
    expect(await statusOf(emails.first())).toBe("Withdrawn");
    expect(await statusOf(emails.last())).toBe("Your friend asked not to be contacted");

    // The day's fifth invitation: the link made is still shown, no more can be made.
    await page.getByRole("button", { name: "Share on X" }).click();
    await page.getByRole("status").filter({ hasText: "Your link is ready to share on X." }).waitFor();
    await page.getByText("You have made today's 5 invitations.").first().waitFor();
    expect(await page.getByLabel("Your invitation link").inputValue()).toMatch(/\/invitation\?token=/);
    expect(await page.getByRole("button", { name: "Share on X" }).isVisible()).toBe(false);
    expect(await page.getByRole("button", { name: "Send invitation" }).isVisible()).toBe(false);
    await page.reload();
    expect(await page.textContent("main")).toMatch(/You can invite again from \d{1,2} \w{3,4} \d{4}, \d{2}:\d{2} UTC/);
    expect(await page.locator("section[aria-labelledby='yours'] article").count()).toBe(5);
    expect(await axe(page)).toEqual([]);
    await bothWidths(page, "invitations-list");
  });

  it("shows a support agent the list without its controls or links", async () => {
    const agentContext = await newContext(browser, DESKTOP);
    const agent = await agentContext.newPage();
    await agent.goto(`${baseUrl}/${SHOP}/support/sign-in`);
    await agent.getByLabel("Email").fill(`agent@${SHOP}.example`);
    await agent.getByLabel("Password").fill("privacy-demo");
    await agent.getByRole("button", { name: "Sign in to the support console" }).click();
    await agent.waitForURL(`${baseUrl}/${SHOP}/support`);
    await agent.getByLabel("Email, name or order number").fill(INVITER.email);
    await agent.getByRole("button", { name: "Search" }).click();
    await agent.getByRole("row").filter({ hasText: INVITER.email }).getByRole("link").click();
    await agent.waitForURL(/\/support\/customers\/[^/]+$/);
    await agent.getByLabel("Reason").fill("Customer asked why a friend's invitation shows as withdrawn");
    await agent.getByLabel("Ticket reference").fill(`INV-${RUN}`);
    await agent.getByRole("button", { name: "Start support session" }).click();
    await agent.waitForURL(`${baseUrl}/${SHOP}/account/privacy`);
    await agent.goto(PAGE);
    await agent.getByRole("status").filter({ hasText: "Support staff cannot invite friends" }).waitFor();
    expect(await agent.locator("section[aria-labelledby='yours'] article").count()).toBe(5);
    expect(await agent.getByRole("button", { name: "Send invitation" }).count()).toBe(0);
    expect(await agent.getByRole("button", { name: "Create a share link" }).count()).toBe(0);
    expect(await agent.getByText("Withdraw", { exact: true }).count()).toBe(0);
    expect(await agent.locator("section[aria-labelledby='erase']").count()).toBe(0);
    // The open X link is the customer's own: not shown to the agent.
    expect(await agent.getByLabel("Invitation link").count()).toBe(0);
    expect(await statusOf(card(agent, "Share link on X"))).toBe("Link open");
    expect(await axe(agent)).toEqual([]);
    await screenshot(agent, "invitations-agent-1280");
    await agent.getByRole("button", { name: "End session" }).click();
    await agent.waitForURL(`${baseUrl}/${SHOP}/support`);
    await agentContext.close();
  });
});

describe("where there is no invitation", () => {
  it("a shop without invitations says so plainly", async () => {
    const context = await newContext(browser, DESKTOP);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/crystalline/sign-in`);
    await page.getByLabel("Email").fill("demo@crystalline.example");
    await page.getByLabel("Password", { exact: true }).fill("privacy-demo");
    await page.getByRole("button", { name: /^Sign in to/ }).click();
    await page.waitForURL(`${baseUrl}/crystalline/account/privacy`);
    await page.getByRole("navigation", { name: "Privacy" }).getByRole("link", { name: "Invited friends" }).click();
    await page.waitForURL(`${baseUrl}/crystalline/account/privacy/invitations`);
    await page.getByText("Crystalline does not offer inviting friends").waitFor();
    expect(
      await page
        .getByRole("button")
        .filter({ hasText: /invitation|share/i })
        .count(),
    ).toBe(0);
    expect(await axe(page)).toEqual([]);
    await context.close();
  });

  it("a link that is not genuine gets a message in words, and sign-up works without a note", async () => {
    const context = await newContext(browser, PHONE);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/${SHOP}/invitation?token=not-a-real-token`);
    await page.getByRole("heading", { level: 1, name: "We could not read this invitation link" }).waitFor();
    expect(await page.getByRole("alert").filter({ hasText: "This invitation link is not valid." }).count()).toBe(1);
    expect(await axe(page)).toEqual([]);
    await screenshot(page, "invitation-not-valid-390");
    await page.goto(`${baseUrl}/${SHOP}/sign-up?invitation=not-a-real-token`);
    await page.getByRole("heading", { level: 1, name: "Create your ALMAZ account" }).waitFor();
    expect(await page.getByRole("note").filter({ hasText: "invited you" }).count()).toBe(0);
    expect(await page.locator("input[name='invitationToken']").count()).toBe(0);
    await signUp(page, { first: "Elena", last: "Stan", email: `no-invitation-${RUN}@test.example` });
    await context.close();
  });
});
