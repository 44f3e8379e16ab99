import "server-only";
import { z } from "zod";
import { authorize, type Scope, tryAuthorize } from "../auth/authorize";
import type { Viewer } from "../auth/viewer";
import { decodeCursor, type Page, pageSize } from "../data-map/view";
import { getPrisma, type Prisma } from "../db";
import type { ActorType, ConsentSource, OptInLevel } from "../db/generated/enums";
import { AppError, type FieldError } from "../errors";
import { tryDeliverPendingEmails } from "../mail";
import { recordSelfServiceRequest } from "../requests/self-service";
import type { ShopRef } from "../tenants";
import { liveConfirmationKeys, sendConsentConfirmation } from "./confirmation";
import {
  auditConsentChanges,
  currentConsents,
  lockConsents,
  recordConsent,
  requiredMessage,
  type WrittenChange,
} from "./ledger";
import { type ConsentPurpose, consentPurposes, findConsentPurpose, PURPOSE_KEY_PATTERN } from "./purposes";
import {
  type ConsentActor,
  type EffectiveConsent,
  effectiveConsent,
  NOT_GIVEN,
  planConsentChange,
  type RecordedConsentState,
  type RequestedState,
} from "./state";

// Consent as records, not booleans (GDPR Art. 7 and 21): the signed-in customer's
// current choices per purpose the shop offers, their full history, and changes applied
// all together or not at all. Double opt-in lives in ./confirmation, one-click
// unsubscribe in ./unsubscribe, marketing mail in ./marketing.

export type { ConsentPurpose } from "./purposes";

export type ConsentView = EffectiveConsent & { purpose: ConsentPurpose };

export type ConsentRecordView = {
  id: string;
  purposeKey: string;
  // Null when the shop no longer offers the purpose.
  purpose: ConsentPurpose | null;
  state: RecordedConsentState;
  optInLevel: OptInLevel;
  source: ConsentSource;
  actorType: ActorType;
  policyVersion: string;
  createdAt: Date;
};

// The shop honours the browser's signal and this request carries it.
export function isGlobalPrivacyControlApplied(shop: ShopRef, globalPrivacyControl: boolean): boolean {
  return globalPrivacyControl && shop.profile.cookies.honoursGlobalPrivacyControl;
}

const consentActorOf = (scope: Scope): ConsentActor => ({
  type: scope.actor.actorType,
  id: scope.actor.actorId,
  impersonationId: scope.actor.impersonationId,
});

// Where a change comes from: the customer's own page, a support agent acting in the
// account, or a partner's server through the API.
const sourceOf = (scope: Scope): ConsentSource =>
  scope.actor.actorType === "AGENT"
    ? "SUPPORT_AGENT"
    : scope.actor.actorType === "PARTNER"
      ? "PARTNER_API"
      : "ACCOUNT_PAGE";

async function consentsOf(
  db: Parameters<typeof currentConsents>[0],
  shop: ShopRef,
  customerId: string,
  globalPrivacyControl: boolean,
): Promise<ConsentView[]> {
  const current = await currentConsents(db, { shopId: shop.id, customerId });
  const gpc = isGlobalPrivacyControlApplied(shop, globalPrivacyControl);
  return consentPurposes(shop.profile).map((purpose) => ({
    purpose,
    ...effectiveConsent(purpose, current.get(purpose.key) ?? NOT_GIVEN, { globalPrivacyControl: gpc }),
  }));
}

// One entry per purpose the shop offers, in the profile's order.
export async function getConsents(options: {
  viewer: Viewer;
  customerId?: string;
  globalPrivacyControl: boolean;
}): Promise<ConsentView[]> {
  const scope = await authorize(options.viewer, "consents.read", options.customerId);
  return consentsOf(getPrisma(), scope.shop, scope.customerId, options.globalPrivacyControl);
}

const recordSelect = {
  id: true,
  purposeKey: true,
  state: true,
  optInLevel: true,
  source: true,
  actorType: true,
  policyVersion: true,
  createdAt: true,
} as const;

type RecordRow = Prisma.ConsentRecordGetPayload<{ select: typeof recordSelect }>;

const toRecordView = (shop: ShopRef, row: RecordRow): ConsentRecordView => ({
  ...row,
  purpose: findConsentPurpose(shop.profile, row.purposeKey),
});

