import "server-only";
import { z } from "zod";
import { appUrl } from "../app-url";
import { recordAuditEvent } from "../audit";
import { queueRecipientNotifications } from "../audit/recipients";
import { type AuditActor, authorize } from "../auth/authorize";
import type { Viewer } from "../auth/viewer";
import type { DataCategoryKey } from "../data-map/categories";
import { decodeCursor, type Page, pageSize } from "../data-map/view";
import { getDatabase, getPrisma, Prisma } from "../db";
import type {
  ActorType,
  RightsRequestFiler,
  RightsRequestOutcome,
  RightsRequestStatus,
  RightsRequestType,
} from "../db/generated/enums";
import { AppError, type FieldError } from "../errors";
import { requireAgent } from "../impersonation";
import { enqueueEmail, tryDeliverPendingEmails } from "../mail";
import type { ShopRef } from "../tenants";
import type { ShopProfile } from "../tenants/profile-schema";
import { invalidInput, safeText } from "../validation";
import { queueWebhookEvent } from "../webhooks/events";
import { requestsChanged, requestsVersion } from "./changes";
import { canStillExtend, localDateOf } from "./deadline";
import { deadlineRule, dueDatesView, shopRequestDeadlines } from "./index";
import { recordSelfServiceRequest, SELF_SERVICE_TYPES, type SelfServiceType } from "./self-service";
import {
  type Choice,
  categoryChoices,
  FILED_TYPES,
  type FiledType,
  objectionPurposes,
  type RequestTypeOption,
  requestTypeLabel,
  requestTypeOptions,
} from "./types";

// Rights requests (GDPR Art. 12, 18, 21, 22; PRODUCT.md "Requests"). A customer files a
// request the shop's policy offers; it is a record with a timeline and legal due dates
// fixed at receipt by the shop's regime (./deadline.ts). Privacy officers work the queue:
// assign, note, extend (with a reason, before the first due date), decide (with a
// reason and the authority's complaint route). A granted restriction marks the customer
// restricted (no marketing mail, nothing to partners, a banner; erasure still works); a
// granted objection withdraws exactly the legitimate-interest purposes it names. A
// request filed by an authorised agent, a representative or a partner waits for an
// officer's check of the proof before anything is done. The self-service actions
// (export, correction, deletion, consent withdrawal) are recorded as requests completed
// at once, so the history and the published metrics are complete.

export * from "./types";
export { recordSelfServiceRequest };

const OPEN_STATUSES: RightsRequestStatus[] = ["AWAITING_VERIFICATION", "OPEN"];

// ---- Views ----

export type RequestEventView = {
  kind: string;
  summary: string;
  actorType: ActorType;
  actorName: string | null;
  message: string | null;
  internal: boolean;
  at: Date;
};

export type RightsRequestView = {
  id: string;
  shopId: string;
  customerId: string;
  type: RightsRequestType;
  label: string;
  status: RightsRequestStatus;
  outcome: RightsRequestOutcome | null;
  purposes: Choice[];
  categories: Choice[];
  details: string | null;
  filedBy: RightsRequestFiler;
  representativeName: string | null;
  representativeProof: string | null;
  selfService: boolean;
  receivedAt: Date;
  receivedOn: string;
  firstDueOn: string;
  dueOn: string;
  isOverdue: boolean;
  extendableTo: string | null;
  extendedAt: Date | null;
  extensionReason: string | null;
  decidedAt: Date | null;
  decisionReason: string | null;
  withdrawnAt: Date | null;
  assignedTo: { id: string; email: string; displayName: string; role: "SUPPORT" | "PRIVACY_OFFICER" } | null;
  customer: { id: string; displayName: string | null; email: string | null; isRestricted: boolean } | null;
  // null when the view was made without them (the queue): requestEvents loads them.
  events: RequestEventView[] | null;
  canChange: boolean;
};

const viewInclude = {
  events: { orderBy: [{ at: "asc" }, { id: "asc" }] },
  assignedTo: { select: { id: true, email: true, displayName: true, role: true } },
  customer: { select: { id: true, firstName: true, lastName: true, email: true, restrictedAt: true } },
} satisfies Prisma.RightsRequestInclude;

type Row = Prisma.RightsRequestGetPayload<{ include: typeof viewInclude }>;

const day = (date: Date) => date.toISOString().slice(0, 10);

// "8 January 2027": a calendar day as the customer reads it in a message or an email.
const DAY_WORDS = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const inWords = (localDate: string) => DAY_WORDS.format(new Date(`${localDate}T00:00:00Z`));

const EVENT_SUMMARY: Record<string, string> = {
  RECEIVED: "Request received",
  IDENTITY_CONFIRMED: "Identity confirmed",
  VERIFIED: "Representative's authority checked",
  ACKNOWLEDGED: "Acknowledged: we are working on it",
  INFORMATION_ADDED: "Information added",
  ASSIGNED: "Assigned",
  NOTE: "Staff note",
  EXTENDED: "Due date extended",
  DECIDED: "Decided",
  WITHDRAWN: "Withdrawn",
  CLOSED: "Closed",
  RESTRICTION_LIFTED: "Restriction lifted",
  COMPLETED: "Done in your account",
};

const OUTCOME_WORDS: Record<RightsRequestOutcome, string> = {
  GRANTED: "granted",
  PARTLY_GRANTED: "partly granted",
  REFUSED: "refused",
};

// Who reads a request: the customer (and a support agent acting in their account sees
// what the customer sees plus staff notes), staff of the shop (privacy officers see a
// representative's proof, support staff do not), or a partner key (ids and status: no
// name or address, which needs customers:read and is refused while restricted).
type Audience = "customer" | "officer" | "support" | "partner";

function todayIn(shop: ShopRef, now: Date): string {
  return localDateOf(now, deadlineRule(shop.profile).timeZone);
}

function choicesOf(keys: string[], all: Choice[]): Choice[] {
  return keys.map((key) => all.find((c) => c.key === key) ?? { key, label: key });
}

// A row as the views read it; events null when not loaded (the queue).
type ViewRow = Omit<Row, "events"> & { events: EventRow[] | null };

function toView(
  shop: ShopRef,
  row: ViewRow,
  audience: Audience,
  now: Date,
  today: string = todayIn(shop, now),
): RightsRequestView {
  const profile = shop.profile;
  const isOpen = OPEN_STATUSES.includes(row.status);
  // An extension must be announced by the first due date (fixed at receipt, with the
  // extended date; computed again only for rows made without it).
  let extendableTo: string | null = null;
  if (row.status === "OPEN" && !row.extendedAt && profile.requests.extension && today <= day(row.firstDueOn)) {
    extendableTo = row.extendableDueOn
      ? day(row.extendableDueOn)
      : shopRequestDeadlines(profile, row.receivedAt).extendedDueOn;
  }
  const allPurposes = purposeChoices(profile);
  const staff = audience === "officer" || audience === "support";
  return {
    id: row.id,
    shopId: row.shopId,
    customerId: row.customerId,
    type: row.type,
    label: requestTypeLabel(profile, row.type),
    status: row.status,
    outcome: row.outcome,
    purposes: choicesOf(row.purposes, allPurposes),
    categories: choicesOf(row.categories, categoryChoicesOf(profile)),
    details: row.details,
    filedBy: row.filedBy,
    representativeName: row.representativeName,
    // The proof is for the officer who checks it and the customer it concerns.
    representativeProof: audience === "customer" || audience === "officer" ? row.representativeProof : null,
    selfService: row.selfService,
    receivedAt: row.receivedAt,
    receivedOn: day(row.receivedOn),
    firstDueOn: day(row.firstDueOn),
    dueOn: day(row.dueOn),
    isOverdue: isOpen && day(row.dueOn) < today,
    extendableTo,
    extendedAt: row.extendedAt,
    extensionReason: row.extensionReason,
    decidedAt: row.decidedAt,
    decisionReason: row.decisionReason,
    withdrawnAt: row.withdrawnAt,
    assignedTo: staff ? row.assignedTo : null,
    customer:
      audience === "customer"
        ? null
        : {
            id: row.customer.id,
            displayName: staff
              ? `${row.customer.firstName} ${row.customer.lastName}`.replace(/\s+/g, " ").trim()
              : null,
            email: staff ? row.customer.email : null,
            isRestricted: row.customer.restrictedAt !== null,
          },
    events: row.events === null ? null : eventViews(row.events, row.outcome, staff),
    canChange: audience === "customer" && isOpen,
  };
}

