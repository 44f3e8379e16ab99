import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launch, newContext, screenshot, seriousViolations } from "./browser";

// Rights requests, the customer's side: ALMAZ's demo customer reads what a request is
// and by when one filed today is answered, sends an empty form and a half-filled one and
// reads the errors, files an objection to a purpose with their grounds, follows it on
// the overview, adds information that lands in the timeline, and withdraws it. A new
// customer's restriction and objection, granted by the privacy officer through the API,
// show as a banner on every privacy page and a list of what they objected to; a support
// agent sees their requests without controls.
const baseUrl = inject("baseUrl");
const SHOP = "almaz";
const BASE = `${baseUrl}/${SHOP}/account/privacy`;
const PAGE = `${BASE}/requests`;
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const RUN = Date.now().toString(36);
const PASSWORD = "a-long-enough-password";
// From shops/almaz.yaml: the rights' labels and a purpose based on legitimate interests.
const OBJECTION = "Right to object";
const RESTRICTION = "Right to restrict data processing";
const PURPOSE = "Research, analysis and surveys";
const GROUNDS = `I took part in a survey once and do not want my answers analysed (${RUN}).`;
const MORE = `Please also stop inviting me to surveys by post (${RUN}).`;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
// "22 Dec 2026", as components/dates.ts writes a day.
const DAY = String.raw`\d{1,2} \w{3,4} \d{4}`;
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

