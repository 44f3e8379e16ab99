"use server";

import { revalidatePath } from "next/cache";
import { ROTATE_OVERLAPS } from "@/components/api-key-wording";
import { fieldErrorsOf, utcFromLocalInput } from "@/components/form-errors";
import { execute } from "@/graphql/execute";
import { graphql } from "@/graphql/generated/client";

const ApiKeyCreateMutation = graphql(`
  mutation ApiKeyCreate($input: ApiKeyCreateInput!) {
    apiKeyCreate(input: $input) {
      apiKey { id name }
      secret
      userErrors { field code message }
    }
  }
`);

const ApiKeyRotateMutation = graphql(`
  mutation ApiKeyRotate($id: ID!, $input: ApiKeyRotateInput) {
    apiKeyRotate(id: $id, input: $input) {
      apiKey { id name }
      secret
      userErrors { field code message }
    }
  }
`);

const ApiKeyRevokeMutation = graphql(`
  mutation ApiKeyRevoke($id: ID!) {
    apiKeyRevoke(id: $id) {
      apiKey { id status }
      userErrors { field code message }
    }
  }
`);

// A secret the API returned this once. It lives only in the form's action state (the
// browser's memory): never in a URL, a cookie or the page drawn on the server, so a
// reload does not show it again.
export type IssuedSecret = { keyName: string; secret: string };

export type ApiKeyCreateValues = {
  name: string;
  scopes: string[];
  expiresAt: string;
  recipientKey: string;
};

export type ApiKeyCreateState = {
  // Changes with every answer, so the form is rebuilt from `values`.
  submission: number;
  fieldErrors: Record<string, string>;
  formError: string | null;
  // What was typed, so a refused form keeps it (cleared after a key is created).
  values: ApiKeyCreateValues;
  issued: IssuedSecret | null;
};

export type ApiKeyRotateState = {
  submission: number;
  error: string | null;
  issued: IssuedSecret | null;
};

export type ApiKeyRevokeState = { submission: number; error: string | null; isRevoked: boolean };

const text = (form: FormData, name: string) => String(form.get(name) ?? "");

const EMPTY_VALUES: ApiKeyCreateValues = { name: "", scopes: [], expiresAt: "", recipientKey: "" };

const keysPath = (shop: string) => `/${shop}/support/api-keys`;

export async function createApiKeyAction(
  shop: string,
  previous: ApiKeyCreateState,
  form: FormData,
): Promise<ApiKeyCreateState> {
  const values: ApiKeyCreateValues = {
    name: text(form, "name"),
    scopes: form.getAll("scopes").map(String),
    expiresAt: text(form, "expiresAt").trim(),
    recipientKey: text(form, "recipientKey"),
  };
  const submission = previous.submission + 1;
  if (values.expiresAt && Number.isNaN(new Date(utcFromLocalInput(values.expiresAt)).getTime())) {
    return {
      submission,
      fieldErrors: { expiresAt: "Give a date and time, e.g. 2027-01-31 18:00." },
      formError: null,
      values,
      issued: null,
    };
  }
  const { apiKeyCreate: result } = await execute(ApiKeyCreateMutation, {
    input: {
      name: values.name,
      scopes: values.scopes,
      expiresAt: values.expiresAt ? utcFromLocalInput(values.expiresAt) : null,
      recipientKey: values.recipientKey || null,
    },
  });
  if (!result.apiKey || !result.secret) {
    const { fieldErrors, formError } = fieldErrorsOf(result.userErrors);
    return {
      submission,
      fieldErrors,
      formError: formError ?? (Object.keys(fieldErrors).length ? null : "The key was not created. Try again."),
      values,
      issued: null,
    };
  }
  revalidatePath(keysPath(shop));
  return {
    submission,
    fieldErrors: {},
    formError: null,
    values: EMPTY_VALUES,
    issued: { keyName: result.apiKey.name, secret: result.secret },
  };
}

export async function rotateApiKeyAction(
  shop: string,
  id: string,
  previous: ApiKeyRotateState,
  form: FormData,
): Promise<ApiKeyRotateState> {
  const submission = previous.submission + 1;
  const overlap = ROTATE_OVERLAPS.find((o) => o.value === text(form, "overlap"));
  if (!overlap) return { submission, error: "Choose how long the old secret keeps working.", issued: null };
  const until = new Date(Date.now() + overlap.hours * 3_600_000).toISOString();
  const { apiKeyRotate: result } = await execute(ApiKeyRotateMutation, {
    id,
    input: { previousSecretExpiresAt: until },
  });
  if (!result.apiKey || !result.secret) {
    return { submission, error: result.userErrors[0]?.message ?? "The key was not rotated. Try again.", issued: null };
  }
  revalidatePath(keysPath(shop));
  return { submission, error: null, issued: { keyName: result.apiKey.name, secret: result.secret } };
}

export async function revokeApiKeyAction(
  shop: string,
  id: string,
  previous: ApiKeyRevokeState,
): Promise<ApiKeyRevokeState> {
  const submission = previous.submission + 1;
  const { apiKeyRevoke: result } = await execute(ApiKeyRevokeMutation, { id });
  if (!result.apiKey) {
    return {
      submission,
      error: result.userErrors[0]?.message ?? "The key was not revoked. Try again.",
      isRevoked: false,
    };
  }
  revalidatePath(keysPath(shop));
  return { submission, error: null, isRevoked: true };
}
