// The staff pages' rights-request enums in words, and the due date in days.

// Staff's own names for the types, for the queue's filter (the shop's policy words are
// on each request, as its label).
export const REQUEST_TYPE_WORDS: Record<string, string> = {
  RESTRICTION: "Restriction of processing",
  OBJECTION: "Objection",
  AUTOMATED_DECISION: "Review of an automated decision",
  DISPUTED_CORRECTION: "Disputed correction",
  ACCESS: "Copy of the data (self-service)",
  RECTIFICATION: "Correction in the account (self-service)",
  ERASURE: "Deletion of the account (self-service)",
  WITHDRAW_CONSENT: "Withdrawal of consent (self-service)",
};

export const FILED_TYPES = ["RESTRICTION", "OBJECTION", "AUTOMATED_DECISION", "DISPUTED_CORRECTION"] as const;
export const SELF_SERVICE_TYPES = ["ACCESS", "RECTIFICATION", "ERASURE", "WITHDRAW_CONSENT"] as const;
export const ALL_TYPES = [...FILED_TYPES, ...SELF_SERVICE_TYPES];

export const REQUEST_STATUS_WORDS: Record<string, string> = {
  AWAITING_VERIFICATION: "Waiting for a check of the representative's authority",
  OPEN: "Open",
  CLOSED: "Closed",
  WITHDRAWN: "Withdrawn by the customer",
};

export const OUTCOME_WORDS: Record<string, string> = {
  GRANTED: "Granted",
  PARTLY_GRANTED: "Partly granted",
  REFUSED: "Refused",
};

export const FILER_WORDS: Record<string, string> = {
  CUSTOMER: "The customer, signed in",
  REPRESENTATIVE: "An authorised agent or representative",
  PARTNER: "A partner, through the API",
};

export const ACTOR_WORDS: Record<string, string> = {
  CUSTOMER: "The customer",
  AGENT: "Staff",
  PARTNER: "A partner",
  SYSTEM: "Automatic",
};

export const isOpenStatus = (status: string) => status === "OPEN" || status === "AWAITING_VERIFICATION";

// "Closed: granted", "Open", …
export function statusWords(request: { status: string; outcome?: string | null; selfService?: boolean }): string {
  if (request.status === "CLOSED" && request.selfService) return "Done at once in the account";
  if (request.status === "CLOSED" && request.outcome) {
    return `Closed: ${(OUTCOME_WORDS[request.outcome] ?? request.outcome).toLowerCase()}`;
  }
  return REQUEST_STATUS_WORDS[request.status] ?? request.status;
}

// Whole days from one calendar day ("2026-11-22") to another.
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export type DueBadge = { text: string; tone: "overdue" | "soon" | "later" };

// How an open request stands against its due date, from the shop's today; null for a
// closed one.
export function dueBadge(
  request: { status: string; dueOn: string; isOverdue: boolean },
  today: string,
): DueBadge | null {
  if (!isOpenStatus(request.status)) return null;
  const days = daysBetween(today, request.dueOn);
  if (request.isOverdue || days < 0)
    return { text: `Overdue by ${plural(Math.max(1, -days), "day")}`, tone: "overdue" };
  if (days === 0) return { text: "Due today", tone: "soon" };
  return { text: `Due in ${plural(days, "day")}`, tone: days <= 7 ? "soon" : "later" };
}

export const DUE_BADGE_CLASS: Record<DueBadge["tone"], string> = {
  overdue: "border-red-800 bg-red-700 text-white",
  soon: "border-amber-700 bg-amber-50 text-amber-900",
  later: "border-slate-400 bg-slate-50 text-slate-800",
};