async function signIn(page: Page, email: string, password: string) {
  await page.goto(`${baseUrl}/${SHOP}/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: /^Sign in to/ }).click();
  await page.waitForURL(BASE);
}

async function signInToConsole(page: Page, email: string) {
  await page.goto(`${baseUrl}/${SHOP}/support/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("privacy-demo");
  await page.getByRole("button", { name: "Sign in to the support console" }).click();
  await page.waitForURL(`${baseUrl}/${SHOP}/support`);
}

// The list's card of a request, by its heading (the right's name in the shop's words).
const card = (page: Page, heading: string) =>
  page
    .locator("section[aria-labelledby='yours'] article")
    .filter({ has: page.getByRole("heading", { name: heading, exact: true }) });
// Requests the customer filed: the list also holds what they did at once in the account
// (a withdrawal by another journey, say), shown as done.
const filedCards = (page: Page) =>
  page.locator("section[aria-labelledby='yours'] article").filter({ hasNotText: "Done in your account" });
const statusOf = async (request: Locator) => ((await request.locator("h3 + p").textContent()) ?? "").trim();

describe("the customer's requests", () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await newContext(browser, DESKTOP);
    page = await context.newPage();
    await signIn(page, `demo@${SHOP}.example`, "privacy-demo");
  });

  afterAll(async () => {
    await context.close();
  });

  it("opens from the privacy navigation and says what a request is and by when it is answered", async () => {
    await page.getByRole("navigation", { name: "Privacy" }).getByRole("link", { name: "Requests" }).click();
    await page.waitForURL(PAGE);
    await page.getByRole("heading", { level: 1, name: "Requests" }).waitFor();
    const main = (await page.textContent("main")) ?? "";
    expect(main).toContain("A request asks ALMAZ to do something about your data that your account cannot do at once");
    // ALMAZ answers within a month, extendable by two more.
    expect(main).toMatch(
      new RegExp(`A request filed today must be answered by ${DAY}, or by ${DAY} if it is complex and we tell you why`),
    );
    expect(main).not.toContain("This page is being built");
    // The shop's own words for each right it offers, in one radio group.
    const types = page.getByRole("group", { name: "What are you asking for?" });
    expect(await types.getByRole("radio").count()).toBe(4);
    for (const label of [
      RESTRICTION,
      OBJECTION,
      "Automatic decision-making",
      "Right of rectification: dispute a correction",
    ]) {
      expect(await types.getByRole("radio", { name: label, exact: true }).count()).toBe(1);
    }
    expect(await types.textContent()).toContain("Object at any time to processing based on our legitimate interest");
    expect(await types.textContent()).toContain("Conditions: You will still receive e-mails about your orders");
    // The purposes and data to tick follow the chosen type.
    const purposes = page.getByRole("group", { name: "Which purposes do you object to?" });
    const categories = page.getByRole("group", { name: "Which data does it concern? (optional)" });
    expect(await purposes.isVisible()).toBe(false);
    expect(await categories.isVisible()).toBe(false);
    await types.getByRole("radio", { name: RESTRICTION, exact: true }).check();
    expect(await categories.isVisible()).toBe(true);
    expect(await purposes.isVisible()).toBe(false);
    expect(await page.locator("#details-hint").textContent()).toContain("Why should we stop using your data?");
    await types.getByRole("radio", { name: OBJECTION, exact: true }).check();
    expect(await purposes.isVisible()).toBe(true);
    expect(await categories.isVisible()).toBe(false);
    expect(await purposes.getByRole("checkbox", { name: PURPOSE }).count()).toBe(1);
    // Marketing rests on consent: it is unsubscribed from, not objected to here.
    expect(await purposes.getByRole("checkbox", { name: /^Marketing/ }).count()).toBe(0);
    expect(await page.locator("#details-hint").textContent()).toContain("Your grounds");
    expect(await page.getByLabel("Tell us more").count()).toBe(1);
    expect(await filedCards(page).count()).toBe(0);
    expect(await axe(page)).toEqual([]);
    await bothWidths(page, "requests-customer-empty");
  });

  it("refuses an empty request and a half-filled one in words next to the fields, keeping what was chosen", async () => {
    await page.reload();
    await page.getByRole("button", { name: "Send request" }).click();
    const summary = page.getByRole("alert").filter({ hasText: "Your request was not sent" });
    await summary.waitFor();
    expect(await summary.textContent()).toContain("What you are asking for: Choose what you are asking for.");
    expect(await page.locator("#type").getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("#type-error").textContent()).toBe("Choose what you are asking for.");
    // Focus goes to the summary, so it is read out.
    expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);

    // An objection without a purpose or grounds: the API's errors, each at its field.
    await page.getByRole("radio", { name: OBJECTION, exact: true }).check();
    await page.getByRole("button", { name: "Send request" }).click();
    await page.locator("#purposes-error").waitFor();
    expect(await page.locator("#purposes-error").textContent()).toBe("Choose what you object to.");
    expect(await page.locator("#details-error").textContent()).toBe("Tell us in a few words.");
    expect(await page.getByLabel("Tell us more").getAttribute("aria-invalid")).toBe("true");
    const refused =
      (await page.getByRole("alert").filter({ hasText: "Your request was not sent" }).textContent()) ?? "";
    expect(refused).toContain("Purposes you object to: Choose what you object to.");
    expect(refused).toContain("Tell us more: Tell us in a few words.");
    expect(await page.getByRole("radio", { name: OBJECTION, exact: true }).isChecked()).toBe(true);
    expect(await page.locator("#details-hint").textContent()).toContain("Your grounds");
    expect(await filedCards(page).count()).toBe(0);
    expect(await axe(page)).toEqual([]);
    await screenshot(page, "requests-customer-refused-1280");
  });

  it("files an objection to a purpose, with its due date and timeline", async () => {
    await page.getByRole("checkbox", { name: PURPOSE }).check();
    await page.getByLabel("Tell us more").fill(GROUNDS);
    await page.getByRole("button", { name: "Send request" }).click();
    await page.waitForURL(new RegExp(`${PAGE}\\?filed=`));
    const note = page.getByRole("status").filter({ hasText: `We received your request: ${OBJECTION}.` });
    await note.waitFor();
    expect(await note.textContent()).toMatch(new RegExp(`We will answer by ${DAY}\\.`));
    const filed = card(page, OBJECTION);
    expect(await filed.count()).toBe(1);
    expect(await statusOf(filed)).toBe("Open");
    const text = (await filed.textContent()) ?? "";
    expect(text).toMatch(new RegExp(`Due by${DAY}`));
    expect(text).toMatch(new RegExp(`Received${DAY}`));
    expect(text).toContain(`You object to${PURPOSE}`);
    expect(text).toContain(GROUNDS);
    // The timeline, oldest first, in words.
    const timeline = filed.getByRole("list").filter({ hasText: "Request received" });
    expect(await timeline.locator("li > p:first-child").allTextContents()).toEqual([
      "Request received",
      "Identity confirmed",
      "Acknowledged: we are working on it",
    ]);
    expect(await timeline.locator("li time").first().textContent()).toMatch(new RegExp(`^${DAY}, \\d{2}:\\d{2} UTC$`));
    // The due date in the acknowledgement is in words too.
    expect(await timeline.getByRole("listitem").last().textContent()).toMatch(/We will answer by \d{1,2} \w+ \d{4}\.$/);
    // The form is empty again; filing the same kind twice is refused.
    expect(await page.getByLabel("Tell us more").inputValue()).toBe("");
    expect(await page.locator("main").textContent()).not.toMatch(/OBJECTION|OPEN|CUSTOMER/);
    expect(await axe(page)).toEqual([]);
    await bothWidths(page, "requests-customer-filed");

    await page.getByRole("radio", { name: OBJECTION, exact: true }).check();
    await page.getByRole("checkbox", { name: PURPOSE }).check();
    await page.getByLabel("Tell us more").fill("Again");
    await page.getByRole("button", { name: "Send request" }).click();
    await page.locator("#type-error").waitFor();
    expect(await page.locator("#type-error").textContent()).toContain("There is already an open request of this kind");
  });

  it("lists the open request on the overview with its due date", async () => {
    await page.goto(BASE);
    const open = page.locator("section[aria-labelledby='open-requests']");
    await open.waitFor();
    expect(await open.getByRole("heading", { level: 2 }).textContent()).toBe("Open requests");
    expect(await open.textContent()).toMatch(new RegExp(`${OBJECTION}OpenDue by ${DAY}`));
    expect(await axe(page)).toEqual([]);
    await bothWidths(page, "requests-customer-overview");
    await open.getByRole("link", { name: "Follow your requests" }).click();
    await page.waitForURL(PAGE);
  });

  it("adds information that shows in the timeline, then withdraws the request", async () => {
    const filed = card(page, OBJECTION);
    await filed.getByLabel("Add information").fill(MORE);
    await filed.getByRole("button", { name: "Add", exact: true }).click();
    await page.getByRole("status").filter({ hasText: "Added to your request." }).waitFor();
    const timeline = filed.getByRole("list").filter({ hasText: "Request received" });
    await timeline.getByRole("listitem").filter({ hasText: MORE }).waitFor();
    const last = (await timeline.getByRole("listitem").last().textContent()) ?? "";
    expect(last).toMatch(new RegExp(`^Information added${DAY}, \\d{2}:\\d{2} UTC${escapeRegExp(MORE)}$`));
    expect(await filed.getByLabel("Add information").inputValue()).toBe("");
    expect(await axe(page)).toEqual([]);

    // An empty addition is refused, in words, at the box.
    await filed.getByRole("button", { name: "Add", exact: true }).click();
    await filed.getByRole("alert").filter({ hasText: "Write what you want to add." }).waitFor();

    // Withdrawing says what it does first.
    await filed.getByText("Withdraw request", { exact: true }).click();
    expect(await filed.textContent()).toContain("We stop working on it and do nothing more about it.");
    await screenshot(page, "requests-customer-withdraw-1280");
    await filed.getByRole("button", { name: "Withdraw this request" }).click();
    await page.waitForURL(`${PAGE}?withdrawn=1`);
    await page.getByRole("status").filter({ hasText: "Your request is withdrawn." }).waitFor();
    const withdrawn = card(page, OBJECTION);
    expect(await statusOf(withdrawn)).toBe("Withdrawn");
    expect(await withdrawn.textContent()).toMatch(new RegExp(`Withdrawn on${DAY}`));
    expect(await withdrawn.getByRole("listitem").last().textContent()).toMatch(new RegExp(`^Withdrawn${DAY}`));
    expect(await withdrawn.getByLabel("Add information").count()).toBe(0);
    expect(await withdrawn.getByText("Withdraw request", { exact: true }).count()).toBe(0);
    expect(await axe(page)).toEqual([]);
    await bothWidths(page, "requests-customer-withdrawn");

    // Nothing open any more: the overview has no open requests.
    await page.goto(BASE);
    await page.getByRole("heading", { level: 1 }).waitFor();
    expect(await page.locator("section[aria-labelledby='open-requests']").count()).toBe(0);
  });
});

