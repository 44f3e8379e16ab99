"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { fieldErrorsOf } from "@/components/form-errors";
import { execute } from "@/graphql/execute";
import { graphql } from "@/graphql/generated/client";
import type { InvitationChannel } from "@/graphql/generated/client/graphql";

// The server actions of "Invited friends": each runs one mutation of the API, as a
// partner's client would (the API refuses support agents; the page offers them none).

const CreateMutation = graphql(`
  mutation InvitationCreate($input: InvitationCreateInput!) {
    invitationCreate(input: $input) {
      invitation { id channel status friendEmail link shareUrl }
      userErrors { field code message }
    }
  }
`);

const WithdrawMutation = graphql(`
  mutation InvitationWithdraw($id: ID!) {
    invitationWithdraw(id: $id) {
      invitation { id status }
      userErrors { field code message }
    }
  }
`);

const EraseMutation = graphql(`
  mutation InvitationsEraseFriendDetails {
    invitationsEraseFriendDetails {
      erasedCount
      userErrors { field code message }
    }
  }
`);

const SHARE_CHANNELS = new Set<string>(["LINK", "FACEBOOK", "TWITTER"]);
const NOTHING_CHANGED = "Nothing was changed. Try again in a moment.";

// Handles are bound by the page, checked again so that a tampered one cannot make the
// redirect go elsewhere.
function pageUrl(shop: string, note: Record<string, string>): string {
  if (!/^[a-z0-9-]+$/.test(shop)) return "/";
  return `/${shop}/account/privacy/invitations?${new URLSearchParams(note)}`;
}

// The list, My data and the access log all show invitations.
const refresh = (shop: string) => revalidatePath(`/${shop}/account/privacy`, "layout");

export type ShareLinkState = {
  submission: number;
  channel: string | null;
  link: string | null;
  shareUrl: string | null;
  error: string | null;
};

// "Create a share link", "Share on Facebook", "Share on X": a link that holds nothing
// about the friend; shown at once for the customer to copy or share.
export async function createShareLinkAction(
  shop: string,
  previous: ShareLinkState,
  form: FormData,
): Promise<ShareLinkState> {
  const submission = previous.submission + 1;
  const channel = String(form.get("channel") ?? "");
  if (!SHARE_CHANNELS.has(channel)) {
    return { submission, channel: null, link: null, shareUrl: null, error: NOTHING_CHANGED };
  }
  const { invitationCreate: result } = await execute(CreateMutation, {
    input: { channel: channel as InvitationChannel },
  });
  const invitation = result.invitation;
  if (!invitation?.link) {
    const error = result.userErrors.map((e) => e.message).join(" ") || NOTHING_CHANGED;
    return { submission, channel, link: null, shareUrl: null, error };
  }
  refresh(shop);
  return { submission, channel, link: invitation.link, shareUrl: invitation.shareUrl ?? null, error: null };
}

export type EmailInviteState = {
  submission: number;
  fieldErrors: Record<string, string>;
  formError: string | null;
  // The address the one email went to, once sent.
  sentTo: string | null;
  // What was typed, so a refused form keeps it.
  values: { email: string; name: string; friendAgreed: boolean };
};

// "Send invitation": one email to a friend who agreed to hear from the shop.
export async function inviteByEmailAction(
  shop: string,
  previous: EmailInviteState,
  form: FormData,
): Promise<EmailInviteState> {
  const submission = previous.submission + 1;
  const values = {
    email: String(form.get("email") ?? "").trim(),
    name: String(form.get("name") ?? "").trim(),
    friendAgreed: form.get("friendAgreed") === "on",
  };
  const { invitationCreate: result } = await execute(CreateMutation, {
    input: { channel: "EMAIL", email: values.email, name: values.name || null, friendAgreed: values.friendAgreed },
  });
  if (result.invitation) {
    refresh(shop);
    return {
      submission,
      fieldErrors: {},
      formError: null,
      sentTo: result.invitation.friendEmail ?? values.email,
      values: { email: "", name: "", friendAgreed: false },
    };
  }
  const { fieldErrors, formError } = fieldErrorsOf(result.userErrors);
  // The daily limit and a channel the shop does not offer concern the whole form.
  const { channel, ...fields } = fieldErrors;
  return {
    submission,
    fieldErrors: fields,
    formError: formError ?? channel ?? (Object.keys(fields).length ? null : NOTHING_CHANGED),
    sentTo: null,
    values,
  };
}

// What a withdraw or erase form shows after a refusal.
export type InvitationFormState = { submission: number; error: string | null };

export async function withdrawInvitationAction(
  shop: string,
  id: string,
  previous: InvitationFormState,
): Promise<InvitationFormState> {
  const submission = previous.submission + 1;
  const { invitationWithdraw: result } = await execute(WithdrawMutation, { id });
  if (!result.invitation) {
    return { submission, error: result.userErrors.map((e) => e.message).join(" ") || NOTHING_CHANGED };
  }
  refresh(shop);
  redirect(pageUrl(shop, { withdrawn: "1" }));
}

export async function eraseFriendDetailsAction(
  shop: string,
  previous: InvitationFormState,
): Promise<InvitationFormState> {
  const submission = previous.submission + 1;
  const { invitationsEraseFriendDetails: result } = await execute(EraseMutation, {});
  if (result.erasedCount === null || result.erasedCount === undefined) {
    return { submission, error: result.userErrors.map((e) => e.message).join(" ") || NOTHING_CHANGED };
  }
  refresh(shop);
  redirect(pageUrl(shop, { erased: String(result.erasedCount) }));
}
