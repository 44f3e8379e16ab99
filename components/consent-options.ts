// Shapes and words shared by "My subscriptions", "Cookie preferences", their server
// actions and the consent history. Plain data only: GraphQL results are copied into
// these before they reach a client component.

export type ConsentPurposeItem = {
  key: string;
  kind: string;
  label: string;
  description: string | null;
  channel: string | null;
  topic: string | null;
  isRequired: boolean;
  requiresConfirmation: boolean;
  isCoveredByGlobalPrivacyControl: boolean;
};

export type ConsentItem = {
  purpose: ConsentPurposeItem;
  // What holds now (GRANTED, WITHDRAWN, PENDING or NOT_GIVEN).
  state: string;
  // What the records say, before strictly-necessary and Global Privacy Control rules.
  recordedState: string;
  optInLevel: string | null;
  source: string | null;
  updatedAt: string | null;
  isOverriddenByGlobalPrivacyControl: boolean;
};

export type ConsentHistoryItem = {
  id: string;
  purposeKey: string;
  // Null when the shop no longer offers the purpose.
  label: string | null;
  state: string;
  optInLevel: string;
  source: string;
  policyVersion: string;
  createdAt: string;
};

// Which part of the history a page shows: the cookie page only its cookie choices.
export type ConsentHistoryScope = "all" | "cookies";

export type ConsentHistoryPage = {
  items: ConsentHistoryItem[];
  // Where "Show older" continues; null at the oldest record.
  endCursor: string | null;
  hasNextPage: boolean;
};

// Ticked on the page: given, or given and waiting for the email confirmation.
export const isOn = (state: string) => state === "GRANTED" || state === "PENDING";

// Changes whenever what a form shows as stored changes, to draw the form anew.
export const storedSignature = (consents: ConsentItem[]) =>
  consents.map((c) => `${c.purpose.key}=${c.state}/${c.recordedState}`).join(",");

export const isInScope = (purposeKey: string, scope: ConsentHistoryScope) =>
  scope === "all" || purposeKey.startsWith("cookies:");

// An id for a purpose's control: purpose keys hold colons, which CSS selectors and
// fragment links would need escaped.
export const controlId = (key: string) => `consent-${key.replace(/[^a-z0-9-]/gi, "-")}`;

// The answer of a consentUpdate from one of the consent forms.
export type ConsentSaveState = {
  // Changes with every answer, so the form is rebuilt.
  submission: number;
  // "saved": something changed; "unchanged": nothing was different from what was shown.
  outcome: "saved" | "unchanged" | null;
  // What changed, in words: the purpose's label and its state now.
  changed: { label: string; state: string }[];
  isConfirmationSent: boolean;
  // By control id.
  fieldErrors: Record<string, string>;
  formError: string | null;
  // The keys ticked when the server refused, to show them again; null: as stored.
  values: string[] | null;
};

export const INITIAL_SAVE_STATE: ConsentSaveState = {
  submission: 0,
  outcome: null,
  changed: [],
  isConfirmationSent: false,
  fieldErrors: {},
  formError: null,
  values: null,
};

export type ConsentWithdrawAllState = {
  submission: number;
  // The labels withdrawn now; null before any answer or after a refusal.
  withdrawn: string[] | null;
  error: string | null;
};

export type GlobalPrivacyControlState = {
  submission: number;
  withdrawn: string[] | null;
  error: string | null;
};

// The shop's privacy-policy purposes that describe a switch, in the shop's own words,
// by the keys the profiles use for them.
export const POLICY_PURPOSE_KEYS: Record<string, string[]> = {
  profiling: ["profiling", "personalisation", "targeted-advertising"],
  "third-party-marketing": ["third-party-marketing"],
};

// What a switch means, when the shop's policy has no words of its own for it.
export const SWITCH_EXPLANATION: Record<string, string> = {
  profiling:
    "Using what you buy and look at to choose the offers and advertising you see, in our messages and on other websites.",
  "third-party-marketing":
    "Passing your contact details to other companies so that they can send you their own marketing.",
};
