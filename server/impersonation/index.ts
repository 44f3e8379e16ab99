import "server-only";
import { z } from "zod";
import { appUrl } from "../app-url";
import { recordAuditEvent } from "../audit";
import { actorOf, authorize } from "../auth/authorize";
import type { AgentViewer, ImpersonationRef, Viewer } from "../auth/viewer";
import { decodeCursor, type Page, pageSize } from "../data-map/view";
import { getPrisma, type Prisma } from "../db";
import type { AgentRole, CustomerStatus } from "../db/generated/enums";
import { AppError } from "../errors";
import { enqueueEmail, tryDeliverPendingEmails } from "../mail";
import type { ShopRef } from "../tenants";
import { invalidInput, safeText } from "../validation";
import { queueWebhookEvent } from "../webhooks/events";
import { endImpersonations } from "./sessions";

// Support agents: finding a customer of their shop, and acting in the customer's
// account for a stated reason and ticket, for a limited time, with every step audited
// and shown to the customer (their access log). What an agent may do while acting is
// decided in server/auth/authorize.ts.

export const IMPERSONATION = {
  reasonMinLength: 10,
  reasonMaxLength: 500,
  ticketMaxLength: 100,
  // The longest a support session may last; a shop's profile may set it shorter.
  maxMinutes: 30,
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function requireAgent(viewer: Viewer, role?: AgentRole): AgentViewer {
  if (viewer.kind === "anonymous") throw new AppError("UNAUTHENTICATED", "Sign in to the support console to continue.");
  if (viewer.kind !== "agent") throw new AppError("FORBIDDEN", "This is for the shop's support staff.");
  if (role && viewer.agent.role !== role) throw new AppError("FORBIDDEN", "This is for the shop's privacy officer.");
  return viewer;
}

export function sessionMinutes(shop: ShopRef): number {
  return Math.min(IMPERSONATION.maxMinutes, shop.profile.features.impersonationMaxMinutes);
}

// ---- Support access: the customer's permission, where the shop asks for one ----

export type SupportAccessView = {
  // Whether the shop's profile requires the customer's permission at all.
  isPermissionRequired: boolean;
  // Whether an agent may start a session now.
  isAllowed: boolean;
  grantedAt: Date | null;
  // Null with a grant: until revoked.
  expiresAt: Date | null;
};

async function activeGrant(db: Prisma.TransactionClient | ReturnType<typeof getPrisma>, customerId: string, now: Date) {
  return db.supportAccessGrant.findFirst({
    where: { customerId, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
    orderBy: { grantedAt: "desc" },
    select: { id: true, grantedAt: true, expiresAt: true },
  });
}

function accessView(shop: ShopRef, grant: { grantedAt: Date; expiresAt: Date | null } | null): SupportAccessView {
  const isPermissionRequired = shop.profile.features.impersonationNeedsPermission;
  return {
    isPermissionRequired,
    isAllowed: !isPermissionRequired || grant !== null,
    grantedAt: grant?.grantedAt ?? null,
    expiresAt: grant?.expiresAt ?? null,
  };
}

// The subject's permission, as their privacy centre shows it.
export async function getSupportAccess(options: { viewer: Viewer; customerId?: string }): Promise<SupportAccessView> {
  const scope = await authorize(options.viewer, "support-access.read", options.customerId);
  return accessView(scope.shop, await activeGrant(getPrisma(), scope.customerId, new Date()));
}

// For how long a customer lets support staff in (Zendesk's model): a day, a week, or
// until they revoke it.
export const SUPPORT_ACCESS_DURATIONS = { HOURS_24: 24 * 60, DAYS_7: 7 * 24 * 60, UNTIL_REVOKED: null } as const;
export type SupportAccessDuration = keyof typeof SUPPORT_ACCESS_DURATIONS;

const grantSchema = z.object({
  duration: z.enum(Object.keys(SUPPORT_ACCESS_DURATIONS) as [SupportAccessDuration, ...SupportAccessDuration[]], {
    error: "Choose for how long.",
  }),
});

// A new grant replaces the current one (so its period is the one last chosen).
export async function grantSupportAccess(options: {
  viewer: Viewer;
  customerId?: string;
  input: unknown;
}): Promise<SupportAccessView> {
  const scope = await authorize(options.viewer, "support-access.manage", options.customerId);
  const parsed = grantSchema.safeParse(options.input);
  if (!parsed.success) throw invalidInput(parsed.error.issues);
  const minutes = SUPPORT_ACCESS_DURATIONS[parsed.data.duration];
  const now = new Date();
  const expiresAt = minutes === null ? null : new Date(now.getTime() + minutes * 60_000);
  const grant = await getPrisma().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "Customer" WHERE "id" = ${scope.customerId}::uuid FOR UPDATE`;
    await tx.supportAccessGrant.updateMany({
      where: { customerId: scope.customerId, shopId: scope.shop.id, revokedAt: null },
      data: { revokedAt: now },
    });
    const created = await tx.supportAccessGrant.create({
      data: { shopId: scope.shop.id, customerId: scope.customerId, grantedAt: now, expiresAt },
      select: { grantedAt: true, expiresAt: true },
    });
    await recordAuditEvent(tx, {
      shopId: scope.shop.id,
      customerId: scope.customerId,
      ...scope.actor,
      action: "support-access.grant",
      details: { duration: parsed.data.duration, expiresAt: expiresAt?.toISOString() ?? null },
    });
    return created;
  });
  return accessView(scope.shop, grant);
}

// Revoking takes effect at once: an open support session in the account ends now.
export async function revokeSupportAccess(options: {
  viewer: Viewer;
  customerId?: string;
}): Promise<SupportAccessView> {
  const scope = await authorize(options.viewer, "support-access.manage", options.customerId);
  const now = new Date();
  await getPrisma().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "Customer" WHERE "id" = ${scope.customerId}::uuid FOR UPDATE`;
    const { count } = await tx.supportAccessGrant.updateMany({
      where: { customerId: scope.customerId, shopId: scope.shop.id, revokedAt: null },
      data: { revokedAt: now },
    });
    const open = await tx.impersonation.findMany({
      where: { customerId: scope.customerId, shopId: scope.shop.id, endedAt: null },
      select: { id: true, shopId: true, agentId: true, customerId: true, expiresAt: true },
    });
    await endImpersonations(tx, open, "REVOKED", now);
    if (count > 0 || open.length > 0) {
      await recordAuditEvent(tx, {
        shopId: scope.shop.id,
        customerId: scope.customerId,
        ...scope.actor,
        action: "support-access.revoke",
        details: { endedSessions: open.length },
      });
    }
  });
  return accessView(scope.shop, null);
}

