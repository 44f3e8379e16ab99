import "server-only";
import type { Viewer } from "../auth/viewer";
import { decodeCursor, type Page, pageSize } from "../data-map/view";
import { getPrisma, type Prisma } from "../db";
import type { ActorType } from "../db/generated/enums";
import { AppError } from "../errors";
import { requireAgent } from "../impersonation";

// The shop's audit log as its privacy officer reads it: newest first, filterable by
// customer, agent and action. Only the chained rows are read (ids, field names,
// digests); the personal values kept apart in AuditEventValue never leave here.

export type AuditEventView = {
  id: string;
  sequence: number;
  at: Date;
  action: string;
  actorType: ActorType;
  actorId: string | null;
  // The agent's display name for agents, the key's name for partners; null otherwise
  // (the UI words the actor type).
  actorName: string | null;
  customerId: string | null;
  impersonationId: string | null;
  details: Prisma.JsonValue;
};

export type AgentSummary = { id: string; email: string; displayName: string; role: "SUPPORT" | "PRIVACY_OFFICER" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ACTION = /^[a-z0-9][a-z0-9.-]{0,99}$/;

const eventSelect = {
  id: true,
  sequence: true,
  createdAt: true,
  action: true,
  actorType: true,
  actorId: true,
  customerId: true,
  impersonationId: true,
  details: true,
} as const;

export async function listAuditEvents(options: {
  viewer: Viewer;
  customerId?: string | null;
  // Alternatively the customer's exact email address (of this shop).
  customerEmail?: string | null;
  agentId?: string | null;
  action?: string | null;
  first?: number | null;
  after?: string | null;
}): Promise<Page<AuditEventView>> {
  const officer = requireAgent(options.viewer, "PRIVACY_OFFICER");
  const shopId = officer.shop.id;
  const take = pageSize(options.first);
  const cursor = decodeCursor(options.after);
  const prisma = getPrisma();
  const empty: Page<AuditEventView> = { nodes: [], hasNextPage: false, totalCount: 0 };

  const action = options.action?.trim() || null;
  if (action && !ACTION.test(action)) {
    throw new AppError("INVALID_INPUT", "An action looks like customer.update or impersonation.start.", [
      { field: ["action"], code: "INVALID_INPUT", message: "An action looks like customer.update." },
    ]);
  }
  let customerId = options.customerId?.trim() || null;
  if (customerId && !UUID.test(customerId)) return empty;
  const email = options.customerEmail?.trim().toLowerCase() || null;
  if (email) {
    const found = await prisma.customer.findFirst({ where: { shopId, email }, select: { id: true } });
    if (!found || (customerId && customerId !== found.id)) return empty;
    customerId = found.id;
  }
  const agentId = options.agentId?.trim() || null;
  if (agentId && !UUID.test(agentId)) return empty;

  const where: Prisma.AuditEventWhereInput = {
    shopId,
    ...(customerId ? { customerId } : {}),
    ...(agentId ? { actorType: "AGENT", actorId: agentId } : {}),
    ...(action ? { action } : {}),
  };
  let before: number | null = null;
  if (cursor) {
    const at = await prisma.auditEvent.findFirst({ where: { id: cursor, shopId }, select: { sequence: true } });
    if (!at) throw new AppError("INVALID_INPUT", "The `after` cursor is not valid.");
    before = at.sequence;
  }
  const [rows, totalCount] = await Promise.all([
    prisma.auditEvent.findMany({
      where: before === null ? where : { AND: [where, { sequence: { lt: before } }] },
      orderBy: { sequence: "desc" },
      take: take + 1,
      select: eventSelect,
    }),
    prisma.auditEvent.count({ where }),
  ]);
  const page = rows.slice(0, take);
  const idsOf = (type: ActorType) => [
    ...new Set(page.flatMap((r) => (r.actorType === type && r.actorId && UUID.test(r.actorId) ? [r.actorId] : []))),
  ];
  const agentIds = idsOf("AGENT");
  const keyIds = idsOf("PARTNER");
  const [agents, keys] = await Promise.all([
    agentIds.length
      ? prisma.agent.findMany({ where: { shopId, id: { in: agentIds } }, select: { id: true, displayName: true } })
      : [],
    keyIds.length
      ? prisma.apiKey.findMany({ where: { shopId, id: { in: keyIds } }, select: { id: true, name: true } })
      : [],
  ]);
  const agentName = new Map(agents.map((a) => [a.id, a.displayName]));
  const keyName = new Map(keys.map((k) => [k.id, k.name]));
  const nameOf = (type: ActorType, id: string | null) =>
    !id ? null : type === "AGENT" ? (agentName.get(id) ?? null) : type === "PARTNER" ? (keyName.get(id) ?? null) : null;
  return {
    nodes: page.map(({ createdAt, ...row }) => ({
      ...row,
      at: createdAt,
      actorName: nameOf(row.actorType, row.actorId),
    })),
    hasNextPage: rows.length > take,
    totalCount,
  };
}

// The shop's agents, for the log's agent filter.
export async function listShopAgents(options: { viewer: Viewer }): Promise<AgentSummary[]> {
  const officer = requireAgent(options.viewer, "PRIVACY_OFFICER");
  return getPrisma().agent.findMany({
    where: { shopId: officer.shop.id },
    orderBy: { displayName: "asc" },
    select: { id: true, email: true, displayName: true, role: true },
  });
}
