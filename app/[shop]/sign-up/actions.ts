"use server";

import { execute } from "@/graphql/execute";
import { graphql } from "@/graphql/generated/client";

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
  values: { firstName: string; lastName: string; email: string };
};

export async function signUpAction(shop: string, _previous: SignUpState, form: FormData): Promise<SignUpState> {
  const input = {
    shop,
    email: String(form.get("email") ?? ""),
    password: String(form.get("password") ?? ""),
    firstName: String(form.get("firstName") ?? ""),
    lastName: String(form.get("lastName") ?? ""),
  };
  const values = { firstName: input.firstName, lastName: input.lastName, email: input.email };
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
