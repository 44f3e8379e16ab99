import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launch, newContext, screenshot, seriousViolations } from "./browser";

// Rights requests from the staff side, in Allegra (which publishes its request figures):
// a new customer files a restriction; the privacy officer finds it in the console's queue
// with its due date, assigns it, notes it, is refused a too-short extension reason next
// to the field and then extends it, and grants it with a reason; a support agent sees it
// read-only except for notes; a representative's objection waits for the officer's check
// and is partly granted. The customer's timeline has no staff notes, the emails are in
// the dev mailbox, and the public figures page counts both requests.
const baseUrl = inject("baseUrl");
const SHOP = "allegra";
const PASSWORD = "privacy-demo";
const CUSTOMER_PASSWORD = "a-long-enough-password";
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
// Letters only, unique per run, so the queue's row is this run's.
const TAG = Date.now()
  .toString(36)
  .replace(/\d/g, (d) => "abcdefghij"[Number(d)]);
const CUSTOMER = {
  first: "Irini",
  last: `Vlachou-${TAG[0].toUpperCase()}${TAG.slice(1)}`,
  email: `irini-${TAG}@test.example`,
};
const CUSTOMER_NAME = `${CUSTOMER.first} ${CUSTOMER.last}`;
// From shops/allegra.yaml: the policy's words for the two rights.
const RESTRICTION = "Restrict processing";
const OBJECTION = "Opt out of marketing";
const NOTE = `Phoned the customer on ${TAG}: they say the delivery address we hold is wrong.`;
const EXTENSION_REASON = "We must check the address with the courier first, which takes several weeks.";
const DECISION_REASON = "The accuracy of the address is contested: we keep it but do not use it until it is checked.";
const REPRESENTATIVE = "Consumer Rights Bureau";
let browser: Browser;
// The shop's year and its figures before this journey's requests.
let year: number;
let before: Metrics;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

// A navigation (or a server action's redirect) is complete, for axe too, once the new
// page's title is set.
async function arrived(page: Page, title: string) {
  await page.waitForFunction((start) => document.title.startsWith(start), title);
}

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

async function staffSignIn(page: Page, email: string) {
  await page.goto(`${baseUrl}/${SHOP}/support/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in to the support console" }).click();
  await page.waitForURL(`${baseUrl}/${SHOP}/support`);
}

type GraphQLAnswer<T> = { data?: T; errors?: { message: string }[] };

// A GraphQL call with the browser context's session cookie (or none, signed out).
async function gql<T>(page: Page | null, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const body = JSON.stringify({ query, variables });
  const answer = page
    ? ((await (
        await page.request.post(`${baseUrl}/api/graphql`, {
          headers: { "content-type": "application/json" },
          data: body,
        })
      ).json()) as GraphQLAnswer<T>)
    : ((await (
        await fetch(`${baseUrl}/api/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body })
      ).json()) as GraphQLAnswer<T>);
  expect(answer.errors).toBeUndefined();
  return answer.data as T;
}

type MetricsRow = {
  type: string | null;
  label: string;
  received: number;
  granted: number;
  partlyGranted: number;
  refused: number;
  withdrawn: number;
  pending: number;
  medianDaysToRespond: number | null;
  meanDaysToRespond: number | null;
  late: number;
};
type Metrics = { year: number; rows: MetricsRow[]; total: MetricsRow };

const METRICS_QUERY = `query ($year: Int!) {
  shop(handle: "${SHOP}") {
    requestMetrics(year: $year) {
      year
      rows { type label received granted partlyGranted refused withdrawn pending medianDaysToRespond meanDaysToRespond late }
      total { type label received granted partlyGranted refused withdrawn pending medianDaysToRespond meanDaysToRespond late }
    }
  }
}`;

async function publicMetrics(year: number): Promise<Metrics> {
  const data = await gql<{ shop: { requestMetrics: Metrics } }>(null, METRICS_QUERY, { year });
  return data.shop.requestMetrics;
}

const rowOf = (metrics: Metrics, type: string) => metrics.rows.find((r) => r.type === type) as MetricsRow;

