"use server";

import { execute } from "@/graphql/execute";
import { graphql } from "@/graphql/generated/client";

const ConfirmMutation = graphql(`
  mutation EmailChangeConfirm($input: CustomerEmailChangeConfirmInput!) {
    customerEmailChangeConfirm(input: $input) {
      customer { email }
      userErrors { field code message }
    }
  }
`);

export type ConfirmState = {
  // The new address once the change is made.
  email: string | null;
  error: { code: string; message: string } | null;
};

export async function confirmEmailChangeAction(_previous: ConfirmState, form: FormData): Promise<ConfirmState> {
  const token = String(form.get("token") ?? "");
  const { customerEmailChangeConfirm: result } = await execute(ConfirmMutation, { input: { token } });
  if (result.customer) return { email: result.customer.email, error: null };
  const [error] = result.userErrors;
  return { email: null, error: error ? { code: error.code, message: error.message } : null };
}
