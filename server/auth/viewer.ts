import "server-only";
import type { ApiScope } from "../api-keys/scopes";
import { getDatabase, writeGeneration } from "../db";
import type { AgentRole } from "../db/generated/enums";
import { findShop, type ShopRef } from "../tenants";

// Who is making a request, built once per request and handed to every service
// (DESIGN.md, "Who acts for whom"): the ACTOR (the `kind` below: a customer, a support
// agent, a system job, or nobody), the SUBJECT customer the request acts on
// (`subjectId`: the customer themself, the customer an agent is acting for, the customer
// a job works on, or none) and the REQUEST (address, browser, source). The shop always
// comes from the verified session, never from client input.
//
// Services never read "the customer" off the viewer: they ask `authorize` (./authorize.ts)
// for the scope of their `where`, and `actorOf` for the actor of their audit rows.

export type RequestSource = "web" | "api" | "job";

export type RequestMeta = {
  // The client's address, from the socket or, behind a trusted proxy, from
  // X-Forwarded-For (./client-address.ts); null when unknown.
  ip: string | null;
  userAgent: string | null;
  source: RequestSource;
};

export const NO_REQUEST: RequestMeta = { ip: null, userAgent: null, source: "web" };

export type AnonymousViewer = { kind: "anonymous"; subjectId: null; request: RequestMeta };

export type CustomerViewer = {
  kind: "customer";
  shop: ShopRef;
  customerId: string;
  // Customers act on themselves only.
  subjectId: string;
  sessionId: string;
  // When the password was last entered in this session.
  authenticatedAt: Date;
  request: RequestMeta;
};

export type ImpersonationRef = {
  id: string;
  customerId: string;
  reason: string;
  ticket: string;
  startedAt: Date;
  expiresAt: Date;
};

export type AgentViewer = {
  kind: "agent";
  shop: ShopRef;
  agent: { id: string; email: string; displayName: string; role: AgentRole };
  sessionId: string;
  // The open, unexpired support session; null in the console.
  impersonation: ImpersonationRef | null;
  subjectId: string | null;
  request: RequestMeta;
};

// Background work (export, erasure, sweeps) and single-use links: the job or link names
// itself, and acts on one customer (or none).
export type SystemViewer = {
  kind: "system";
  shop: ShopRef;
  // e.g. "export.build", "erasure.run", "unsubscribe-link".
  job: string;
  subjectId: string | null;
  request: RequestMeta;
};

// A partner (or the shop's own back office) calling the API with a key: one shop, some
// scopes. It names its subject per call (`customer(id:)`, `consentUpdate(customerId:)`);
// authorize checks that the customer is of the key's shop.
export type PartnerViewer = {
  kind: "partner";
  shop: ShopRef;
  apiKey: {
    id: string;
    name: string;
    scopes: readonly ApiScope[];
    // The secret this request presented (rotation keeps several alive).
    secretId: string;
    // The shop profile's recipient this partner is, if any.
    recipientKey: string | null;
  };
  subjectId: null;
  request: RequestMeta;
};

export type Viewer = AnonymousViewer | CustomerViewer | AgentViewer | SystemViewer | PartnerViewer;

export const ANONYMOUS: AnonymousViewer = { kind: "anonymous", subjectId: null, request: NO_REQUEST };

export function anonymousViewer(request: RequestMeta = NO_REQUEST): AnonymousViewer {
  return { kind: "anonymous", subjectId: null, request };
}

export function customerViewer(options: {
  shop: ShopRef;
  customerId: string;
  sessionId: string;
  authenticatedAt: Date;
  request?: RequestMeta;
}): CustomerViewer {
  return {
    kind: "customer",
    shop: options.shop,
    customerId: options.customerId,
    subjectId: options.customerId,
    sessionId: options.sessionId,
    authenticatedAt: options.authenticatedAt,
    request: options.request ?? NO_REQUEST,
  };
}

export function systemViewer(options: { shop: ShopRef; job: string; subjectId: string | null }): SystemViewer {
  return {
    kind: "system",
    shop: options.shop,
    job: options.job,
    subjectId: options.subjectId,
    request: { ip: null, userAgent: null, source: "job" },
  };
}

// The viewer's shop, or null when signed out.
export function shopOf(viewer: Viewer): ShopRef | null {
  return viewer.kind === "anonymous" ? null : viewer.shop;
}

const TOUCH_AFTER_MS = 5 * 60 * 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// The session kinds a cookie can name.
export type SessionKind = "customer" | "agent";

// Checks the session against the database on every request, in one query: a revoked or
// expired session, a deleted account, a disabled agent or an ended support session is
// signed out (or back in the console) at once.
export async function resolveSessionViewer(
  sessionId: string | null | undefined,
  request: RequestMeta = NO_REQUEST,
  kind: SessionKind = "customer",
): Promise<Viewer> {
  if (!sessionId || !UUID.test(sessionId)) return anonymousViewer(request);
  return kind === "agent" ? resolveAgentViewer(sessionId, request) : resolveCustomerViewer(sessionId, request);
}

// On the embedded database this process sees every write (server/db writeGeneration), so
// a session row read since the last completed write is still what the database holds:
// it is reused until any write lands (a revocation, an ended support session, a deleted
// account), and the next request after that reads again. Expiry is checked on every
// use. On PostgreSQL other instances write too: every request reads.
const sessionRows = globalThis as unknown as { __sessionRows?: Map<string, { generation: number; row: unknown }> };

