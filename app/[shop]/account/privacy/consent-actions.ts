"use server";

import { revalidatePath } from "next/cache";
import {
  type ConsentHistoryPage,
  type ConsentHistoryScope,
  type ConsentSaveState,
  type ConsentWithdrawAllState,
  controlId,
  type GlobalPrivacyControlState,
  isOn,
} from "@/components/consent-options";
import { execute } from "@/graphql/execute";
import { graphql } from "@/graphql/generated/client";
import { loadConsentHistory } from "./consent-history";

// The server actions of "My subscriptions" and "Cookie preferences": each runs one
// consent mutation of the API, as a partner would.

const ConsentUpdateMutation = graphql(`
  mutation ConsentUpdate($input: ConsentUpdateInput!) {
    consentUpdate(input: $input) {
      consents { purpose { key label } state }
      isConfirmationSent
      userErrors { field code message }
    }
  }
`);

const CurrentConsentsQuery = graphql(`
  query CurrentConsents {
    viewer { customer { consents { purpose { key kind } recordedState } } }
  }
`);

const ApplyGlobalPrivacyControlMutation = graphql(`
  mutation ConsentApplyGlobalPrivacyControl {
    consentApplyGlobalPrivacyControl {
      withdrawnPurposes { key label }
      userErrors { field code message }
    }
  }
`);

// Both pages show the ledger (and the Global Privacy Control note), so both change.
function revalidateConsentPages(shop: string) {
  revalidatePath(`/${shop}/account/privacy/subscriptions`);
  revalidatePath(`/${shop}/account/privacy/cookies`);
}

type Change = { key: string; state: "GRANTED" | "WITHDRAWN" };

// Saves a consent form. The form names every purpose it shows ("offered"), which of
// them were ticked when the page was drawn ("was") and which are ticked now
// ("purpose"); only the differences are sent, in one consentUpdate (all or none). So a
// page left open does not undo a change made elsewhere meanwhile, such as an
// unsubscribe link followed in another tab.
export async function saveConsentsAction(
  shop: string,
  previous: ConsentSaveState,
  form: FormData,
): Promise<ConsentSaveState> {
  const list = (name: string) => new Set(form.getAll(name).map(String));
  const offered = list("offered");
  const was = list("was");
  const ticked = list("purpose");
  const changes: Change[] = [...offered]
    .filter((key) => ticked.has(key) !== was.has(key))
    .map((key) => ({ key, state: ticked.has(key) ? "GRANTED" : "WITHDRAWN" }));
  const answer = { ...previous, submission: previous.submission + 1, fieldErrors: {}, formError: null };
  if (changes.length === 0) {
    return { ...answer, outcome: "unchanged", changed: [], isConfirmationSent: false, values: null };
  }

  const { consentUpdate: result } = await execute(ConsentUpdateMutation, { input: { changes } });
  if (result.consents) {
    revalidateConsentPages(shop);
    const after = new Map(result.consents.map((c) => [c.purpose.key, c]));
    return {
      ...answer,
      outcome: "saved",
      changed: changes.flatMap((change) => {
        const now = after.get(change.key);
        return now ? [{ label: now.purpose.label, state: now.state }] : [];
      }),
      isConfirmationSent: result.isConfirmationSent === true,
      values: null,
    };
  }
  // Paths name the change: ["input", "changes", "2", "state"].
  const fieldErrors: Record<string, string> = {};
  let formError: string | null = null;
  for (const e of result.userErrors) {
    const index = e.field?.[0] === "input" && e.field[1] === "changes" ? Number(e.field[2]) : Number.NaN;
    const change = changes[index];
    if (change && !fieldErrors[controlId(change.key)]) fieldErrors[controlId(change.key)] = e.message;
    else if (!change) formError = formError ? `${formError} ${e.message}` : e.message;
  }
  return {
    ...answer,
    outcome: null,
    changed: [],
    isConfirmationSent: false,
    fieldErrors,
    formError,
    values: [...ticked],
  };
}

const SUBSCRIPTION_KINDS = new Set(["MARKETING", "PROFILING", "THIRD_PARTY_MARKETING"]);

// "Unsubscribe from everything": withdraws every marketing, profiling and sharing
// purpose given or waiting for confirmation, in one consentUpdate. Withdrawals take
// effect at once. Cookie choices are not subscriptions and stay as they are.
export async function withdrawAllAction(
  shop: string,
  previous: ConsentWithdrawAllState,
): Promise<ConsentWithdrawAllState> {
  const submission = previous.submission + 1;
  const { viewer } = await execute(CurrentConsentsQuery, {});
  const changes: Change[] = (viewer.customer?.consents ?? [])
    .filter((c) => SUBSCRIPTION_KINDS.has(c.purpose.kind) && isOn(c.recordedState))
    .map((c) => ({ key: c.purpose.key, state: "WITHDRAWN" }));
  if (changes.length === 0) return { submission, withdrawn: [], error: null };
  const { consentUpdate: result } = await execute(ConsentUpdateMutation, { input: { changes } });
  if (!result.consents) {
    return {
      submission,
      withdrawn: null,
      error: result.userErrors[0]?.message ?? "Nothing was changed. Try again in a moment.",
    };
  }
  revalidateConsentPages(shop);
  const labels = new Map(result.consents.map((c) => [c.purpose.key, c.purpose.label]));
  return { submission, withdrawn: changes.map((c) => labels.get(c.key) ?? c.key), error: null };
}

// Records the browser's Global Privacy Control signal as a withdrawal of what it covers.
export async function applyGlobalPrivacyControlAction(
  shop: string,
  previous: GlobalPrivacyControlState,
): Promise<GlobalPrivacyControlState> {
  const submission = previous.submission + 1;
  const { consentApplyGlobalPrivacyControl: result } = await execute(ApplyGlobalPrivacyControlMutation, {});
  if (!result.withdrawnPurposes) {
    return {
      submission,
      withdrawn: null,
      error: result.userErrors[0]?.message ?? "Nothing was recorded. Try again in a moment.",
    };
  }
  revalidateConsentPages(shop);
  return { submission, withdrawn: result.withdrawnPurposes.map((p) => p.label), error: null };
}

// "Show older" in the consent history.
export async function loadOlderConsentHistoryAction(
  scope: ConsentHistoryScope,
  after: string,
): Promise<ConsentHistoryPage> {
  return loadConsentHistory(scope === "cookies" ? "cookies" : "all", after);
}
