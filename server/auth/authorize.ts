import "server-only";
import { API_SCOPES, type ApiScope } from "../api-keys/scopes";
import { recordAuditEvent } from "../audit";
import { getPrisma } from "../db";
import type { ActorType, AgentRole } from "../db/generated/enums";
import { AppError } from "../errors";
import type { ShopRef } from "../tenants";
import type { AgentViewer, PartnerViewer, Viewer } from "./viewer";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// The one authorization entry point (DESIGN.md, "Who acts for whom"). A service names
// the action it is about to take; `authorize` answers with the scope its `where` uses
// (the shop and the subject customer), or refuses. Services never read "the customer"
// off the viewer themselves.

export const READ_ACTIONS = [
  "account.read", // the account's summary, status and details
  "data.read", // My data: categories, records, orders in detail
  "documents.read", // the list of invoices and warranty certificates
  "consents.read", // marketing and cookie choices and their history
  "exports.read", // the list of exports and their downloads
  "deletion.read", // the deletion request and what erasure would do
  "access-log.read", // sign-ins, support sessions, partners, reveals, downloads
  "support-access.read", // whether support staff may act in the account
  "requests.read", // rights requests, their timeline and due dates
] as const;

export const WRITE_ACTIONS = [
  "account.update", // correct names, date of birth, gender, hometown, phones
  "address.write",
  "data.reveal", // show a masked value
  "document.download",
  "consent.withdraw",
  "consent.grant",
  "export.create",
  "export.download",
  "email.change",
  "password.change",
  "session.reauthenticate",
  "deletion.request",
  "deletion.confirm",
  "deletion.cancel",
  "support-access.manage", // grant or revoke support access
  "social.link",
  "social.unlink", // unlink a provider, erase what it gave us
  "invitation.send",
  "invitation.manage", // withdraw an invitation, erase friends' details
  "request.create", // file a rights request
  "request.update", // add information to a request, withdraw it
] as const;

export type ReadAction = (typeof READ_ACTIONS)[number];
export type WriteAction = (typeof WRITE_ACTIONS)[number];
export type Action = ReadAction | WriteAction;

// What a support agent may do while acting in a customer's account. Everything else is
// refused (FORBIDDEN, nothing changed, the attempt audited): the account's credentials
// and address, deletion, exports of the whole account, social links, invitations,
// granting marketing consent (an agent may record a withdrawal) and managing the
// customer's own permission for support access. Revealing masked values (national ID,
// date of birth, phone numbers) is for privacy officers only.
const SUPPORT_ALLOWED: readonly Action[] = [
  ...READ_ACTIONS,
  "account.update",
  "address.write",
  "document.download",
  "consent.withdraw",
  "deletion.cancel",
];
const AGENT_ALLOWED: Record<AgentRole, ReadonlySet<Action>> = {
  SUPPORT: new Set(SUPPORT_ALLOWED),
  PRIVACY_OFFICER: new Set<Action>([...SUPPORT_ALLOWED, "data.reveal"]),
};

export function isAllowedForAgent(role: AgentRole, action: Action): boolean {
  return AGENT_ALLOWED[role].has(action);
}

export const REFUSED_WHILE_IMPERSONATING_MESSAGE =
  "Support staff cannot do this in a customer's account. Ask the customer to do it themselves.";

// Who did it, for audit rows and consent records.
export type AuditActor = { actorType: ActorType; actorId: string | null; impersonationId: string | null };

export function actorOf(viewer: Viewer): AuditActor {
  switch (viewer.kind) {
    case "customer":
      return { actorType: "CUSTOMER", actorId: viewer.customerId, impersonationId: null };
    case "agent":
      return { actorType: "AGENT", actorId: viewer.agent.id, impersonationId: viewer.impersonation?.id ?? null };
    case "system":
      return { actorType: "SYSTEM", actorId: null, impersonationId: null };
    case "partner":
      return { actorType: "PARTNER", actorId: viewer.apiKey.id, impersonationId: null };
    default:
      throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
  }
}

export type Scope = {
  shop: ShopRef;
  // The subject: the customer the request acts on.
  customerId: string;
  actor: AuditActor;
  viewer: Viewer;
};

// Refusals of agents are audited in a transaction of their own (the refused change is
// never made, so there is nothing to commit with), naming what was refused.
async function recordRefusal(viewer: AgentViewer, action: Action, reason: "NOT_ALLOWED" | "NO_SESSION") {
  await getPrisma().$transaction((tx) =>
    recordAuditEvent(tx, {
      shopId: viewer.shop.id,
      customerId: viewer.impersonation?.customerId ?? null,
      ...actorOf(viewer),
      action: "impersonation.refused",
      details: { attempted: action, reason },
    }),
  );
}