describe("a granted restriction", () => {
  const email = `restricted-${RUN}@test.example`;

  it("shows on the Requests page, the overview and every privacy page; a support agent sees the requests without controls", async () => {
    // A new customer asks for a restriction of their contact details.
    const customer = await newContext(browser, DESKTOP);
    const page = await customer.newPage();
    await page.goto(`${baseUrl}/${SHOP}/sign-up`);
    await page.getByLabel("First name").fill("Ilinca");
    await page.getByLabel("Last name").fill("Dobre");
    await page.getByLabel("Email", { exact: true }).fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL(BASE);
    await page.goto(PAGE);
    await page.getByRole("radio", { name: RESTRICTION, exact: true }).check();
    const data = page.getByRole("group", { name: "Which data does it concern? (optional)" });
    const firstCategory = data.getByRole("checkbox").first();
    const category = ((await firstCategory.evaluate((el) => el.closest("label")?.textContent)) ?? "").trim();
    await firstCategory.check();
    await page.getByLabel("Tell us more").fill("My address is wrong and I need it kept for a claim.");
    await page.getByRole("button", { name: "Send request" }).click();
    await page.waitForURL(new RegExp(`${PAGE}\\?filed=`));
    const restriction = new URL(page.url()).searchParams.get("filed") as string;
    expect(await card(page, RESTRICTION).textContent()).toContain(`Data it concerns${category}`);
    // And objects to fraud checks.
    await page.getByRole("radio", { name: OBJECTION, exact: true }).check();
    await page.getByRole("checkbox", { name: "Fraud and credit checks" }).check();
    await page.getByLabel("Tell us more").fill("I have never bought on credit.");
    await page.getByRole("button", { name: "Send request" }).click();
    await page.waitForURL((url) => (url.searchParams.get("filed") ?? restriction) !== restriction);
    const objection = new URL(page.url()).searchParams.get("filed") as string;

    // The privacy officer grants both through the API.
    const officer = await newContext(browser, DESKTOP);
    const desk = await officer.newPage();
    await signInToConsole(desk, `dpo@${SHOP}.example`);
    const decisions = [
      { id: restriction, reason: "We checked: your address was wrong. We restrict it." },
      { id: objection, reason: "Your situation prevails: we stop fraud and credit checks on you." },
    ];
    for (const decision of decisions) {
      const response = await desk.request.post(`${baseUrl}/api/graphql`, {
        headers: { "content-type": "application/json", "apollo-require-preflight": "true" },
        data: {
          query: `mutation Decide($input: RightsRequestDecideInput!) {
            rightsRequestDecide(input: $input) { request { status outcome } userErrors { message } }
          }`,
          variables: { input: { ...decision, outcome: "GRANTED" } },
        },
      });
      const body = await response.json();
      expect(body.data.rightsRequestDecide).toEqual({
        request: { status: "CLOSED", outcome: "GRANTED" },
        userErrors: [],
      });
    }
    await officer.close();

    // The Requests page: the banner in full, the request granted with our answer.
    await page.goto(PAGE);
    const banner = page.locator("section[aria-labelledby='restriction-title']");
    await banner.waitFor();
    expect(await banner.getByRole("heading", { level: 2 }).textContent()).toBe("The use of your data is restricted");
    expect(await banner.textContent()).toMatch(new RegExp(`Since ${DAY}\\. We keep your data but no longer use it`));
    expect(await banner.textContent()).toContain("delete your account");
    const objected = page.locator("section[aria-labelledby='objected']");
    expect(await objected.textContent()).toContain(
      "You objected to: Fraud and credit checks. We no longer use your data for them.",
    );
    expect(await statusOf(card(page, OBJECTION))).toBe("Granted");
    const granted = card(page, RESTRICTION);
    expect(await statusOf(granted)).toBe("Granted");
    expect(await granted.textContent()).toContain("Our answerWe checked: your address was wrong.");
    expect(await granted.getByLabel("Add information").count()).toBe(0);
    expect(await page.getByRole("region", { name: "Restricted use of your data" }).count()).toBe(0);
    expect(await axe(page)).toEqual([]);
    await bothWidths(page, "requests-customer-restricted");

    // The overview says it in full, with the way to the requests.
    await page.goto(BASE);
    const overview = page.locator("section[aria-labelledby='restriction-title']");
    await overview.waitFor();
    expect(await overview.getByRole("link", { name: "See your requests" }).getAttribute("href")).toBe(
      `/${SHOP}/account/privacy/requests`,
    );
    expect(await page.getByRole("region", { name: "Restricted use of your data" }).count()).toBe(0);
    await screenshot(page, "requests-customer-restricted-overview-1280");
    // Every other privacy page has the short line.
    await page.goto(`${BASE}/subscriptions`);
    const notice = page.getByRole("region", { name: "Restricted use of your data" });
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(new RegExp(`The use of your data is restricted since ${DAY}\\.`));
    expect(await notice.getByRole("link", { name: "Your requests" }).getAttribute("href")).toBe(
      `/${SHOP}/account/privacy/requests`,
    );
    expect(await axe(page)).toEqual([]);
    await bothWidths(page, "requests-customer-restricted-notice");
    await customer.close();

    // A support agent acting for the customer sees the requests, not the forms.
    const agentContext = await newContext(browser, DESKTOP);
    const agent = await agentContext.newPage();
    await signInToConsole(agent, `agent@${SHOP}.example`);
    await agent.getByLabel("Email, name or order number").fill(email);
    await agent.getByRole("button", { name: "Search" }).click();
    // The session is started through the API: this journey is about the customer's page,
    // not the console's forms (test/e2e/support.e2e.ts drives those).
    const href = (await agent.getByRole("row").filter({ hasText: email }).getByRole("link").getAttribute("href")) ?? "";
    const customerId = decodeURIComponent(href.split("/").pop() ?? "");
    const started = await agent.request.post(`${baseUrl}/api/graphql`, {
      headers: { "content-type": "application/json", "apollo-require-preflight": "true" },
      data: {
        query: `mutation Start($input: ImpersonationStartInput!) {
          impersonationStart(input: $input) { impersonation { id } userErrors { message } }
        }`,
        variables: {
          input: { customerId, reason: "Customer asked what their restriction means", ticket: `REQ-${RUN}` },
        },
      },
    });
    expect((await started.json()).data.impersonationStart.userErrors).toEqual([]);
    await agent.goto(PAGE);
    await agent
      .getByRole("status")
      .filter({ hasText: "Support staff cannot file, add to or withdraw requests." })
      .waitFor();
    expect(await statusOf(card(agent, RESTRICTION))).toBe("Granted");
    expect(await agent.getByRole("button", { name: "Send request" }).count()).toBe(0);
    expect(await agent.getByLabel("Add information").count()).toBe(0);
    expect(await agent.getByText("Withdraw request", { exact: true }).count()).toBe(0);
    expect(await agent.locator("section[aria-labelledby='restriction-title']").count()).toBe(1);
    expect(await axe(agent)).toEqual([]);
    await screenshot(agent, "requests-customer-agent-1280");
    await agent.getByRole("button", { name: "End session" }).click();
    await agent.waitForURL(`${baseUrl}/${SHOP}/support`);
    await agentContext.close();
  });
});
