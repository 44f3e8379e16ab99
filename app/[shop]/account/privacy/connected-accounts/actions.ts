"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { fieldErrorsOf } from "@/components/form-errors";
import { execute } from "@/graphql/execute";
import { graphql } from "@/graphql/generated/client";
import type { SocialProvider } from "@/graphql/generated/client/graphql";

// The server actions of "Connected accounts": each runs one mutation of the API, as a
// partner's client would. Linking is not here: it runs through the provider's own pages
// (next-auth), started by the page's buttons.

const UnlinkMutation = graphql(`
  mutation ConnectedAccountUnlink($input: ConnectedAccountUnlinkInput!) {
    connectedAccountUnlink(input: $input) {
      connectedAccount { provider isLinked }
      userErrors { field code message }
    }
  }
`);

const EraseMutation = graphql(`
  mutation ConnectedAccountEraseProvidedData($input: ConnectedAccountEraseProvidedDataInput!) {
    connectedAccountEraseProvidedData(input: $input) {
      connectedAccount { provider }
      userErrors { field code message }
    }
  }
`);

const PasswordSetMutation = graphql(`
  mutation CustomerPasswordSet($input: CustomerPasswordSetInput!) {
    customerPasswordSet(input: $input) {
      customer { id }
      userErrors { field code message }
    }
  }
`);

const PROVIDERS = new Set<string>(["FACEBOOK", "TWITTER", "MICROSOFT", "GOOGLE"]);
const NOTHING_CHANGED = "Nothing was changed. Try again in a moment.";

// The page's address with a note for the next drawing; handles and providers are bound
// by the page, checked again so that a tampered one cannot make this an open redirect.
function pageUrl(shop: string, note: Record<string, string>): string {
  if (!/^[a-z0-9-]+$/.test(shop)) return "/";
  return `/${shop}/account/privacy/connected-accounts?${new URLSearchParams(note)}`;
}

// What an unlink or erase form shows after a refusal.
export type ConnectedAccountFormState = { submission: number; error: string | null };

export async function unlinkAction(
  shop: string,
  provider: string,
  previous: ConnectedAccountFormState,
  form: FormData,
): Promise<ConnectedAccountFormState> {
  const submission = previous.submission + 1;
  if (!PROVIDERS.has(provider)) return { submission, error: NOTHING_CHANGED };
  const erase = form.get("erase") === "on";
  const { connectedAccountUnlink: result } = await execute(UnlinkMutation, {
    input: { provider: provider as SocialProvider, eraseProvidedData: erase },
  });
  if (!result.connectedAccount) {
    return { submission, error: result.userErrors.map((e) => e.message).join(" ") || NOTHING_CHANGED };
  }
  // My data and the access log show this too.
  revalidatePath(`/${shop}/account/privacy`, "layout");
  redirect(pageUrl(shop, { unlinked: provider.toLowerCase(), ...(erase ? { erased: "1" } : {}) }));
}

export async function eraseProvidedDataAction(
  shop: string,
  provider: string,
  previous: ConnectedAccountFormState,
): Promise<ConnectedAccountFormState> {
  const submission = previous.submission + 1;
  if (!PROVIDERS.has(provider)) return { submission, error: NOTHING_CHANGED };
  const { connectedAccountEraseProvidedData: result } = await execute(EraseMutation, {
    input: { provider: provider as SocialProvider },
  });
  if (!result.connectedAccount) {
    return { submission, error: result.userErrors.map((e) => e.message).join(" ") || NOTHING_CHANGED };
  }
  revalidatePath(`/${shop}/account/privacy`, "layout");
  redirect(pageUrl(shop, { erased: provider.toLowerCase() }));
}

export type PasswordSetState = {
  submission: number;
  fieldErrors: Record<string, string>;
  formError: string | null;
  // The password may be set only shortly after proving who you are: the form then
  // offers to confirm it with a linked provider.
  needsConfirmation: boolean;
};

export async function setPasswordAction(
  shop: string,
  previous: PasswordSetState,
  form: FormData,
): Promise<PasswordSetState> {
  const submission = previous.submission + 1;
  const password = String(form.get("password") ?? "");
  const confirm = String(form.get("confirm") ?? "");
  if (password !== confirm) {
    return {
      submission,
      fieldErrors: { confirm: "The two passwords are not the same. Type the same password twice." },
      formError: null,
      needsConfirmation: false,
    };
  }
  const { customerPasswordSet: result } = await execute(PasswordSetMutation, { input: { password } });
  if (!result.customer) {
    const { fieldErrors, formError } = fieldErrorsOf(result.userErrors);
    return {
      submission,
      fieldErrors,
      formError: formError ?? (Object.keys(fieldErrors).length ? null : NOTHING_CHANGED),
      needsConfirmation: result.userErrors.some((e) => e.code === "FORBIDDEN" && !e.field?.length),
    };
  }
  revalidatePath(`/${shop}/account/privacy`, "layout");
  redirect(pageUrl(shop, { passwordSet: "1" }));
}
