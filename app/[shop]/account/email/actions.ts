"use server";

import { revalidatePath } from "next/cache";
import { execute } from "@/graphql/execute";
import { graphql } from "@/graphql/generated/client";

const EmailChangeRequestMutation = graphql(`
  mutation EmailChangeRequest($input: CustomerEmailChangeRequestInput!) {
    customerEmailChangeRequest(input: $input) {
      pendingEmail
      expiresAt
      userErrors { field code message }
    }
  }
`);

export type EmailChangeState = {
  fieldErrors: Record<string, string>;
  formError: string | null;
  // Set once the link is on its way.
  sentTo: string | null;
  expiresAt: string | null;
  // What was typed (never the password), so a refused form keeps it.
  values: { newEmail: string };
};

export async function requestEmailChangeAction(
  shop: string,
  _previous: EmailChangeState,
  form: FormData,
): Promise<EmailChangeState> {
  const input = { newEmail: String(form.get("newEmail") ?? ""), password: String(form.get("password") ?? "") };
  const values = { newEmail: input.newEmail };
  const { customerEmailChangeRequest: result } = await execute(EmailChangeRequestMutation, { input });
  if (result.pendingEmail) {
    revalidatePath(`/${shop}/account/email`);
    return {
      fieldErrors: {},
      formError: null,
      sentTo: result.pendingEmail,
      expiresAt: result.expiresAt ?? null,
      values: { newEmail: "" },
    };
  }
  const fieldErrors: Record<string, string> = {};
  let formError: string | null = null;
  for (const e of result.userErrors) {
    const field = e.field?.[1];
    if (field && !fieldErrors[field]) fieldErrors[field] = e.message;
    else if (!field) formError = e.message;
  }
  return { fieldErrors, formError, sentTo: null, expiresAt: null, values };
}
