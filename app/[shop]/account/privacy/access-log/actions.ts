"use server";

import { revalidatePath } from "next/cache";
import type { AccessLogPage, SupportAccessFormState } from "@/components/access-log-wording";
import { execute } from "@/graphql/execute";
import { graphql } from "@/graphql/generated/client";
import type { SupportAccessDuration } from "@/graphql/generated/client/graphql";
import { loadAccessLog } from "./access-log";

// The server actions of the access log page: each runs one mutation of the API.

const SupportAccessGrantMutation = graphql(`
  mutation SupportAccessGrant($input: SupportAccessGrantInput!) {
    supportAccessGrant(input: $input) {
      supportAccess { isAllowed expiresAt }
      userErrors { field code message }
    }
  }
`);

const SupportAccessRevokeMutation = graphql(`
  mutation SupportAccessRevoke {
    supportAccessRevoke {
      supportAccess { isPermissionRequired isAllowed }
      userErrors { field code message }
    }
  }
`);

const DURATIONS = new Set<string>(["HOURS_24", "DAYS_7", "UNTIL_REVOKED"]);

const errorText = (errors: { message: string }[]) =>
  errors.map((e) => e.message).join(" ") || "Nothing was changed. Try again in a moment.";

export async function grantSupportAccessAction(
  shop: string,
  previous: SupportAccessFormState,
  form: FormData,
): Promise<SupportAccessFormState> {
  const submission = previous.submission + 1;
  const duration = String(form.get("duration") ?? "");
  if (!DURATIONS.has(duration)) return { submission, message: null, error: "Choose for how long." };
  const { supportAccessGrant: result } = await execute(SupportAccessGrantMutation, {
    input: { duration: duration as SupportAccessDuration },
  });
  if (!result.supportAccess) return { submission, message: null, error: errorText(result.userErrors) };
  revalidatePath(`/${shop}/account/privacy/access-log`);
  return { submission, message: "Support staff may now open your account.", error: null };
}

export async function revokeSupportAccessAction(
  shop: string,
  previous: SupportAccessFormState,
): Promise<SupportAccessFormState> {
  const submission = previous.submission + 1;
  const { supportAccessRevoke: result } = await execute(SupportAccessRevokeMutation, {});
  if (!result.supportAccess) return { submission, message: null, error: errorText(result.userErrors) };
  revalidatePath(`/${shop}/account/privacy/access-log`);
  return {
    submission,
    message: result.supportAccess.isPermissionRequired
      ? "Permission withdrawn: support staff may no longer open your account, and any open support session has ended."
      : "Done: any open support session in your account has ended.",
    error: null,
  };
}

// "Show older" in the access log.
export async function loadOlderAccessLogAction(after: string): Promise<AccessLogPage> {
  return loadAccessLog(after);
}
