import "server-only";
import { apiKeyNames } from "../api-keys";
import { authorize } from "../auth/authorize";
import type { Viewer } from "../auth/viewer";
import { encodeCursor, type Page, pageSize } from "../data-map/view";
import { getPrisma, Prisma } from "../db";
import { AppError } from "../errors";
import type { ImpersonationView } from "../impersonation";

// The customer's access log (GDPR Art. 15 and the shop's promise that support access is
// shown to the customer): sign-ins, every support session with what was viewed and
// changed in it, data reveals and downloads, and every read or change by a partner's
// API key (by the partner's name), newest first. Read from the rows that record these things (SignInEvent, Impersonation,
// the audit chain), so the log cannot drift from what happened.

export type AccessLogKind =
  | "SIGN_IN"
  | "SIGN_IN_FAILED"
  | "PASSWORD_AGAIN"
  | "SUPPORT_SESSION"
  | "REVEAL"
  | "DOWNLOAD"
  | "PARTNER"
  | "SIGN_IN_METHOD";

export type SupportSessionStep = { at: Date; action: string; details: Record<string, unknown> };

export type AccessLogEntry = {
  id: string;
  at: Date;
  kind: AccessLogKind;
  ip: string | null;
  userAgent: string | null;
  // Who did it: the support agent's display name, or the partner's (its API key's) name.
  actorName: string | null;
  supportSession: (Omit<ImpersonationView, "customerId"> & { agentName: string; steps: SupportSessionStep[] }) | null;
  // For reveals and downloads: the audit action and its details.
  action: string | null;
  details: Record<string, unknown> | null;
};

// Audit actions that are access to the customer's data, as the log lists them.
const LOGGED_ACTIONS: Record<string, AccessLogKind> = {
  "data.reveal": "REVEAL",
  "export.download": "DOWNLOAD",
  "document.download": "DOWNLOAD",
  "documents.archive": "DOWNLOAD",
  "social.link": "SIGN_IN_METHOD",
  "social.unlink": "SIGN_IN_METHOD",
  "social.erase": "SIGN_IN_METHOD",
  "password.set": "SIGN_IN_METHOD",
};

type Row = { source: "signin" | "session" | "audit"; id: string; at: Date };

// "203.0.113.42" → "203.0.113.x"; IPv6 keeps its first three groups.
export function maskIp(ip: string | null): string | null {
  if (!ip) return null;
  if (ip.includes(".") && !ip.includes(":")) return ip.replace(/\.\d+$/, ".x");
  const groups = ip.split(":");
  return `${groups.slice(0, 3).join(":")}:…`;
}

