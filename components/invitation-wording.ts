// Invitations in words, for the inviter's list and the friend's page. Pure: the API
// gives enums and dates, the UI says what they mean.

export type InvitationChannelKey = "LINK" | "FACEBOOK" | "TWITTER" | "EMAIL";
export type InvitationStatusKey = "SENT" | "ACCEPTED" | "OBJECTED" | "EXPIRED" | "WITHDRAWN";

export const isShareChannel = (channel: InvitationChannelKey) => channel !== "EMAIL";

// "Share link", "Facebook", "X", "Email to ana@example.com" ("Email" once the address is deleted).
export function channelText(channel: InvitationChannelKey, friendEmail?: string | null): string {
  switch (channel) {
    case "LINK":
      return "Share link";
    case "FACEBOOK":
      return "Share link on Facebook";
    case "TWITTER":
      return "Share link on X";
    case "EMAIL":
      return friendEmail ? `Email to ${friendEmail}` : "Email (address deleted)";
  }
}

// The share buttons, by channel.
export const SHARE_BUTTON_LABELS: Record<Exclude<InvitationChannelKey, "EMAIL">, string> = {
  LINK: "Create a share link",
  FACEBOOK: "Share on Facebook",
  TWITTER: "Share on X",
};

export const PLATFORM_NAMES: Partial<Record<InvitationChannelKey, string>> = { FACEBOOK: "Facebook", TWITTER: "X" };

// The status as the inviter reads it.
export function statusText(status: InvitationStatusKey, channel: InvitationChannelKey, hadDetails: boolean): string {
  switch (status) {
    case "SENT":
      return isShareChannel(channel) ? "Link open" : "Sent";
    case "ACCEPTED":
      return "Accepted — your friend opened an account";
    case "OBJECTED":
      return "Your friend asked not to be contacted";
    case "EXPIRED":
      return hadDetails ? "Expired — details deleted" : "Expired";
    case "WITHDRAWN":
      return "Withdrawn";
  }
}

// The word for when an invitation closed: "Accepted on …".
export const CLOSED_VERB: Record<Exclude<InvitationStatusKey, "SENT">, string> = {
  ACCEPTED: "Accepted on",
  OBJECTED: "Your friend objected on",
  EXPIRED: "Expired on",
  WITHDRAWN: "Withdrawn on",
};

// A badge's colours by status: open in the brand's blue, accepted in green, the rest grey.
export function statusTone(status: InvitationStatusKey): string {
  if (status === "SENT") return "border-sky-700 bg-sky-50 text-sky-900";
  if (status === "ACCEPTED") return "border-emerald-700 bg-emerald-50 text-emerald-900";
  return "border-slate-400 bg-slate-100 text-slate-800";
}

// The friend's page after "Don't contact me again", and whenever that page is pressed again.
export const OBJECTION_DONE = "Done. We deleted your details and nobody can invite this address again.";
