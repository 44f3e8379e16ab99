// The support console's enums in words.

export const ROLE_WORDS: Record<string, string> = {
  SUPPORT: "Support agent",
  PRIVACY_OFFICER: "Privacy officer",
};

export const STATUS_WORDS: Record<string, string> = {
  ACTIVE: "Active",
  DELETION_SCHEDULED: "Deletion scheduled",
};

export const SEARCH_KIND_WORDS: Record<string, string> = {
  EMAIL: "by exact email address",
  ORDER_NUMBER: "by exact order number",
  NAME_PREFIX: "by the start of a first name, last name or nickname",
};

// What agents cannot do while acting in an account (server/auth/authorize.ts).
export const AGENT_LIMITS =
  "Support staff cannot change the email address or password, delete the account, download exports, link or unlink social accounts, invite friends or withdraw invitations, file, add to or withdraw rights requests, or grant marketing consent here; revealing masked values is for privacy officers only.";