// Per profile, once: every row of a page names purposes and categories.
const purposeMemo = new WeakMap<ShopProfile, Choice[]>();
const categoryMemo = new WeakMap<ShopProfile, Choice[]>();
function purposeChoices(profile: ShopProfile): Choice[] {
  let known = purposeMemo.get(profile);
  if (!known) {
    known = profile.purposes.map((p) => ({ key: p.key, label: p.label }));
    purposeMemo.set(profile, known);
  }
  return known;
}
function categoryChoicesOf(profile: ShopProfile): Choice[] {
  let known = categoryMemo.get(profile);
  if (!known) {
    known = categoryChoices(profile);
    categoryMemo.set(profile, known);
  }
  return known;
}

type EventRow = Row["events"][number];

function eventViews(events: EventRow[], outcome: RightsRequestOutcome | null, staff: boolean): RequestEventView[] {
  return events
    .filter((e) => staff || !e.internal)
    .map((e) => ({
      kind: e.kind,
      summary:
        e.kind === "DECIDED" && outcome ? `Decided: ${OUTCOME_WORDS[outcome]}` : (EVENT_SUMMARY[e.kind] ?? e.kind),
      actorType: e.actorType,
      actorName: e.actorName,
      message: e.message,
      internal: e.internal,
      at: e.at,
    }));
}

// The timeline of a request whose view was made without it (the queue's rows), for a
// viewer who already read the request.
export async function requestEvents(viewer: Viewer, view: RightsRequestView): Promise<RequestEventView[]> {
  if (view.events) return view.events;
  const audience = audienceOf(viewer);
  const events = await getPrisma().rightsRequestEvent.findMany({
    where: { requestId: view.id },
    orderBy: [{ at: "asc" }, { id: "asc" }],
  });
  return eventViews(events, view.outcome, audience === "officer" || audience === "support");
}

const audienceOf = (viewer: Viewer): Audience =>
  viewer.kind === "agent"
    ? viewer.agent.role === "PRIVACY_OFFICER"
      ? "officer"
      : "support"
    : viewer.kind === "partner"
      ? "partner"
      : "customer";

// ---- The customer's requests ----

export type CustomerRequests = {
  requests: Page<RightsRequestView>;
  open: RightsRequestView[];
  types: RequestTypeOption[];
  objectionPurposes: Choice[];
  categories: Choice[];
  restrictedAt: Date | null;
  objectedPurposes: Choice[];
  dueDatesIfFiledNow: ReturnType<typeof dueDatesView>;
};

export async function listCustomerRequests(options: {
  viewer: Viewer;
  customerId?: string;
  first?: number | null;
  after?: string | null;
  now?: Date;
}): Promise<CustomerRequests> {
  const scope = await authorize(options.viewer, "requests.read", options.customerId);
  const take = pageSize(options.first);
  const cursor = decodeCursor(options.after);
  const now = options.now ?? new Date();
  const prisma = getPrisma();
  const where = { customerId: scope.customerId, shopId: scope.shop.id };
  const [rows, open, totalCount, customer] = await Promise.all([
    prisma.rightsRequest.findMany({
      where: cursor ? { ...where, id: { lt: cursor } } : where,
      include: viewInclude,
      orderBy: { id: "desc" },
      take: take + 1,
    }),
    prisma.rightsRequest.findMany({
      where: { ...where, status: { in: OPEN_STATUSES } },
      include: viewInclude,
      orderBy: [{ dueOn: "asc" }, { id: "asc" }],
      take: 50,
    }),
    prisma.rightsRequest.count({ where }),
    prisma.customer.findFirst({
      where: { id: scope.customerId, shopId: scope.shop.id },
      select: { restrictedAt: true, objectedPurposes: true },
    }),
  ]);
  const profile = scope.shop.profile;
  const audience = audienceOf(options.viewer);
  return {
    requests: {
      nodes: rows.slice(0, take).map((row) => toView(scope.shop, row, audience, now)),
      hasNextPage: rows.length > take,
      totalCount,
    },
    open: open.map((row) => toView(scope.shop, row, audience, now)),
    // Only the customer files for themselves here.
    types: options.viewer.kind === "customer" ? requestTypeOptions(profile) : [],
    objectionPurposes: objectionPurposes(profile),
    categories: categoryChoices(profile),
    restrictedAt: customer?.restrictedAt ?? null,
    objectedPurposes: choicesOf(
      customer?.objectedPurposes ?? [],
      profile.purposes.map((p) => ({ key: p.key, label: p.label })),
    ),
    dueDatesIfFiledNow: dueDatesView(profile, now),
  };
}

// Whether the use of a customer's data is restricted now (a granted restriction).
export async function restrictionOf(options: { viewer: Viewer; customerId?: string }): Promise<Date | null> {
  const scope = await authorize(options.viewer, "account.read", options.customerId);
  const row = await getPrisma().customer.findFirst({
    where: { id: scope.customerId, shopId: scope.shop.id },
    select: { restrictedAt: true },
  });
  return row?.restrictedAt ?? null;
}

// ---- Filing ----

const TEXT_MAX = 4000;

const createSchema = z.object({
  type: z.enum([...FILED_TYPES, ...SELF_SERVICE_TYPES], { error: "Choose what you are asking for." }),
  purposes: z.array(z.string().max(100)).max(50).nullish(),
  categories: z.array(z.string().max(100)).max(50).nullish(),
  details: safeText({ max: TEXT_MAX, isMultiline: true }).nullish(),
  customerId: z.string().max(200).nullish(),
  representative: z
    .object({
      name: safeText({ min: 2, max: 200, minMessage: "Enter who is filing for the customer." }),
      proof: safeText({
        min: 10,
        max: TEXT_MAX,
        isMultiline: true,
        minMessage: "Describe the proof of authority (at least 10 characters).",
      }),
    })
    .nullish(),
});

const SELF_SERVICE_PAGE: Record<SelfServiceType, string> = {
  ACCESS: "Download my data",
  RECTIFICATION: "My data (correct my details)",
  ERASURE: "Delete my account",
  WITHDRAW_CONSENT: "My subscriptions",
};

function fieldError(code: "CONFLICT" | "FORBIDDEN" | "INVALID_INPUT", field: string, message: string): AppError {
  return new AppError(code, message, [{ field: ["input", field], code, message }]);
}

// Who is filing, and for whom.
type Filing = {
  shop: ShopRef;
  customerId: string;
  actor: AuditActor;
  filedBy: RightsRequestFiler;
  apiKeyId: string | null;
  // The customer themselves, signed in: their identity is confirmed.
  bySubject: boolean;
};

async function filingOf(viewer: Viewer, customerId: string | null | undefined, hasRepresentative: boolean) {
  if (viewer.kind === "agent") {
    // Staff record a request an authorised agent or representative sent by post or email.
    const agent = requireAgent(viewer);
    if (!hasRepresentative) {
      throw fieldError(
        "INVALID_INPUT",
        "representative",
        "Staff record requests from an authorised agent or representative: give their name and proof.",
      );
    }
    if (!customerId) throw fieldError("INVALID_INPUT", "customerId", "Name the customer.");
    const customer = await getPrisma().customer.findFirst({
      where: { id: customerId, shopId: agent.shop.id, status: { not: "ERASED" } },
      select: { id: true },
    });
    if (!customer) throw new AppError("NOT_FOUND", "Customer not found.");
    return {
      shop: agent.shop,
      customerId,
      actor: { actorType: "AGENT", actorId: agent.agent.id, impersonationId: null },
      filedBy: "REPRESENTATIVE",
      apiKeyId: null,
      bySubject: false,
    } satisfies Filing;
  }
  const scope = await authorize(viewer, "request.create", customerId ?? undefined);
  if (viewer.kind === "partner") {
    return {
      shop: scope.shop,
      customerId: scope.customerId,
      actor: scope.actor,
      filedBy: hasRepresentative ? "REPRESENTATIVE" : "PARTNER",
      apiKeyId: viewer.apiKey.id,
      bySubject: false,
    } satisfies Filing;
  }
  if (hasRepresentative) {
    throw fieldError("INVALID_INPUT", "representative", "You file for yourself here; a representative writes to us.");
  }
  return {
    shop: scope.shop,
    customerId: scope.customerId,
    actor: scope.actor,
    filedBy: "CUSTOMER",
    apiKeyId: null,
    bySubject: true,
  } satisfies Filing;
}

