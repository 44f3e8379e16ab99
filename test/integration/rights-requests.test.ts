import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fromGlobalId, toGlobalId } from "@/graphql/global-id";
import { authorize, RESTRICTED_MESSAGE } from "@/server/auth/authorize";
import { type AgentViewer, ANONYMOUS, type Viewer } from "@/server/auth/viewer";
import { sendMarketingEmail } from "@/server/consent/marketing";
import { getPrisma } from "@/server/db";
import { runErasure } from "@/server/erasure";
import { isAppError } from "@/server/errors";
import { createExport, EXPORT_BUILD_JOB } from "@/server/export";
import { buildExport } from "@/server/export/build";
import { runDueJobs } from "@/server/jobs";
import { deadlineRule, localDateOf, shopRequestDeadlines } from "@/server/requests";
import {
  createRightsRequest,
  decideRequest,
  extendRequest,
  verifyRequest,
  withdrawRequest,
} from "@/server/requests/requests";
import { recordSelfServiceRequest } from "@/server/requests/self-service";
import { getShopProfile } from "@/server/tenants";
import { createWebhookEndpoint } from "@/server/webhooks/endpoints";
import { WEBHOOK_DELIVER_JOB } from "@/server/webhooks/events";
import { agentViewer, impersonating, shop, signedInViewer } from "../factories";
import { partnerKey } from "../factories/partner";
import { scheduleErasure } from "../support/erasure-fixtures";
import { standaloneJobContext, storedJson } from "../support/exports";
import { type GqlResult, gql } from "../support/graphql";
import { type SmtpSink, startSmtpSink } from "../support/smtp-sink";
import { startReceiver } from "../support/webhook-receiver";

// Rights requests (server/requests) through the GraphQL API, a real SMTP server and real
// webhook receivers: each type a shop's policy offers filed end to end (timeline, legal
// due dates, the acknowledgement, the audit row, the partners' event); what filing
// refuses; the customer's additions and withdrawal; the staff queue (order, filters,
// counts), assignment, internal notes, extensions and decisions with their effects (a
// restriction stops marketing and partners' reads but not erasure; an objection
// withdraws exactly the purposes granted); representatives and the officer's check;
// the yearly metrics and who sees them; the export.

const ERRORS = "userErrors { field code message }";
const EVENT = "kind summary actorType actorName message internal at";
const FIELDS = `id type label status outcome purposes { key label } categories { key label } details filedBy
  representativeName representativeProof selfService receivedAt receivedOn firstDueOn dueOn isOverdue extendableTo
  extendedAt extensionReason decidedAt decisionReason withdrawnAt assignedTo { id displayName }
  customer { id displayName email isRestricted } events { ${EVENT} } canChange`;
const PAYLOAD = `{ request { ${FIELDS} } ${ERRORS} }`;
const CREATE = `mutation($input: RightsRequestCreateInput!) { rightsRequestCreate(input: $input) ${PAYLOAD} }`;
const ADD_INFORMATION = `mutation($input: RightsRequestAddInformationInput!) { rightsRequestAddInformation(input: $input) ${PAYLOAD} }`;
const WITHDRAW = `mutation($id: ID!) { rightsRequestWithdraw(id: $id) ${PAYLOAD} }`;
const ASSIGN = `mutation($input: RightsRequestAssignInput!) { rightsRequestAssign(input: $input) ${PAYLOAD} }`;
const NOTE = `mutation($input: RightsRequestNoteInput!) { rightsRequestAddNote(input: $input) ${PAYLOAD} }`;
const EXTEND = `mutation($input: RightsRequestReasonInput!) { rightsRequestExtend(input: $input) ${PAYLOAD} }`;
const DECIDE = `mutation($input: RightsRequestDecideInput!) { rightsRequestDecide(input: $input) ${PAYLOAD} }`;
const VERIFY = `mutation($input: RightsRequestVerifyInput!) { rightsRequestVerify(input: $input) ${PAYLOAD} }`;
const LIFT = `mutation($input: RightsRequestReasonInput!) { restrictionLift(input: $input) ${PAYLOAD} }`;
const ONE = `query($id: ID!) { rightsRequest(id: $id) { ${FIELDS} } }`;
const QUEUE = `query($filter: RightsRequestQueueFilter, $first: Int, $after: String) {
  rightsRequestQueue(filter: $filter, first: $first, after: $after) { openCount overdueCount dueSoonCount
    requests { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${FIELDS} } } } } }`;
const MINE = `{ viewer { customer { id restrictedAt rightsRequests(first: 50) {
  restrictedAt objectedPurposes { key label }
  types { type label description conditions asksForPurposes asksForCategories requiresDetails detailsLabel }
  objectionPurposes { key label } categories { key label } dueDatesIfFiledNow { receivedOn dueOn extendedDueOn }
  requests { totalCount edges { node { ${FIELDS} } } } } } } }`;
const FOR_PARTNER = `query($c: ID!) { customerRightsRequests(customerId: $c) { totalCount edges { node { ${FIELDS} } } } }`;
const ROW =
  "type label received granted partlyGranted refused withdrawn pending medianDaysToRespond meanDaysToRespond late";
const METRICS = `query($handle: String!, $year: Int!) { shop(handle: $handle) { handle requestMetrics(year: $year) {
  year rows { ${ROW} } total { ${ROW} } } } }`;

const DAY = 86_400_000;
const REQUEST_EVENTS = ["request.created", "request.updated", "request.completed"];

type UserError = { field: string[] | null; code: string; message: string };
type EventNode = {
  kind: string;
  summary: string;
  actorType: string;
  actorName: string | null;
  message: string | null;
  internal: boolean;
  at: string;
};
type Choice = { key: string; label: string };
type RequestNode = {
  id: string;
  type: string;
  label: string;
  status: string;
  outcome: string | null;
  purposes: Choice[];
  categories: Choice[];
  details: string | null;
  filedBy: string;
  representativeName: string | null;
  representativeProof: string | null;
  selfService: boolean;
  receivedAt: string;
  receivedOn: string;
  firstDueOn: string;
  dueOn: string;
  isOverdue: boolean;
  extendableTo: string | null;
  extendedAt: string | null;
  extensionReason: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  withdrawnAt: string | null;
  assignedTo: { id: string; displayName: string } | null;
  customer: { id: string; displayName: string; email: string; isRestricted: boolean } | null;
  events: EventNode[];
  canChange: boolean;
};
type Payload = { request: RequestNode | null; userErrors: UserError[] };
type Queue = {
  openCount: number;
  overdueCount: number;
  dueSoonCount: number;
  requests: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: RequestNode }[];
  };
};
type Mine = {
  id: string;
  restrictedAt: string | null;
  rightsRequests: {
    restrictedAt: string | null;
    objectedPurposes: Choice[];
    types: {
      type: string;
      label: string;
      description: string;
      conditions: string | null;
      asksForPurposes: boolean;
      asksForCategories: boolean;
      requiresDetails: boolean;
      detailsLabel: string;
    }[];
    objectionPurposes: Choice[];
    categories: Choice[];
    dueDatesIfFiledNow: { receivedOn: string; dueOn: string; extendedDueOn: string | null };
    requests: { totalCount: number; edges: { node: RequestNode }[] };
  };
};
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
type Hook = {
  type: string;
  data: {
    shop: string;
    customerId: string;
    requestId: string;
    type: string;
    status: string;
    outcome: string | null;
  };
};
type Receiver = Awaited<ReturnType<typeof startReceiver>>;

let sink: SmtpSink;
const savedEnv = {
  SMTP_URL: process.env.SMTP_URL,
  WEBHOOK_ALLOW_PRIVATE: process.env.WEBHOOK_ALLOW_PRIVATE,
  WEBHOOK_RETRY_SCHEDULE_MS: process.env.WEBHOOK_RETRY_SCHEDULE_MS,
  WEBHOOK_BLOCKED_RECHECK_MS: process.env.WEBHOOK_BLOCKED_RECHECK_MS,
};
// A partner of ALMAZ whose key holds requests:read, and one whose key does not: both
// subscribe their endpoints to every request event.
let reading: Receiver;
let blind: Receiver;
const endpointIds: string[] = [];
let almazOfficer: AgentViewer;
let almazSupport: AgentViewer;

beforeAll(async () => {
  sink = await startSmtpSink();
  process.env.SMTP_URL = sink.url;
  process.env.WEBHOOK_ALLOW_PRIVATE = "1";
  process.env.WEBHOOK_RETRY_SCHEDULE_MS = "0,0,0";
  process.env.WEBHOOK_BLOCKED_RECHECK_MS = "1";
  reading = await startReceiver();
  blind = await startReceiver();
  const withScope = await partnerKey({
    shop: "almaz",
    name: "Requests reader",
    scopes: ["webhooks:manage", "requests:read"],
  });
  const withoutScope = await partnerKey({
    shop: "almaz",
    name: "Customers reader",
    scopes: ["webhooks:manage", "customers:read", "consents:read"],
  });
  for (const [key, receiver] of [
    [withScope, reading],
    [withoutScope, blind],
  ] as const) {
    const { webhookEndpoint } = await createWebhookEndpoint({
      viewer: key.viewer,
      input: { url: receiver.url("requests"), events: REQUEST_EVENTS },
    });
    endpointIds.push(webhookEndpoint.id);
  }
  almazOfficer = await agentViewer({ shop: "almaz", role: "PRIVACY_OFFICER" });
  almazSupport = await agentViewer({ shop: "almaz", role: "SUPPORT" });
});

