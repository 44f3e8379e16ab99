"use server";

import { execute } from "@/graphql/execute";
import { graphql } from "@/graphql/generated/client";

const ConfirmMutation = graphql(`
  mutation ConsentConfirm($input: ConsentConfirmInput!) {
    consentConfirm(input: $input) {
      confirmedPurposes { key label }
      userErrors { field code message }
    }
  }
`);

export type ConsentConfirmState = {
  // What is now confirmed.
  labels: string[] | null;
  error: string | null;
};

export async function confirmConsentAction(
  _previous: ConsentConfirmState,
  form: FormData,
): Promise<ConsentConfirmState> {
  const token = String(form.get("token") ?? "");
  const { consentConfirm: result } = await execute(ConfirmMutation, { input: { token } });
  if (result.confirmedPurposes) return { labels: result.confirmedPurposes.map((p) => p.label), error: null };
  return { labels: null, error: result.userErrors[0]?.message ?? "We could not confirm. Try again later." };
}
