"use server";

import { execute } from "@/graphql/execute";
import { graphql } from "@/graphql/generated/client";

const MarketingTopicsQuery = graphql(`
  query SignUpMarketing($handle: String!) {
    shop(handle: $handle) { policy { marketing { channels { key } topics { key } } } }
  }
`);

const SignUpMutation = graphql(`
  mutation SignUp($input: CustomerSignUpInput!) {
    customerSignUp(input: $input) {
      customer { id }
      userErrors { field code message }
    }
  }
`);

export type SignUpState = {
  fieldErrors: Record<string, string>;
  formError: string | null;
  isDone: boolean;
  // What was typed (never the password), so a refused form keeps it.
  values: { firstName: string; lastName: string; email: string; marketing: string[] };
};

// A ticked channel ("Marketing by E-mail") is consent to every topic the shop sends on
// it; each is recorded as its own purpose, with the source SIGN_UP.
async function marketingConsents(shop: string, form: FormData) {
  const ticked = new Set(form.getAll("marketing").map(String));
  if (ticked.size === 0) return [];
  const { shop: found } = await execute(MarketingTopicsQuery, { handle: shop });
  const marketing = found?.policy.marketing;
  if (!marketing) return [];
  return marketing.channels
    .filter((channel) => ticked.has(channel.key))
    .flatMap((channel) =>
      marketing.topics.map((topic) => ({ key: `marketing:${channel.key}:${topic.key}`, state: "GRANTED" as const })),
    );
}

export async function signUpAction(shop: string, _previous: SignUpState, form: FormData): Promise<SignUpState> {
  const consents = await marketingConsents(shop, form);
  const input = {
    shop,
    email: String(form.get("email") ?? ""),
    password: String(form.get("password") ?? ""),
    firstName: String(form.get("firstName") ?? ""),
    lastName: String(form.get("lastName") ?? ""),
    consents,
    // The invitation the page was opened with, if any (the API ignores one not valid).
    invitationToken: String(form.get("invitationToken") ?? "") || null,
  };
  const values = {
    firstName: input.firstName,
    lastName: input.lastName,
    email: input.email,
    marketing: form.getAll("marketing").map(String),
  };
  const { customerSignUp } = await execute(SignUpMutation, { input });
  if (customerSignUp.customer) return { fieldErrors: {}, formError: null, isDone: true, values };
  const fieldErrors: Record<string, string> = {};
  let formError: string | null = null;
  for (const e of customerSignUp.userErrors) {
    const field = e.field?.[1];
    if (field && !fieldErrors[field]) fieldErrors[field] = e.message;
    else if (!field) formError = e.message;
  }
  return { fieldErrors, formError, isDone: false, values };
}