afterAll(async () => {
  for (const [key, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  await sink.close();
  await reading.close();
  await blind.close();
  // Leave nothing that another file's job run would try to deliver.
  const prisma = getPrisma();
  await prisma.webhookEndpoint.updateMany({ where: { id: { in: endpointIds } }, data: { deletedAt: new Date() } });
  const deliveries = await prisma.webhookDelivery.findMany({
    where: { endpointId: { in: endpointIds } },
    select: { id: true },
  });
  await prisma.job.deleteMany({ where: { kind: WEBHOOK_DELIVER_JOB, key: { in: deliveries.map((d) => d.id) } } });
  await prisma.webhookDelivery.updateMany({
    where: { endpointId: { in: endpointIds }, status: "PENDING" },
    data: { status: "CANCELLED" },
  });
});

// --- helpers

function dataOf<T>(result: GqlResult): T {
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data as T;
}

function payloadOf(result: GqlResult, field: string): Payload {
  return dataOf<Record<string, Payload>>(result)[field];
}

async function file(viewer: Viewer, input: Record<string, unknown>): Promise<Payload> {
  return payloadOf(await gql(CREATE, { input }, viewer), "rightsRequestCreate");
}

// A request that must be filed.
async function filed(viewer: Viewer, input: Record<string, unknown>): Promise<RequestNode> {
  const result = await file(viewer, input);
  expect(result.userErrors).toEqual([]);
  if (!result.request) throw new Error("no request");
  return result.request;
}

async function change(mutation: string, field: string, variables: Record<string, unknown>, viewer: Viewer) {
  return payloadOf(await gql(mutation, variables, viewer), field);
}

// A change that must succeed.
async function changed(mutation: string, field: string, variables: Record<string, unknown>, viewer: Viewer) {
  const result = await change(mutation, field, variables, viewer);
  expect(result.userErrors).toEqual([]);
  if (!result.request) throw new Error("no request");
  return result.request;
}

const decide = (viewer: Viewer, input: Record<string, unknown>) =>
  change(DECIDE, "rightsRequestDecide", { input }, viewer);
const extend = (viewer: Viewer, id: string, reason: string) =>
  change(EXTEND, "rightsRequestExtend", { input: { id, reason } }, viewer);
const verify = (viewer: Viewer, input: Record<string, unknown>) =>
  change(VERIFY, "rightsRequestVerify", { input }, viewer);

async function one(viewer: Viewer, id: string): Promise<RequestNode | null> {
  return dataOf<{ rightsRequest: RequestNode | null }>(await gql(ONE, { id }, viewer)).rightsRequest;
}

async function mine(viewer: Viewer): Promise<Mine> {
  const customer = dataOf<{ viewer: { customer: Mine | null } }>(await gql(MINE, {}, viewer)).viewer.customer;
  if (!customer) throw new Error("not signed in");
  return customer;
}

async function queue(viewer: Viewer, variables: Record<string, unknown> = {}): Promise<Queue> {
  return dataOf<{ rightsRequestQueue: Queue }>(await gql(QUEUE, variables, viewer)).rightsRequestQueue;
}

async function metrics(viewer: Viewer, handle: string, year: number): Promise<Metrics | null> {
  return dataOf<{ shop: { requestMetrics: Metrics | null } }>(await gql(METRICS, { handle, year }, viewer)).shop
    .requestMetrics;
}

const rowId = (globalId: string): string => {
  const decoded = fromGlobalId(globalId);
  if (decoded?.type !== "RightsRequest") throw new Error(`not a RightsRequest id: ${globalId}`);
  return decoded.id;
};
const requestGid = (id: string) => toGlobalId("RightsRequest", id);
const customerGid = (id: string) => toGlobalId("Customer", id);
const agentGid = (agent: AgentViewer) => toGlobalId("Agent", agent.agent.id);

const emailOf = async (customerId: string) =>
  (await getPrisma().customer.findUniqueOrThrow({ where: { id: customerId }, select: { email: true } })).email;

// What the SMTP server received for the customer, whose subject starts so.
async function mailTo(customerId: string, subjectStart: string) {
  const messages = sink.to(await emailOf(customerId)).filter((m) => m.parsed.subject?.startsWith(subjectStart));
  return messages.map((m) => ({ subject: m.parsed.subject ?? "", text: m.parsed.text ?? "" }));
}

const auditOf = (customerId: string, action: string) =>
  getPrisma().auditEvent.findMany({
    where: { customerId, action },
    orderBy: { sequence: "asc" },
    select: { actorType: true, actorId: true, impersonationId: true, details: true },
  });

// Runs this file's webhook deliveries until none is left pending.
async function deliver() {
  const prisma = getPrisma();
  for (let round = 0; round < 50; round++) {
    const pending = await prisma.webhookDelivery.findMany({
      where: { endpointId: { in: endpointIds }, status: "PENDING" },
      select: { id: true },
    });
    if (pending.length === 0) return;
    const report = await runDueJobs({ kinds: [WEBHOOK_DELIVER_JOB], limit: 500, keys: pending.map((d) => d.id) });
    if (report.ran === 0) await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error("webhook deliveries still pending");
}

const hooksOf = (receiver: Receiver, customerId: string): Hook[] =>
  receiver.received.map((r) => JSON.parse(r.body) as Hook).filter((h) => h.data.customerId === customerId);

const daysAgo = (days: number, from = new Date()) => new Date(from.getTime() - days * DAY);
const isoDay = (date: Date) => date.toISOString().slice(0, 10);
// A calendar day as messages and emails give it: "8 January 2027".
const inWords = (localDate: string) =>
  new Date(`${localDate}T00:00:00Z`).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });

async function errorOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error("expected an error");
}

function profileOf(handle: string) {
  const profile = getShopProfile(handle);
  if (!profile) throw new Error(`no profile ${handle}`);
  return profile;
}

const REASON = "We checked the data you named against our records and the law.";

const INPUTS: Record<string, Record<string, unknown>> = {
  RESTRICTION: { type: "RESTRICTION", categories: ["contact"], details: "My phone number is wrong: stop using it." },
  OBJECTION: { type: "OBJECTION", purposes: ["research-and-analysis"], details: "I do not want to be analysed." },
  AUTOMATED_DECISION: {
    type: "AUTOMATED_DECISION",
    details: "My order was refused by the credit check; a person should review it.",
  },
  DISPUTED_CORRECTION: {
    type: "DISPUTED_CORRECTION",
    categories: ["identity"],
    details: "My date of birth is wrong and the form does not let me correct it.",
  },
};

// A signed-in ALMAZ customer with a RESTRICTION request (or another type) filed.
async function customerWith(type = "RESTRICTION", handle = "almaz") {
  const viewer = await signedInViewer({ shop: handle });
  const input = handle === "almaz" ? INPUTS[type] : { type, details: "Please look into this for me." };
  const request = await filed(viewer, input);
  return { viewer, request };
}

// ---------------------------------------------------------------------------------

describe("what each shop offers", () => {
  it.each([
    ["almaz", ["RESTRICTION", "OBJECTION", "AUTOMATED_DECISION", "DISPUTED_CORRECTION"]],
    ["micro-image", ["RESTRICTION", "OBJECTION", "AUTOMATED_DECISION", "DISPUTED_CORRECTION"]],
    ["crystalline", ["RESTRICTION", "OBJECTION", "DISPUTED_CORRECTION"]],
    ["allegra", ["RESTRICTION", "OBJECTION", "DISPUTED_CORRECTION"]],
  ])("%s offers %j, in its policy's words", async (handle, types) => {
    const viewer = await signedInViewer({ shop: handle });
    const list = (await mine(viewer)).rightsRequests;
    const profile = profileOf(handle);
    expect(list.types.map((t) => t.type)).toEqual(types);
    const restriction = profile.rights.find((r) => r.key === "restriction");
    expect(list.types[0]).toMatchObject({
      type: "RESTRICTION",
      label: restriction?.label,
      description: restriction?.description,
      asksForPurposes: false,
      asksForCategories: true,
      requiresDetails: true,
    });
    const rectification = profile.rights.find((r) => r.key === "rectification");
    expect(list.types.find((t) => t.type === "DISPUTED_CORRECTION")?.label).toBe(
      `${rectification?.label}: dispute a correction`,
    );
    expect(list.types.find((t) => t.type === "OBJECTION")?.asksForPurposes).toBe(true);
    // Only purposes based on legitimate interests can be objected to.
    expect(list.objectionPurposes.map((p) => p.key)).toEqual(
      profile.purposes.filter((p) => p.legalBasis === "legitimate-interests").map((p) => p.key),
    );
    expect(list.categories.map((c) => c.key)).toEqual(profile.dataCategories.map((c) => c.key));
    expect(list.requests.totalCount).toBe(0);
    expect(list.restrictedAt).toBeNull();
    expect(list.objectedPurposes).toEqual([]);
  });
});

describe("filing, each type end to end (ALMAZ)", () => {
  it.each(Object.keys(INPUTS))(
    "%s: open, acknowledged, due by law, emailed, audited, told to partners with the scope",
    async (type) => {
      const viewer = await signedInViewer({ shop: "almaz" });
      const profile = profileOf("almaz");
      const request = await filed(viewer, INPUTS[type]);
      const dates = shopRequestDeadlines(profile, new Date(request.receivedAt));
      const option = (await mine(viewer)).rightsRequests.types.find((t) => t.type === type);
      expect(request).toMatchObject({
        type,
        label: option?.label,
        status: "OPEN",
        outcome: null,
        details: INPUTS[type].details,
        filedBy: "CUSTOMER",
        representativeName: null,
        representativeProof: null,
        selfService: false,
        receivedOn: dates.receivedOn,
        firstDueOn: dates.dueOn,
        dueOn: dates.dueOn,
        extendableTo: dates.extendedDueOn,
        isOverdue: false,
        extendedAt: null,
        decidedAt: null,
        withdrawnAt: null,
        // The customer's own view: no assignee, no customer block.
        assignedTo: null,
        customer: null,
        canChange: true,
      });
      expect(Math.abs(new Date(request.receivedAt).getTime() - Date.now())).toBeLessThan(60_000);
      expect(request.purposes.map((p) => p.key)).toEqual((INPUTS[type].purposes as string[] | undefined) ?? []);
      expect(request.categories.map((c) => c.key)).toEqual((INPUTS[type].categories as string[] | undefined) ?? []);
      expect(request.events.map((e) => [e.kind, e.actorType, e.internal])).toEqual([
        ["RECEIVED", "CUSTOMER", false],
        ["IDENTITY_CONFIRMED", "SYSTEM", false],
        ["ACKNOWLEDGED", "SYSTEM", false],
      ]);
      expect(request.events[2].message).toBe(`We will answer by ${inWords(dates.dueOn)}.`);
      // The customer's and the system's steps name nobody.
      expect(request.events.map((e) => e.actorName)).toEqual([null, null, null]);

      // The customer's list holds it.
      const list = (await mine(viewer)).rightsRequests.requests;
      expect(list.totalCount).toBe(1);
      expect(list.edges[0].node.id).toBe(request.id);

      // One acknowledgement over SMTP.
      const mail = await mailTo(viewer.customerId, "We received your request");
      expect(mail).toHaveLength(1);
      expect(mail[0].subject).toBe(`We received your request: ${request.label}`);
      expect(mail[0].text).toContain(`Received on ${inWords(dates.receivedOn)}`);
      expect(mail[0].text).toContain(`until ${inWords(dates.dueOn)} to answer`);
      expect(mail[0].text).toContain("/almaz/account/privacy/requests");

      // The audit row: the customer did it.
      expect(await auditOf(viewer.customerId, "request.create")).toEqual([
        {
          actorType: "CUSTOMER",
          actorId: viewer.customerId,
          impersonationId: null,
          details: { requestId: rowId(request.id), type, filedBy: "CUSTOMER" },
        },
      ]);

      // request.created reaches the partner whose key holds requests:read, not the other.
      await deliver();
      const hooks = hooksOf(reading, viewer.customerId);
      expect(hooks.map((h) => h.type)).toEqual(["request.created"]);
      expect(hooks[0].data).toEqual({
        shop: "almaz",
        customerId: viewer.customerId,
        requestId: rowId(request.id),
        type,
        status: "OPEN",
        outcome: null,
      });
      // No words of the customer's in the event.
      expect(JSON.stringify(hooks)).not.toContain(String(INPUTS[type].details));
      expect(hooksOf(blind, viewer.customerId)).toEqual([]);
    },
  );
});