export async function createRightsRequest(options: {
  viewer: Viewer;
  input: unknown;
  now?: Date;
}): Promise<{ request: RightsRequestView }> {
  const parsed = createSchema.safeParse(options.input);
  if (!parsed.success) throw invalidInput(parsed.error.issues);
  const input = parsed.data;
  const filing = await filingOf(options.viewer, input.customerId, Boolean(input.representative));
  const { shop } = filing;
  const profile = shop.profile;
  if ((SELF_SERVICE_TYPES as readonly string[]).includes(input.type)) {
    throw fieldError(
      "INVALID_INPUT",
      "type",
      `This is done at once in the account, on "${SELF_SERVICE_PAGE[input.type as SelfServiceType]}".`,
    );
  }
  const type = input.type as FiledType;
  const option = requestTypeOptions(profile).find((o) => o.type === type);
  if (!option) throw fieldError("FORBIDDEN", "type", `${shop.name}'s privacy policy does not offer this request.`);
  if (filing.filedBy === "REPRESENTATIVE" && !profile.requests.authorisedAgents.isAllowed) {
    throw fieldError(
      "FORBIDDEN",
      "representative",
      `${shop.name}'s privacy policy does not accept requests from authorised agents.`,
    );
  }
  const errors: FieldError[] = [];
  const purposes = [...new Set(input.purposes ?? [])];
  const categories = [...new Set(input.categories ?? [])];
  const allowedPurposes = objectionPurposes(profile).map((p) => p.key);
  const allowedCategories = categoryChoices(profile).map((c) => c.key);
  if (option.asksForPurposes) {
    if (purposes.length === 0) {
      errors.push({ field: ["input", "purposes"], code: "INVALID_INPUT", message: "Choose what you object to." });
    }
    for (const key of purposes) {
      if (!allowedPurposes.includes(key)) {
        errors.push({
          field: ["input", "purposes"],
          code: "INVALID_INPUT",
          message: "Choose from the purposes listed: those based on our legitimate interests.",
        });
        break;
      }
    }
  } else if (purposes.length) {
    errors.push({ field: ["input", "purposes"], code: "INVALID_INPUT", message: "This request names no purposes." });
  }
  if (option.asksForCategories) {
    if (categories.some((key) => !allowedCategories.includes(key))) {
      errors.push({
        field: ["input", "categories"],
        code: "INVALID_INPUT",
        message: "Choose from the kinds of data listed.",
      });
    }
  } else if (categories.length) {
    errors.push({ field: ["input", "categories"], code: "INVALID_INPUT", message: "This request names no data." });
  }
  if (option.requiresDetails && !input.details) {
    errors.push({ field: ["input", "details"], code: "INVALID_INPUT", message: "Tell us in a few words." });
  }
  if (errors.length) throw new AppError("INVALID_INPUT", "Check the highlighted fields.", errors);

  const now = options.now ?? new Date();
  const dates = shopRequestDeadlines(profile, now);
  const needsCheck = filing.filedBy !== "CUSTOMER";
  const created = await getPrisma().$transaction(async (tx) => {
    // One filing at a time per customer: two clicks must not open the same request twice.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`rights-request:${filing.customerId}`}, 0))`;
    const customer = await tx.customer.findFirst({
      where: { id: filing.customerId, shopId: shop.id, status: { not: "ERASED" } },
      select: { email: true, firstName: true },
    });
    if (!customer) throw new AppError("NOT_FOUND", "Customer not found.");
    const open = await tx.rightsRequest.findFirst({
      where: { customerId: filing.customerId, type, status: { in: OPEN_STATUSES } },
      select: { id: true },
    });
    if (open) {
      throw fieldError(
        "CONFLICT",
        "type",
        "There is already an open request of this kind. Add information to it instead of filing another.",
      );
    }
    const actor = filing.actor;
    const events: Prisma.RightsRequestEventCreateWithoutRequestInput[] = [
      {
        kind: "RECEIVED",
        actorType: actor.actorType,
        actorId: actor.actorId,
        actorName:
          options.viewer.kind === "agent"
            ? options.viewer.agent.displayName
            : options.viewer.kind === "partner"
              ? options.viewer.apiKey.name
              : null,
        at: now,
        message: needsCheck
          ? `Filed for you by ${input.representative?.name ?? (options.viewer.kind === "partner" ? options.viewer.apiKey.name : "a representative")}.`
          : null,
      },
    ];
    if (filing.bySubject) {
      events.push(
        {
          kind: "IDENTITY_CONFIRMED",
          actorType: "SYSTEM",
          at: now,
          message: "You were signed in to your account.",
        },
        {
          kind: "ACKNOWLEDGED",
          actorType: "SYSTEM",
          at: now,
          message: `We will answer by ${inWords(dates.dueOn)}.`,
        },
      );
    }
    const row = await tx.rightsRequest.create({
      data: {
        shopId: shop.id,
        customerId: filing.customerId,
        type,
        status: needsCheck ? "AWAITING_VERIFICATION" : "OPEN",
        purposes,
        categories: option.asksForCategories ? categories : [],
        details: input.details || null,
        filedBy: filing.filedBy,
        representativeName: input.representative?.name ?? null,
        representativeProof: input.representative?.proof ?? null,
        apiKeyId: filing.apiKeyId,
        receivedAt: now,
        receivedOn: new Date(`${dates.receivedOn}T00:00:00Z`),
        firstDueOn: new Date(`${dates.dueOn}T00:00:00Z`),
        dueOn: new Date(`${dates.dueOn}T00:00:00Z`),
        extendableDueOn: dates.extendedDueOn ? new Date(`${dates.extendedDueOn}T00:00:00Z`) : null,
        events: { create: events },
      },
      include: viewInclude,
    });
    const label = requestTypeLabel(profile, type);
    await enqueueEmail(tx, {
      shopId: shop.id,
      customerId: filing.customerId,
      to: customer.email,
      kind: "request-received",
      subject: `We received your request: ${label}`,
      text: [
        `Hello ${oneLine(customer.firstName)},`,
        "",
        needsCheck
          ? `${input.representative?.name ?? "A partner of ours"} filed a request for you at ${shop.name}: ${label}. Our privacy officer checks their authority before anything is done. If you did not authorise this, reply to this email or tell us on the request's page.`
          : `We received your request at ${shop.name}: ${label}.`,
        `Received on ${inWords(dates.receivedOn)}. The law gives us until ${inWords(dates.dueOn)} to answer${dates.extendedDueOn ? `; if we need longer we will tell you why before then, and answer by ${inWords(dates.extendedDueOn)} at the latest` : ""}.`,
        "",
        `Follow it, add information or withdraw it: ${requestsPageUrl(shop)}`,
        footer(shop),
      ].join("\n"),
    });
    await recordChange(tx, {
      shop,
      customerId: filing.customerId,
      requestId: row.id,
      actor,
      action: "request.create",
      details: { type, filedBy: filing.filedBy },
      event: "request.created",
      status: row.status,
    });
    return row;
  });
  requestsChanged();
  await tryDeliverPendingEmails({ shopId: shop.id });
  return { request: toView(shop, created, audienceOf(options.viewer), now) };
}

const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();

function requestsPageUrl(shop: ShopRef): string {
  return appUrl(`/${shop.handle}/account/privacy/requests`);
}

function footer(shop: ShopRef): string {
  return ["", "--", `${shop.name} privacy team`].join("\n");
}

// How to complain, from the profile: told with every decision.
function complaintRoute(profile: ShopProfile): string {
  const a = profile.supervisoryAuthority;
  const where = [a.website, a.email, a.address].filter(Boolean).join(", ");
  return `If you disagree, you can complain to ${a.name}${where ? ` (${where})` : ""}: ${a.howToComplain}`;
}

