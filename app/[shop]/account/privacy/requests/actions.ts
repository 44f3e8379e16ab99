"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { fieldErrorsOf } from "@/components/form-errors";
import { execute } from "@/graphql/execute";
import { graphql } from "@/graphql/generated/client";
import type { RightsRequestType } from "@/graphql/generated/client/graphql";

// The server actions of "Requests": each runs one mutation of the API, as a partner's
// client would (the API refuses support agents; the page offers them none).

const CreateMutation = graphql(`
  mutation RightsRequestCreate($input: RightsRequestCreateInput!) {
    rightsRequestCreate(input: $input) {
      request { id }
      userErrors { field code message }
    }
  }
`);

const AddInformationMutation = graphql(`
  mutation RightsRequestAddInformation($input: RightsRequestAddInformationInput!) {
    rightsRequestAddInformation(input: $input) {
      request { id }
      userErrors { field code message }
    }
  }
`);

const WithdrawMutation = graphql(`
  mutation RightsRequestWithdraw($id: ID!) {
    rightsRequestWithdraw(id: $id) {
      request { id }
      userErrors { field code message }
    }
  }
`);

const NOTHING_CHANGED = "Nothing was changed. Try again in a moment.";

// Handles are bound by the page, checked again so that a tampered one cannot make the
// redirect go elsewhere.
function pageUrl(shop: string, note: Record<string, string>): string {
  if (!/^[a-z0-9-]+$/.test(shop)) return "/";
  return `/${shop}/account/privacy/requests?${new URLSearchParams(note)}`;
}

// The Requests page, the overview's open requests and the restriction banner.
const refresh = (shop: string) => revalidatePath(`/${shop}/account/privacy`, "layout");

const messageOf = (errors: readonly { message: string }[]) => errors.map((e) => e.message).join(" ") || NOTHING_CHANGED;

export type RequestFormValues = { type: string; purposes: string[]; categories: string[]; details: string };

export type RequestFormState = {
  submission: number;
  fieldErrors: Record<string, string>;
  formError: string | null;
  // What was typed and ticked, so a refused form keeps it.
  values: RequestFormValues;
};

// The shop's request types, and which of them name purposes or data (from the API's
// options, bound by the page): the boxes of the other groups may still be ticked in the
// browser after the customer changed their mind, and are not sent.
export type RequestAsks = { types: string[]; purposes: string[]; categories: string[] };

// "Send request": files a request the shop's policy offers. On success the page opens
// again with a note naming it.
export async function createRequestAction(
  shop: string,
  asks: RequestAsks,
  previous: RequestFormState,
  form: FormData,
): Promise<RequestFormState> {
  const submission = previous.submission + 1;
  const values: RequestFormValues = {
    type: String(form.get("type") ?? ""),
    purposes: form.getAll("purposes").map(String),
    categories: form.getAll("categories").map(String),
    details: String(form.get("details") ?? "").trim(),
  };
  // The API needs one of its types to say anything else; without one there is nothing
  // to send.
  if (!asks.types.includes(values.type)) {
    return {
      submission,
      fieldErrors: { type: "Choose what you are asking for." },
      formError: null,
      values: { ...values, type: "" },
    };
  }
  const { rightsRequestCreate: result } = await execute(CreateMutation, {
    input: {
      type: values.type as RightsRequestType,
      purposes: asks.purposes.includes(values.type) ? values.purposes : [],
      categories: asks.categories.includes(values.type) ? values.categories : [],
      details: values.details || null,
    },
  });
  if (result.request) {
    refresh(shop);
    redirect(pageUrl(shop, { filed: result.request.id }));
  }
  const { fieldErrors, formError } = fieldErrorsOf(result.userErrors);
  return {
    submission,
    fieldErrors,
    formError: formError ?? (Object.keys(fieldErrors).length ? null : NOTHING_CHANGED),
    values,
  };
}

export type AddInformationState = {
  submission: number;
  error: string | null;
  // True after the message was added: the form is empty again and says so.
  isAdded: boolean;
  // What was typed, kept after a refusal.
  message: string;
};

// "Add": more information for an open request; it appears in the request's timeline.
export async function addInformationAction(
  shop: string,
  id: string,
  previous: AddInformationState,
  form: FormData,
): Promise<AddInformationState> {
  const submission = previous.submission + 1;
  const message = String(form.get("message") ?? "").trim();
  const { rightsRequestAddInformation: result } = await execute(AddInformationMutation, { input: { id, message } });
  if (!result.request) {
    return { submission, error: messageOf(result.userErrors), isAdded: false, message };
  }
  refresh(shop);
  return { submission, error: null, isAdded: true, message: "" };
}

export type WithdrawState = { submission: number; error: string | null };

// "Withdraw this request": nothing more is done about it.
export async function withdrawRequestAction(shop: string, id: string, previous: WithdrawState): Promise<WithdrawState> {
  const submission = previous.submission + 1;
  const { rightsRequestWithdraw: result } = await execute(WithdrawMutation, { id });
  if (!result.request) return { submission, error: messageOf(result.userErrors) };
  refresh(shop);
  redirect(pageUrl(shop, { withdrawn: "1" }));
}