describe("what filing refuses", () => {
  const nothingStored = async (customerId: string) => {
    expect(await getPrisma().rightsRequest.count({ where: { customerId } })).toBe(0);
    expect(await getPrisma().outboundEmail.count({ where: { customerId, kind: "request-received" } })).toBe(0);
    expect(await auditOf(customerId, "request.create")).toEqual([]);
  };

  it("a type the shop's policy does not offer (Crystalline has no automated-decision review)", async () => {
    const viewer = await signedInViewer({ shop: "crystalline" });
    const result = await file(viewer, { type: "AUTOMATED_DECISION", details: "Review my credit check." });
    expect(result.request).toBeNull();
    expect(result.userErrors).toEqual([expect.objectContaining({ field: ["input", "type"], code: "FORBIDDEN" })]);
    await nothingStored(viewer.customerId);
  });

  it("an objection without purposes, or naming a purpose not based on legitimate interests", async () => {
    const viewer = await signedInViewer({ shop: "almaz" });
    for (const purposes of [undefined, [], ["marketing"], ["account-and-orders"], ["no-such-purpose"]]) {
      const result = await file(viewer, { type: "OBJECTION", purposes, details: "I object to this use." });
      expect(result.request, JSON.stringify(purposes)).toBeNull();
      expect(result.userErrors, JSON.stringify(purposes)).toEqual([
        expect.objectContaining({ field: ["input", "purposes"], code: "INVALID_INPUT" }),
      ]);
    }
    // Mixed with an allowed one, still refused.
    const mixed = await file(viewer, {
      type: "OBJECTION",
      purposes: ["research-and-analysis", "marketing"],
      details: "I object to this use.",
    });
    expect(mixed.userErrors).toEqual([expect.objectContaining({ field: ["input", "purposes"] })]);
    await nothingStored(viewer.customerId);
  });

  it("purposes or categories where the type takes none, and categories the shop does not hold", async () => {
    const viewer = await signedInViewer({ shop: "almaz" });
    const cases: [Record<string, unknown>, string][] = [
      [{ type: "RESTRICTION", purposes: ["research-and-analysis"], details: "Stop it." }, "purposes"],
      [{ type: "AUTOMATED_DECISION", categories: ["contact"], details: "Review it." }, "categories"],
      [{ type: "RESTRICTION", categories: ["no-such-category"], details: "Stop it." }, "categories"],
    ];
    for (const [input, field] of cases) {
      const result = await file(viewer, input);
      expect(result.request, JSON.stringify(input)).toBeNull();
      expect(result.userErrors, JSON.stringify(input)).toEqual([
        expect.objectContaining({ field: ["input", field], code: "INVALID_INPUT" }),
      ]);
    }
    await nothingStored(viewer.customerId);
  });

  it("missing or blank details", async () => {
    const viewer = await signedInViewer({ shop: "almaz" });
    for (const details of [undefined, null, "", "   \n  "]) {
      for (const type of Object.keys(INPUTS)) {
        const result = await file(viewer, { ...INPUTS[type], details });
        expect(result.request, `${type} ${JSON.stringify(details)}`).toBeNull();
        expect(result.userErrors, `${type} ${JSON.stringify(details)}`).toEqual([
          expect.objectContaining({ field: ["input", "details"], code: "INVALID_INPUT" }),
        ]);
      }
    }
    await nothingStored(viewer.customerId);
  });

  it("the self-service types: done at once in the account, not filed", async () => {
    const viewer = await signedInViewer({ shop: "almaz" });
    for (const type of ["ACCESS", "RECTIFICATION", "ERASURE", "WITHDRAW_CONSENT"]) {
      const result = await file(viewer, { type, details: "Do it for me please." });
      expect(result.request, type).toBeNull();
      expect(result.userErrors, type).toEqual([
        expect.objectContaining({ field: ["input", "type"], code: "INVALID_INPUT" }),
      ]);
      expect(result.userErrors[0].message).toContain("done at once in the account");
    }
    await nothingStored(viewer.customerId);
  });

  it("a representative named by the customer themself", async () => {
    const viewer = await signedInViewer({ shop: "almaz" });
    const result = await file(viewer, {
      ...INPUTS.RESTRICTION,
      representative: { name: "Avocat Ionescu", proof: "Power of attorney no. 12 of 2024, kept on file." },
    });
    expect(result.userErrors).toEqual([
      expect.objectContaining({ field: ["input", "representative"], code: "INVALID_INPUT" }),
    ]);
    await nothingStored(viewer.customerId);
  });

  it("a second open request of the same type (CONFLICT); another type, or the same after closing, is fine", async () => {
    const { viewer, request } = await customerWith("RESTRICTION");
    const again = await file(viewer, INPUTS.RESTRICTION);
    expect(again.request).toBeNull();
    expect(again.userErrors).toEqual([expect.objectContaining({ field: ["input", "type"], code: "CONFLICT" })]);
    await filed(viewer, INPUTS.OBJECTION);
    await changed(WITHDRAW, "rightsRequestWithdraw", { id: request.id }, viewer);
    const renewed = await filed(viewer, INPUTS.RESTRICTION);
    expect(renewed.id).not.toBe(request.id);
    expect(await getPrisma().rightsRequest.count({ where: { customerId: viewer.customerId } })).toBe(3);
  });

  it("two filings at once open one request", async () => {
    const viewer = await signedInViewer({ shop: "almaz" });
    const results = await Promise.all([file(viewer, INPUTS.OBJECTION), file(viewer, INPUTS.OBJECTION)]);
    expect(results.filter((r) => r.request).length).toBe(1);
    expect(results.flatMap((r) => r.userErrors.map((e) => e.code))).toEqual(["CONFLICT"]);
    expect(await getPrisma().rightsRequest.count({ where: { customerId: viewer.customerId } })).toBe(1);
  });

  it("null bytes, lone surrogates and 100,000-character texts: a userError on the field, never an internal error", async () => {
    const viewer = await signedInViewer({ shop: "almaz" });
    const texts = ["Wrong\u0000data", "Wrong \ud800 data", "Wrong \udfff data", "x".repeat(100_000)];
    for (const details of texts) {
      const result = await gql(CREATE, { input: { ...INPUTS.RESTRICTION, details } }, viewer);
      expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
      const payload = (result.data as { rightsRequestCreate: Payload }).rightsRequestCreate;
      expect(payload.request).toBeNull();
      expect(payload.userErrors).toEqual([
        expect.objectContaining({ field: ["input", "details"], code: "INVALID_INPUT" }),
      ]);
    }
    // In the representative's fields too (a partner filing).
    const partner = await partnerKey({ shop: "almaz", scopes: ["requests:write"] });
    for (const name of ["Avocat\u0000Ionescu", "Avocat \ud800", "y".repeat(100_000)]) {
      const result = await gql(
        CREATE,
        {
          input: {
            ...INPUTS.RESTRICTION,
            customerId: customerGid(viewer.customerId),
            representative: { name, proof: "Power of attorney no. 12 of 2024, kept on file." },
          },
        },
        partner.viewer,
      );
      expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
      const payload = (result.data as { rightsRequestCreate: Payload }).rightsRequestCreate;
      expect(payload.request).toBeNull();
      expect(payload.userErrors).toEqual([
        expect.objectContaining({ field: ["input", "representative", "name"], code: "INVALID_INPUT" }),
      ]);
    }
    await nothingStored(viewer.customerId);
    // The same texts in the customer's additions.
    const { viewer: other, request } = await customerWith("RESTRICTION");
    for (const message of texts) {
      const result = await gql(ADD_INFORMATION, { input: { id: request.id, message } }, other);
      expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
      const payload = (result.data as { rightsRequestAddInformation: Payload }).rightsRequestAddInformation;
      expect(payload.request).toBeNull();
      expect(payload.userErrors).toEqual([
        expect.objectContaining({ field: ["input", "message"], code: "INVALID_INPUT" }),
      ]);
    }
    expect(await getPrisma().rightsRequestEvent.count({ where: { requestId: rowId(request.id) } })).toBe(3);
  });
});

describe("the customer's changes", () => {
  it("adds information, withdraws (emailed, request.completed), then cannot add more", async () => {
    const { viewer, request } = await customerWith("AUTOMATED_DECISION");
    const added = await changed(
      ADD_INFORMATION,
      "rightsRequestAddInformation",
      { input: { id: request.id, message: "The decision was made on 3 March, order 1234." } },
      viewer,
    );
    expect(added.status).toBe("OPEN");
    expect(added.events.at(-1)).toMatchObject({
      kind: "INFORMATION_ADDED",
      actorType: "CUSTOMER",
      message: "The decision was made on 3 March, order 1234.",
      internal: false,
    });
    expect(await auditOf(viewer.customerId, "request.add-information")).toEqual([
      expect.objectContaining({ actorType: "CUSTOMER", actorId: viewer.customerId }),
    ]);

    const withdrawn = await changed(WITHDRAW, "rightsRequestWithdraw", { id: request.id }, viewer);
    expect(withdrawn).toMatchObject({ status: "WITHDRAWN", outcome: null, canChange: false, extendableTo: null });
    expect(withdrawn.withdrawnAt).not.toBeNull();
    expect(withdrawn.events.at(-1)).toMatchObject({ kind: "WITHDRAWN", actorType: "CUSTOMER" });
    const mail = await mailTo(viewer.customerId, "You withdrew your request");
    expect(mail).toHaveLength(1);
    expect(mail[0].subject).toBe(`You withdrew your request: ${request.label}`);
    expect(await auditOf(viewer.customerId, "request.withdraw")).toEqual([
      {
        actorType: "CUSTOMER",
        actorId: viewer.customerId,
        impersonationId: null,
        details: { requestId: rowId(request.id), type: "AUTOMATED_DECISION" },
      },
    ]);

    // Closed: nothing more to add, nothing to withdraw.
    const late = await change(
      ADD_INFORMATION,
      "rightsRequestAddInformation",
      { input: { id: request.id, message: "One more thing." } },
      viewer,
    );
    expect(late.request).toBeNull();
    expect(late.userErrors).toEqual([expect.objectContaining({ code: "CONFLICT" })]);
    const twice = await change(WITHDRAW, "rightsRequestWithdraw", { id: request.id }, viewer);
    expect(twice.userErrors).toEqual([expect.objectContaining({ code: "CONFLICT" })]);
    // Staff cannot decide it either.
    const decided = await decide(almazOfficer, { id: request.id, outcome: "GRANTED", reason: REASON });
    expect(decided.userErrors).toEqual([expect.objectContaining({ code: "CONFLICT" })]);

    await deliver();
    expect(hooksOf(reading, viewer.customerId).map((h) => [h.type, h.data.status, h.data.outcome])).toEqual([
      ["request.created", "OPEN", null],
      ["request.updated", "OPEN", null],
      ["request.completed", "WITHDRAWN", null],
    ]);
    expect(hooksOf(blind, viewer.customerId)).toEqual([]);
  });

  it("another customer can neither read, add to nor withdraw it", async () => {
    const { viewer, request } = await customerWith("RESTRICTION");
    const stranger = await signedInViewer({ shop: "almaz" });
    expect(await one(stranger, request.id)).toBeNull();
    const add = await change(
      ADD_INFORMATION,
      "rightsRequestAddInformation",
      { input: { id: request.id, message: "Mallory was here." } },
      stranger,
    );
    expect(add.userErrors).toEqual([expect.objectContaining({ code: "NOT_FOUND" })]);
    const withdraw = await change(WITHDRAW, "rightsRequestWithdraw", { id: request.id }, stranger);
    expect(withdraw.userErrors).toEqual([expect.objectContaining({ code: "NOT_FOUND" })]);
    expect((await one(viewer, request.id))?.status).toBe("OPEN");
    expect((await one(viewer, request.id))?.events).toHaveLength(3);
  });
});