// What an agent looked at, once per support session and kind of data: the customer's
// access log lists it. Remembered per process only to spare the chain a row on every
// page; another instance (or a restart) records the view once more, which is harmless.
const viewsRecorded = globalThis as unknown as { __agentViews?: Set<string> };
async function recordAgentView(viewer: AgentViewer, action: ReadAction): Promise<void> {
  const session = viewer.impersonation;
  if (!session) return;
  viewsRecorded.__agentViews ??= new Set();
  const key = `${session.id}:${action}`;
  if (viewsRecorded.__agentViews.has(key)) return;
  // Taken before the write: one page asks several resolvers at once, and each would
  // otherwise find the key missing and record the same view again.
  if (viewsRecorded.__agentViews.size >= 10_000) viewsRecorded.__agentViews.clear();
  viewsRecorded.__agentViews.add(key);
  try {
    await getPrisma().$transaction((tx) =>
      recordAuditEvent(tx, {
        shopId: viewer.shop.id,
        customerId: session.customerId,
        ...actorOf(viewer),
        action: "impersonation.view",
        details: { viewed: action },
      }),
    );
  } catch (error) {
    viewsRecorded.__agentViews.delete(key);
    throw error;
  }
}

const isReadAction = (action: Action): action is ReadAction => (READ_ACTIONS as readonly string[]).includes(action);

function scopeFor(viewer: Exclude<Viewer, { kind: "anonymous" }>, customerId: string): Scope {
  return { shop: viewer.shop, customerId, actor: actorOf(viewer), viewer };
}

// The scope for `action` on the viewer's subject (or on `subjectId`, which must be the
// subject: nobody acts on a customer other than the one the request is about).
// Throws UNAUTHENTICATED (signed out), NOT_FOUND (another customer: whether they exist
// is not revealed) or FORBIDDEN (an action the actor may not take).
export async function authorize(viewer: Viewer, action: Action, subjectId?: string): Promise<Scope> {
  switch (viewer.kind) {
    case "anonymous":
      throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
    case "customer":
    case "system": {
      if (!viewer.subjectId) throw new AppError("FORBIDDEN", "This needs a customer.");
      if (subjectId !== undefined && subjectId !== viewer.subjectId) {
        throw new AppError("NOT_FOUND", "Customer not found.");
      }
      return scopeFor(viewer, viewer.subjectId);
    }
    case "agent": {
      const session = viewer.impersonation;
      if (!session) {
        await recordRefusal(viewer, action, "NO_SESSION");
        throw new AppError("FORBIDDEN", "Start a support session with a reason before acting in a customer's account.");
      }
      if (subjectId !== undefined && subjectId !== session.customerId) {
        throw new AppError("NOT_FOUND", "Customer not found.");
      }
      if (!isAllowedForAgent(viewer.agent.role, action)) {
        await recordRefusal(viewer, action, "NOT_ALLOWED");
        throw new AppError("FORBIDDEN", REFUSED_WHILE_IMPERSONATING_MESSAGE);
      }
      if (isReadAction(action)) await recordAgentView(viewer, action);
      return scopeFor(viewer, session.customerId);
    }
    case "partner":
      return authorizePartner(viewer, action, subjectId);
  }
}

// What each scope of a partner key unlocks. Anything not here (My data in detail,
// documents, exports, deletion, credentials, support access) is never open to a key.
const SCOPE_ACTIONS: Record<ApiScope, readonly Action[]> = {
  "customers:read": ["account.read"],
  "consents:read": ["consents.read"],
  "consents:write": ["consent.grant", "consent.withdraw"],
  "requests:read": ["requests.read"],
  "requests:write": ["request.create"],
  "webhooks:manage": [],
  "policy:read": [],
};

export function isAllowedForPartner(scopes: readonly ApiScope[], action: Action): boolean {
  return scopes.some((scope) => SCOPE_ACTIONS[scope].includes(action));
}

export function scopeNeededFor(action: Action): ApiScope | null {
  for (const scope of API_SCOPES) if (SCOPE_ACTIONS[scope].includes(action)) return scope;
  return null;
}

// A customer whose restriction of processing was granted (GDPR Art. 18): their data is
// stored but not used, so partners get none of it and may not record new consent.
// Withdrawals, requests and their status stay open to a key with the scope.
const RESTRICTED_FOR_PARTNERS: readonly Action[] = ["account.read", "consents.read", "consent.grant"];
export const RESTRICTED_MESSAGE =
  "This customer has restricted the use of their data (GDPR Art. 18): it is not shared with partners.";

async function isRestricted(viewer: PartnerViewer, customerId: string): Promise<boolean> {
  const row = await getPrisma().customer.findFirst({
    where: { id: customerId, shopId: viewer.shop.id },
    select: { restrictedAt: true },
  });
  return Boolean(row?.restrictedAt);
}

// Customers of the key's shop that exist and are not erased, remembered per request
// (one viewer per request): a page of consents asks several times.
const partnerSubjects = new WeakMap<PartnerViewer, Set<string>>();

