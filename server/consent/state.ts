import type { ActorType, ConsentSource, OptInLevel } from "../db/generated/enums";
import type { ConsentPurpose } from "./purposes";

// The consent state machine, as pure functions (unit-tested in test/unit/consent-state).
// The ledger holds GRANTED, WITHDRAWN and PENDING records; the state of a purpose is its
// latest record, and a purpose without any record is NOT_GIVEN.

export type RecordedConsentState = "GRANTED" | "WITHDRAWN" | "PENDING";
export type ConsentStateValue = RecordedConsentState | "NOT_GIVEN";

export type LedgerRecord = {
  id: string;
  purposeKey: string;
  state: RecordedConsentState;
  optInLevel: OptInLevel;
  source: ConsentSource;
  createdAt: Date;
};

export type CurrentConsent = {
  state: ConsentStateValue;
  optInLevel: OptInLevel | null;
  source: ConsentSource | null;
  updatedAt: Date | null;
};

export const NOT_GIVEN: CurrentConsent = { state: "NOT_GIVEN", optInLevel: null, source: null, updatedAt: null };

// Newer first: by time, then by id (uuid v7, time-ordered) for records of the same
// millisecond. The ledger also writes each purpose's records at strictly increasing
// times (see recordConsent), so the tie-break is a second line of defence.
export function isNewer(a: Pick<LedgerRecord, "createdAt" | "id">, b: Pick<LedgerRecord, "createdAt" | "id">): boolean {
  const t = a.createdAt.getTime() - b.createdAt.getTime();
  return t !== 0 ? t > 0 : a.id > b.id;
}

// The current state of one purpose from its records (in any order).
export function deriveConsentState(records: readonly LedgerRecord[]): CurrentConsent {
  let latest: LedgerRecord | null = null;
  for (const record of records) {
    if (!latest || isNewer(record, latest)) latest = record;
  }
  if (!latest) return NOT_GIVEN;
  return { state: latest.state, optInLevel: latest.optInLevel, source: latest.source, updatedAt: latest.createdAt };
}

// The current state of every purpose that has records.
export function deriveConsentStates(records: readonly LedgerRecord[]): Map<string, CurrentConsent> {
  const byPurpose = new Map<string, LedgerRecord[]>();
  for (const record of records) {
    const list = byPurpose.get(record.purposeKey);
    if (list) list.push(record);
    else byPurpose.set(record.purposeKey, [record]);
  }
  return new Map([...byPurpose].map(([key, list]) => [key, deriveConsentState(list)]));
}

export type EffectiveConsent = CurrentConsent & {
  // What the ledger says, before the rules below.
  recordedState: ConsentStateValue;
  isOverriddenByGlobalPrivacyControl: boolean;
};

// What holds for a purpose now: strictly necessary cookies are always on (they need no
// consent); while the browser sends Global Privacy Control and the shop honours it,
// the purposes it covers count as withdrawn whatever was recorded.
export function effectiveConsent(
  purpose: Pick<ConsentPurpose, "isRequired" | "isCoveredByGlobalPrivacyControl">,
  recorded: CurrentConsent,
  options: { globalPrivacyControl: boolean },
): EffectiveConsent {
  if (purpose.isRequired) {
    return { ...recorded, state: "GRANTED", recordedState: recorded.state, isOverriddenByGlobalPrivacyControl: false };
  }
  if (options.globalPrivacyControl && purpose.isCoveredByGlobalPrivacyControl) {
    return { ...recorded, state: "WITHDRAWN", recordedState: recorded.state, isOverriddenByGlobalPrivacyControl: true };
  }
  return { ...recorded, recordedState: recorded.state, isOverriddenByGlobalPrivacyControl: false };
}

export type RequestedState = "GRANTED" | "WITHDRAWN";

export type PlannedChange = {
  // The record to append; null when the purpose is already in the requested state.
  write: { state: RecordedConsentState; optInLevel: OptInLevel } | null;
  // Granting a purpose that needs double opt-in: a confirmation link is (re)sent.
  needsConfirmation: boolean;
};

// What one requested change does, given the purpose's recorded state. Withdrawals take
// effect at once (GDPR Art. 21: an objection to direct marketing needs no confirmation),
// and withdrawing a pending grant cancels it.
export function planConsentChange(
  purpose: Pick<ConsentPurpose, "isRequired" | "requiresConfirmation">,
  recorded: CurrentConsent,
  requested: RequestedState,
  // A partner's statement that it confirmed the grant itself: no link is sent.
  attestedOptIn?: "CONFIRMED",
): PlannedChange {
  if (requested === "WITHDRAWN") {
    if (purpose.isRequired) throw new Error("A required purpose cannot be withdrawn.");
    if (recorded.state === "WITHDRAWN") return { write: null, needsConfirmation: false };
    return { write: { state: "WITHDRAWN", optInLevel: recorded.optInLevel ?? "SINGLE" }, needsConfirmation: false };
  }
  // Strictly necessary cookies are on without any record.
  if (purpose.isRequired || recorded.state === "GRANTED") return { write: null, needsConfirmation: false };
  if (attestedOptIn === "CONFIRMED")
    return { write: { state: "GRANTED", optInLevel: "CONFIRMED" }, needsConfirmation: false };
  if (purpose.requiresConfirmation) {
    // Still pending: no new record, but a fresh link if the last one is gone.
    if (recorded.state === "PENDING") return { write: null, needsConfirmation: true };
    return { write: { state: "PENDING", optInLevel: "SINGLE" }, needsConfirmation: true };
  }
  return { write: { state: "GRANTED", optInLevel: "SINGLE" }, needsConfirmation: false };
}

// Who made the choice; `impersonationId` when a support agent recorded it in the account.
export type ConsentActor = { type: ActorType; id: string | null; impersonationId?: string | null };