describe("staff: the queue", () => {
  it("overdue first, then by due date; filters, counts and pages", async () => {
    const s = await shop("micro-image");
    const officer = await agentViewer({ shop: "micro-image", role: "PRIVACY_OFFICER" });
    const support = await agentViewer({ shop: "micro-image", role: "SUPPORT" });
    const assignee = await agentViewer({ shop: "micro-image", role: "SUPPORT" });
    const before = await queue(officer);
    const now = new Date();
    const today = localDateOf(now, deadlineRule(s.profile).timeZone);
    const soon = isoDay(new Date(new Date(`${today}T00:00:00Z`).getTime() + 7 * DAY));

    // Received at different times: long overdue, overdue, due within days, due later.
    const made: { id: string; type: string; dueOn: string; status: string }[] = [];
    const types = ["RESTRICTION", "OBJECTION", "AUTOMATED_DECISION", "DISPUTED_CORRECTION", "OBJECTION", "RESTRICTION"];
    const ages = [75, 40, 28, 26, 10, 0];
    for (const [i, age] of ages.entries()) {
      const viewer = await signedInViewer({ shop: "micro-image" });
      const { request } = await createRightsRequest({
        viewer,
        input: {
          type: types[i],
          details: `Queue request ${i}`,
          ...(types[i] === "OBJECTION" ? { purposes: ["statistics"] } : {}),
        },
        now: daysAgo(age, now),
      });
      made.push({ id: request.id, type: request.type, dueOn: request.dueOn, status: request.status });
    }
    // A partner's filing, waiting for the officer's check, and a withdrawn request.
    const partner = await partnerKey({ shop: "micro-image", scopes: ["requests:write", "requests:read"] });
    const filedFor = await signedInViewer({ shop: "micro-image" });
    const { request: awaiting } = await createRightsRequest({
      viewer: partner.viewer,
      input: { type: "RESTRICTION", details: "Filed by our partner", customerId: filedFor.customerId },
      now: daysAgo(5, now),
    });
    expect(awaiting.status).toBe("AWAITING_VERIFICATION");
    made.push({ id: awaiting.id, type: awaiting.type, dueOn: awaiting.dueOn, status: awaiting.status });
    const withdrawer = await signedInViewer({ shop: "micro-image" });
    const { request: gone } = await createRightsRequest({
      viewer: withdrawer,
      input: { type: "RESTRICTION", details: "Never mind" },
      now: daysAgo(60, now),
    });
    await withdrawRequest({ viewer: withdrawer, id: gone.id });
    made.push({ id: gone.id, type: "RESTRICTION", dueOn: gone.dueOn, status: "WITHDRAWN" });
    // An old self-service record: never in the queue unless asked for.
    await getPrisma().$transaction((tx) =>
      recordSelfServiceRequest(tx, {
        shop: s,
        customerId: withdrawer.customerId,
        type: "ACCESS",
        actor: { actorType: "CUSTOMER", actorId: withdrawer.customerId, impersonationId: null },
        now: daysAgo(3, now),
      }),
    );

    // All assigned to one agent, so this test's rows can be told apart from others'.
    for (const m of made) {
      const assigned = await changed(
        ASSIGN,
        "rightsRequestAssign",
        { input: { id: requestGid(m.id), agentId: agentGid(assignee) } },
        officer,
      );
      expect(assigned.assignedTo?.id).toBe(agentGid(assignee));
      expect(assigned.events.at(-1)).toMatchObject({ kind: "ASSIGNED", actorType: "AGENT", internal: true });
    }
    const open = made.filter((m) => m.status !== "WITHDRAWN");
    const order = (list: typeof made) =>
      [...list].sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.id.localeCompare(b.id)).map((m) => requestGid(m.id));
    const overdue = open.filter((m) => m.dueOn < today);
    const dueSoon = open.filter((m) => m.dueOn >= today && m.dueOn <= soon);
    expect(overdue.length).toBeGreaterThanOrEqual(2);
    expect(open.length - overdue.length).toBeGreaterThanOrEqual(2);

    const mineOnly = { assignedToId: agentGid(assignee) };
    for (const viewer of [officer, support]) {
      const q = await queue(viewer, { filter: mineOnly, first: 50 });
      expect(q.requests.edges.map((e) => e.node.id)).toEqual(order(open));
      expect(q.requests.totalCount).toBe(open.length);
      // Overdue first: the flags are true, then false.
      const flags = q.requests.edges.map((e) => e.node.isOverdue);
      expect(flags).toEqual([...overdue.map(() => true), ...open.slice(overdue.length).map(() => false)]);
      for (const { node } of q.requests.edges) {
        expect(node.customer?.email).toContain("@");
        expect(node.assignedTo?.id).toBe(agentGid(assignee));
      }
    }
    // The shop's counts moved by exactly this test's requests.
    const after = await queue(officer, { filter: mineOnly });
    expect(after.openCount - before.openCount).toBe(open.length);
    expect(after.overdueCount - before.overdueCount).toBe(overdue.length);
    expect(after.dueSoonCount - before.dueSoonCount).toBe(dueSoon.length);

    // Filters: by type, by status, self-service on request.
    const objections = await queue(officer, { filter: { ...mineOnly, types: ["OBJECTION"] }, first: 50 });
    expect(objections.requests.edges.map((e) => e.node.id)).toEqual(order(open.filter((m) => m.type === "OBJECTION")));
    const awaitingOnly = await queue(officer, { filter: { ...mineOnly, statuses: ["AWAITING_VERIFICATION"] } });
    expect(awaitingOnly.requests.edges.map((e) => e.node.id)).toEqual([requestGid(awaiting.id)]);
    const withdrawnOnly = await queue(officer, { filter: { ...mineOnly, statuses: ["WITHDRAWN"] } });
    expect(withdrawnOnly.requests.edges.map((e) => e.node.id)).toEqual([requestGid(gone.id)]);
    expect(withdrawnOnly.requests.edges[0].node.isOverdue).toBe(false);
    const selfService = await queue(officer, {
      filter: { types: ["ACCESS"], statuses: ["CLOSED"], includeSelfService: true },
      first: 100,
    });
    expect(selfService.requests.totalCount).toBeGreaterThanOrEqual(1);
    expect(selfService.requests.edges.every((e) => e.node.selfService && e.node.type === "ACCESS")).toBe(true);
    const withoutSelfService = await queue(officer, { filter: { types: ["ACCESS"], statuses: ["CLOSED"] } });
    expect(withoutSelfService.requests.totalCount).toBe(0);

    // A forged cursor is refused as input, not an internal error.
    const forged = await gql(QUEUE, { filter: mineOnly, after: "not-a-cursor" }, officer);
    expect(forged.errors?.map((e) => e.extensions?.code)).toEqual(["INVALID_INPUT"]);

    // Unassigning, and assigning to another shop's agent (refused).
    const foreign = await agentViewer({ shop: "almaz", role: "SUPPORT" });
    const refused = await change(
      ASSIGN,
      "rightsRequestAssign",
      { input: { id: requestGid(made[0].id), agentId: agentGid(foreign) } },
      officer,
    );
    expect(refused.userErrors).toEqual([
      expect.objectContaining({ field: ["input", "agentId"], code: "INVALID_INPUT" }),
    ]);
    const unassigned = await changed(
      ASSIGN,
      "rightsRequestAssign",
      { input: { id: requestGid(made[0].id), agentId: null } },
      officer,
    );
    expect(unassigned.assignedTo).toBeNull();
    expect(unassigned.events.at(-1)?.message).toBe("Unassigned");
    // Support staff may look, not assign.
    const bySupport = await change(
      ASSIGN,
      "rightsRequestAssign",
      { input: { id: requestGid(made[1].id), agentId: agentGid(support) } },
      support,
    );
    expect(bySupport.userErrors).toEqual([expect.objectContaining({ code: "FORBIDDEN" })]);
    // Assignments are audited, with the officer as the actor.
    const rows = await auditOf(
      (await getPrisma().rightsRequest.findUniqueOrThrow({ where: { id: made[0].id } })).customerId,
      "request.assign",
    );
    expect(rows.map((r) => [r.actorType, r.actorId])).toEqual([
      ["AGENT", officer.agent.id],
      ["AGENT", officer.agent.id],
    ]);
    // Pages of 2 walk the same order, without repeats (made[0] is unassigned by now).
    const walked: string[] = [];
    let after2: string | null = null;
    for (let page = 0; page < 10; page++) {
      const q: Queue = await queue(officer, { filter: mineOnly, first: 2, after: after2 });
      walked.push(...q.requests.edges.map((e) => e.node.id));
      expect(q.requests.edges.map((e) => e.cursor)).not.toContain(null);
      if (!q.requests.pageInfo.hasNextPage) break;
      after2 = q.requests.pageInfo.endCursor;
    }
    expect(walked).toEqual(order(open.filter((m) => m.id !== made[0].id)));
    expect(walked.length).toBeGreaterThanOrEqual(3);
  });

  it("is for staff: customers and partners are refused it", async () => {
    const customer = await signedInViewer({ shop: "almaz" });
    const partner = await partnerKey({ shop: "almaz", scopes: ["requests:read", "requests:write", "customers:read"] });
    for (const viewer of [ANONYMOUS, customer, partner.viewer] as Viewer[]) {
      const result = await gql("{ rightsRequestQueue { openCount overdueCount } }", {}, viewer);
      expect(result.data).toBeNull();
      expect(result.errors?.map((e) => e.extensions?.code)).toEqual([
        viewer.kind === "anonymous" ? "UNAUTHENTICATED" : "FORBIDDEN",
      ]);
    }
  });
});

describe("staff notes", () => {
  it("are internal: staff see them, the customer and partners never do", async () => {
    const { viewer, request } = await customerWith("DISPUTED_CORRECTION");
    const note = `Checked with the warehouse ${Date.now()}: the customer may be right.`;
    const noted = await changed(NOTE, "rightsRequestAddNote", { input: { id: request.id, note } }, almazSupport);
    expect(noted.events.at(-1)).toMatchObject({
      kind: "NOTE",
      actorType: "AGENT",
      actorName: almazSupport.agent.displayName,
      message: note,
      internal: true,
    });
    expect(noted.status).toBe("OPEN");

    // Staff: the note, the assignee block and the customer.
    const staffView = await one(almazOfficer, request.id);
    expect(staffView?.events.map((e) => e.kind)).toContain("NOTE");
    expect(staffView?.customer?.id).toBe(customerGid(viewer.customerId));
    // The customer: no note, in the request or in the list.
    const own = await one(viewer, request.id);
    expect(own?.events.map((e) => e.kind)).toEqual(["RECEIVED", "IDENTITY_CONFIRMED", "ACKNOWLEDGED"]);
    const listed = await gql(MINE, {}, viewer);
    expect(JSON.stringify(listed)).not.toContain(note);
    // A partner with requests:read: no note either.
    const partner = await partnerKey({ shop: "almaz", scopes: ["requests:read"] });
    const partnerView = await one(partner.viewer, request.id);
    expect(partnerView?.id).toBe(request.id);
    expect(JSON.stringify(partnerView)).not.toContain(note);
    const partnerList = await gql(FOR_PARTNER, { c: customerGid(viewer.customerId) }, partner.viewer);
    expect(partnerList.errors).toBeUndefined();
    expect(JSON.stringify(partnerList)).not.toContain(note);

    // Audited as the agent's; no webhook and no email for a note.
    expect(await auditOf(viewer.customerId, "request.note")).toEqual([
      {
        actorType: "AGENT",
        actorId: almazSupport.agent.id,
        impersonationId: null,
        details: { requestId: rowId(request.id) },
      },
    ]);
    await deliver();
    expect(hooksOf(reading, viewer.customerId).map((h) => h.type)).toEqual(["request.created"]);
    expect(sink.to(await emailOf(viewer.customerId)).map((m) => m.parsed.subject)).toEqual([
      `We received your request: ${request.label}`,
    ]);
    // An empty note is refused.
    const empty = await change(NOTE, "rightsRequestAddNote", { input: { id: request.id, note: "  " } }, almazSupport);
    expect(empty.userErrors).toEqual([expect.objectContaining({ field: ["input", "note"], code: "INVALID_INPUT" })]);
  });
});