// The audit row and the partners' webhook of one change, in its transaction.
async function recordChange(
  tx: Prisma.TransactionClient,
  change: {
    shop: ShopRef;
    customerId: string;
    requestId: string;
    actor: AuditActor;
    action: string;
    details: Record<string, unknown>;
    event: "request.created" | "request.updated" | "request.completed" | null;
    status: RightsRequestStatus;
    outcome?: RightsRequestOutcome | null;
  },
) {
  requestsChanged();
  await recordAuditEvent(tx, {
    shopId: change.shop.id,
    customerId: change.customerId,
    ...change.actor,
    action: change.action,
    details: { requestId: change.requestId, ...change.details },
  });
  if (change.event) {
    const row = await tx.rightsRequest.findUniqueOrThrow({ where: { id: change.requestId }, select: { type: true } });
    await queueWebhookEvent(tx, {
      shopId: change.shop.id,
      customerId: change.customerId,
      type: change.event,
      data: {
        requestId: change.requestId,
        customerId: change.customerId,
        type: row.type,
        status: change.status,
        outcome: change.outcome ?? null,
      },
    });
  }
}

// ---- The customer's changes ----

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// The customer's own request, locked for the change; NOT_FOUND for anyone else's.
async function lockOwnRequest(tx: Prisma.TransactionClient, shopId: string, customerId: string, id: string) {
  if (!UUID.test(id)) throw new AppError("NOT_FOUND", "Request not found.");
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "RightsRequest" WHERE "id" = ${id}::uuid AND "shopId" = ${shopId}::uuid
      AND "customerId" = ${customerId}::uuid FOR UPDATE`;
  if (!locked.length) throw new AppError("NOT_FOUND", "Request not found.");
  return tx.rightsRequest.findUniqueOrThrow({ where: { id } });
}

const messageSchema = z.object({
  id: z.string().max(200),
  message: safeText({ min: 1, max: TEXT_MAX, isMultiline: true, minMessage: "Write what you want to add." }),
});

export async function addRequestInformation(options: {
  viewer: Viewer;
  input: unknown;
  now?: Date;
}): Promise<{ request: RightsRequestView }> {
  const scope = await authorize(options.viewer, "request.update");
  const parsed = messageSchema.safeParse(options.input);
  if (!parsed.success) throw invalidInput(parsed.error.issues);
  const { id, message } = parsed.data;
  const now = options.now ?? new Date();
  const row = await getPrisma().$transaction(async (tx) => {
    const request = await lockOwnRequest(tx, scope.shop.id, scope.customerId, id);
    if (!OPEN_STATUSES.includes(request.status)) {
      throw fieldError("CONFLICT", "id", "This request is closed. File a new one if you need to.");
    }
    await tx.rightsRequestEvent.create({
      data: {
        requestId: id,
        kind: "INFORMATION_ADDED",
        actorType: scope.actor.actorType,
        actorId: scope.actor.actorId,
        message,
        at: now,
      },
    });
    await recordChange(tx, {
      shop: scope.shop,
      customerId: scope.customerId,
      requestId: id,
      actor: scope.actor,
      action: "request.add-information",
      details: {},
      event: "request.updated",
      status: request.status,
    });
    return tx.rightsRequest.findUniqueOrThrow({ where: { id }, include: viewInclude });
  });
  return { request: toView(scope.shop, row, "customer", now) };
}

export async function withdrawRequest(options: {
  viewer: Viewer;
  id: string;
  now?: Date;
}): Promise<{ request: RightsRequestView }> {
  const scope = await authorize(options.viewer, "request.update");
  const now = options.now ?? new Date();
  const row = await getPrisma().$transaction(async (tx) => {
    const request = await lockOwnRequest(tx, scope.shop.id, scope.customerId, options.id);
    if (!OPEN_STATUSES.includes(request.status)) {
      throw new AppError("CONFLICT", "This request is already closed.", [
        { field: ["id"], code: "CONFLICT", message: "This request is already closed." },
      ]);
    }
    await tx.rightsRequest.update({
      where: { id: request.id },
      data: {
        status: "WITHDRAWN",
        withdrawnAt: now,
        events: {
          create: { kind: "WITHDRAWN", actorType: scope.actor.actorType, actorId: scope.actor.actorId, at: now },
        },
      },
    });
    const customer = await tx.customer.findUniqueOrThrow({
      where: { id: scope.customerId },
      select: { email: true, firstName: true },
    });
    const label = requestTypeLabel(scope.shop.profile, request.type);
    await enqueueEmail(tx, {
      shopId: scope.shop.id,
      customerId: scope.customerId,
      to: customer.email,
      kind: "request-withdrawn",
      subject: `You withdrew your request: ${label}`,
      text: [
        `Hello ${oneLine(customer.firstName)},`,
        "",
        `You withdrew your request "${label}" at ${scope.shop.name} on ${inWords(day(now))}. Nothing more will be done about it.`,
        `You can file a new request at any time: ${requestsPageUrl(scope.shop)}`,
        footer(scope.shop),
      ].join("\n"),
    });
    await recordChange(tx, {
      shop: scope.shop,
      customerId: scope.customerId,
      requestId: request.id,
      actor: scope.actor,
      action: "request.withdraw",
      details: { type: request.type },
      event: "request.completed",
      status: "WITHDRAWN",
    });
    return tx.rightsRequest.findUniqueOrThrow({ where: { id: request.id }, include: viewInclude });
  });
  requestsChanged();
  await tryDeliverPendingEmails({ shopId: scope.shop.id });
  return { request: toView(scope.shop, row, "customer", now) };
}

// ---- One request, by id ----

// The customer it is about, staff of its shop, or a partner key of its shop with
// requests:read; null for everyone else (whether it exists is not revealed).
export async function findRightsRequest(options: {
  viewer: Viewer;
  id: string;
  now?: Date;
}): Promise<RightsRequestView | null> {
  const { viewer, id } = options;
  if (!UUID.test(id) || viewer.kind === "anonymous") return null;
  const now = options.now ?? new Date();
  const row = await getPrisma().rightsRequest.findFirst({
    where: { id, shopId: viewer.shop.id },
    include: viewInclude,
  });
  if (!row) return null;
  if (viewer.kind === "agent") {
    return toView(viewer.shop, row, audienceOf(viewer), now);
  }
  try {
    const scope = await authorize(viewer, "requests.read", row.customerId);
    return toView(scope.shop, row, audienceOf(viewer), now);
  } catch (error) {
    if (error instanceof AppError && error.code !== "FORBIDDEN") return null;
    throw error;
  }
}

// A partner's list of one customer's requests (requests:read).
export async function listRequestsForPartner(options: {
  viewer: Viewer;
  customerId: string;
  first?: number | null;
  after?: string | null;
  now?: Date;
}): Promise<Page<RightsRequestView>> {
  if (options.viewer.kind !== "partner") {
    if (options.viewer.kind === "anonymous") throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
    throw new AppError("FORBIDDEN", "This is for partners' API keys; customers see their requests in their account.");
  }
  const list = await listCustomerRequests(options);
  return list.requests;
}

// ---- Staff: the queue ----

export type QueueFilter = {
  types?: RightsRequestType[] | null;
  statuses?: RightsRequestStatus[] | null;
  assignedToId?: string | null;
  includeSelfService?: boolean | null;
};

export type RequestQueue = {
  requests: Page<RightsRequestView>;
  openCount: number;
  overdueCount: number;
  dueSoonCount: number;
};

type QueueCursor = { d: string; id: string };

// The queue pages by (due date, id): its cursor holds both.
function encodeQueueCursor(row: { dueOn: Date; id: string }): string {
  return Buffer.from(`${day(row.dueOn)}_${row.id}`, "utf8").toString("base64url");
}

function decodeQueueCursor(after: string | null | undefined): QueueCursor | null {
  if (!after) return null;
  const [d, id] = Buffer.from(after.slice(0, 200), "base64url").toString("utf8").split("_");
  if (d && id && /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(d)) && UUID.test(id)) return { d, id };
  throw new AppError("INVALID_INPUT", "This page link is not valid. Start from the first page.");
}

export { encodeQueueCursor };

// The shop's requests for its staff: overdue first, then by due date (the earliest due
// first is exactly that order). Open and awaiting verification by default.
export async function getRequestQueue(options: {
  viewer: Viewer;
  filter?: QueueFilter | null;
  first?: number | null;
  after?: string | null;
  now?: Date;
}): Promise<RequestQueue & { cursors: string[] }> {
  const agent = requireAgent(options.viewer);
  const shop = agent.shop;
  const now = options.now ?? new Date();
  const take = pageSize(options.first);
  const cursor = decodeQueueCursor(options.after);
  const filter = options.filter ?? {};
  const statuses = filter.statuses?.length ? filter.statuses : OPEN_STATUSES;
  if (filter.assignedToId && !UUID.test(filter.assignedToId)) {
    return {
      requests: { nodes: [], hasNextPage: false, totalCount: 0 },
      openCount: 0,
      overdueCount: 0,
      dueSoonCount: 0,
      cursors: [],
    };
  }
  // Raw SQL, so the statuses are literals and the open queue (the default) reads the
  // partial index of open requests by due date: the first page costs the same with a
  // hundred requests or a million. Statuses and types are enum values from the API.
  // Self-service requests are always closed: only a filter with CLOSED needs to leave
  // them out (and only then does the count read more than the index).
  const literal = (values: readonly string[]) =>
    Prisma.join(values.map((v) => Prisma.raw(`'${v.replace(/[^A-Z_]/g, "")}'`)));
  const where = Prisma.sql`"shopId" = ${shop.id}::uuid AND "status" IN (${literal(statuses)})
    ${filter.types?.length ? Prisma.sql`AND "type" IN (${literal(filter.types)})` : Prisma.empty}
    ${filter.includeSelfService || !statuses.includes("CLOSED") ? Prisma.empty : Prisma.sql`AND NOT "selfService"`}
    ${filter.assignedToId ? Prisma.sql`AND "assignedToId" = ${filter.assignedToId}::uuid` : Prisma.empty}`;
  const after = cursor ? Prisma.sql`AND ("dueOn", "id") > (${cursor.d}::date, ${cursor.id}::uuid)` : Prisma.empty;
  const today = todayIn(shop, now);
  const soon = new Date(`${today}T00:00:00Z`);
  soon.setUTCDate(soon.getUTCDate() + 7);
  // Two statements: the page with its customers and assignees, and every count.
  const pageSql = Prisma.sql`
      SELECT r."id", r."shopId", r."customerId", r."type"::text AS "type", r."status"::text AS "status",
             r."outcome"::text AS "outcome", r."purposes", r."categories", r."details", r."filedBy"::text AS "filedBy",
             r."representativeName", r."representativeProof", r."apiKeyId", r."selfService", r."assignedToId",
             r."receivedAt", r."receivedOn"::text AS "receivedOn", r."firstDueOn"::text AS "firstDueOn",
             r."dueOn"::text AS "dueOn", r."extendableDueOn"::text AS "extendableDueOn", r."extendedAt", r."extensionReason", r."decidedAt", r."decisionReason",
             r."withdrawnAt", r."updatedAt",
             c."firstName" AS "cFirstName", c."lastName" AS "cLastName", c."email" AS "cEmail",
             c."restrictedAt" AS "cRestrictedAt",
             a."email" AS "aEmail", a."displayName" AS "aDisplayName", a."role"::text AS "aRole"
        FROM (SELECT * FROM "RightsRequest" WHERE ${where} ${after} ORDER BY "dueOn", "id" LIMIT ${take + 1}) r
        JOIN "Customer" c ON c."id" = r."customerId"
        LEFT JOIN "Agent" a ON a."id" = r."assignedToId"
       ORDER BY r."dueOn", r."id"`;
  const countSql = Prisma.sql`
      SELECT (SELECT count(*) FROM "RightsRequest" WHERE ${where}) AS "total",
             count(*) AS "open",
             count(*) FILTER (WHERE "dueOn" < ${today}::date) AS "overdue",
             count(*) FILTER (WHERE "dueOn" >= ${today}::date AND "dueOn" <= ${day(soon)}::date) AS "soon"
        FROM "RightsRequest"
       WHERE "shopId" = ${shop.id}::uuid AND "status" IN ('AWAITING_VERIFICATION', 'OPEN')`;
  // Straight to the driver: the client's own handling of the two raw statements was an
  // eighth of a page's time (measured in process).
  const raw = getDatabase().raw;
  const [page, counts] = await Promise.all([
    raw.query<QueueSqlRow>(pageSql.text, pageSql.values),
    raw.query<{ total: bigint | string; open: bigint | string; overdue: bigint | string; soon: bigint | string }>(
      countSql.text,
      countSql.values,
    ),
  ]);
  const asDate = (local: string) => new Date(`${local}T00:00:00Z`);
  const rows: ViewRow[] = page.slice(0, take).map((r) => ({
    id: r.id,
    shopId: r.shopId,
    customerId: r.customerId,
    type: r.type as RightsRequestType,
    status: r.status as RightsRequestStatus,
    outcome: r.outcome as RightsRequestOutcome | null,
    purposes: r.purposes ?? [],
    categories: r.categories ?? [],
    details: r.details,
    filedBy: r.filedBy as RightsRequestFiler,
    representativeName: r.representativeName,
    representativeProof: r.representativeProof,
    apiKeyId: r.apiKeyId,
    selfService: r.selfService,
    assignedToId: r.assignedToId,
    receivedAt: r.receivedAt,
    receivedOn: asDate(r.receivedOn),
    firstDueOn: asDate(r.firstDueOn),
    dueOn: asDate(r.dueOn),
    extendableDueOn: r.extendableDueOn ? asDate(r.extendableDueOn) : null,
    extendedAt: r.extendedAt,
    extensionReason: r.extensionReason,
    decidedAt: r.decidedAt,
    decisionReason: r.decisionReason,
    withdrawnAt: r.withdrawnAt,
    updatedAt: r.updatedAt,
    customer: {
      id: r.customerId,
      firstName: r.cFirstName,
      lastName: r.cLastName,
      email: r.cEmail,
      restrictedAt: r.cRestrictedAt,
    },
    assignedTo:
      r.assignedToId && r.aRole
        ? {
            id: r.assignedToId,
            email: r.aEmail ?? "",
            displayName: r.aDisplayName ?? "",
            role: r.aRole as "SUPPORT" | "PRIVACY_OFFICER",
          }
        : null,
    // The queue shows no timeline: RightsRequest.events loads it when asked.
    events: null,
  }));
  const total = [{ count: counts[0]?.total ?? 0 }];
  const totalCount = Number(total[0]?.count ?? 0);
  const nodes = rows;
  return {
    requests: {
      nodes: nodes.map((row) => toView(shop, row, audienceOf(options.viewer), now, today)),
      hasNextPage: page.length > take,
      totalCount,
    },
    cursors: nodes.map(encodeQueueCursor),
    openCount: Number(counts[0]?.open ?? 0),
    overdueCount: Number(counts[0]?.overdue ?? 0),
    dueSoonCount: Number(counts[0]?.soon ?? 0),
  };
}

type QueueSqlRow = {
  id: string;
  shopId: string;
  customerId: string;
  type: string;
  status: string;
  outcome: string | null;
  purposes: string[] | null;
  categories: string[] | null;
  details: string | null;
  filedBy: string;
  representativeName: string | null;
  representativeProof: string | null;
  apiKeyId: string | null;
  selfService: boolean;
  assignedToId: string | null;
  receivedAt: Date;
  receivedOn: string;
  firstDueOn: string;
  dueOn: string;
  extendableDueOn: string | null;
  extendedAt: Date | null;
  extensionReason: string | null;
  decidedAt: Date | null;
  decisionReason: string | null;
  withdrawnAt: Date | null;
  updatedAt: Date;
  cFirstName: string;
  cLastName: string;
  cEmail: string;
  cRestrictedAt: Date | null;
  aEmail: string | null;
  aDisplayName: string | null;
  aRole: string | null;
};

// ---- Staff: changes ----

const idSchema = z.string().max(200);

// A request of the agent's shop, locked for the change.
async function lockShopRequest(tx: Prisma.TransactionClient, shopId: string, id: string) {
  if (!UUID.test(id)) throw new AppError("NOT_FOUND", "Request not found.");
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "RightsRequest" WHERE "id" = ${id}::uuid AND "shopId" = ${shopId}::uuid FOR UPDATE`;
  if (!locked.length) throw new AppError("NOT_FOUND", "Request not found.");
  return tx.rightsRequest.findUniqueOrThrow({
    where: { id },
    include: { customer: { select: { email: true, firstName: true, status: true, restrictedAt: true } } },
  });
}