// The customer's consent records, newest first.
export async function getConsentHistory(options: {
  viewer: Viewer;
  // The customer the call is about (a Customer field passes its parent): must be the subject.
  customerId?: string;
  first?: number | null;
  after?: string | null;
}): Promise<Page<ConsentRecordView>> {
  const scope = await authorize(options.viewer, "consents.read", options.customerId);
  const take = pageSize(options.first);
  const cursorId = decodeCursor(options.after);
  const prisma = getPrisma();
  const where = { customerId: scope.customerId, shopId: scope.shop.id };
  let before: Prisma.ConsentRecordWhereInput = {};
  if (cursorId) {
    // The cursor must be one of the viewer's own records.
    const cursor = await prisma.consentRecord.findFirst({
      where: { ...where, id: cursorId },
      select: { id: true, createdAt: true },
    });
    if (!cursor) throw new AppError("INVALID_INPUT", "The `after` cursor is not valid.");
    before = {
      OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }],
    };
  }
  const [rows, totalCount] = await Promise.all([
    prisma.consentRecord.findMany({
      where: { ...where, ...before },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: take + 1,
      select: recordSelect,
    }),
    prisma.consentRecord.count({ where }),
  ]);
  return {
    nodes: rows.slice(0, take).map((row) => toRecordView(scope.shop, row)),
    hasNextPage: rows.length > take,
    totalCount,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// For node(id:): the record only when it is the viewer's own.
export async function findConsentRecord(options: {
  viewer: Viewer;
  customerId?: string;
  id: string;
}): Promise<ConsentRecordView | null> {
  const scope = await tryAuthorize(options.viewer, "consents.read");
  if (!scope || !UUID.test(options.id)) return null;
  const row = await getPrisma().consentRecord.findFirst({
    where: { id: options.id, customerId: scope.customerId, shopId: scope.shop.id },
    select: recordSelect,
  });
  return row ? toRecordView(scope.shop, row) : null;
}

// ---- Changes ----

const changeSchema = z.object(
  {
    key: z
      .string({ error: "Name the purpose by its key." })
      .trim()
      .min(1, "Name the purpose by its key.")
      .max(200, "A purpose key has at most 200 characters."),
    state: z.enum(["GRANTED", "WITHDRAWN"], {
      error: "Choose GRANTED or WITHDRAWN. PENDING and NOT_GIVEN are states the service sets, not choices.",
    }),
    optInLevel: z.enum(["SINGLE", "CONFIRMED"], { error: "Choose SINGLE or CONFIRMED." }).nullish(),
  },
  { error: "Each change needs a purpose key and a state." },
);

// The list's own shape; each change is checked on its own below, so that one bad change
// does not hide the others.
export const consentChangesSchema = z
  .array(z.unknown(), { error: "Send the changes as a list." })
  .max(100, "Send at most 100 changes at once.");

const updateSchema = z.object(
  { changes: consentChangesSchema.min(1, "Send at least one change.") },
  { error: "Send the changes." },
);

export type ValidConsentChange = {
  purpose: ConsentPurpose;
  state: RequestedState;
  // A partner's statement that it confirmed a grant itself (double opt-in done on its side).
  attestedOptIn?: "CONFIRMED";
};

// Checks every change against the shop's purposes at once, so a form can mark every
// bad row; the paths name the change's index (["input", "changes", "2", "key"]).
export function validateConsentChanges(
  shop: ShopRef,
  input: unknown,
  options: { path: string[]; globalPrivacyControl: boolean; mayStateOptInLevel?: boolean },
): ValidConsentChange[] {
  const parsed = consentChangesSchema.safeParse(input);
  const at = (i: number, field?: string) => [...options.path, String(i), ...(field ? [field] : [])];
  const issueErrors = (issues: z.core.$ZodIssue[], path: string[]): FieldError[] =>
    issues.map((issue) => ({
      field: [...path, ...issue.path.map(String)],
      code: "INVALID_INPUT" as const,
      message: issue.message,
    }));
  if (!parsed.success) {
    throw new AppError(
      "INVALID_INPUT",
      "Check the highlighted changes.",
      issueErrors(parsed.error.issues, options.path),
    );
  }
  const errors: FieldError[] = [];
  const fail = (field: string[], message: string, code: FieldError["code"] = "INVALID_INPUT") =>
    errors.push({ field, code, message });
  const purposes = new Map(consentPurposes(shop.profile).map((p) => [p.key, p]));
  const seen = new Map<string, number>();
  const gpc = isGlobalPrivacyControlApplied(shop, options.globalPrivacyControl);
  const valid: ValidConsentChange[] = [];
  parsed.data.forEach((item, i) => {
    const shaped = changeSchema.safeParse(item);
    if (!shaped.success) {
      errors.push(...issueErrors(shaped.error.issues, at(i)));
      return;
    }
    const change = shaped.data;
    const first = seen.get(change.key);
    if (first !== undefined) {
      fail(at(i, "key"), `"${change.key}" is already change ${first + 1}. Send one change per purpose.`);
      return;
    }
    seen.set(change.key, i);
    if (!PURPOSE_KEY_PATTERN.test(change.key)) {
      fail(
        at(i, "key"),
        `"${change.key}" is not a purpose key. Keys look like "marketing:email:offers", "profiling", "third-party-marketing" or "cookies:analytics".`,
      );
      return;
    }
    const purpose = purposes.get(change.key);
    if (!purpose) {
      fail(at(i, "key"), `${shop.name} does not offer "${change.key}".`, "NOT_FOUND");
      return;
    }
    if (purpose.isRequired && change.state === "WITHDRAWN") {
      fail(at(i, "state"), requiredMessage(purpose.label));
      return;
    }
    if (gpc && purpose.isCoveredByGlobalPrivacyControl && change.state === "GRANTED") {
      fail(
        at(i, "state"),
        `Your browser sends the Global Privacy Control signal, which ${shop.name} honours as a refusal of "${purpose.label}". To allow it, turn Global Privacy Control off in your browser first.`,
        "CONFLICT",
      );
      return;
    }
    if (change.optInLevel && !options.mayStateOptInLevel) {
      fail(at(i, "optInLevel"), "Only a partner key states how a consent was collected. Leave optInLevel out.");
      return;
    }
    if (change.optInLevel && change.state === "WITHDRAWN") {
      fail(at(i, "optInLevel"), "A withdrawal has no opt-in level. Leave optInLevel out.");
      return;
    }
    valid.push({
      purpose,
      state: change.state,
      ...(change.optInLevel === "CONFIRMED" ? { attestedOptIn: "CONFIRMED" as const } : {}),
    });
  });
  if (errors.length) throw new AppError("INVALID_INPUT", "Check the highlighted changes.", errors);
  return valid;
}

export type AppliedChanges = { changes: WrittenChange[]; isConfirmationSent: boolean };

// Applies validated changes in the caller's transaction (which holds the customer's
// lock): appends a record for each change of state, mails a double opt-in link when a
// grant needs one, and writes one audit event. A change to the current state writes
// nothing.
export async function applyConsentChanges(
  tx: Prisma.TransactionClient,
  input: {
    shop: ShopRef;
    customerId: string;
    changes: ValidConsentChange[];
    source: ConsentSource;
    actor: ConsentActor;
  },
): Promise<AppliedChanges> {
  const { shop, customerId } = input;
  const owner = { shopId: shop.id, customerId };
  const current = await currentConsents(tx, owner);
  const written: WrittenChange[] = [];
  let needsLink = false;
  let live: Set<string> | null = null;
  for (const change of input.changes) {
    const recorded = current.get(change.purpose.key) ?? NOT_GIVEN;
    const plan = planConsentChange(change.purpose, recorded, change.state, change.attestedOptIn);
    if (plan.write) {
      await recordConsent(tx, {
        shop,
        customerId,
        purposeKey: change.purpose.key,
        state: plan.write.state,
        optInLevel: plan.write.optInLevel,
        source: input.source,
        actor: input.actor,
      });
      written.push({ purposeKey: change.purpose.key, from: recorded.state, to: plan.write.state });
    }
    if (plan.needsConfirmation) {
      // Already pending with a link that still works: nothing to send again.
      live ??= await liveConfirmationKeys(tx, owner, new Date());
      if (plan.write || !live.has(change.purpose.key)) needsLink = true;
    }
  }
  if (needsLink) await sendConsentConfirmation(tx, { shop, customerId });
  // A withdrawal (GDPR Art. 7(3), 21(3)), in the request history and metrics: once per
  // change, however many purposes it withdrew.
  if (written.some((w) => w.to === "WITHDRAWN" && w.from !== "NOT_GIVEN" && w.from !== "WITHDRAWN")) {
    await recordSelfServiceRequest(tx, {
      shop,
      customerId,
      type: "WITHDRAW_CONSENT",
      actor: {
        actorType: input.actor.type,
        actorId: input.actor.id,
        impersonationId: input.actor.impersonationId ?? null,
      },
    });
  }
  await auditConsentChanges(tx, { ...owner, actor: input.actor, source: input.source, changes: written });
  return { changes: written, isConfirmationSent: needsLink };
}

export type ConsentUpdateResult = { consents: ConsentView[]; isConfirmationSent: boolean; changes: WrittenChange[] };

// consentUpdate: every change or none, from the account page.
export async function updateConsents(options: {
  viewer: Viewer;
  // The customer the call is about (a Customer field passes its parent): must be the subject.
  customerId?: string;
  input: unknown;
  globalPrivacyControl: boolean;
}): Promise<ConsentUpdateResult> {
  if (options.viewer.kind === "partner" && options.customerId === undefined) {
    const message = "Name the customer whose consents change (their global ID).";
    throw new AppError("INVALID_INPUT", message, [{ field: ["input", "customerId"], code: "INVALID_INPUT", message }]);
  }
  const scope = await authorize(options.viewer, "consent.withdraw", options.customerId);
  const parsed = updateSchema.safeParse(options.input);
  if (!parsed.success) {
    throw new AppError(
      "INVALID_INPUT",
      "Check the highlighted changes.",
      parsed.error.issues.map((issue) => ({
        field: ["input", ...issue.path.map(String)],
        code: "INVALID_INPUT" as const,
        message: issue.message,
      })),
    );
  }
  const changes = validateConsentChanges(scope.shop, parsed.data.changes, {
    path: ["input", "changes"],
    globalPrivacyControl: options.globalPrivacyControl,
    mayStateOptInLevel: options.viewer.kind === "partner",
  });
  // Anyone acting in the account may record a withdrawal; a grant is the customer's own.
  if (changes.some((change) => change.state !== "WITHDRAWN"))
    await authorize(options.viewer, "consent.grant", options.customerId);
  const owner = { shopId: scope.shop.id, customerId: scope.customerId };
  const applied = await getPrisma().$transaction(async (tx) => {
    if (!(await lockConsents(tx, owner))) throw new AppError("NOT_FOUND", "Customer not found.");
    return applyConsentChanges(tx, {
      shop: scope.shop,
      customerId: scope.customerId,
      changes,
      source: sourceOf(scope),
      actor: consentActorOf(scope),
    });
  });
  // After commit, best effort: a double opt-in link not sent now stays queued.
  if (applied.isConfirmationSent) await tryDeliverPendingEmails({ shopId: scope.shop.id });
  return {
    consents: await getConsents({
      viewer: options.viewer,
      customerId: scope.customerId,
      globalPrivacyControl: options.globalPrivacyControl,
    }),
    ...applied,
  };
}

// consentApplyGlobalPrivacyControl: records the browser's signal as a withdrawal of
// every purpose it covers that is still granted (or pending), so it holds beyond this
// browser, e.g. for mail and for partners. Running it again writes nothing.
export async function applyGlobalPrivacyControl(options: {
  viewer: Viewer;
  // The customer the call is about (a Customer field passes its parent): must be the subject.
  customerId?: string;
  globalPrivacyControl: boolean;
}): Promise<{ consents: ConsentView[]; withdrawn: ConsentPurpose[] }> {
  // The browser's own signal: only the customer's browser sends it.
  if (options.viewer.kind === "partner") {
    throw new AppError("FORBIDDEN", "Only the customer's own browser sends the Global Privacy Control signal.");
  }
  const scope = await authorize(options.viewer, "consent.grant", options.customerId);
  const { shop } = scope;
  if (!shop.profile.cookies.honoursGlobalPrivacyControl) {
    throw new AppError(
      "INVALID_INPUT",
      `${shop.name} does not apply the Global Privacy Control signal. Change your choices one by one instead.`,
    );
  }
  if (!options.globalPrivacyControl) {
    throw new AppError(
      "INVALID_INPUT",
      "Your browser did not send the Global Privacy Control signal (Sec-GPC: 1) with this request.",
    );
  }
  const owner = { shopId: shop.id, customerId: scope.customerId };
  const actor = consentActorOf(scope);
  const withdrawn = await getPrisma().$transaction(async (tx) => {
    if (!(await lockConsents(tx, owner))) throw new AppError("NOT_FOUND", "Customer not found.");
    const current = await currentConsents(tx, owner);
    const changes: WrittenChange[] = [];
    const purposes: ConsentPurpose[] = [];
    for (const purpose of consentPurposes(shop.profile)) {
      const state = current.get(purpose.key)?.state ?? "NOT_GIVEN";
      if (!purpose.isCoveredByGlobalPrivacyControl || (state !== "GRANTED" && state !== "PENDING")) continue;
      const plan = planConsentChange(purpose, current.get(purpose.key) ?? NOT_GIVEN, "WITHDRAWN");
      if (!plan.write) continue;
      await recordConsent(tx, {
        shop,
        customerId: scope.customerId,
        purposeKey: purpose.key,
        state: "WITHDRAWN",
        optInLevel: plan.write.optInLevel,
        source: "GLOBAL_PRIVACY_CONTROL",
        actor,
      });
      changes.push({ purposeKey: purpose.key, from: state, to: "WITHDRAWN" });
      purposes.push(purpose);
    }
    await auditConsentChanges(tx, { ...owner, actor, source: "GLOBAL_PRIVACY_CONTROL", changes });
    return purposes;
  });
  return { consents: await getConsents({ viewer: options.viewer, globalPrivacyControl: true }), withdrawn };
}