describe("extensions", () => {
  it("move the due date to the extended one, with a reason the customer sees and is emailed; once only", async () => {
    const { viewer, request } = await customerWith("OBJECTION");
    const profile = profileOf("almaz");
    const dates = shopRequestDeadlines(profile, new Date(request.receivedAt));
    const reason = "You made several requests this month and this one needs our processor's records.";
    const extended = await changed(EXTEND, "rightsRequestExtend", { input: { id: request.id, reason } }, almazOfficer);
    expect(extended).toMatchObject({
      status: "OPEN",
      firstDueOn: dates.dueOn,
      dueOn: dates.extendedDueOn,
      extensionReason: reason,
      extendableTo: null,
    });
    expect(extended.extendedAt).not.toBeNull();
    // The customer sees the extension and why.
    const own = await one(viewer, request.id);
    expect(own?.dueOn).toBe(dates.extendedDueOn);
    expect(own?.events.at(-1)).toMatchObject({
      kind: "EXTENDED",
      message: reason,
      internal: false,
      actorType: "AGENT",
    });
    const mail = await mailTo(viewer.customerId, "We need more time");
    expect(mail).toHaveLength(1);
    expect(mail[0].text).toContain(`Why: ${reason}`);
    expect(mail[0].text).toContain(
      `We will answer by ${inWords(dates.extendedDueOn ?? "")} instead of ${inWords(dates.dueOn)}.`,
    );
    expect(await auditOf(viewer.customerId, "request.extend")).toEqual([
      {
        actorType: "AGENT",
        actorId: almazOfficer.agent.id,
        impersonationId: null,
        details: { requestId: rowId(request.id), dueOn: dates.extendedDueOn },
      },
    ]);
    await deliver();
    expect(hooksOf(reading, viewer.customerId).map((h) => h.type)).toEqual(["request.created", "request.updated"]);

    // Twice: refused, nothing changes.
    const twice = await extend(almazOfficer, request.id, "Still more records to check, sorry.");
    expect(twice.userErrors).toEqual([expect.objectContaining({ code: "CONFLICT" })]);
    expect((await one(viewer, request.id))?.extensionReason).toBe(reason);
  });

  it("needs a reason, a privacy officer, and to be announced before the first due date", async () => {
    const { viewer, request } = await customerWith("RESTRICTION");
    for (const reason of ["", "   ", "too short"]) {
      const result = await extend(almazOfficer, request.id, reason);
      expect(result.userErrors, reason).toEqual([
        expect.objectContaining({ field: ["input", "reason"], code: "INVALID_INPUT" }),
      ]);
    }
    const bySupport = await extend(almazSupport, request.id, "Support would like more time.");
    expect(bySupport.userErrors).toEqual([expect.objectContaining({ code: "FORBIDDEN" })]);
    // The day after the first due date, in the shop's time zone: too late.
    const firstDue = new Date(`${request.firstDueOn}T12:00:00Z`);
    const tooLate = await errorOf(
      extendRequest({
        viewer: almazOfficer,
        input: { id: rowId(request.id), reason: "We only now noticed we need longer." },
        now: new Date(firstDue.getTime() + DAY),
      }),
    );
    expect(tooLate.code).toBe("FORBIDDEN");
    expect(tooLate.message).toContain(inWords(request.firstDueOn));
    // A request received long ago: its first due date has passed, and the view says so.
    const old = await signedInViewer({ shop: "almaz" });
    const { request: overdue } = await createRightsRequest({
      viewer: old,
      input: INPUTS.RESTRICTION,
      now: daysAgo(45),
    });
    const seen = await one(almazOfficer, requestGid(overdue.id));
    expect(seen).toMatchObject({ isOverdue: true, extendableTo: null });
    const refused = await extend(almazOfficer, requestGid(overdue.id), "We need longer for this one, sorry.");
    expect(refused.userErrors).toEqual([expect.objectContaining({ code: "FORBIDDEN" })]);
    // On the first due date itself it is still possible.
    const onTheDay = await extendRequest({
      viewer: almazOfficer,
      input: { id: rowId(request.id), reason: "Announced on the last day allowed." },
      now: firstDue,
    });
    expect(onTheDay.request.dueOn).toBe(
      shopRequestDeadlines(profileOf("almaz"), new Date(request.receivedAt)).extendedDueOn,
    );
    expect(await auditOf(viewer.customerId, "request.extend")).toHaveLength(1);
  });
});

