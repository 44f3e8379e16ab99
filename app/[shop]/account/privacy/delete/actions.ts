"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formatMoment } from "@/components/dates";
import type { DeletionCancelState } from "@/components/deletion-banner";
import { execute } from "@/graphql/execute";
import { graphql } from "@/graphql/generated/client";

// The server actions of "Delete my account": each runs one mutation of the API, as a
// partner would.

const RequestMutation = graphql(`
  mutation AccountDeletionRequest($input: AccountDeletionRequestInput!) {
    accountDeletionRequest(input: $input) {
      deletionRequest { id status confirmationExpiresAt }
      userErrors { field code message }
    }
  }
`);

const ConfirmMutation = graphql(`
  mutation AccountDeletionConfirm($input: AccountDeletionConfirmInput!) {
    accountDeletionConfirm(input: $input) {
      deletionRequest { id status confirmedAt scheduledFor }
      userErrors { field code message }
    }
  }
`);

const CancelMutation = graphql(`
  mutation AccountDeletionCancel {
    accountDeletionCancel {
      deletionRequest { id status }
      userErrors { field code message }
    }
  }
`);

// The banner of every account page shows a scheduled deletion: the whole account
// area is drawn again, not just the page.
function revalidateAccount(shop: string) {
  revalidatePath(`/${shop}/account/privacy`, "layout");
}

export type DeletionRequestState = {
  // Changes with every answer, so the form is rebuilt from `values`.
  submission: number;
  isSent: boolean;
  fieldErrors: Record<string, string>;
  formError: string | null;
  // What was typed (never the password), so a refused form keeps it.
  values: { confirmation: string };
};

export async function requestDeletionAction(
  shop: string,
  previous: DeletionRequestState,
  form: FormData,
): Promise<DeletionRequestState> {
  const input = { password: String(form.get("password") ?? ""), confirmation: String(form.get("confirmation") ?? "") };
  const { accountDeletionRequest: result } = await execute(RequestMutation, { input });
  const submission = previous.submission + 1;
  if (result.deletionRequest) {
    revalidateAccount(shop);
    return { submission, isSent: true, fieldErrors: {}, formError: null, values: { confirmation: "" } };
  }
  // Paths name the GraphQL argument: ["input", "password"], ["input", "confirmation"].
  const fieldErrors: Record<string, string> = {};
  let formError: string | null = null;
  for (const e of result.userErrors) {
    const field = e.field?.[0] === "input" ? e.field[1] : undefined;
    if (field && !fieldErrors[field]) fieldErrors[field] = e.message;
    else if (!field) formError = formError ? `${formError} ${e.message}` : e.message;
  }
  return { submission, isSent: false, fieldErrors, formError, values: { confirmation: input.confirmation } };
}

export type DeletionConfirmState = {
  submission: number;
  // "scheduled": erased at scheduledFor, cancellable until then; "now": no grace
  // period, erasure starts within moments and the session ends with it.
  outcome: "scheduled" | "now" | null;
  // When erasure runs, in words.
  scheduledFor: string | null;
  error: { code: string; message: string } | null;
};

export async function confirmDeletionAction(
  shop: string,
  previous: DeletionConfirmState,
  form: FormData,
): Promise<DeletionConfirmState> {
  const token = String(form.get("token") ?? "");
  const { accountDeletionConfirm: result } = await execute(ConfirmMutation, { input: { token } });
  const submission = previous.submission + 1;
  const request = result.deletionRequest;
  if (request?.scheduledFor) {
    const isNow = !request.confirmedAt || new Date(request.scheduledFor) <= new Date(request.confirmedAt);
    // Without a grace period the erasure job revokes this session within moments: the
    // pages are not drawn again (they would be drawn for a signed-out visitor).
    if (!isNow) revalidateAccount(shop);
    return {
      submission,
      outcome: isNow ? "now" : "scheduled",
      scheduledFor: formatMoment(request.scheduledFor),
      error: null,
    };
  }
  const [error] = result.userErrors;
  return {
    submission,
    outcome: null,
    scheduledFor: null,
    error: error
      ? { code: error.code, message: error.message }
      : { code: "UNKNOWN", message: "Nothing was changed. Try again in a moment." },
  };
}

// Cancels the open request and goes to the "Delete my account" page, which says so.
export async function cancelDeletionAction(shop: string, previous: DeletionCancelState): Promise<DeletionCancelState> {
  const { accountDeletionCancel: result } = await execute(CancelMutation, {});
  if (!result.deletionRequest) {
    return {
      submission: previous.submission + 1,
      error: result.userErrors[0]?.message ?? "Nothing was changed. Try again in a moment.",
    };
  }
  revalidateAccount(shop);
  // The handle is bound by the page; a tampered one must not make this an open redirect.
  redirect(/^[a-z0-9-]+$/.test(shop) ? `/${shop}/account/privacy/delete?cancelled=1` : "/");
}