function requireOpen(request: { status: RightsRequestStatus }, field = "id") {
  if (request.status === "AWAITING_VERIFICATION") {
    throw fieldError("CONFLICT", field, "Check the representative's authority first.");
  }
  if (request.status !== "OPEN") throw fieldError("CONFLICT", field, "This request is closed.");
}

const agentActor = (viewer: Viewer): AuditActor => {
  const agent = requireAgent(viewer);
  return { actorType: "AGENT", actorId: agent.agent.id, impersonationId: null };
};

async function staffChange<T>(
  viewer: Viewer,
  role: "PRIVACY_OFFICER" | null,
  id: string,
  change: (
    tx: Prisma.TransactionClient,
    request: Awaited<ReturnType<typeof lockShopRequest>>,
    ctx: { shop: ShopRef; actor: AuditActor },
  ) => Promise<T>,
  now: Date,
): Promise<{ request: RightsRequestView }> {
  const agent = requireAgent(viewer, role ?? undefined);
  const shop = agent.shop;
  const actor = agentActor(viewer);
  const row = await getPrisma().$transaction(async (tx) => {
    const request = await lockShopRequest(tx, shop.id, id);
    await change(tx, request, { shop, actor });
    // The steps this change recorded carry the agent's name, as the access log shows it.
    await tx.rightsRequestEvent.updateMany({
      where: { requestId: request.id, actorType: "AGENT", actorId: agent.agent.id, actorName: null },
      data: { actorName: agent.agent.displayName },
    });
    return tx.rightsRequest.findUniqueOrThrow({ where: { id: request.id }, include: viewInclude });
  });
  // Again after the commit: figures read while the change was open are stale too.
  requestsChanged();
  await tryDeliverPendingEmails({ shopId: shop.id });
  return { request: toView(shop, row, audienceOf(viewer), now) };
}

