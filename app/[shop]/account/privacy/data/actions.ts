"use server";

import { execute } from "@/graphql/execute";
import { graphql } from "@/graphql/generated/client";

const RevealMutation = graphql(`
  mutation DataReveal($input: DataRevealInput!) {
    dataReveal(input: $input) {
      value
      userErrors { message }
    }
  }
`);

export async function revealAction(recordId: string, field: string) {
  const { dataReveal } = await execute(RevealMutation, { input: { recordId, field } });
  return { value: dataReveal.value ?? null, error: dataReveal.userErrors[0]?.message ?? null };
}