// ---- Finding customers ----

export type SupportCustomer = {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  alias: string | null;
  status: CustomerStatus;
  createdAt: Date;
  lastSignInAt: Date | null;
  openDeletionRequests: number;
  supportAccess: SupportAccessView;
};

const searchSchema = z.object({
  query: safeText({
    min: 2,
    max: 254,
    minMessage: "Enter at least 2 characters: an email, a name or an order number.",
  }),
});

export type SearchKind = "EMAIL" | "ORDER_NUMBER" | "NAME_PREFIX";

// An email finds by exact address, something shaped like an order number by exact
// number, anything else by the start of the first name, last name or alias.
export function searchKindOf(query: string): SearchKind {
  if (query.includes("@")) return "EMAIL";
  if (/^[A-Za-z]{0,5}[-#]?\d{3,}[-\dA-Za-z]*$/.test(query) && /\d/.test(query)) return "ORDER_NUMBER";
  return "NAME_PREFIX";
}

const summarySelect = {
  id: true,
  email: true,
  firstName: true,
  lastName: true,
  alias: true,
  status: true,
  createdAt: true,
} as const;

async function summaries(shop: ShopRef, rows: Prisma.CustomerGetPayload<{ select: typeof summarySelect }>[]) {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const prisma = getPrisma();
  const now = new Date();
  const [signIns, deletions, grants] = await Promise.all([
    prisma.signInEvent.groupBy({
      by: ["customerId"],
      where: { customerId: { in: ids }, shopId: shop.id, isSuccessful: true },
      _max: { at: true },
    }),
    prisma.deletionRequest.groupBy({
      by: ["customerId"],
      where: { customerId: { in: ids }, shopId: shop.id, status: { in: ["AWAITING_CONFIRMATION", "SCHEDULED"] } },
      _count: { _all: true },
    }),
    prisma.supportAccessGrant.findMany({
      where: {
        customerId: { in: ids },
        shopId: shop.id,
        revokedAt: null,
        OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
      },
      orderBy: { grantedAt: "desc" },
      select: { customerId: true, grantedAt: true, expiresAt: true },
    }),
  ]);
  const lastSignIn = new Map(signIns.map((s) => [s.customerId, s._max.at]));
  const open = new Map(deletions.map((d) => [d.customerId, d._count._all]));
  const grantOf = new Map<string, { grantedAt: Date; expiresAt: Date | null }>();
  for (const g of grants) if (!grantOf.has(g.customerId)) grantOf.set(g.customerId, g);
  return rows.map(
    (row): SupportCustomer => ({
      ...row,
      lastSignInAt: lastSignIn.get(row.id) ?? null,
      openDeletionRequests: open.get(row.id) ?? 0,
      supportAccess: accessView(shop, grantOf.get(row.id) ?? null),
    }),
  );
}

// Customers of the agent's own shop only; erased accounts are not found.
export async function searchSupportCustomers(options: {
  viewer: Viewer;
  // The customer the call is about (a Customer field passes its parent): must be the subject.
  customerId?: string;
  query: unknown;
  first?: number | null;
  after?: string | null;
}): Promise<Page<SupportCustomer> & { kind: SearchKind }> {
  const agent = requireAgent(options.viewer);
  const parsed = searchSchema.safeParse({ query: options.query });
  if (!parsed.success) {
    throw new AppError("INVALID_INPUT", parsed.error.issues[0]?.message ?? "Check the search.", [
      { field: ["query"], code: "INVALID_INPUT", message: parsed.error.issues[0]?.message ?? "Check the search." },
    ]);
  }
  const query = parsed.data.query;
  const kind = searchKindOf(query);
  const shopId = agent.shop.id;
  const base: Prisma.CustomerWhereInput = { shopId, status: { not: "ERASED" } };
  const where: Prisma.CustomerWhereInput =
    kind === "EMAIL"
      ? { ...base, email: query.toLowerCase() }
      : kind === "ORDER_NUMBER"
        ? { ...base, orders: { some: { shopId, number: query } } }
        : {
            ...base,
            OR: [
              { firstName: { startsWith: query, mode: "insensitive" } },
              { lastName: { startsWith: query, mode: "insensitive" } },
              { alias: { startsWith: query, mode: "insensitive" } },
            ],
          };
  const take = pageSize(options.first);
  const cursor = decodeCursor(options.after);
  const prisma = getPrisma();
  const [rows, totalCount] = await Promise.all([
    prisma.customer.findMany({
      where: cursor ? { AND: [where, { id: { gt: cursor } }] } : where,
      orderBy: { id: "asc" },
      take: take + 1,
      select: summarySelect,
    }),
    prisma.customer.count({ where }),
  ]);
  // The search itself is audited (how, not what: the query may be a person's name).
  await prisma.$transaction((tx) =>
    recordAuditEvent(tx, {
      shopId,
      customerId: null,
      ...actorOf(agent),
      action: "support.search",
      details: { kind, results: totalCount },
    }),
  );
  return { nodes: await summaries(agent.shop, rows.slice(0, take)), hasNextPage: rows.length > take, totalCount, kind };
}

// One customer of the agent's shop, by id (unknown and foreign ids alike: null).
export async function findSupportCustomer(options: {
  viewer: Viewer;
  customerId?: string;
  id: string;
}): Promise<SupportCustomer | null> {
  const agent = requireAgent(options.viewer);
  if (!UUID.test(options.id)) return null;
  const row = await getPrisma().customer.findFirst({
    where: { id: options.id, shopId: agent.shop.id, status: { not: "ERASED" } },
    select: summarySelect,
  });
  if (!row) return null;
  const [summary] = await summaries(agent.shop, [row]);
  return summary ?? null;
}

// ---- Starting and ending a support session ----

const startSchema = z.object({
  customerId: z.string({ error: "Choose a customer." }).regex(UUID, "Choose a customer from the search."),
  reason: safeText({
    min: IMPERSONATION.reasonMinLength,
    max: IMPERSONATION.reasonMaxLength,
    minMessage: `Say why, in at least ${IMPERSONATION.reasonMinLength} characters: the customer will read it.`,
    isMultiline: true,
  }),
  ticket: safeText({ min: 1, max: IMPERSONATION.ticketMaxLength, minMessage: "Enter the ticket reference." }),
});

// The session as the viewer carries it, and how it ended.
export type ImpersonationView = ImpersonationRef & { endedAt: Date | null; endReason: string | null };

const impersonationSelect = {
  id: true,
  customerId: true,
  reason: true,
  ticket: true,
  startedAt: true,
  expiresAt: true,
  endedAt: true,
  endReason: true,
} as const;

// A refused start is audited (no reason text: it may hold anything).
async function refuseStart(agent: AgentViewer, customerId: string | null, refusal: string, error: AppError) {
  await getPrisma().$transaction((tx) =>
    recordAuditEvent(tx, {
      shopId: agent.shop.id,
      customerId,
      ...actorOf(agent),
      action: "impersonation.refused",
      details: { attempted: "impersonation.start", reason: refusal },
    }),
  );
  return error;
}

export async function startImpersonation(options: {
  viewer: Viewer;
  customerId?: string;
  input: unknown;
}): Promise<ImpersonationView> {
  const agent = requireAgent(options.viewer);
  const parsed = startSchema.safeParse(options.input);
  if (!parsed.success) throw await refuseStart(agent, null, "INVALID_INPUT", invalidInput(parsed.error.issues));
  const { customerId, reason, ticket } = parsed.data;
  const prisma = getPrisma();
  const now = new Date();
  const customer = await prisma.customer.findFirst({
    where: { id: customerId, shopId: agent.shop.id, status: { not: "ERASED" } },
    select: { id: true, email: true, firstName: true },
  });
  if (!customer) {
    const message = "There is no customer with this id in your shop.";
    throw await refuseStart(
      agent,
      null,
      "NOT_FOUND",
      new AppError("NOT_FOUND", message, [{ field: ["input", "customerId"], code: "NOT_FOUND", message }]),
    );
  }
  const shop = agent.shop;
  const expiresAt = new Date(now.getTime() + sessionMinutes(shop) * 60_000);
  const created = await prisma.$transaction(async (tx) => {
    // Serialises with the customer revoking access: a start cannot slip past a revoke.
    await tx.$queryRaw`SELECT 1 FROM "Customer" WHERE "id" = ${customer.id}::uuid FOR UPDATE`;
    if (shop.profile.features.impersonationNeedsPermission && !(await activeGrant(tx, customer.id, now))) {
      return null;
    }
    const open = await tx.impersonation.findMany({
      where: { agentSessionId: agent.sessionId, endedAt: null },
      select: { id: true, shopId: true, agentId: true, customerId: true, expiresAt: true },
    });
    await endImpersonations(tx, open, "REPLACED", now);
    const session = await tx.impersonation.create({
      data: {
        shopId: shop.id,
        agentId: agent.agent.id,
        agentSessionId: agent.sessionId,
        customerId: customer.id,
        reason,
        ticket,
        startedAt: now,
        expiresAt,
      },
      select: impersonationSelect,
    });
    await recordAuditEvent(tx, {
      shopId: shop.id,
      customerId: customer.id,
      actorType: "AGENT",
      actorId: agent.agent.id,
      impersonationId: session.id,
      action: "impersonation.start",
      details: { expiresAt: expiresAt.toISOString() },
    });
    await queueWebhookEvent(tx, {
      shopId: shop.id,
      customerId: customer.id,
      type: "customer.support_session",
      data: { sessionId: session.id, state: "STARTED", expiresAt: expiresAt.toISOString() },
    });
    if (shop.profile.features.notifyCustomerOfSupportSessions) {
      await enqueueEmail(tx, {
        shopId: shop.id,
        customerId: customer.id,
        to: customer.email,
        kind: "support-session-started",
        subject: `${shop.name} support opened your account`,
        text: [
          `Hello ${customer.firstName},`,
          "",
          `${agent.agent.displayName} from ${shop.name} support opened your account at ${now.toUTCString()}, for at most ${sessionMinutes(shop)} minutes.`,
          "",
          `Reason: ${reason}`,
          `Ticket: ${ticket}`,
          "",
          "Everything they look at or change is listed in your access log:",
          appUrl(`/${shop.handle}/account/privacy/access-log`),
          "",
          "If you did not ask for help, reply to this email or contact us.",
        ].join("\n"),
      });
    }
    return session;
  });
  if (!created) {
    const message = "This customer has not allowed support staff into their account. Ask them to allow it first.";
    throw await refuseStart(
      agent,
      customer.id,
      "NO_PERMISSION",
      new AppError("FORBIDDEN", message, [{ field: ["input", "customerId"], code: "FORBIDDEN", message }]),
    );
  }
  await tryDeliverPendingEmails({ shopId: shop.id });
  return created;
}

// Ends the agent's open support session (also one whose time ran out).
export async function endImpersonation(options: { viewer: Viewer; customerId?: string }): Promise<ImpersonationView> {
  const agent = requireAgent(options.viewer);
  const prisma = getPrisma();
  const now = new Date();
  return prisma.$transaction(async (tx) => {
    const open = await tx.impersonation.findFirst({
      where: { agentSessionId: agent.sessionId, endedAt: null },
      select: { id: true, shopId: true, agentId: true, customerId: true, expiresAt: true },
    });
    if (!open) throw new AppError("NOT_FOUND", "There is no support session to end.");
    await endImpersonations(tx, [open], open.expiresAt <= now ? "EXPIRED" : "ENDED", now);
    return tx.impersonation.findUniqueOrThrow({ where: { id: open.id }, select: impersonationSelect });
  });
}

// The agent's current session as the console shows it: open, or just expired (so the
// console can say so instead of silently dropping the banner).
export async function getCurrentImpersonation(options: {
  viewer: Viewer;
  customerId?: string;
}): Promise<ImpersonationView | null> {
  if (options.viewer.kind !== "agent") return null;
  return getPrisma().impersonation.findFirst({
    where: { agentSessionId: options.viewer.sessionId, endedAt: null },
    select: impersonationSelect,
  });
}
