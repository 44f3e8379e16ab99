"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { fieldErrorsOf } from "@/components/form-errors";
import { execute } from "@/graphql/execute";
import { graphql } from "@/graphql/generated/client";

const RequestStaffNoteMutation = graphql(`
  mutation RequestStaffNote($input: RightsRequestNoteInput!) {
    rightsRequestAddNote(input: $input) {
      request { id }
      userErrors { field code message }
    }
  }
`);

const RequestStaffAssignMutation = graphql(`
  mutation RequestStaffAssign($input: RightsRequestAssignInput!) {
    rightsRequestAssign(input: $input) {
      request { id assignedTo { id } }
      userErrors { field code message }
    }
  }
`);

const RequestStaffVerifyMutation = graphql(`
  mutation RequestStaffVerify($input: RightsRequestVerifyInput!) {
    rightsRequestVerify(input: $input) {
      request { id status }
      userErrors { field code message }
    }
  }
`);

const RequestStaffExtendMutation = graphql(`
  mutation RequestStaffExtend($input: RightsRequestReasonInput!) {
    rightsRequestExtend(input: $input) {
      request { id dueOn }
      userErrors { field code message }
    }
  }
`);

const RequestStaffDecideMutation = graphql(`
  mutation RequestStaffDecide($input: RightsRequestDecideInput!) {
    rightsRequestDecide(input: $input) {
      request { id status outcome }
      userErrors { field code message }
    }
  }
`);

const RequestStaffLiftMutation = graphql(`
  mutation RequestStaffLift($input: RightsRequestReasonInput!) {
    restrictionLift(input: $input) {
      request { id }
      userErrors { field code message }
    }
  }
`);

// One form's answer: what the server refused, next to its fields, with what was typed
// kept. A change that worked goes back to the request's page with `done`, whose message
// the page words (the form itself may no longer be shown then).
export type RequestStaffFormState = {
  submission: number;
  fieldErrors: Record<string, string>;
  formError: string | null;
  values: Record<string, string | string[]>;
};

// What each change says afterwards, on the request's page (?done=…).
export type RequestStaffDone =
  | "note"
  | "assigned"
  | "unassigned"
  | "verified"
  | "refused"
  | "extended"
  | "decided"
  | "lifted";

const text = (form: FormData, name: string) => String(form.get(name) ?? "");

type UserErrorLike = { field?: readonly string[] | null; message: string };

// The API's errors as the form's: a path naming the request itself ("id": closed,
// already extended, too late) concerns the whole form.
function refused(
  previous: RequestStaffFormState,
  values: RequestStaffFormState["values"],
  errors: readonly UserErrorLike[],
): RequestStaffFormState {
  const { fieldErrors, formError } = fieldErrorsOf(errors);
  const idError = fieldErrors.id;
  delete fieldErrors.id;
  return {
    submission: previous.submission + 1,
    fieldErrors,
    formError: formError ?? idError ?? (Object.keys(fieldErrors).length ? null : "Nothing was changed. Try again."),
    values,
  };
}

function refusedField(
  previous: RequestStaffFormState,
  values: RequestStaffFormState["values"],
  field: string,
  message: string,
): RequestStaffFormState {
  return { submission: previous.submission + 1, fieldErrors: { [field]: message }, formError: null, values };
}

function done(shop: string, id: string, what: RequestStaffDone): never {
  const path = `/${shop}/support/requests/${encodeURIComponent(id)}`;
  revalidatePath(path);
  revalidatePath(`/${shop}/support/requests`);
  redirect(`${path}?done=${what}`);
}

export async function addRequestNoteAction(
  shop: string,
  id: string,
  previous: RequestStaffFormState,
  form: FormData,
): Promise<RequestStaffFormState> {
  const values = { note: text(form, "note") };
  const { rightsRequestAddNote: result } = await execute(RequestStaffNoteMutation, {
    input: { id, note: values.note },
  });
  if (!result.request) return refused(previous, values, result.userErrors);
  done(shop, id, "note");
}

// The button pressed says whom: the viewer's own agent id ("Assign to me") or "" (unassign).
export async function assignRequestAction(
  shop: string,
  id: string,
  previous: RequestStaffFormState,
  form: FormData,
): Promise<RequestStaffFormState> {
  const agentId = text(form, "agentId");
  const { rightsRequestAssign: result } = await execute(RequestStaffAssignMutation, {
    input: { id, agentId: agentId || null },
  });
  if (!result.request) return refused(previous, {}, result.userErrors);
  done(shop, id, agentId ? "assigned" : "unassigned");
}

export async function verifyRequestAction(
  shop: string,
  id: string,
  previous: RequestStaffFormState,
  form: FormData,
): Promise<RequestStaffFormState> {
  const values = { isAccepted: text(form, "isAccepted"), reason: text(form, "reason") };
  if (values.isAccepted !== "yes" && values.isAccepted !== "no") {
    return refusedField(previous, values, "isAccepted", "Say whether the proof of authority holds.");
  }
  const isAccepted = values.isAccepted === "yes";
  const { rightsRequestVerify: result } = await execute(RequestStaffVerifyMutation, {
    input: { id, isAccepted, reason: values.reason },
  });
  if (!result.request) return refused(previous, values, result.userErrors);
  done(shop, id, isAccepted ? "verified" : "refused");
}

export async function extendRequestAction(
  shop: string,
  id: string,
  previous: RequestStaffFormState,
  form: FormData,
): Promise<RequestStaffFormState> {
  const values = { reason: text(form, "reason") };
  const { rightsRequestExtend: result } = await execute(RequestStaffExtendMutation, {
    input: { id, reason: values.reason },
  });
  if (!result.request) return refused(previous, values, result.userErrors);
  done(shop, id, "extended");
}

const OUTCOMES = ["GRANTED", "PARTLY_GRANTED", "REFUSED"] as const;

export async function decideRequestAction(
  shop: string,
  id: string,
  previous: RequestStaffFormState,
  form: FormData,
): Promise<RequestStaffFormState> {
  const values = {
    outcome: text(form, "outcome"),
    reason: text(form, "reason"),
    grantedPurposes: form.getAll("grantedPurposes").map(String),
  };
  const outcome = OUTCOMES.find((o) => o === values.outcome);
  if (!outcome) return refusedField(previous, values, "outcome", "Choose the decision.");
  // Purposes are named only for a granted objection (the form shows them only then).
  const asksForPurposes = text(form, "asksForPurposes") === "1";
  const grantedPurposes = asksForPurposes && outcome !== "REFUSED" ? values.grantedPurposes : null;
  if (asksForPurposes && outcome !== "REFUSED" && values.grantedPurposes.length === 0) {
    return refusedField(previous, values, "grantedPurposes", "Tick the purposes granted.");
  }
  const { rightsRequestDecide: result } = await execute(RequestStaffDecideMutation, {
    input: { id, outcome, reason: values.reason, grantedPurposes },
  });
  if (!result.request) return refused(previous, values, result.userErrors);
  done(shop, id, "decided");
}

export async function liftRestrictionAction(
  shop: string,
  id: string,
  previous: RequestStaffFormState,
  form: FormData,
): Promise<RequestStaffFormState> {
  const values = { reason: text(form, "reason") };
  const { restrictionLift: result } = await execute(RequestStaffLiftMutation, { input: { id, reason: values.reason } });
  if (!result.request) return refused(previous, values, result.userErrors);
  done(shop, id, "lifted");
}