export async function assignRequest(options: {
  viewer: Viewer;
  input: { id: string; agentId: string | null };
  now?: Date;
}) {
  const now = options.now ?? new Date();
  const agentId = options.input.agentId;
  return staffChange(
    options.viewer,
    "PRIVACY_OFFICER",
    idSchema.safeParse(options.input.id).data ?? "-",
    async (tx, request, { shop, actor }) => {
      let assignee: { id: string; displayName: string } | null = null;
      if (agentId) {
        assignee = UUID.test(agentId)
          ? await tx.agent.findFirst({
              where: { id: agentId, shopId: shop.id, disabledAt: null },
              select: { id: true, displayName: true },
            })
          : null;
        if (!assignee) throw fieldError("INVALID_INPUT", "agentId", "Choose a member of this shop's staff.");
      }
      await tx.rightsRequest.update({
        where: { id: request.id },
        data: {
          assignedToId: assignee?.id ?? null,
          events: {
            create: {
              kind: "ASSIGNED",
              actorType: "AGENT",
              actorId: actor.actorId,
              internal: true,
              message: assignee ? `Assigned to ${assignee.displayName}` : "Unassigned",
              at: now,
            },
          },
        },
      });
      await recordChange(tx, {
        shop,
        customerId: request.customerId,
        requestId: request.id,
        actor,
        action: "request.assign",
        details: { assignedToId: assignee?.id ?? null },
        event: null,
        status: request.status,
      });
    },
    now,
  );
}

const noteSchema = z.object({
  id: idSchema,
  note: safeText({ min: 1, max: TEXT_MAX, isMultiline: true, minMessage: "Write the note." }),
});

export async function addRequestNote(options: { viewer: Viewer; input: unknown; now?: Date }) {
  const now = options.now ?? new Date();
  requireAgent(options.viewer);
  const parsed = noteSchema.safeParse(options.input);
  if (!parsed.success) throw invalidInput(parsed.error.issues);
  const { id, note } = parsed.data;
  return staffChange(
    options.viewer,
    null,
    id,
    async (tx, request, { shop, actor }) => {
      await tx.rightsRequestEvent.create({
        data: {
          requestId: request.id,
          kind: "NOTE",
          actorType: "AGENT",
          actorId: actor.actorId,
          internal: true,
          message: note,
          at: now,
        },
      });
      await recordChange(tx, {
        shop,
        customerId: request.customerId,
        requestId: request.id,
        actor,
        action: "request.note",
        details: {},
        event: null,
        status: request.status,
      });
    },
    now,
  );
}

const reasonSchema = z.object({
  id: idSchema,
  reason: safeText({
    min: 10,
    max: TEXT_MAX,
    isMultiline: true,
    minMessage: "Give the reason (at least 10 characters).",
  }),
});

export async function extendRequest(options: { viewer: Viewer; input: unknown; now?: Date }) {
  const now = options.now ?? new Date();
  requireAgent(options.viewer, "PRIVACY_OFFICER");
  const parsed = reasonSchema.safeParse(options.input);
  if (!parsed.success) throw invalidInput(parsed.error.issues);
  const { id, reason } = parsed.data;
  return staffChange(
    options.viewer,
    "PRIVACY_OFFICER",
    id,
    async (tx, request, { shop, actor }) => {
      requireOpen(request);
      const profile = shop.profile;
      if (request.extendedAt) throw fieldError("CONFLICT", "id", "This request has been extended already.");
      const dates = {
        extendedDueOn: request.extendableDueOn
          ? day(request.extendableDueOn)
          : shopRequestDeadlines(profile, request.receivedAt).extendedDueOn,
      };
      if (!profile.requests.extension || !dates.extendedDueOn) {
        throw fieldError("FORBIDDEN", "id", `${shop.name}'s regime allows no extension.`);
      }
      if (!canStillExtend({ dueOn: day(request.firstDueOn) }, now, deadlineRule(profile).timeZone)) {
        throw fieldError(
          "FORBIDDEN",
          "id",
          `An extension must be announced before the first due date (${inWords(day(request.firstDueOn))}). Decide the request now.`,
        );
      }
      await tx.rightsRequest.update({
        where: { id: request.id },
        data: {
          dueOn: new Date(`${dates.extendedDueOn}T00:00:00Z`),
          extendedAt: now,
          extensionReason: reason,
          events: {
            create: { kind: "EXTENDED", actorType: "AGENT", actorId: actor.actorId, message: reason, at: now },
          },
        },
      });
      const label = requestTypeLabel(profile, request.type);
      await enqueueEmail(tx, {
        shopId: shop.id,
        customerId: request.customerId,
        to: request.customer.email,
        kind: "request-extended",
        subject: `We need more time for your request: ${label}`,
        text: [
          `Hello ${oneLine(request.customer.firstName)},`,
          "",
          `We need more time to answer your request "${label}" at ${shop.name}, received on ${inWords(day(request.receivedOn))}.`,
          `Why: ${reason}`,
          `We will answer by ${inWords(dates.extendedDueOn)} instead of ${inWords(day(request.firstDueOn))}.`,
          "",
          complaintRoute(profile),
          `Your request: ${requestsPageUrl(shop)}`,
          footer(shop),
        ].join("\n"),
      });
      await recordChange(tx, {
        shop,
        customerId: request.customerId,
        requestId: request.id,
        actor,
        action: "request.extend",
        details: { dueOn: dates.extendedDueOn },
        event: "request.updated",
        status: request.status,
      });
    },
    now,
  );
}

const decideSchema = z.object({
  id: idSchema,
  outcome: z.enum(["GRANTED", "PARTLY_GRANTED", "REFUSED"], { error: "Choose the decision." }),
  reason: safeText({
    min: 10,
    max: TEXT_MAX,
    isMultiline: true,
    minMessage: "Give the reason (at least 10 characters).",
  }),
  grantedPurposes: z.array(z.string().max(100)).max(50).nullish(),
});

