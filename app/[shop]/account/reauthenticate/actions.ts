"use server";

import { redirect } from "next/navigation";
import { execute } from "@/graphql/execute";
import { graphql } from "@/graphql/generated/client";
import { isDownload, safeNext } from "./safe-next";

const ReauthenticateMutation = graphql(`
  mutation SessionReauthenticate($input: SessionReauthenticateInput!) {
    sessionReauthenticate(input: $input) {
      authenticatedAt
      userErrors { field code message }
    }
  }
`);

export type ReauthenticateState = {
  submission: number;
  fieldErrors: Record<string, string>;
  formError: string | null;
  // Set after the password was accepted and `next` is a download, which the browser
  // fetches itself (a server-side redirect would fetch the file once on the server).
  download: string | null;
};

export async function reauthenticateAction(
  shop: string,
  previous: ReauthenticateState,
  form: FormData,
): Promise<ReauthenticateState> {
  // Checked again here: the hidden field comes from the browser.
  const next = safeNext(shop, form.get("next"));
  const password = String(form.get("password") ?? "");
  const { sessionReauthenticate: result } = await execute(ReauthenticateMutation, { input: { password } });
  if (result.authenticatedAt) {
    if (!isDownload(next)) redirect(next);
    return { submission: previous.submission + 1, fieldErrors: {}, formError: null, download: next };
  }
  const fieldErrors: Record<string, string> = {};
  let formError: string | null = null;
  for (const e of result.userErrors) {
    const field = e.field?.[1];
    if (field && !fieldErrors[field]) fieldErrors[field] = e.message;
    else if (!field) formError = e.message;
  }
  return { submission: previous.submission + 1, fieldErrors, formError, download: null };
}