describe("decisions", () => {
  it("need a reason and a privacy officer", async () => {
    const { viewer, request } = await customerWith("AUTOMATED_DECISION");
    for (const reason of ["", "  ", "No."]) {
      const result = await decide(almazOfficer, { id: request.id, outcome: "REFUSED", reason });
      expect(result.userErrors, reason).toEqual([
        expect.objectContaining({ field: ["input", "reason"], code: "INVALID_INPUT" }),
      ]);
    }
    const missing = await gql(
      `mutation($id: ID!) { rightsRequestDecide(input: { id: $id, outcome: GRANTED }) { ${ERRORS} } }`,
      { id: request.id },
      almazOfficer,
    );
    expect(missing.errors?.[0].extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    const bySupport = await decide(almazSupport, { id: request.id, outcome: "GRANTED", reason: REASON });
    expect(bySupport.userErrors).toEqual([expect.objectContaining({ code: "FORBIDDEN" })]);
    // Purposes belong to an objection only.
    const withPurposes = await decide(almazOfficer, {
      id: request.id,
      outcome: "GRANTED",
      reason: REASON,
      grantedPurposes: ["research-and-analysis"],
    });
    expect(withPurposes.userErrors).toEqual([
      expect.objectContaining({ field: ["input", "grantedPurposes"], code: "INVALID_INPUT" }),
    ]);
    expect((await one(viewer, request.id))?.status).toBe("OPEN");
    expect(await auditOf(viewer.customerId, "request.decide")).toEqual([]);
  });

  it("a refusal: closed, emailed with the reason and the authority's complaint route, request.completed", async () => {
    const { viewer, request } = await customerWith("AUTOMATED_DECISION");
    const reason = "The credit check was made by a person, not by automated means.";
    const decided = await changed(
      DECIDE,
      "rightsRequestDecide",
      { input: { id: request.id, outcome: "REFUSED", reason } },
      almazOfficer,
    );
    expect(decided).toMatchObject({ status: "CLOSED", outcome: "REFUSED", decisionReason: reason, canChange: false });
    expect(decided.events.slice(-2).map((e) => [e.kind, e.actorType, e.message])).toEqual([
      ["DECIDED", "AGENT", reason],
      ["CLOSED", "SYSTEM", null],
    ]);
    expect(decided.events.at(-2)?.summary).toBe("Decided: refused");
    const authority = profileOf("almaz").supervisoryAuthority;
    const mail = await mailTo(viewer.customerId, "Your request was refused");
    expect(mail).toHaveLength(1);
    expect(mail[0].text).toContain(`Why: ${reason}`);
    expect(mail[0].text).toContain(`you can complain to ${authority.name}`);
    expect(mail[0].text).toContain(authority.howToComplain.trim().slice(0, 40));
    if (authority.website) expect(mail[0].text).toContain(authority.website);
    await deliver();
    expect(hooksOf(reading, viewer.customerId).map((h) => [h.type, h.data.status, h.data.outcome])).toEqual([
      ["request.created", "OPEN", null],
      ["request.completed", "CLOSED", "REFUSED"],
    ]);
    expect(hooksOf(blind, viewer.customerId)).toEqual([]);
    // Closed: no second decision.
    const again = await decide(almazOfficer, { id: request.id, outcome: "GRANTED", reason: REASON });
    expect(again.userErrors).toEqual([expect.objectContaining({ code: "CONFLICT" })]);
  });

  it("a granted restriction: no marketing, nothing to partners but the requests, erasure still works; then lifted", async () => {
    const s = await shop("almaz");
    const { viewer, request } = await customerWith("RESTRICTION");
    const purposeKey = "marketing:email:offers";
    await getPrisma().consentRecord.create({
      data: {
        shopId: s.id,
        customerId: viewer.customerId,
        purposeKey,
        state: "GRANTED",
        optInLevel: "CONFIRMED",
        source: "IMPORT",
        actorType: "SYSTEM",
        policyVersion: s.profile.policyVersion,
      },
    });
    const marketing = () =>
      sendMarketingEmail({ shop: s, customerId: viewer.customerId, purposeKey, subject: "Offers", text: "Hello" });
    await marketing();
    const partner = await partnerKey({
      shop: "almaz",
      scopes: ["customers:read", "consents:read", "requests:read"],
      name: "Restriction reader",
    });
    const READ = `query($id: ID!) { customer(id: $id) { id email firstName } }`;
    const readBefore = await gql(READ, { id: customerGid(viewer.customerId) }, partner.viewer);
    expect(dataOf<{ customer: { id: string } | null }>(readBefore).customer?.id).toBe(customerGid(viewer.customerId));

    const reason = "You contest the accuracy of your phone number; we restrict its use while we check.";
    const decided = await changed(
      DECIDE,
      "rightsRequestDecide",
      { input: { id: request.id, outcome: "GRANTED", reason } },
      almazOfficer,
    );
    expect(decided).toMatchObject({ status: "CLOSED", outcome: "GRANTED", decisionReason: reason });
    expect(decided.customer?.isRestricted).toBe(true);
    expect(decided.events.at(-1)?.message).toContain("no marketing messages");
    const row = await getPrisma().customer.findUniqueOrThrow({ where: { id: viewer.customerId } });
    expect(row.restrictedAt).not.toBeNull();
    const view = await mine(viewer);
    expect(view.restrictedAt).toBe(row.restrictedAt?.toISOString());
    expect(view.rightsRequests.restrictedAt).toBe(row.restrictedAt?.toISOString());

    // The decision's email: the outcome, the reason, what follows, how to complain.
    const authority = s.profile.supervisoryAuthority;
    const mail = await mailTo(viewer.customerId, "Your request was granted");
    expect(mail).toHaveLength(1);
    expect(mail[0].subject).toBe(`Your request was granted: ${request.label}`);
    expect(mail[0].text).toContain(`Why: ${reason}`);
    expect(mail[0].text).toContain("We keep your data but no longer use it");
    expect(mail[0].text).toContain(`you can complain to ${authority.name}`);
    expect(await auditOf(viewer.customerId, "request.decide")).toEqual([
      {
        actorType: "AGENT",
        actorId: almazOfficer.agent.id,
        impersonationId: null,
        details: { requestId: rowId(request.id), outcome: "GRANTED", type: "RESTRICTION" },
      },
    ]);
    await deliver();
    expect(hooksOf(reading, viewer.customerId).map((h) => [h.type, h.data.status, h.data.outcome])).toEqual([
      ["request.created", "OPEN", null],
      ["request.completed", "CLOSED", "GRANTED"],
    ]);

    // No marketing email any more.
    const refused = await errorOf(marketing());
    expect(refused.code).toBe("FORBIDDEN");
    expect(await getPrisma().outboundEmail.count({ where: { customerId: viewer.customerId, kind: "marketing" } })).toBe(
      1,
    );

    // Partners: account.read refused with the restriction's message, requests still open.
    await expect(authorize(partner.viewer, "account.read", viewer.customerId)).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: RESTRICTED_MESSAGE,
    });
    const readAfter = await gql(READ, { id: customerGid(viewer.customerId) }, partner.viewer);
    // Soft: the rest of the journey is checked even when this fails.
    expect
      .soft(
        readAfter.errors?.map((e) => [e.extensions?.code, e.message]),
        JSON.stringify(readAfter),
      )
      .toEqual([["FORBIDDEN", RESTRICTED_MESSAGE]]);
    expect(JSON.stringify(readAfter)).not.toContain(row.email);
    const requests = await gql(FOR_PARTNER, { c: customerGid(viewer.customerId) }, partner.viewer);
    const listed = dataOf<{ customerRightsRequests: { totalCount: number; edges: { node: RequestNode }[] } }>(requests);
    expect(listed.customerRightsRequests.edges.map((e) => [e.node.id, e.node.status])).toEqual([
      [request.id, "CLOSED"],
    ]);
    expect((await one(partner.viewer, request.id))?.outcome).toBe("GRANTED");
    // ... but the requests carry nothing of the account partners may no longer read.
    expect.soft(JSON.stringify(requests)).not.toContain(row.email);
    expect.soft(JSON.stringify(requests)).not.toContain(row.lastName);
    expect.soft(JSON.stringify(await one(partner.viewer, request.id))).not.toContain(row.email);

    // Lifted: the customer is told first; marketing and partners' reads resume.
    const liftReason = "The phone number was checked and corrected; the restriction is no longer needed.";
    const lifted = await changed(
      LIFT,
      "restrictionLift",
      { input: { id: request.id, reason: liftReason } },
      almazOfficer,
    );
    expect(lifted.customer?.isRestricted).toBe(false);
    expect(lifted.events.at(-1)).toMatchObject({ kind: "RESTRICTION_LIFTED", message: liftReason, internal: false });
    expect(
      (await getPrisma().customer.findUniqueOrThrow({ where: { id: viewer.customerId } })).restrictedAt,
    ).toBeNull();
    expect((await mine(viewer)).restrictedAt).toBeNull();
    const liftMail = await mailTo(viewer.customerId, "We are lifting the restriction");
    expect(liftMail).toHaveLength(1);
    expect(liftMail[0].text).toContain(`Why: ${liftReason}`);
    expect(liftMail[0].text).toContain(`you can complain to ${authority.name}`);
    expect(await auditOf(viewer.customerId, "request.lift-restriction")).toEqual([
      expect.objectContaining({ actorType: "AGENT", actorId: almazOfficer.agent.id }),
    ]);
    await marketing();
    const readLifted = await gql(READ, { id: customerGid(viewer.customerId) }, partner.viewer);
    expect(dataOf<{ customer: { id: string } | null }>(readLifted).customer?.id).toBe(customerGid(viewer.customerId));
    await deliver();
    expect(hooksOf(reading, viewer.customerId).map((h) => h.type)).toEqual([
      "request.created",
      "request.completed",
      "request.updated",
    ]);
    // Nothing left to lift.
    const twice = await change(
      LIFT,
      "restrictionLift",
      { input: { id: request.id, reason: liftReason } },
      almazOfficer,
    );
    expect(twice.userErrors).toEqual([expect.objectContaining({ code: "CONFLICT" })]);
  });

  it("a restriction is lifted through the request that granted it, not through another", async () => {
    const { viewer, request } = await customerWith("RESTRICTION");
    await changed(
      DECIDE,
      "rightsRequestDecide",
      { input: { id: request.id, outcome: "GRANTED", reason: REASON } },
      almazOfficer,
    );
    // A second restriction request, still open, and a third, withdrawn: neither granted anything.
    const open = await filed(viewer, { ...INPUTS.RESTRICTION, details: "And my address too." });
    const reason = "Lifting through a request that granted nothing.";
    const throughOpen = await change(LIFT, "restrictionLift", { input: { id: open.id, reason } }, almazOfficer);
    expect.soft(throughOpen.userErrors).toEqual([expect.objectContaining({ code: "CONFLICT" })]);
    await changed(WITHDRAW, "rightsRequestWithdraw", { id: open.id }, viewer);
    await getPrisma().customer.update({ where: { id: viewer.customerId }, data: { restrictedAt: new Date() } });
    const throughWithdrawn = await change(LIFT, "restrictionLift", { input: { id: open.id, reason } }, almazOfficer);
    expect.soft(throughWithdrawn.userErrors).toEqual([expect.objectContaining({ code: "CONFLICT" })]);
    // Through the granting request it works.
    await getPrisma().customer.update({ where: { id: viewer.customerId }, data: { restrictedAt: new Date() } });
    const lifted = await changed(LIFT, "restrictionLift", { input: { id: request.id, reason: REASON } }, almazOfficer);
    expect(lifted.customer?.isRestricted).toBe(false);
  });

  it("a restricted account can still be erased", async () => {
    const { viewer, request } = await customerWith("RESTRICTION");
    await changed(
      DECIDE,
      "rightsRequestDecide",
      { input: { id: request.id, outcome: "GRANTED", reason: REASON } },
      almazOfficer,
    );
    const deletionId = await scheduleErasure(viewer);
    expect(await runErasure({ requestId: deletionId })).toBe("erased");
    const customer = await getPrisma().customer.findUniqueOrThrow({ where: { id: viewer.customerId } });
    expect(customer.status).toBe("ERASED");
    // The record that the request was answered stays; the customer's words go.
    const kept = await getPrisma().rightsRequest.findUniqueOrThrow({ where: { id: rowId(request.id) } });
    expect(kept).toMatchObject({ type: "RESTRICTION", outcome: "GRANTED", details: null });
  });

  it("erasing an account leaves no request of it open in the queue", async () => {
    const { viewer, request } = await customerWith("OBJECTION");
    const deletionId = await scheduleErasure(viewer);
    expect(await runErasure({ requestId: deletionId })).toBe("erased");
    const row = await getPrisma().rightsRequest.findUniqueOrThrow({ where: { id: rowId(request.id) } });
    // Nobody is left to answer: it must not wait in the queue (and turn late) for ever.
    expect(row.status, JSON.stringify(row)).not.toBe("OPEN");
    expect(row.status).not.toBe("AWAITING_VERIFICATION");
    const q = await queue(almazOfficer, { filter: { types: ["OBJECTION"] }, first: 100 });
    expect(q.requests.edges.map((e) => e.node.id)).not.toContain(request.id);
  });

  it("an objection partly granted withdraws exactly the purposes granted", async () => {
    const viewer = await signedInViewer({ shop: "almaz" });
    const request = await filed(viewer, {
      type: "OBJECTION",
      purposes: ["research-and-analysis", "in-store-experience"],
      details: "I do not want to be analysed or tracked in the shop.",
    });
    const profile = profileOf("almaz");
    const invalid: [Record<string, unknown>, string][] = [
      [{ outcome: "PARTLY_GRANTED", grantedPurposes: ["research-and-analysis", "in-store-experience"] }, "both"],
      [{ outcome: "PARTLY_GRANTED" }, "none"],
      [{ outcome: "PARTLY_GRANTED", grantedPurposes: ["service-quality"] }, "not named"],
      [{ outcome: "REFUSED", grantedPurposes: ["research-and-analysis"] }, "refused"],
    ];
    for (const [input, what] of invalid) {
      const result = await decide(almazOfficer, { id: request.id, reason: REASON, ...input });
      expect(result.userErrors, what).toEqual([
        expect.objectContaining({ field: ["input", "grantedPurposes"], code: "INVALID_INPUT" }),
      ]);
    }
    const decided = await changed(
      DECIDE,
      "rightsRequestDecide",
      {
        input: {
          id: request.id,
          outcome: "PARTLY_GRANTED",
          reason: "In-store experience needs your visits; research does not.",
          grantedPurposes: ["research-and-analysis"],
        },
      },
      almazOfficer,
    );
    expect(decided).toMatchObject({ status: "CLOSED", outcome: "PARTLY_GRANTED" });
    const label = profile.purposes.find((p) => p.key === "research-and-analysis")?.label;
    expect(decided.events.at(-1)?.message).toBe(`We no longer use your data for: ${label}.`);
    const customer = await getPrisma().customer.findUniqueOrThrow({ where: { id: viewer.customerId } });
    expect(customer.objectedPurposes).toEqual(["research-and-analysis"]);
    expect(customer.restrictedAt).toBeNull();
    expect((await mine(viewer)).rightsRequests.objectedPurposes).toEqual([{ key: "research-and-analysis", label }]);
    const mail = await mailTo(viewer.customerId, "Your request was partly granted");
    expect(mail).toHaveLength(1);
    expect(mail[0].text).toContain(`We no longer use your data for: ${label}.`);
    expect(mail[0].text).toContain(`you can complain to ${profile.supervisoryAuthority.name}`);
    await deliver();
    expect(hooksOf(reading, viewer.customerId).at(-1)?.data).toMatchObject({
      status: "CLOSED",
      outcome: "PARTLY_GRANTED",
    });

    // Granting fewer purposes than the objection names is a partial grant, not a grant.
    const other = await signedInViewer({ shop: "almaz" });
    const both = await filed(other, {
      type: "OBJECTION",
      purposes: ["research-and-analysis", "in-store-experience"],
      details: "I object to both.",
    });
    const fewer = await decide(almazOfficer, {
      id: both.id,
      outcome: "GRANTED",
      reason: REASON,
      grantedPurposes: ["research-and-analysis"],
    });
    expect
      .soft(fewer.userErrors, JSON.stringify(fewer.request?.outcome))
      .toEqual([expect.objectContaining({ field: ["input", "grantedPurposes"], code: "INVALID_INPUT" })]);

    // A later objection granted in full adds its purposes to the ones already withdrawn.
    const second = await filed(viewer, {
      type: "OBJECTION",
      purposes: ["aggregated-statistics", "research-and-analysis"],
      details: "Statistics too, please.",
    });
    await changed(
      DECIDE,
      "rightsRequestDecide",
      { input: { id: second.id, outcome: "GRANTED", reason: REASON } },
      almazOfficer,
    );
    const after = await getPrisma().customer.findUniqueOrThrow({ where: { id: viewer.customerId } });
    expect([...after.objectedPurposes].sort()).toEqual(["aggregated-statistics", "research-and-analysis"]);
  });
});

