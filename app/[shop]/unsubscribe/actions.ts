"use server";

import { execute } from "@/graphql/execute";
import { graphql } from "@/graphql/generated/client";

const UnsubscribeMutation = graphql(`
  mutation ConsentUnsubscribe($input: ConsentUnsubscribeInput!) {
    consentUnsubscribe(input: $input) {
      purpose { label }
      isAlreadyWithdrawn
      userErrors { field code message }
    }
  }
`);

export type UnsubscribeState = {
  // The list's name once unsubscribed.
  label: string | null;
  error: string | null;
};

export async function unsubscribeAction(_previous: UnsubscribeState, form: FormData): Promise<UnsubscribeState> {
  const token = String(form.get("token") ?? "");
  const { consentUnsubscribe: result } = await execute(UnsubscribeMutation, { input: { token } });
  if (result.purpose) return { label: result.purpose.label, error: null };
  return { label: null, error: result.userErrors[0]?.message ?? "We could not unsubscribe you. Try again later." };
}