export async function decideRequest(options: { viewer: Viewer; input: unknown; now?: Date }) {
  const now = options.now ?? new Date();
  requireAgent(options.viewer, "PRIVACY_OFFICER");
  const parsed = decideSchema.safeParse(options.input);
  if (!parsed.success) throw invalidInput(parsed.error.issues);
  const { id, outcome, reason } = parsed.data;
  return staffChange(
    options.viewer,
    "PRIVACY_OFFICER",
    id,
    async (tx, request, { shop, actor }) => {
      requireOpen(request);
      const profile = shop.profile;
      const granted = outcome !== "REFUSED";
      let effect: string | null = null;
      if (request.type === "OBJECTION" && granted) {
        const named = request.purposes;
        const chosen = parsed.data.grantedPurposes?.length ? [...new Set(parsed.data.grantedPurposes)] : named;
        if (chosen.some((key) => !named.includes(key))) {
          throw fieldError("INVALID_INPUT", "grantedPurposes", "Grant only purposes the objection names.");
        }
        if (outcome === "GRANTED" && chosen.length < named.length) {
          throw fieldError(
            "INVALID_INPUT",
            "grantedPurposes",
            "Granted means every purpose the objection names. Choose Partly granted to grant only some.",
          );
        }
        if (outcome === "PARTLY_GRANTED" && chosen.length >= named.length) {
          throw fieldError(
            "INVALID_INPUT",
            "grantedPurposes",
            "Partly granted: choose which of the purposes are granted.",
          );
        }
        await tx.$executeRaw`
          UPDATE "Customer" SET "objectedPurposes" = ARRAY(SELECT DISTINCT unnest("objectedPurposes" || ${chosen}::text[]))
           WHERE "id" = ${request.customerId}::uuid`;
        const labels = chosen.map((key) => profile.purposes.find((p) => p.key === key)?.label ?? key);
        effect = `We no longer use your data for: ${labels.join("; ")}.`;
      } else if (parsed.data.grantedPurposes?.length) {
        throw fieldError("INVALID_INPUT", "grantedPurposes", "Only a granted objection names purposes.");
      }
      if (request.type === "RESTRICTION" && granted) {
        if (!request.customer.restrictedAt) {
          await tx.customer.update({ where: { id: request.customerId }, data: { restrictedAt: now } });
        }
        // GDPR Art. 19: recipients of the data are told of the restriction.
        const held = request.categories.length ? request.categories : profile.dataCategories.map((c) => c.key);
        await queueRecipientNotifications(tx, {
          shop,
          customerId: request.customerId,
          kind: "RESTRICTION",
          changes: held.map((category) => ({ field: category, category: category as DataCategoryKey })),
          payload: { subject: "restriction", requestId: request.id },
        });
        effect =
          "We keep your data but no longer use it: no marketing messages, no profiling and nothing shared with partners, until the restriction is lifted. We will tell you before we lift it.";
      }
      await tx.rightsRequest.update({
        where: { id: request.id },
        data: {
          status: "CLOSED",
          outcome,
          decidedAt: now,
          decisionReason: reason,
          events: {
            create: [
              { kind: "DECIDED", actorType: "AGENT", actorId: actor.actorId, message: reason, at: now },
              { kind: "CLOSED", actorType: "SYSTEM", message: effect, at: now },
            ],
          },
        },
      });
      const label = requestTypeLabel(profile, request.type);
      await enqueueEmail(tx, {
        shopId: shop.id,
        customerId: request.customerId,
        to: request.customer.email,
        kind: "request-decided",
        subject: `Your request was ${OUTCOME_WORDS[outcome]}: ${label}`,
        text: [
          `Hello ${oneLine(request.customer.firstName)},`,
          "",
          `We decided your request "${label}" at ${shop.name}, received on ${inWords(day(request.receivedOn))}: it is ${OUTCOME_WORDS[outcome]}.`,
          `Why: ${reason}`,
          ...(effect ? [effect] : []),
          "",
          complaintRoute(profile),
          `Your request: ${requestsPageUrl(shop)}`,
          footer(shop),
        ].join("\n"),
      });
      await recordChange(tx, {
        shop,
        customerId: request.customerId,
        requestId: request.id,
        actor,
        action: "request.decide",
        details: { outcome, type: request.type },
        event: "request.completed",
        status: "CLOSED",
        outcome,
      });
    },
    now,
  );
}

const verifySchema = z.object({
  id: idSchema,
  isAccepted: z.boolean(),
  reason: safeText({
    min: 10,
    max: TEXT_MAX,
    isMultiline: true,
    minMessage: "Say what you checked (at least 10 characters).",
  }),
});

export async function verifyRequest(options: { viewer: Viewer; input: unknown; now?: Date }) {
  const now = options.now ?? new Date();
  requireAgent(options.viewer, "PRIVACY_OFFICER");
  const parsed = verifySchema.safeParse(options.input);
  if (!parsed.success) throw invalidInput(parsed.error.issues);
  const { id, isAccepted, reason } = parsed.data;
  return staffChange(
    options.viewer,
    "PRIVACY_OFFICER",
    id,
    async (tx, request, { shop, actor }) => {
      if (request.status !== "AWAITING_VERIFICATION") {
        throw fieldError("CONFLICT", "id", "This request is not waiting for a check.");
      }
      const label = requestTypeLabel(shop.profile, request.type);
      if (isAccepted) {
        await tx.rightsRequest.update({
          where: { id: request.id },
          data: {
            status: "OPEN",
            events: {
              create: [
                { kind: "VERIFIED", actorType: "AGENT", actorId: actor.actorId, message: reason, at: now },
                {
                  kind: "ACKNOWLEDGED",
                  actorType: "SYSTEM",
                  message: `We will answer by ${inWords(day(request.dueOn))}.`,
                  at: now,
                },
              ],
            },
          },
        });
      } else {
        await tx.rightsRequest.update({
          where: { id: request.id },
          data: {
            status: "CLOSED",
            outcome: "REFUSED",
            decidedAt: now,
            decisionReason: `The authority of the person who filed it could not be confirmed: ${reason}`,
            events: {
              create: [
                { kind: "DECIDED", actorType: "AGENT", actorId: actor.actorId, message: reason, at: now },
                { kind: "CLOSED", actorType: "SYSTEM", at: now },
              ],
            },
          },
        });
      }
      await enqueueEmail(tx, {
        shopId: shop.id,
        customerId: request.customerId,
        to: request.customer.email,
        kind: "request-verified",
        subject: isAccepted
          ? `We accepted a request filed for you: ${label}`
          : `We refused a request filed for you: ${label}`,
        text: [
          `Hello ${oneLine(request.customer.firstName)},`,
          "",
          isAccepted
            ? `${request.representativeName ?? "A representative"} filed the request "${label}" for you. We checked their authority and are working on it; we will answer by ${inWords(day(request.dueOn))}.`
            : `${request.representativeName ?? "Someone"} filed the request "${label}" for you, but we could not confirm their authority, so nothing was done. ${reason}`,
          `If you did not authorise it, tell us: ${requestsPageUrl(shop)}`,
          footer(shop),
        ].join("\n"),
      });
      await recordChange(tx, {
        shop,
        customerId: request.customerId,
        requestId: request.id,
        actor,
        action: "request.verify",
        details: { isAccepted },
        event: isAccepted ? "request.updated" : "request.completed",
        status: isAccepted ? "OPEN" : "CLOSED",
        outcome: isAccepted ? null : "REFUSED",
      });
    },
    now,
  );
}