describe("representatives and partners", () => {
  const PROOF = "Written authorisation signed by the customer on 2 May, scanned in ticket T-4411.";

  it("a partner's filing with a representative waits for the officer's check; accepted, it opens", async () => {
    const customer = await signedInViewer({ shop: "almaz" });
    const partner = await partnerKey({ shop: "almaz", scopes: ["requests:write", "requests:read"], name: "Lawyers" });
    const request = await filed(partner.viewer, {
      ...INPUTS.RESTRICTION,
      customerId: customerGid(customer.customerId),
      representative: { name: "Avocat Maria Ionescu", proof: PROOF },
    });
    expect(request).toMatchObject({
      status: "AWAITING_VERIFICATION",
      filedBy: "REPRESENTATIVE",
      representativeName: "Avocat Maria Ionescu",
      // The proof is for the officer and the customer, not the partner.
      representativeProof: null,
      canChange: false,
    });
    expect(request.customer?.id).toBe(customerGid(customer.customerId));
    expect(request.events.map((e) => [e.kind, e.actorType, e.actorName])).toEqual([["RECEIVED", "PARTNER", "Lawyers"]]);
    expect(request.events[0].message).toBe("Filed for you by Avocat Maria Ionescu.");
    // The customer is told who filed it, and sees the proof.
    const mail = await mailTo(customer.customerId, "We received your request");
    expect(mail).toHaveLength(1);
    expect(mail[0].text).toContain("Avocat Maria Ionescu filed a request for you");
    expect(mail[0].text).toContain("If you did not authorise this");
    const own = await one(customer, request.id);
    expect(own).toMatchObject({ representativeProof: PROOF, canChange: true, status: "AWAITING_VERIFICATION" });
    expect((await one(almazOfficer, request.id))?.representativeProof).toBe(PROOF);
    // "privacy officers and the customer only": not support staff.
    expect.soft((await one(almazSupport, request.id))?.representativeProof).toBeNull();
    expect(await auditOf(customer.customerId, "request.create")).toEqual([
      {
        actorType: "PARTNER",
        actorId: partner.apiKeyId,
        impersonationId: null,
        details: { requestId: rowId(request.id), type: "RESTRICTION", filedBy: "REPRESENTATIVE" },
      },
    ]);

    // Nothing can be decided or extended before the check; support staff cannot check.
    const early = await decide(almazOfficer, { id: request.id, outcome: "GRANTED", reason: REASON });
    expect(early.userErrors).toEqual([expect.objectContaining({ code: "CONFLICT" })]);
    const earlyExtension = await extend(almazOfficer, request.id, "We need more time for the check.");
    expect(earlyExtension.userErrors).toEqual([expect.objectContaining({ code: "CONFLICT" })]);
    const bySupport = await verify(almazSupport, {
      id: request.id,
      isAccepted: true,
      reason: "Support thinks it is fine.",
    });
    expect(bySupport.userErrors).toEqual([expect.objectContaining({ code: "FORBIDDEN" })]);
    expect(
      (await getPrisma().customer.findUniqueOrThrow({ where: { id: customer.customerId } })).restrictedAt,
    ).toBeNull();

    const checked = "The authorisation's signature matches the one on the customer's contract.";
    const accepted = await changed(
      VERIFY,
      "rightsRequestVerify",
      { input: { id: request.id, isAccepted: true, reason: checked } },
      almazOfficer,
    );
    expect(accepted.status).toBe("OPEN");
    expect(accepted.events.slice(-2).map((e) => [e.kind, e.actorType])).toEqual([
      ["VERIFIED", "AGENT"],
      ["ACKNOWLEDGED", "SYSTEM"],
    ]);
    expect((await mailTo(customer.customerId, "We accepted a request filed for you")).length).toBe(1);
    // Checked once only.
    const twice = await verify(almazOfficer, { id: request.id, isAccepted: false, reason: checked });
    expect(twice.userErrors).toEqual([expect.objectContaining({ code: "CONFLICT" })]);
    // Now it can be decided.
    const decided = await changed(
      DECIDE,
      "rightsRequestDecide",
      { input: { id: request.id, outcome: "GRANTED", reason: REASON } },
      almazOfficer,
    );
    expect(decided.status).toBe("CLOSED");
    expect(await auditOf(customer.customerId, "request.verify")).toEqual([
      {
        actorType: "AGENT",
        actorId: almazOfficer.agent.id,
        impersonationId: null,
        details: { requestId: rowId(request.id), isAccepted: true },
      },
    ]);
    await deliver();
    expect(hooksOf(reading, customer.customerId).map((h) => [h.type, h.data.status])).toEqual([
      ["request.created", "AWAITING_VERIFICATION"],
      ["request.updated", "OPEN"],
      ["request.completed", "CLOSED"],
    ]);
  });

  it("refused at the check: closed as refused, the customer told", async () => {
    const customer = await signedInViewer({ shop: "almaz" });
    const partner = await partnerKey({ shop: "almaz", scopes: ["requests:write"] });
    const request = await filed(partner.viewer, {
      ...INPUTS.OBJECTION,
      customerId: customerGid(customer.customerId),
      representative: { name: "Agentia Drepturi SRL", proof: PROOF },
    });
    const reason = "The authorisation is not signed and the customer did not confirm it.";
    const refused = await changed(
      VERIFY,
      "rightsRequestVerify",
      { input: { id: request.id, isAccepted: false, reason } },
      almazOfficer,
    );
    expect(refused).toMatchObject({ status: "CLOSED", outcome: "REFUSED" });
    expect(refused.decisionReason).toContain(reason);
    expect(refused.decidedAt).not.toBeNull();
    const mail = await mailTo(customer.customerId, "We refused a request filed for you");
    expect(mail).toHaveLength(1);
    expect(mail[0].text).toContain("Agentia Drepturi SRL");
    expect(
      (await getPrisma().customer.findUniqueOrThrow({ where: { id: customer.customerId } })).objectedPurposes,
    ).toEqual([]);
    await deliver();
    expect(hooksOf(reading, customer.customerId).map((h) => [h.type, h.data.status, h.data.outcome])).toEqual([
      ["request.created", "AWAITING_VERIFICATION", null],
      ["request.completed", "CLOSED", "REFUSED"],
    ]);
    // An open request is not checked.
    const { request: open } = await customerWith("AUTOMATED_DECISION");
    const notWaiting = await verify(almazOfficer, { id: open.id, isAccepted: true, reason: "Checking an open one." });
    expect(notWaiting.userErrors).toEqual([expect.objectContaining({ code: "CONFLICT" })]);
  });

  it("staff record a representative's filing sent by post; a partner without a representative waits too", async () => {
    const customer = await signedInViewer({ shop: "almaz" });
    const recorded = await filed(almazSupport, {
      ...INPUTS.AUTOMATED_DECISION,
      customerId: customerGid(customer.customerId),
      representative: { name: "Ion Popescu (son)", proof: PROOF },
    });
    expect(recorded).toMatchObject({ status: "AWAITING_VERIFICATION", filedBy: "REPRESENTATIVE" });
    expect(await auditOf(customer.customerId, "request.create")).toEqual([
      expect.objectContaining({ actorType: "AGENT", actorId: almazSupport.agent.id }),
    ]);
    // Staff do not file in the customer's own name.
    const withoutRepresentative = await file(almazSupport, {
      ...INPUTS.RESTRICTION,
      customerId: customerGid(customer.customerId),
    });
    expect(withoutRepresentative.userErrors).toEqual([
      expect.objectContaining({ field: ["input", "representative"], code: "INVALID_INPUT" }),
    ]);
    const partner = await partnerKey({ shop: "almaz", scopes: ["requests:write"], name: "Marketplace" });
    const byPartner = await filed(partner.viewer, {
      ...INPUTS.RESTRICTION,
      customerId: customerGid(customer.customerId),
    });
    expect(byPartner).toMatchObject({ status: "AWAITING_VERIFICATION", filedBy: "PARTNER", representativeName: null });
    expect(byPartner.events[0].message).toBe("Filed for you by Marketplace.");
    // A key without requests:write files nothing; one with requests:read only cannot either.
    for (const scopes of [["requests:read"], ["customers:read", "consents:write"]] as const) {
      const key = await partnerKey({ shop: "almaz", scopes: [...scopes] });
      const result = await file(key.viewer, { ...INPUTS.OBJECTION, customerId: customerGid(customer.customerId) });
      expect(result.userErrors, scopes.join()).toEqual([expect.objectContaining({ code: "FORBIDDEN" })]);
    }
    // A partner names the customer.
    const unnamed = await file(partner.viewer, INPUTS.OBJECTION);
    expect(unnamed.userErrors).toEqual([expect.objectContaining({ code: "INVALID_INPUT" })]);
    // Another shop's customer is not found.
    const foreign = await signedInViewer({ shop: "allegra" });
    const elsewhere = await file(partner.viewer, { ...INPUTS.OBJECTION, customerId: customerGid(foreign.customerId) });
    expect(elsewhere.userErrors).toEqual([expect.objectContaining({ code: "NOT_FOUND" })]);
    expect(await getPrisma().rightsRequest.count({ where: { customerId: foreign.customerId } })).toBe(0);
  });

  it("a shop whose policy accepts no authorised agents refuses representatives' filings", async () => {
    expect(profileOf("crystalline").requests.authorisedAgents.isAllowed).toBe(false);
    const customer = await signedInViewer({ shop: "crystalline" });
    const partner = await partnerKey({ shop: "crystalline", scopes: ["requests:write"] });
    const officer = await agentViewer({ shop: "crystalline", role: "PRIVACY_OFFICER" });
    for (const viewer of [partner.viewer, officer] as Viewer[]) {
      const result = await file(viewer, {
        type: "RESTRICTION",
        details: "Stop using my data.",
        customerId: customerGid(customer.customerId),
        representative: { name: "Advokat Georgiev", proof: PROOF },
      });
      expect(result.request, viewer.kind).toBeNull();
      expect(result.userErrors, viewer.kind).toEqual([
        expect.objectContaining({ field: ["input", "representative"], code: "FORBIDDEN" }),
      ]);
    }
    expect(await getPrisma().rightsRequest.count({ where: { customerId: customer.customerId } })).toBe(0);
  });

  it("partners read a customer's requests with requests:read only", async () => {
    const { viewer, request } = await customerWith("OBJECTION");
    const reader = await partnerKey({ shop: "almaz", scopes: ["requests:read"] });
    const list = dataOf<{ customerRightsRequests: { totalCount: number; edges: { node: RequestNode }[] } }>(
      await gql(FOR_PARTNER, { c: customerGid(viewer.customerId) }, reader.viewer),
    ).customerRightsRequests;
    expect(list.totalCount).toBe(1);
    expect(list.edges[0].node).toMatchObject({ id: request.id, status: "OPEN", assignedTo: null, canChange: false });
    for (const scopes of [["customers:read", "consents:read"], ["requests:write"]] as const) {
      const key = await partnerKey({ shop: "almaz", scopes: [...scopes] });
      const result = await gql(FOR_PARTNER, { c: customerGid(viewer.customerId) }, key.viewer);
      expect(
        result.errors?.map((e) => e.extensions?.code),
        scopes.join(),
      ).toEqual(["FORBIDDEN"]);
      const single = await gql(ONE, { id: request.id }, key.viewer);
      expect(JSON.stringify(single)).not.toContain(String(INPUTS.OBJECTION.details));
    }
  });
});

