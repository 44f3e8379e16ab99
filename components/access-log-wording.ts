// The words of the access log and of the support access section: what the API returns
// (kinds, audit actions, subjects, field names, end reasons) said in plain words.
// Pure: used by the page's loader on the server, and tested on its own.
import { formatMoment, formatTime } from "./dates";
import { browserName } from "./export-options";

export type AccessLogKind =
  | "SIGN_IN"
  | "SIGN_IN_FAILED"
  | "PASSWORD_AGAIN"
  | "SUPPORT_SESSION"
  | "REVEAL"
  | "DOWNLOAD"
  | "PARTNER"
  | "SIGN_IN_METHOD";

export type SupportSessionItem = {
  agentName: string;
  reason: string;
  ticket: string;
  startedAt: string;
  // "22 Nov 2026, 08:10 UTC: ended by the agent", or "Still open, until …".
  endText: string;
  isOpen: boolean;
  steps: { at: string; text: string }[];
};

// One entry as the page shows it, already in words (plain data: it crosses to the browser).
export type AccessLogItem = {
  id: string;
  at: string;
  kind: AccessLogKind;
  title: string;
  detail: string | null;
  session: SupportSessionItem | null;
};

export type AccessLogPage = { items: AccessLogItem[]; endCursor: string | null; hasNextPage: boolean };

// The answer of a support access form.
export type SupportAccessFormState = {
  submission: number;
  message: string | null;
  error: string | null;
};

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

// Field names as stored ("firstName", "dateOfBirth") in words; unknown ones split apart.
const FIELD_WORDS: Record<string, string> = {
  firstName: "first name",
  lastName: "last name",
  alias: "alias",
  dateOfBirth: "date of birth",
  gender: "gender",
  hometown: "hometown",
  phones: "phone numbers",
  phone: "phone number",
  number: "phone number",
  email: "email address",
  nationalId: "national ID number",
  recipientName: "recipient's name",
  line1: "street address",
  line2: "second address line",
  postalCode: "postal code",
};

export function fieldWords(field: string): string {
  return FIELD_WORDS[field] ?? field.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}

// What an agent looked at: the read actions of server/auth/authorize.ts.
const VIEWED: Record<string, string> = {
  "account.read": "viewed your account details",
  "data.read": "viewed your data",
  "documents.read": "viewed your invoices and warranty certificates",
  "consents.read": "viewed your subscriptions and cookie choices",
  "exports.read": "viewed your data downloads",
  "deletion.read": "viewed your account deletion status",
  "access-log.read": "viewed this access log",
  "support-access.read": "viewed whether support may open your account",
  "requests.read": "viewed your rights requests",
};

// What an agent tried and was refused: the actions they may not take for you.
const ATTEMPTED: Record<string, string> = {
  "email.change": "change your email",
  "password.change": "change your password",
  "session.reauthenticate": "enter your password",
  "deletion.request": "ask for your account to be deleted",
  "deletion.confirm": "confirm the deletion of your account",
  "deletion.cancel": "cancel the deletion of your account",
  "export.create": "download a copy of your data",
  "export.download": "download a copy of your data",
  "consent.grant": "subscribe you to something",
  "consent.withdraw": "withdraw a consent",
  "support-access.manage": "change your permission for support access",
  "social.link": "connect a social account",
  "social.unlink": "unlink a social account or erase what it gave us",
  "invitation.send": "invite a friend",
  "invitation.manage": "withdraw an invitation or erase your friends' details",
  "request.create": "file a rights request for you",
  "request.update": "change or withdraw one of your rights requests",
  "data.reveal": "show a hidden value in full",
  "account.update": "correct your details",
  "address.write": "change an address",
  "document.download": "download a document",
};

function listWords(fields: string[]): string {
  return fields.map(fieldWords).join(", ");
}

// One step of a support session; null for steps the card says otherwise (its start and end).
export function supportStepText(step: { action: string; subject: string | null; fields: string[] }): string | null {
  const { action, subject, fields } = step;
  switch (action) {
    case "impersonation.start":
    case "impersonation.end":
      return null;
    case "impersonation.view":
      return (subject && VIEWED[subject]) ?? (subject ? `viewed ${subject}` : "viewed your account");
    case "impersonation.refused":
      return `was refused: ${(subject && ATTEMPTED[subject]) ?? subject ?? "an action"}`;
    case "address.create":
      return "added an address";
    case "address.write":
    case "address.update":
      return "changed an address";
    case "address.delete":
      return "removed an address";
    case "customer.update":
      return fields.length ? `corrected: ${listWords(fields)}` : "corrected your details";
    case "consent.update":
      return "changed your subscriptions";
    case "account.deletion-cancelled":
      return "cancelled the deletion of your account";
    case "data.reveal":
      return subject ? `showed in full: ${fieldWords(subject)}` : "showed a hidden value in full";
    case "document.download":
    case "documents.archive":
    case "export.download":
      return `downloaded ${downloadWords(action, subject)}`;
    default:
      return action;
  }
}