async function sessionRow<T>(key: string, load: () => Promise<T | undefined>): Promise<T | undefined> {
  if (getDatabase().kind !== "pglite") return load();
  sessionRows.__sessionRows ??= new Map();
  const cache = sessionRows.__sessionRows;
  // Taken before reading: a write completing meanwhile leaves the entry stale at once.
  const generation = writeGeneration();
  const hit = cache.get(key);
  if (hit && hit.generation === generation) return hit.row as T | undefined;
  const row = await load();
  if (cache.size >= 10_000) cache.clear();
  cache.set(key, { generation, row });
  return row;
}

// One statement per request: the session, its account and its shop (the check that
// makes a revoked session or a deleted account signed out at the next request). Plain
// SQL through the driver: this runs on every request, and the ORM's own work would
// cost more than the query.
type CustomerSessionRow = {
  id: string;
  expiresAt: Date;
  lastSeenAt: Date;
  authenticatedAt: Date;
  customerId: string;
  handle: string;
};

async function resolveCustomerViewer(sessionId: string, request: RequestMeta): Promise<Viewer> {
  const raw = getDatabase().raw;
  const now = new Date();
  const session = await sessionRow(`customer:${sessionId}`, async () => {
    const [row] = await raw.query<CustomerSessionRow>(
      `SELECT s."id", s."expiresAt", s."lastSeenAt", s."authenticatedAt", c."id" AS "customerId", sh."handle"
         FROM "Session" s JOIN "Customer" c ON c."id" = s."customerId" JOIN "Shop" sh ON sh."id" = c."shopId"
        WHERE s."id" = $1 AND s."revokedAt" IS NULL`,
      [sessionId],
      { name: "viewer-customer-session" },
    );
    return row;
  });
  if (!session || new Date(session.expiresAt) <= now) return anonymousViewer(request);
  const shop = await findShop({ handle: session.handle });
  if (!shop) return anonymousViewer(request);
  if (now.getTime() - new Date(session.lastSeenAt).getTime() > TOUCH_AFTER_MS) {
    await raw.query(`UPDATE "Session" SET "lastSeenAt" = $2 WHERE "id" = $1`, [session.id, now]);
  }
  return customerViewer({
    shop,
    customerId: session.customerId,
    sessionId: session.id,
    authenticatedAt: new Date(session.authenticatedAt),
    request,
  });
}

type AgentSessionRow = {
  id: string;
  expiresAt: Date;
  lastSeenAt: Date;
  agentId: string;
  email: string;
  displayName: string;
  role: AgentRole;
  handle: string;
  impersonationId: string | null;
  customerId: string | null;
  reason: string | null;
  ticket: string | null;
  startedAt: Date | null;
  impersonationExpiresAt: Date | null;
};

async function resolveAgentViewer(sessionId: string, request: RequestMeta): Promise<Viewer> {
  const raw = getDatabase().raw;
  const now = new Date();
  // The open support session rides along (at most one per agent session: a partial
  // unique index).
  const session = await sessionRow(`agent:${sessionId}`, async () => {
    const [row] = await raw.query<AgentSessionRow>(
      `SELECT s."id", s."expiresAt", s."lastSeenAt", a."id" AS "agentId", a."email", a."displayName", a."role", sh."handle",
            i."id" AS "impersonationId", i."customerId", i."reason", i."ticket", i."startedAt",
            i."expiresAt" AS "impersonationExpiresAt"
       FROM "AgentSession" s JOIN "Agent" a ON a."id" = s."agentId" JOIN "Shop" sh ON sh."id" = a."shopId"
       LEFT JOIN "Impersonation" i ON i."agentSessionId" = s."id" AND i."endedAt" IS NULL
      WHERE s."id" = $1 AND s."revokedAt" IS NULL AND a."disabledAt" IS NULL`,
      [sessionId],
      { name: "viewer-agent-session" },
    );
    return row;
  });
  if (!session || new Date(session.expiresAt) <= now) return anonymousViewer(request);
  const shop = await findShop({ handle: session.handle });
  if (!shop) return anonymousViewer(request);
  if (now.getTime() - new Date(session.lastSeenAt).getTime() > TOUCH_AFTER_MS) {
    await raw.query(`UPDATE "AgentSession" SET "lastSeenAt" = $2 WHERE "id" = $1`, [session.id, now]);
  }
  const open =
    session.impersonationId && session.customerId && session.impersonationExpiresAt && session.startedAt
      ? {
          id: session.impersonationId,
          customerId: session.customerId,
          reason: session.reason ?? "",
          ticket: session.ticket ?? "",
          startedAt: new Date(session.startedAt),
          expiresAt: new Date(session.impersonationExpiresAt),
        }
      : null;
  const agent = { id: session.agentId, email: session.email, displayName: session.displayName, role: session.role };
  // An expired support session stops acting at once; the sweep in server/impersonation
  // (or the agent's next console visit) records its end.
  const impersonation = open && open.expiresAt > now ? open : null;
  return {
    kind: "agent",
    shop,
    agent,
    sessionId: session.id,
    impersonation,
    subjectId: impersonation?.customerId ?? null,
    request,
  };
}