describe("metrics", () => {
  // Micro-Image in 2013, a year nothing else files in: each request through the services
  // with the moment it happened.
  it("counts a year's requests by type and outcome, with response times and late ones, exactly", async () => {
    const s = await shop("micro-image");
    const officer = await agentViewer({ shop: "micro-image", role: "PRIVACY_OFFICER" });
    const at = (iso: string) => new Date(iso);
    const plus = (iso: string, days: number) => new Date(at(iso).getTime() + days * DAY);
    const fileAt = async (input: Record<string, unknown>, receivedAt: string, viewer?: Viewer) => {
      const customer = await signedInViewer({ shop: "micro-image" });
      const { request } = await createRightsRequest({
        viewer: viewer ?? customer,
        input: viewer ? { ...input, customerId: customer.customerId } : input,
        now: at(receivedAt),
      });
      return { customer, request };
    };
    const decideAt = (id: string, outcome: string, when: Date, grantedPurposes?: string[]) =>
      decideRequest({ viewer: officer, input: { id, outcome, reason: REASON, grantedPurposes }, now: when });
    const details = "For the metrics.";

    // RESTRICTION: granted after 10 days; granted after 80 days (late); received just
    // after midnight on 1 January in Bucharest (still 31 December in UTC), granted after 5.
    const r1 = await fileAt({ type: "RESTRICTION", details }, "2013-03-04T09:00:00Z");
    await decideAt(r1.request.id, "GRANTED", plus("2013-03-04T09:00:00Z", 10));
    const r2 = await fileAt({ type: "RESTRICTION", details }, "2013-10-01T09:00:00Z");
    await decideAt(r2.request.id, "GRANTED", plus("2013-10-01T09:00:00Z", 80));
    const r3 = await fileAt({ type: "RESTRICTION", details }, "2012-12-31T23:30:00Z");
    expect(r3.request.receivedOn).toBe("2013-01-01");
    await decideAt(r3.request.id, "GRANTED", plus("2012-12-31T23:30:00Z", 5));
    // Received at 00:30 on 1 January 2014 in Bucharest: counts in 2014, not 2013.
    const r4 = await fileAt({ type: "RESTRICTION", details }, "2013-12-31T22:30:00Z");
    expect(r4.request.receivedOn).toBe("2014-01-01");

    // OBJECTION: refused after 20 days; partly granted after 25; extended, then refused
    // after 50 days: past the first due date but before the extended one (not late).
    const o1 = await fileAt({ type: "OBJECTION", purposes: ["statistics"], details }, "2013-03-04T09:00:00Z");
    await decideAt(o1.request.id, "REFUSED", plus("2013-03-04T09:00:00Z", 20));
    const o2 = await fileAt(
      { type: "OBJECTION", purposes: ["statistics", "feedback"], details },
      "2013-05-06T09:00:00Z",
    );
    await decideAt(o2.request.id, "PARTLY_GRANTED", plus("2013-05-06T09:00:00Z", 25), ["feedback"]);
    const o3 = await fileAt(
      { type: "OBJECTION", purposes: ["marketing-optimisation"], details },
      "2013-10-01T09:00:00Z",
    );
    await extendRequest({
      viewer: officer,
      input: { id: o3.request.id, reason: "Several requests at once this month." },
      now: plus("2013-10-01T09:00:00Z", 10),
    });
    const o3decided = await decideAt(o3.request.id, "REFUSED", plus("2013-10-01T09:00:00Z", 50));
    expect(o3decided.request.firstDueOn < "2013-11-20").toBe(true);
    expect(o3decided.request.dueOn > "2013-11-20").toBe(true);

    // AUTOMATED_DECISION: withdrawn after 2 days; a partner's filing refused at the
    // officer's check after 3 days.
    const a1 = await fileAt({ type: "AUTOMATED_DECISION", details }, "2013-06-03T09:00:00Z");
    await withdrawRequest({ viewer: a1.customer, id: a1.request.id, now: plus("2013-06-03T09:00:00Z", 2) });
    const partner = await partnerKey({ shop: "micro-image", scopes: ["requests:write"] });
    const a2 = await fileAt({ type: "AUTOMATED_DECISION", details }, "2013-04-01T09:00:00Z", partner.viewer);
    expect(a2.request.status).toBe("AWAITING_VERIFICATION");
    await verifyRequest({
      viewer: officer,
      input: { id: a2.request.id, isAccepted: false, reason: "No proof of the customer's consent." },
      now: plus("2013-04-01T09:00:00Z", 3),
    });

    // DISPUTED_CORRECTION: still open, long past its due date.
    const d1 = await fileAt({ type: "DISPUTED_CORRECTION", details }, "2013-09-02T09:00:00Z");

    // ACCESS: a self-service export, done at once.
    const exporter = await signedInViewer({ shop: "micro-image" });
    await getPrisma().$transaction((tx) =>
      recordSelfServiceRequest(tx, {
        shop: s,
        customerId: exporter.customerId,
        type: "ACCESS",
        actor: { actorType: "CUSTOMER", actorId: exporter.customerId, impersonationId: null },
        now: at("2013-07-01T09:00:00Z"),
      }),
    );

    const figures = await metrics(officer, "micro-image", 2013);
    if (!figures) throw new Error("no metrics for the privacy officer");
    const labels = new Map(figures.rows.map((r) => [r.type, r.label]));
    const row = (type: string | null, values: Partial<MetricsRow>): MetricsRow => ({
      type,
      label: type ? (labels.get(type) ?? "") : "All requests",
      received: 0,
      granted: 0,
      partlyGranted: 0,
      refused: 0,
      withdrawn: 0,
      pending: 0,
      medianDaysToRespond: null,
      meanDaysToRespond: null,
      late: 0,
      ...values,
    });
    expect(figures.year).toBe(2013);
    expect(figures.rows).toEqual([
      row("RESTRICTION", { received: 3, granted: 3, medianDaysToRespond: 10, meanDaysToRespond: 31.7, late: 1 }),
      row("OBJECTION", {
        received: 3,
        partlyGranted: 1,
        refused: 2,
        medianDaysToRespond: 25,
        meanDaysToRespond: 31.7,
      }),
      row("AUTOMATED_DECISION", {
        received: 2,
        refused: 1,
        withdrawn: 1,
        medianDaysToRespond: 3,
        meanDaysToRespond: 3,
      }),
      row("DISPUTED_CORRECTION", { received: 1, pending: 1, late: 1 }),
      row("ACCESS", { received: 1, granted: 1, medianDaysToRespond: 0, meanDaysToRespond: 0 }),
      row("RECTIFICATION", {}),
      row("ERASURE", {}),
      row("WITHDRAW_CONSENT", {}),
    ]);
    // The total's days count the filed requests decided (3, 5, 10, 20, 25, 50, 80 days:
    // median 20, mean 27.57), not the export done at once (0 days).
    expect(figures.total).toEqual(
      row(null, {
        received: 10,
        granted: 4,
        partlyGranted: 1,
        refused: 3,
        withdrawn: 1,
        pending: 1,
        medianDaysToRespond: 20,
        meanDaysToRespond: 27.6,
        late: 2,
      }),
    );
    expect(labels.get("RESTRICTION")).toBe(s.profile.rights.find((r) => r.key === "restriction")?.label);
    // A decision shows at once (the figures are kept for a while otherwise): still late.
    await decideAt(d1.request.id, "GRANTED", at("2013-12-02T09:00:00Z"));
    const after = await metrics(officer, "micro-image", 2013);
    expect(after?.rows.find((r) => r.type === "DISPUTED_CORRECTION")).toMatchObject({
      granted: 1,
      pending: 0,
      late: 1,
    });
    expect(after?.total).toMatchObject({ received: 10, granted: 5, pending: 0, late: 2 });
    // 2014 holds the request received on its first night.
    const next = await metrics(officer, "micro-image", 2014);
    expect(next?.rows.find((r) => r.type === "RESTRICTION")).toMatchObject({ received: 1, pending: 1 });
    // Micro-Image does not publish them: nobody else sees them.
    expect(s.profile.requests.publishesMetrics).toBe(false);
    for (const viewer of [
      ANONYMOUS,
      await signedInViewer({ shop: "micro-image" }),
      await agentViewer({ shop: "micro-image", role: "SUPPORT" }),
      await agentViewer({ shop: "almaz", role: "PRIVACY_OFFICER" }),
      (await partnerKey({ shop: "micro-image", scopes: ["requests:read"] })).viewer,
    ] as Viewer[]) {
      expect(await metrics(viewer, "micro-image", 2013), viewer.kind).toBeNull();
    }
  });

  it("are public where the shop publishes them (Allegra), for privacy officers elsewhere (ALMAZ)", async () => {
    expect(profileOf("allegra").requests.publishesMetrics).toBe(true);
    // The year the shop counts a request filed now in (its own time zone).
    const { request } = await customerWith("RESTRICTION");
    const year = Number(request.receivedOn.slice(0, 4));
    const published = await metrics(ANONYMOUS, "allegra", year);
    expect(published?.year).toBe(year);
    expect(published?.total.label).toBe("All requests");
    expect(profileOf("almaz").requests.publishesMetrics).toBe(false);
    expect(await metrics(ANONYMOUS, "almaz", year)).toBeNull();
    expect(await metrics(almazSupport, "almaz", year)).toBeNull();
    expect(
      await metrics(await impersonating(almazSupport, (await signedInViewer()).customerId), "almaz", year),
    ).toBeNull();
    const own = await metrics(almazOfficer, "almaz", year);
    expect(own?.year).toBe(year);
    expect(own?.total.received).toBeGreaterThanOrEqual(1);
    // A year outside the range is refused as input.
    const odd = await gql(METRICS, { handle: "almaz", year: 1850 }, almazOfficer);
    expect(odd.errors?.map((e) => e.extensions?.code)).toEqual(["INVALID_INPUT"]);
  });
});

describe("the customer's export", () => {
  it("holds the requests and their timeline", async () => {
    const { viewer, request } = await customerWith("DISPUTED_CORRECTION");
    const created = await createExport({ viewer, input: { format: "JSON" } });
    await getPrisma().job.deleteMany({ where: { kind: EXPORT_BUILD_JOB, key: created.export.id } });
    await buildExport({ exportId: created.export.id, context: standaloneJobContext(created.export.id) });
    const { document } = await storedJson(created.export.id);
    const datasets = document.categories.flatMap((c) => c.datasets);
    const requests = datasets.find((d) => d.key === "rights_requests");
    // The filed request, and this export itself (a request done at once).
    expect(requests?.records).toEqual([
      expect.objectContaining({
        id: rowId(request.id),
        type: "DISPUTED_CORRECTION",
        status: "OPEN",
        selfService: false,
        details: INPUTS.DISPUTED_CORRECTION.details,
      }),
      expect.objectContaining({ type: "ACCESS", status: "CLOSED", outcome: "GRANTED", selfService: true }),
    ]);
    const steps = datasets.find((d) => d.key === "rights_request_steps");
    expect(steps?.records.map((r) => r.kind).sort()).toEqual(
      ["ACKNOWLEDGED", "COMPLETED", "IDENTITY_CONFIRMED", "RECEIVED", "RECEIVED"].sort(),
    );
    // The export itself is recorded as a request done at once.
    const selfService = await getPrisma().rightsRequest.findMany({
      where: { customerId: viewer.customerId, selfService: true },
      select: { type: true, status: true, outcome: true },
    });
    expect(selfService).toEqual([{ type: "ACCESS", status: "CLOSED", outcome: "GRANTED" }]);
  });
});

describe("agents in a customer's account", () => {
  it("see the customer's requests but cannot add to or withdraw them", async () => {
    const { viewer, request } = await customerWith("RESTRICTION");
    const acting = await impersonating(await agentViewer({ shop: "almaz" }), viewer.customerId);
    const seen = await mine(acting);
    expect(seen.rightsRequests.requests.edges.map((e) => e.node.id)).toEqual([request.id]);
    const add = await change(
      ADD_INFORMATION,
      "rightsRequestAddInformation",
      { input: { id: request.id, message: "Added by support." } },
      acting,
    );
    expect(add.userErrors).toEqual([expect.objectContaining({ code: "FORBIDDEN" })]);
    const withdraw = await change(WITHDRAW, "rightsRequestWithdraw", { id: request.id }, acting);
    expect(withdraw.userErrors).toEqual([expect.objectContaining({ code: "FORBIDDEN" })]);
    expect((await one(viewer, request.id))?.status).toBe("OPEN");
  });
});