// As the pages word them (components/dates.ts, components/request-metrics-table.tsx).
const day = (iso: string) => new Date(iso).toLocaleDateString("en-GB", { dateStyle: "medium", timeZone: "UTC" });
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
const inDays = (value: number | null) => (value === null ? "None decided" : `${value} ${value === 1 ? "day" : "days"}`);
const cells = (r: MetricsRow) => [
  String(r.received),
  String(r.granted),
  String(r.partlyGranted),
  String(r.refused),
  String(r.withdrawn),
  String(r.pending),
  inDays(r.medianDaysToRespond),
  inDays(r.meanDaysToRespond),
  String(r.late),
];

const main = (page: Page) => page.locator("main").last();
const panel = (page: Page, title: string) => page.getByRole("region", { name: title, exact: true });
const doneNotice = (page: Page, text: string) => page.getByRole("status").filter({ hasText: text });
const timeline = (page: Page) => panel(page, "What happened").getByRole("listitem");

// The staff detail's "dl" row of a term.
async function detail(page: Page, term: string): Promise<string> {
  return (
    (await page
      .locator("dt", { hasText: new RegExp(`^${term}$`) })
      .locator("xpath=following-sibling::dd[1]")
      .first()
      .textContent()) ?? ""
  ).trim();
}

describe("rights requests in the support console", () => {
  let customer: BrowserContext;
  let customerPage: Page;
  let officer: BrowserContext;
  let page: Page;
  let today: string;
  let filed: { id: string; dueOn: string; receivedOn: string; extendableTo: string | null };
  let requestUrl: string;

  beforeAll(async () => {
    customer = await newContext(browser, DESKTOP);
    customerPage = await customer.newPage();
    officer = await newContext(browser, DESKTOP);
    page = await officer.newPage();
  });

  afterAll(async () => {
    await customer?.close();
    await officer?.close();
  });

  it("a new customer files a restriction", async () => {
    const policy = await gql<{ shop: { policy: { requests: { dueDatesIfAskedNow: { receivedOn: string } } } } }>(
      null,
      `{ shop(handle: "${SHOP}") { policy { requests { dueDatesIfAskedNow { receivedOn } } } } }`,
    );
    today = policy.shop.policy.requests.dueDatesIfAskedNow.receivedOn;
    year = Number(today.slice(0, 4));
    before = await publicMetrics(year);

    await customerPage.goto(`${baseUrl}/${SHOP}/sign-up`);
    await customerPage.getByLabel("First name").fill(CUSTOMER.first);
    await customerPage.getByLabel("Last name").fill(CUSTOMER.last);
    await customerPage.getByLabel("Email", { exact: true }).fill(CUSTOMER.email);
    await customerPage.getByLabel("Password").fill(CUSTOMER_PASSWORD);
    await customerPage.getByRole("button", { name: "Create account" }).click();
    await customerPage.waitForURL(`${baseUrl}/${SHOP}/account/privacy`);

    // Filed through the API with the customer's own session (the customer's page is
    // another journey's).
    const answer = await gql<{
      rightsRequestCreate: {
        request: { id: string; dueOn: string; receivedOn: string; extendableTo: string | null; status: string } | null;
        userErrors: { message: string }[];
      };
    }>(
      customerPage,
      `mutation ($input: RightsRequestCreateInput!) {
        rightsRequestCreate(input: $input) {
          request { id dueOn receivedOn extendableTo status }
          userErrors { message }
        }
      }`,
      {
        input: {
          type: "RESTRICTION",
          details: "The delivery address you hold is wrong: do not use my data until it is fixed.",
        },
      },
    );
    expect(answer.rightsRequestCreate.userErrors).toEqual([]);
    const request = answer.rightsRequestCreate.request;
    expect(request?.status).toBe("OPEN");
    expect(request?.extendableTo).not.toBeNull();
    filed = request as typeof filed;
  });

  it("the privacy officer finds it in the queue, with its due date in days", async () => {
    await staffSignIn(page, `dpo@${SHOP}.example`);
    const nav = page.getByRole("navigation", { name: "Support console" });
    expect(await nav.getByRole("link").allTextContents()).toEqual(
      expect.arrayContaining(["Find a customer", "Requests", "Audit log"]),
    );
    const links = await nav.getByRole("link").allTextContents();
    expect(links.indexOf("Requests")).toBe(links.indexOf("Audit log") - 1);
    await nav.getByRole("link", { name: "Requests" }).click();
    await page.waitForURL(`${baseUrl}/${SHOP}/support/requests`);
    await page.getByRole("heading", { level: 1, name: "Requests" }).waitFor();
    await arrived(page, "Requests");

    const counts = main(page).locator("dl").first();
    const countText = (await counts.textContent()) ?? "";
    expect(countText).toContain("Open (and waiting for a check)");
    expect(countText).toContain("Overdue");
    expect(countText).toContain("Due within 7 days");
    // The filters' defaults.
    expect(await page.getByLabel("Type").inputValue()).toBe("");
    expect(await page.getByLabel("Status").locator("option:checked").textContent()).toBe(
      "Open and waiting for a check",
    );
    expect(await page.getByLabel("Only mine").isChecked()).toBe(false);
    expect(await page.getByLabel("Include self-service").isChecked()).toBe(false);

    const row = page.getByRole("row").filter({ hasText: CUSTOMER_NAME });
    await row.waitFor();
    const text = (await row.textContent()) ?? "";
    expect(text).toContain(CUSTOMER.email);
    expect(text).toContain(RESTRICTION);
    expect(text).toContain("Open");
    expect(text).toContain(day(filed.receivedOn));
    expect(text).toContain(day(filed.dueOn));
    expect(text).toContain(`Due in ${daysBetween(today, filed.dueOn)} days`);
    expect(text).toContain("Nobody");
    expect(await seriousViolations(page)).toEqual([]);
    await bothWidths(page, "requests-staff-queue");
    // On the phone the same request is a card.
    await page.setViewportSize(PHONE);
    const card = page.getByRole("listitem").filter({ hasText: CUSTOMER_NAME });
    expect(await card.textContent()).toContain(`Due in ${daysBetween(today, filed.dueOn)} days`);
    await page.setViewportSize(DESKTOP);
  });

  it("filters by type and by assignee with a GET form", async () => {
    await page.getByLabel("Type").selectOption({ label: "Restriction of processing" });
    await page.getByLabel("Only mine").check();
    await page.getByRole("button", { name: "Filter" }).click();
    await page.waitForURL(/type=RESTRICTION/);
    expect(page.url()).toContain("mine=1");
    await arrived(page, "Requests");
    expect(await page.getByLabel("Only mine").isChecked()).toBe(true);
    // Not assigned yet: not mine.
    expect(await page.getByRole("row").filter({ hasText: CUSTOMER_NAME }).count()).toBe(0);
    await page.getByRole("link", { name: "Clear the filters" }).click();
    await page.waitForURL(`${baseUrl}/${SHOP}/support/requests`);
    await page.getByRole("row").filter({ hasText: CUSTOMER_NAME }).waitFor();
  });

  it("opens the request, assigns it to themselves and adds an internal note", async () => {
    await page.getByRole("row").filter({ hasText: CUSTOMER_NAME }).getByRole("link").click();
    await page.waitForURL(/\/support\/requests\/[^/?]+$/);
    requestUrl = page.url();
    await page.getByRole("heading", { level: 1, name: `${RESTRICTION}: ${CUSTOMER_NAME}` }).waitFor();
    await arrived(page, "Request");
    expect(await detail(page, "Customer")).toContain(CUSTOMER.email);
    expect(await detail(page, "In the customer's words")).toContain("The delivery address you hold is wrong");
    expect(await detail(page, "Filed by")).toBe("The customer, signed in");
    expect(await detail(page, "Due")).toContain(`Due in ${daysBetween(today, filed.dueOn)} days`);
    expect(await detail(page, "Data concerned")).toBe("Not named: all the data held");
    const kinds = await timeline(page).locator("p:first-child span:first-child").allTextContents();
    expect(kinds).toEqual(["Request received", "Identity confirmed", "Acknowledged: we are working on it"]);
    // The officer's steps for an open request that can still be extended.
    const headings = await page.getByRole("heading", { level: 2 }).allTextContents();
    expect(headings).toEqual(["The request", "What happened", "Assign", "Extend the due date", "Decide", "Add a note"]);
    expect(await panel(page, "Extend the due date").textContent()).toContain(day(filed.extendableTo as string));
    expect(await seriousViolations(page)).toEqual([]);
    await bothWidths(page, "requests-staff-detail");

    await page.getByRole("button", { name: "Assign to me" }).click();
    await page.waitForURL(/done=assigned/);
    await doneNotice(page, "Assigned to you.").waitFor();
    expect(await detail(page, "Assigned to")).toBe("Dana, privacy officer");
    expect(await panel(page, "Assign").getByRole("button").allTextContents()).toEqual(["Unassign"]);

    await page.getByLabel("Note", { exact: true }).fill(NOTE);
    await page.getByRole("button", { name: "Add the note" }).click();
    await page.waitForURL(/done=note/);
    await doneNotice(page, "Note added. It is not shown on the customer's requests page.").waitFor();
    const note = timeline(page).filter({ hasText: NOTE });
    expect(await note.textContent()).toContain("Internal note");
    expect(await note.textContent()).toContain("Staff note");
    expect(await timeline(page).filter({ hasText: "Assigned to Dana, privacy officer" }).textContent()).toContain(
      "Staff only",
    );
    // Now it is the officer's: the "Only mine" filter finds it.
    await page.goto(`${baseUrl}/${SHOP}/support/requests?type=RESTRICTION&mine=1`);
    await page.getByRole("row").filter({ hasText: CUSTOMER_NAME }).waitFor();
    expect(await page.getByRole("row").filter({ hasText: CUSTOMER_NAME }).textContent()).toContain(
      "Dana, privacy officer",
    );
  });

  it("is refused a too-short extension reason next to the field, keeping it; then extends the due date", async () => {
    await page.goto(requestUrl);
    await arrived(page, "Request");
    const reason = page.getByLabel("Why you need more time (sent to the customer)");
    await reason.fill("Too short");
    await page.getByRole("button", { name: "Extend the due date" }).click();
    const refusal = page.getByRole("alert").filter({ hasText: "The due date was not extended" });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain("Why you need more time: Give the reason (at least 10 characters).");
    expect(await reason.getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("#extend-reason-error").textContent()).toBe("Give the reason (at least 10 characters).");
    expect(await reason.inputValue()).toBe("Too short");
    expect(await axe(page)).toEqual([]);
    await screenshot(page, "requests-staff-extend-refused-1280");

    await reason.fill(EXTENSION_REASON);
    await page.getByRole("button", { name: "Extend the due date" }).click();
    await page.waitForURL(/done=extended/);
    await doneNotice(page, "Due date extended.").waitFor();
    const due = await detail(page, "Due");
    expect(due).toContain(day(filed.extendableTo as string));
    expect(due).toContain(`from ${day(filed.dueOn)}`);
    expect(due).toContain(`Due in ${daysBetween(today, filed.extendableTo as string)} days`);
    expect(await detail(page, "Why it was extended")).toBe(EXTENSION_REASON);
    expect(await page.getByRole("heading", { name: "Extend the due date" }).count()).toBe(0);
    expect(await timeline(page).filter({ hasText: "Due date extended" }).textContent()).toContain(EXTENSION_REASON);
  });

  it("a support agent sees the request read-only, except for notes", async () => {
    const context = await newContext(browser, DESKTOP);
    const agent = await context.newPage();
    await staffSignIn(agent, `agent@${SHOP}.example`);
    const nav = agent.getByRole("navigation", { name: "Support console" });
    expect(await nav.getByRole("link", { name: "Requests" }).count()).toBe(1);
    expect(await nav.getByRole("link", { name: "Audit log" }).count()).toBe(0);
    await agent.goto(requestUrl);
    await arrived(agent, "Request");
    expect(await main(agent).textContent()).toContain(
      "Only the privacy officer assigns, checks a representative's authority, extends and decides requests.",
    );
    expect(await agent.getByRole("heading", { level: 2 }).allTextContents()).toEqual([
      "The request",
      "What happened",
      "Add a note",
    ]);
    // Staff see staff notes.
    expect(await timeline(agent).filter({ hasText: NOTE }).count()).toBe(1);
    expect(await axe(agent)).toEqual([]);
    await screenshot(agent, "requests-staff-agent-1280");
    // The queue has no link to the figures for a support agent.
    await agent.goto(`${baseUrl}/${SHOP}/support/requests`);
    await arrived(agent, "Requests");
    expect(await agent.getByRole("link", { name: "Figures per year" }).count()).toBe(0);
    await context.close();
  });

  it("decides Granted with a reason: the customer's data is restricted and the restriction can be lifted", async () => {
    await page.goto(requestUrl);
    await arrived(page, "Request");
    const decide = panel(page, "Decide");
    expect(await decide.textContent()).toContain("Granting takes effect at once");
    await decide.getByLabel("Granted", { exact: true }).check();
    await decide.getByLabel("Reason (sent to the customer)").fill(DECISION_REASON);
    await decide.getByRole("button", { name: "Send the decision" }).click();
    await page.waitForURL(/done=decided/);
    await doneNotice(page, "Decision sent.").waitFor();
    expect(await detail(page, "Status")).toBe("Closed: granted");
    expect(await detail(page, "Decision")).toContain(DECISION_REASON);
    expect(await detail(page, "Customer")).toContain("The use of their data is restricted now.");
    const headings = await page.getByRole("heading", { level: 2 }).allTextContents();
    expect(headings).toEqual(["The request", "What happened", "Assign", "Lift the restriction", "Add a note"]);
    const kinds = await timeline(page).locator("p:first-child span:first-child").allTextContents();
    expect(kinds.slice(-2)).toEqual(["Decided: granted", "Closed"]);
    expect(await axe(page)).toEqual([]);
    await bothWidths(page, "requests-staff-decided");
    // Closed requests leave the default queue.
    await page.goto(`${baseUrl}/${SHOP}/support/requests`);
    await arrived(page, "Requests");
    expect(await page.getByRole("row").filter({ hasText: CUSTOMER_NAME }).count()).toBe(0);
    await page.getByLabel("Status").selectOption({ label: "Closed" });
    await page.getByRole("button", { name: "Filter" }).click();
    await page.waitForURL(/status=CLOSED/);
    const row = page.getByRole("row").filter({ hasText: CUSTOMER_NAME });
    await row.waitFor();
    expect(await row.textContent()).toContain("Closed: granted");
    expect(await row.textContent()).not.toContain("Due in");
  });

  it("a representative's objection waits for the officer's check, then is partly granted", async () => {
    const found = await gql<{ supportCustomers: { edges: { node: { id: string } }[] } }>(
      page,
      `query ($q: String!) { supportCustomers(query: $q, first: 1) { edges { node { id } } } }`,
      { q: CUSTOMER.email },
    );
    const customerId = found.supportCustomers.edges[0]?.node.id;
    expect(customerId).toBeTruthy();
    const answer = await gql<{ rightsRequestCreate: { request: { id: string } | null; userErrors: unknown[] } }>(
      page,
      `mutation ($input: RightsRequestCreateInput!) {
        rightsRequestCreate(input: $input) { request { id } userErrors { message } }
      }`,
      {
        input: {
          type: "OBJECTION",
          customerId,
          purposes: ["marketing-existing-customers", "research-analysis"],
          details: "Our client does not want marketing or research based on their purchases.",
          representative: {
            name: REPRESENTATIVE,
            proof: "Signed power of attorney dated this month, received by post, scanned to ticket 4417.",
          },
        },
      },
    );
    expect(answer.rightsRequestCreate.userErrors).toEqual([]);

    await page.goto(`${baseUrl}/${SHOP}/support/requests?type=OBJECTION`);
    await arrived(page, "Requests");
    const row = page.getByRole("row").filter({ hasText: CUSTOMER_NAME });
    await row.waitFor();
    expect(await row.textContent()).toContain(`Filed by a representative: ${REPRESENTATIVE}`);
    expect(await row.textContent()).toContain("Waiting for a check of the representative's authority");
    await row.getByRole("link").click();
    await page.waitForURL(/\/support\/requests\/[^/?]+$/);
    await page.getByRole("heading", { level: 1, name: `${OBJECTION}: ${CUSTOMER_NAME}` }).waitFor();
    await arrived(page, "Request");
    expect(await detail(page, "Proof of authority")).toContain("Signed power of attorney");
    // Nothing else until the authority is checked.
    expect(await page.getByRole("heading", { level: 2 }).allTextContents()).toEqual([
      "The request",
      "What happened",
      "Assign",
      "Check the representative's authority",
      "Add a note",
    ]);
    expect(await axe(page)).toEqual([]);
    await screenshot(page, "requests-staff-verify-1280");

    const check = panel(page, "Check the representative's authority");
    await check.getByLabel(`Yes: ${REPRESENTATIVE} may act for the customer. Open the request.`).check();
    await check
      .getByLabel("What you checked (the customer is told)")
      .fill("The power of attorney is signed and current.");
    await check.getByRole("button", { name: "Save the check" }).click();
    await page.waitForURL(/done=verified/);
    await doneNotice(page, "authority is confirmed").waitFor();
    expect(await detail(page, "Status")).toBe("Open");

    const decide = panel(page, "Decide");
    const purposes = decide.getByRole("group", { name: "Purposes granted" });
    expect(await purposes.getByRole("checkbox").count()).toBe(2);
    await decide.getByLabel("Partly granted").check();
    await purposes.getByLabel("Research and analysis").uncheck();
    await decide
      .getByLabel("Reason (sent to the customer)")
      .fill("We stop marketing; research uses data we must keep.");
    await decide.getByRole("button", { name: "Send the decision" }).click();
    await page.waitForURL(/done=decided/);
    await doneNotice(page, "Decision sent.").waitFor();
    expect(await detail(page, "Status")).toBe("Closed: partly granted");
    expect(await timeline(page).filter({ hasText: "We no longer use your data for" }).textContent()).toContain(
      "Marketing to existing customers",
    );
  });

  it("the customer's timeline shows the steps without staff notes", async () => {
    const data = await gql<{
      rightsRequest: {
        status: string;
        outcome: string;
        dueOn: string;
        decisionReason: string;
        extensionReason: string;
        assignedTo: unknown;
        events: { kind: string; message: string | null; internal: boolean }[];
      } | null;
    }>(
      customerPage,
      `query ($id: ID!) {
        rightsRequest(id: $id) {
          status outcome dueOn decisionReason extensionReason assignedTo { id }
          events { kind message internal }
        }
      }`,
      { id: filed.id },
    );
    const request = data.rightsRequest;
    expect(request?.status).toBe("CLOSED");
    expect(request?.outcome).toBe("GRANTED");
    expect(request?.dueOn).toBe(filed.extendableTo);
    expect(request?.decisionReason).toBe(DECISION_REASON);
    expect(request?.extensionReason).toBe(EXTENSION_REASON);
    expect(request?.assignedTo).toBeNull();
    expect(request?.events.map((e) => e.kind)).toEqual([
      "RECEIVED",
      "IDENTITY_CONFIRMED",
      "ACKNOWLEDGED",
      "EXTENDED",
      "DECIDED",
      "CLOSED",
    ]);
    expect(JSON.stringify(request)).not.toContain(NOTE);
    // The customer's own page, where it is built: never a staff note.
    const response = await customerPage.goto(`${baseUrl}/${SHOP}/account/privacy/requests`);
    if (response?.status() === 200) {
      await customerPage.getByRole("heading", { level: 1 }).waitFor();
      const text = (await customerPage.locator("main").last().textContent()) ?? "";
      expect(text).toContain(DECISION_REASON);
      expect(text).not.toContain(NOTE);
    }
  });

  it("the customer's emails are in the dev mailbox", async () => {
    const context = await newContext(browser, DESKTOP);
    const mail = await context.newPage();
    await mail.goto(`${baseUrl}/dev/mailbox`);
    const rows = mail.getByRole("row").filter({ hasText: CUSTOMER.email });
    await rows.first().waitFor();
    const subjects = await rows.locator("td:nth-child(3)").allTextContents();
    expect(subjects).toEqual(
      expect.arrayContaining([
        `We received your request: ${RESTRICTION}`,
        `We need more time for your request: ${RESTRICTION}`,
        `Your request was granted: ${RESTRICTION}`,
        `We received your request: ${OBJECTION}`,
        `We accepted a request filed for you: ${OBJECTION}`,
        `Your request was partly granted: ${OBJECTION}`,
      ]),
    );
    await rows
      .filter({ hasText: `Your request was granted: ${RESTRICTION}` })
      .getByRole("link")
      .click();
    await mail.waitForURL(/\/dev\/mailbox\/.+/);
    const body = (await mail.locator("main").textContent()) ?? "";
    expect(body).toContain(`Why: ${DECISION_REASON}`);
    expect(body).toContain("If you disagree, you can complain to");
    expect(body).not.toContain(NOTE);
    await context.close();
  });

  it("the officer's figures page has a year selector from 2024", async () => {
    await page.goto(`${baseUrl}/${SHOP}/support/requests`);
    await arrived(page, "Requests");
    await page.getByRole("link", { name: "Figures per year" }).click();
    await page.waitForURL(`${baseUrl}/${SHOP}/support/requests/metrics`);
    await page.getByRole("heading", { level: 1, name: `Request figures for ${year}` }).waitFor();
    await arrived(page, "Request figures");
    const years = await page.getByLabel("Year", { exact: true }).locator("option").allTextContents();
    expect(years[0]).toBe(String(year));
    expect(years.at(-1)).toBe("2024");
    expect(years).toHaveLength(year - 2024 + 1);
    const after = await publicMetrics(year);
    await expectFigures(page, rowOf(after, "RESTRICTION"));
    expect(await seriousViolations(page)).toEqual([]);
    await bothWidths(page, "requests-staff-metrics");
    await page.getByLabel("Year", { exact: true }).selectOption("2024");
    await page.getByRole("button", { name: "Show" }).click();
    await page.waitForURL(/year=2024/);
    await page.getByRole("heading", { level: 1, name: "Request figures for 2024" }).waitFor();
  });
});