async function isCustomerOfShop(viewer: PartnerViewer, customerId: string): Promise<boolean> {
  let known = partnerSubjects.get(viewer);
  if (known?.has(customerId)) return true;
  if (!UUID.test(customerId)) return false;
  const found = await getPrisma().customer.findFirst({
    where: { id: customerId, shopId: viewer.shop.id, status: { not: "ERASED" } },
    select: { id: true },
  });
  if (!found) return false;
  if (!known) {
    known = new Set();
    partnerSubjects.set(viewer, known);
  }
  known.add(customerId);
  return true;
}

async function authorizePartner(viewer: PartnerViewer, action: Action, subjectId?: string): Promise<Scope> {
  if (!isAllowedForPartner(viewer.apiKey.scopes, action)) {
    const scope = scopeNeededFor(action);
    throw new AppError(
      "FORBIDDEN",
      scope ? `This API key lacks the scope ${scope}.` : "API keys cannot do this; only the customer can.",
    );
  }
  // A partner always names the customer; one of another shop is "not found", like one
  // that does not exist.
  if (subjectId === undefined) throw new AppError("INVALID_INPUT", "Name the customer (customerId).");
  if (!(await isCustomerOfShop(viewer, subjectId))) throw new AppError("NOT_FOUND", "Customer not found.");
  if (RESTRICTED_FOR_PARTNERS.includes(action) && (await isRestricted(viewer, subjectId))) {
    throw new AppError("FORBIDDEN", RESTRICTED_MESSAGE);
  }
  await recordPartnerAccess(viewer, action, subjectId);
  return scopeFor(viewer, subjectId);
}

// Every partner read of a customer's data appears in the customer's access log: once
// per key, customer, kind of data and day (remembered per process, like agents' views;
// another instance may record the same read again, which is harmless). Changes are
// audited by the services that make them.
const partnerReads = globalThis as unknown as { __partnerReads?: Set<string> };
async function recordPartnerAccess(viewer: PartnerViewer, action: Action, customerId: string): Promise<void> {
  if (!isReadAction(action)) return;
  partnerReads.__partnerReads ??= new Set();
  const day = new Date().toISOString().slice(0, 10);
  const key = `${viewer.apiKey.id}:${customerId}:${action}:${day}`;
  if (partnerReads.__partnerReads.has(key)) return;
  if (partnerReads.__partnerReads.size >= 50_000) partnerReads.__partnerReads.clear();
  partnerReads.__partnerReads.add(key);
  try {
    await getPrisma().$transaction((tx) =>
      recordAuditEvent(tx, {
        shopId: viewer.shop.id,
        customerId,
        ...actorOf(viewer),
        action: "partner.read",
        details: { viewed: action, apiKeyName: viewer.apiKey.name },
      }),
    );
  } catch (error) {
    partnerReads.__partnerReads.delete(key);
    throw error;
  }
}

// Whether the viewer's actor may take `action` in the subject's account, without
// recording anything: for deciding what to offer (a download link), never for doing it.
export function canActorTake(viewer: Viewer, action: Action): boolean {
  switch (viewer.kind) {
    case "anonymous":
      return false;
    case "agent":
      return viewer.impersonation !== null && isAllowedForAgent(viewer.agent.role, action);
    case "partner":
      return isAllowedForPartner(viewer.apiKey.scopes, action);
    default:
      return viewer.subjectId !== null;
  }
}

// For lookups that answer "nothing" rather than an error (node(id:), optional fields):
// the scope, or null when the viewer may not read.
export async function tryAuthorize(viewer: Viewer, action: ReadAction, subjectId?: string): Promise<Scope | null> {
  if (viewer.kind === "anonymous") return null;
  if (viewer.kind === "agent" && !viewer.impersonation) return null;
  // A key without the scope is told so: that is the key's setup, not "nothing here".
  if (viewer.kind === "partner" && !isAllowedForPartner(viewer.apiKey.scopes, action)) {
    return authorize(viewer, action, subjectId);
  }
  try {
    return await authorize(viewer, action, subjectId);
  } catch (error) {
    // A restricted customer is not "nothing": the partner is told why (GDPR Art. 18).
    if (error instanceof AppError && error.message === RESTRICTED_MESSAGE) throw error;
    if (error instanceof AppError) return null;
    throw error;
  }
}

// The signed-in customer acting on themselves: for the few things only the account's
// owner can do in person (their own session, their password).
export function requireSelf(viewer: Viewer) {
  if (viewer.kind === "customer") return viewer;
  if (viewer.kind === "anonymous") throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
  if (viewer.kind === "partner") throw new AppError("FORBIDDEN", "API keys cannot do this; only the customer can.");
  throw new AppError("FORBIDDEN", REFUSED_WHILE_IMPERSONATING_MESSAGE);
}