// How a support session ended.
export function endReasonWords(endReason: string | null): string {
  switch (endReason) {
    case "ENDED":
      return "ended by the agent";
    case "EXPIRED":
      return "its time ran out";
    case "SIGNED_OUT":
      return "the agent signed out";
    case "REVOKED":
      return "access withdrawn by you";
    case "REPLACED":
      return "the agent opened another account";
    default:
      return "ended";
  }
}

export function sessionEndText(session: {
  endedAt: string | null;
  endReason: string | null;
  expiresAt: string;
}): string {
  if (!session.endedAt) return `Still open, until ${formatTime(session.expiresAt)} at the latest`;
  return `${formatTime(session.endedAt)}: ${endReasonWords(session.endReason)}`;
}

// "an invoice", "your data export": what was downloaded.
function downloadWords(action: string | null, subject: string | null): string {
  if (action === "documents.archive") return "all your documents as one ZIP file";
  if (action === "export.download") return "a copy of your data";
  if (subject === "Invoice") return "an invoice";
  if (subject === "WarrantyCertificate") return "a warranty certificate";
  return "a document";
}

// What a partner read, by the read action of server/auth/authorize.ts.
const PARTNER_READ: Record<string, string> = {
  "account.read": "looked up your account",
  "consents.read": "read your subscriptions and cookie choices",
  "requests.read": "read the status of your rights requests",
};

const STATE_WORDS: Record<string, string> = {
  GRANTED: "allowed",
  WITHDRAWN: "withdrawn",
  PENDING: "waiting for your confirmation by email",
};

// A partner's consent change, "Email offers: withdrawn", with the shop's purpose labels.
export function partnerChangeText(change: string, labels: ReadonlyMap<string, string>): string {
  const [purpose, state] = change.split(" → ");
  return `${labels.get(purpose) ?? purpose}: ${STATE_WORDS[state] ?? state?.toLowerCase() ?? ""}`;
}

// Sign-in methods and providers as the log names them.
const PROVIDER_WORDS: Record<string, string> = {
  facebook: "Facebook",
  twitter: "X (Twitter)",
  microsoft: "Microsoft",
  google: "Google",
};

// An entry's headline.
export function entryTitle(entry: {
  kind: AccessLogKind;
  action: string | null;
  subject: string | null;
  actorName: string | null;
}): string {
  switch (entry.kind) {
    case "SIGN_IN":
      return entry.subject && PROVIDER_WORDS[entry.subject]
        ? `You signed in with ${PROVIDER_WORDS[entry.subject]}`
        : "You signed in";
    case "SIGN_IN_FAILED":
      return "Someone tried to sign in, with a wrong password";
    case "PASSWORD_AGAIN":
      return "You entered your password again";
    case "SIGN_IN_METHOD": {
      const provider = (entry.subject && PROVIDER_WORDS[entry.subject]) ?? "a provider";
      if (entry.action === "social.link") return `You linked ${provider} to your account`;
      if (entry.action === "social.unlink") return `You unlinked ${provider} from your account`;
      if (entry.action === "social.erase") return `You erased what ${provider} gave us`;
      if (entry.action === "password.set") return "You set a password for your account";
      return "A way to sign in changed";
    }
    case "SUPPORT_SESSION":
      // Agents' display names often say "from support" already ("Sam from support").
      return `${entry.actorName ?? "A support agent"} opened your account`;
    case "REVEAL":
      return entry.subject ? `Shown in full: your ${fieldWords(entry.subject)}` : "A hidden value was shown in full";
    case "DOWNLOAD":
      if (entry.action === "documents.archive") return "All your documents were downloaded, as one ZIP file";
      return capitalise(`${downloadWords(entry.action, entry.subject)} was downloaded`);
    case "PARTNER": {
      const who = `${entry.actorName ?? "A partner"}, a partner of the shop,`;
      if (entry.action === "partner.read") {
        return `${who} ${(entry.subject && PARTNER_READ[entry.subject]) ?? "read your data"}`;
      }
      if (entry.action === "consent.update") return `${who} changed your subscriptions`;
      return `${who} ${entry.action ?? "used your data"}`;
    }
  }
}

// Where a sign-in came from: "Firefox 128 on macOS, from 203.0.113.x".
export function signInDetail(userAgent: string | null, ipMasked: string | null): string {
  const from = ipMasked ? `, from ${ipMasked}` : "";
  return `${capitalise(browserName(userAgent))}${from}`;
}

// The support access section's headline.
export function supportAccessText(access: {
  isPermissionRequired: boolean;
  isAllowed: boolean;
  expiresAt: string | null;
}): string {
  if (!access.isPermissionRequired) {
    return "Support staff may open your account when you ask for help, for a stated reason and ticket. Every session is listed below, with what was viewed or changed.";
  }
  if (!access.isAllowed) return "Support staff may not open your account now.";
  if (!access.expiresAt) return "Support staff may open your account until you withdraw your permission.";
  return `Support staff may open your account until ${formatMoment(access.expiresAt)}.`;
}

export const SUPPORT_ACCESS_CHOICES = [
  { value: "HOURS_24", label: "For 24 hours" },
  { value: "DAYS_7", label: "For 7 days" },
  { value: "UNTIL_REVOKED", label: "Until I withdraw it" },
] as const;