// The wide table's row of a type has exactly the API's figures.
async function expectFigures(page: Page, row: MetricsRow) {
  const tr: Locator = page
    .locator("table:visible tbody tr")
    .filter({ has: page.getByRole("rowheader", { name: row.label, exact: true }) });
  expect(await tr.locator("td").allTextContents()).toEqual(cells(row));
}

describe("the public request figures", () => {
  it("are linked from the policy and count this journey's requests, at both widths", async () => {
    const context = await newContext(browser, DESKTOP);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/${SHOP}/privacy-policy`);
    await page.getByRole("link", { name: "privacy request figures" }).click();
    await page.waitForURL(`${baseUrl}/${SHOP}/privacy-policy/metrics`);
    await page.getByRole("heading", { level: 1, name: `Privacy requests in ${year}` }).waitFor();
    await arrived(page, "Privacy request figures");

    const after = await publicMetrics(year);
    const restriction = rowOf(after, "RESTRICTION");
    const objection = rowOf(after, "OBJECTION");
    expect(restriction.label).toBe(RESTRICTION);
    expect(objection.label).toBe(OBJECTION);
    await expectFigures(page, restriction);
    await expectFigures(page, objection);
    const total = page.locator("table:visible tfoot tr");
    expect(await total.locator("td").allTextContents()).toEqual(cells(after.total));
    // This journey's two requests, decided (journeys do not run at the same time).
    const was = { restriction: rowOf(before, "RESTRICTION"), objection: rowOf(before, "OBJECTION") };
    expect(restriction.received).toBe(was.restriction.received + 1);
    expect(restriction.granted).toBe(was.restriction.granted + 1);
    expect(restriction.pending).toBe(was.restriction.pending);
    expect(objection.received).toBe(was.objection.received + 1);
    expect(objection.partlyGranted).toBe(was.objection.partlyGranted + 1);
    expect(after.total.received).toBe(before.total.received + 2);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "requests-public-metrics-1280");

    // On a phone: one small table per type.
    await page.setViewportSize(PHONE);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    const small = page.getByRole("table", { name: `${RESTRICTION} in ${year}` });
    expect(
      await small
        .getByRole("row", { name: /^Received/ })
        .getByRole("cell")
        .textContent(),
    ).toBe(String(restriction.received));
    expect(
      await small
        .getByRole("row", { name: /^Granted/ })
        .getByRole("cell")
        .textContent(),
    ).toBe(String(restriction.granted));
    expect(await axe(page)).toEqual([]);
    await screenshot(page, "requests-public-metrics-390");
    await context.close();
  });

  it("a shop that does not publish its figures has no such page", async () => {
    const context = await newContext(browser, DESKTOP);
    const page = await context.newPage();
    const response = await page.goto(`${baseUrl}/almaz/privacy-policy/metrics`);
    expect(response?.status()).toBe(404);
    await page.goto(`${baseUrl}/almaz/privacy-policy`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    expect(await page.getByRole("link", { name: "privacy request figures" }).count()).toBe(0);
    await context.close();
  });
});