// GDPR Art. 18(3): the customer is told before a restriction is lifted; the email goes
// in the same transaction as the change.
export async function liftRestriction(options: { viewer: Viewer; input: unknown; now?: Date }) {
  const now = options.now ?? new Date();
  requireAgent(options.viewer, "PRIVACY_OFFICER");
  const parsed = reasonSchema.safeParse(options.input);
  if (!parsed.success) throw invalidInput(parsed.error.issues);
  const { id, reason } = parsed.data;
  return staffChange(
    options.viewer,
    "PRIVACY_OFFICER",
    id,
    async (tx, request, { shop, actor }) => {
      const granted = request.outcome === "GRANTED" || request.outcome === "PARTLY_GRANTED";
      if (request.type !== "RESTRICTION" || request.status !== "CLOSED" || !granted || !request.customer.restrictedAt) {
        throw fieldError("CONFLICT", "id", "No restriction from this request is in effect.");
      }
      await tx.customer.update({ where: { id: request.customerId }, data: { restrictedAt: null } });
      await tx.rightsRequestEvent.create({
        data: {
          requestId: request.id,
          kind: "RESTRICTION_LIFTED",
          actorType: "AGENT",
          actorId: actor.actorId,
          message: reason,
          at: now,
        },
      });
      await enqueueEmail(tx, {
        shopId: shop.id,
        customerId: request.customerId,
        to: request.customer.email,
        kind: "restriction-lifted",
        subject: `We are lifting the restriction on your data at ${shop.name}`,
        text: [
          `Hello ${oneLine(request.customer.firstName)},`,
          "",
          `The restriction on the use of your data, granted on ${request.decidedAt ? day(request.decidedAt) : "an earlier date"}, is lifted.`,
          `Why: ${reason}`,
          "",
          complaintRoute(shop.profile),
          footer(shop),
        ].join("\n"),
      });
      await recordChange(tx, {
        shop,
        customerId: request.customerId,
        requestId: request.id,
        actor,
        action: "request.lift-restriction",
        details: {},
        event: "request.updated",
        status: request.status,
        outcome: request.outcome,
      });
    },
    now,
  );
}

// ---- Metrics (CCPA regulations §7102; the shop's own publication) ----

export type MetricsRow = {
  type: RightsRequestType | null;
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

export type RequestMetrics = { year: number; rows: MetricsRow[]; total: MetricsRow };

const ALL_TYPES: RightsRequestType[] = [...FILED_TYPES, ...SELF_SERVICE_TYPES];

type MetricsSqlRow = {
  type: RightsRequestType | null;
  received: bigint;
  granted: bigint;
  partly: bigint;
  refused: bigint;
  withdrawn: bigint;
  pending: bigint;
  median: number | null;
  mean: number | null;
  medianFiled: number | null;
  meanFiled: number | null;
  late: bigint;
};

const roundDays = (days: number | null | undefined) => (days == null ? null : Math.round(days * 10) / 10);

// Whether this viewer may see the shop's metrics: anyone where the shop publishes them,
// otherwise the shop's privacy officers.
export function canSeeMetrics(viewer: Viewer, shop: ShopRef): boolean {
  if (shop.profile.requests.publishesMetrics) return true;
  return viewer.kind === "agent" && viewer.shop.id === shop.id && viewer.agent.role === "PRIVACY_OFFICER";
}

// One statement, per type and for all types (GROUPING SETS), over the calendar year of
// the day each request counts as received.
export async function getRequestMetrics(options: {
  viewer: Viewer;
  shop: ShopRef;
  year: number;
  now?: Date;
}): Promise<RequestMetrics | null> {
  const shop = options.shop;
  if (!canSeeMetrics(options.viewer, shop)) return null;
  if (!Number.isInteger(options.year) || options.year < 2000 || options.year > 2100) {
    throw new AppError("INVALID_INPUT", "Choose a year between 2000 and 2100.");
  }
  const now = options.now ?? new Date();
  const today = todayIn(shop, now);
  // Figures are read far more often than requests change (a public page): kept per
  // process for 30 seconds, and dropped when this process changes a request (during
  // and after the change's transaction). Another instance's change shows within 30 s.
  const key = `${shop.id}:${options.year}:${today}`;
  const cached = metricsCache.entries.get(key);
  if (cached && cached.version === requestsVersion() && now.getTime() - cached.at < METRICS_TTL_MS) {
    return cached.value;
  }
  const version = requestsVersion();
  const value = await computeMetrics(shop, options.year, today);
  if (metricsCache.entries.size >= 1000) metricsCache.entries.clear();
  metricsCache.entries.set(key, { at: now.getTime(), version, value });
  return value;
}

const METRICS_TTL_MS = 30_000;
type MetricsCache = { entries: Map<string, { at: number; version: number; value: RequestMetrics }> };
const metricsHolder = globalThis as unknown as { __requestMetrics?: MetricsCache };
metricsHolder.__requestMetrics ??= { entries: new Map() };
const metricsCache: MetricsCache = metricsHolder.__requestMetrics;

async function computeMetrics(shop: ShopRef, year: number, today: string): Promise<RequestMetrics> {
  const options = { year };
  const from = `${options.year}-01-01`;
  const to = `${options.year + 1}-01-01`;
  const rows = await getPrisma().$queryRaw<MetricsSqlRow[]>`
    SELECT "type",
           count(*) AS "received",
           count(*) FILTER (WHERE "outcome" = 'GRANTED') AS "granted",
           count(*) FILTER (WHERE "outcome" = 'PARTLY_GRANTED') AS "partly",
           count(*) FILTER (WHERE "outcome" = 'REFUSED') AS "refused",
           count(*) FILTER (WHERE "status" = 'WITHDRAWN') AS "withdrawn",
           count(*) FILTER (WHERE "status" IN ('AWAITING_VERIFICATION', 'OPEN')) AS "pending",
           (percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM ("decidedAt" - "receivedAt")) / 86400)
              FILTER (WHERE "decidedAt" IS NOT NULL))::float8 AS "median",
           (avg(EXTRACT(EPOCH FROM ("decidedAt" - "receivedAt")) / 86400)
              FILTER (WHERE "decidedAt" IS NOT NULL))::float8 AS "mean",
           (percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM ("decidedAt" - "receivedAt")) / 86400)
              FILTER (WHERE "decidedAt" IS NOT NULL AND NOT "selfService"))::float8 AS "medianFiled",
           (avg(EXTRACT(EPOCH FROM ("decidedAt" - "receivedAt")) / 86400)
              FILTER (WHERE "decidedAt" IS NOT NULL AND NOT "selfService"))::float8 AS "meanFiled",
           count(*) FILTER (WHERE ("decidedAt" IS NOT NULL AND ("decidedAt" AT TIME ZONE ${deadlineRule(shop.profile).timeZone})::date > "dueOn")
                               OR ("status" IN ('AWAITING_VERIFICATION', 'OPEN') AND "dueOn" < ${today}::date)) AS "late"
      FROM "RightsRequest"
     WHERE "shopId" = ${shop.id}::uuid AND "receivedOn" >= ${from}::date AND "receivedOn" < ${to}::date
     GROUP BY GROUPING SETS (("type"), ())`;
  const toRow = (type: RightsRequestType | null, r: MetricsSqlRow | undefined, label: string): MetricsRow => ({
    type,
    label,
    received: Number(r?.received ?? 0),
    granted: Number(r?.granted ?? 0),
    partlyGranted: Number(r?.partly ?? 0),
    refused: Number(r?.refused ?? 0),
    withdrawn: Number(r?.withdrawn ?? 0),
    pending: Number(r?.pending ?? 0),
    // The total's days count the requests that needed a decision: the ones done at
    // once in the account (0 days) would hide how long the others took.
    medianDaysToRespond: roundDays(type === null ? r?.medianFiled : r?.median),
    meanDaysToRespond: roundDays(type === null ? r?.meanFiled : r?.mean),
    late: Number(r?.late ?? 0),
  });
  const byType = new Map(rows.filter((r) => r.type).map((r) => [r.type as RightsRequestType, r]));
  const offered = new Set<RightsRequestType>([
    ...requestTypeOptions(shop.profile).map((o) => o.type),
    ...SELF_SERVICE_TYPES,
    ...byType.keys(),
  ]);
  return {
    year: options.year,
    rows: ALL_TYPES.filter((t) => offered.has(t)).map((t) =>
      toRow(t, byType.get(t), requestTypeLabel(shop.profile, t)),
    ),
    total: toRow(
      null,
      rows.find((r) => r.type === null),
      "All requests",
    ),
  };
}

export function isOpenStatus(status: RightsRequestStatus): boolean {
  return OPEN_STATUSES.includes(status);
}