export async function getAccessLog(options: {
  viewer: Viewer;
  // The customer the call is about (a Customer field passes its parent): must be the subject.
  customerId?: string;
  first?: number | null;
  after?: string | null;
}): Promise<Page<AccessLogEntry>> {
  const scope = await authorize(options.viewer, "access-log.read", options.customerId);
  const take = pageSize(options.first);
  const cursor = options.after ? parseCursor(Buffer.from(options.after, "base64url").toString("utf8")) : null;
  const prisma = getPrisma();
  const customerId = scope.customerId;
  const shopId = scope.shop.id;
  const before = cursor
    ? Prisma.sql`WHERE ("at", "id") < (${cursor.at}::timestamptz, ${cursor.id}::uuid)`
    : Prisma.empty;
  const actions = Object.keys(LOGGED_ACTIONS);
  // One ordered page over the three sources (each served by its (customerId, time) index).
  const rows = await prisma.$queryRaw<Row[]>`
    SELECT "source", "id", "at" FROM (
      SELECT 'signin' AS "source", "id", "at" FROM "SignInEvent"
        WHERE "customerId" = ${customerId}::uuid AND "shopId" = ${shopId}::uuid
      UNION ALL
      SELECT 'session', "id", "startedAt" FROM "Impersonation"
        WHERE "customerId" = ${customerId}::uuid AND "shopId" = ${shopId}::uuid
      UNION ALL
      SELECT 'audit', "id", "createdAt" FROM "AuditEvent"
        WHERE "customerId" = ${customerId}::uuid AND "shopId" = ${shopId}::uuid
          AND ("action" IN (${Prisma.join(actions)}) OR "actorType" = 'PARTNER') AND "impersonationId" IS NULL
    ) AS log ${before}
    ORDER BY "at" DESC, "id" DESC
    LIMIT ${take + 1}`;
  const page = rows.slice(0, take);
  const ids = (source: Row["source"]) => page.filter((r) => r.source === source).map((r) => r.id);
  const [signIns, sessions, audits] = await Promise.all([
    prisma.signInEvent.findMany({
      where: { id: { in: ids("signin") }, customerId, shopId },
      select: { id: true, at: true, method: true, isSuccessful: true, ip: true, userAgent: true },
    }),
    prisma.impersonation.findMany({
      where: { id: { in: ids("session") }, customerId, shopId },
      select: {
        id: true,
        reason: true,
        ticket: true,
        startedAt: true,
        expiresAt: true,
        endedAt: true,
        endReason: true,
        agent: { select: { displayName: true } },
      },
    }),
    prisma.auditEvent.findMany({
      where: { id: { in: ids("audit") }, customerId, shopId },
      select: { id: true, createdAt: true, action: true, details: true, actorType: true, actorId: true },
    }),
  ]);
  const partnerNames = await apiKeyNames(
    audits.flatMap((a) => (a.actorType === "PARTNER" && a.actorId ? [a.actorId] : [])),
  );
  // What each support session did, in order.
  const steps = sessions.length
    ? await prisma.auditEvent.findMany({
        where: { impersonationId: { in: sessions.map((s) => s.id) }, customerId, shopId },
        orderBy: { sequence: "asc" },
        select: { impersonationId: true, createdAt: true, action: true, details: true },
      })
    : [];
  const signInById = new Map(signIns.map((s) => [s.id, s]));
  const sessionById = new Map(sessions.map((s) => [s.id, s]));
  const auditById = new Map(audits.map((a) => [a.id, a]));
  const nodes = page.flatMap((row): AccessLogEntry[] => {
    if (row.source === "signin") {
      const s = signInById.get(row.id);
      if (!s) return [];
      const kind: AccessLogKind = !s.isSuccessful
        ? "SIGN_IN_FAILED"
        : s.method === "password-again"
          ? "PASSWORD_AGAIN"
          : "SIGN_IN";
      // How they signed in (password, or the provider) rides in `details`.
      return [
        {
          ...blank(row),
          kind,
          ip: maskIp(s.ip),
          userAgent: s.userAgent,
          actorName: null,
          details: { method: s.method },
        },
      ];
    }
    if (row.source === "session") {
      const s = sessionById.get(row.id);
      if (!s) return [];
      return [
        {
          ...blank(row),
          kind: "SUPPORT_SESSION",
          actorName: s.agent.displayName,
          supportSession: {
            id: s.id,
            agentName: s.agent.displayName,
            reason: s.reason,
            ticket: s.ticket,
            startedAt: s.startedAt,
            expiresAt: s.expiresAt,
            endedAt: s.endedAt,
            endReason: s.endReason,
            steps: steps
              .filter((step) => step.impersonationId === s.id)
              .map((step) => ({
                at: step.createdAt,
                action: step.action,
                details: (step.details ?? {}) as Record<string, unknown>,
              })),
          },
        },
      ];
    }
    const a = auditById.get(row.id);
    if (!a) return [];
    if (a.actorType === "PARTNER") {
      return [
        {
          ...blank(row),
          kind: "PARTNER",
          actorName: (a.actorId && partnerNames.get(a.actorId)) ?? "A partner",
          action: a.action,
          details: (a.details ?? {}) as Record<string, unknown>,
        },
      ];
    }
    return [
      {
        ...blank(row),
        kind: LOGGED_ACTIONS[a.action] ?? "DOWNLOAD",
        action: a.action,
        details: (a.details ?? {}) as Record<string, unknown>,
      },
    ];
  });
  const totalCount = await countEntries(customerId, shopId, actions);
  return { nodes, hasNextPage: rows.length > take, totalCount };
}

function blank(row: Row): AccessLogEntry {
  return {
    id: `${row.source}:${row.id}:${row.at.toISOString()}`,
    at: row.at,
    kind: "SIGN_IN",
    ip: null,
    userAgent: null,
    actorName: null,
    supportSession: null,
    action: null,
    details: null,
  };
}

async function countEntries(customerId: string, shopId: string, actions: string[]): Promise<number> {
  const prisma = getPrisma();
  const [signIns, sessions, audits] = await Promise.all([
    prisma.signInEvent.count({ where: { customerId, shopId } }),
    prisma.impersonation.count({ where: { customerId, shopId } }),
    prisma.auditEvent.count({
      where: { customerId, shopId, impersonationId: null, OR: [{ action: { in: actions } }, { actorType: "PARTNER" }] },
    }),
  ]);
  return signIns + sessions + audits;
}

// Entry ids double as cursors: "<source>:<uuid>:<ISO time>" (base64url-encoded by the
// connection; not a bare row id, so data-map's decodeCursor would refuse them).
function parseCursor(value: string | null): { id: string; at: string } | null {
  const match = /^(signin|session|audit):([0-9a-f-]{36}):(\d{4}-\d{2}-\d{2}T[\d:.]+Z)$/.exec(value ?? "");
  if (!match) throw new AppError("INVALID_INPUT", "The `after` cursor is not valid.");
  return { id: match[2] as string, at: match[3] as string };
}

export { encodeCursor };
