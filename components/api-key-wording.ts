// The API keys page's choices and enums in words.

// How long the old secret keeps working after a rotation; 24 hours unless chosen.
export const ROTATE_OVERLAPS = [
  { value: "0", label: "Stop it now", hours: 0 },
  { value: "1", label: "1 hour", hours: 1 },
  { value: "24", label: "24 hours", hours: 24 },
  { value: "168", label: "7 days", hours: 168 },
] as const;

export const DEFAULT_ROTATE_OVERLAP = "24";

export const API_KEY_STATUS: Record<string, { label: string; badge: string; explanation: string }> = {
  ACTIVE: {
    label: "Active",
    badge: "border-green-700 bg-green-50 text-green-900",
    explanation: "Works now.",
  },
  EXPIRED: {
    label: "Expired",
    badge: "border-amber-700 bg-amber-50 text-amber-900",
    explanation: "Its expiry time has passed: calls with it are refused.",
  },
  REVOKED: {
    label: "Revoked",
    badge: "border-slate-500 bg-slate-100 text-slate-800",
    explanation: "Ended by a privacy officer: calls with it are refused.",
  },
};

export const API_KEY_ACTIONS: Record<string, string> = {
  "api-key.create": "API key created",
  "api-key.rotate": "API key secret rotated",
  "api-key.revoke": "API key revoked",
};

// An api-key.* audit event's details in words, e.g. "“Acme” · scopes consents:read ·
// no expiry"; null for other actions or details it does not recognise. `keyNames` maps
// key ids to names: rotate and revoke record only the id.
export function apiKeyEventSummary(
  action: string,
  details: string,
  keyNames: ReadonlyMap<string, string>,
  formatTime: (iso: string) => string,
): string | null {
  if (!(action in API_KEY_ACTIONS)) return null;
  let parsed: Record<string, unknown>;
  try {
    const value: unknown = JSON.parse(details);
    if (!value || typeof value !== "object") return null;
    parsed = value as Record<string, unknown>;
  } catch {
    return null;
  }
  const id = typeof parsed.apiKeyId === "string" ? parsed.apiKeyId : null;
  const name = typeof parsed.name === "string" ? parsed.name : id ? keyNames.get(id) : undefined;
  const parts = [name ? `“${name}”` : "An API key"];
  if (action === "api-key.create") {
    if (Array.isArray(parsed.scopes)) parts.push(`scopes ${parsed.scopes.map(String).join(", ")}`);
    parts.push(typeof parsed.expiresAt === "string" ? `expires ${formatTime(parsed.expiresAt)}` : "no expiry");
  }
  if (action === "api-key.rotate" && typeof parsed.previousSecretsEndAt === "string") {
    parts.push(`the previous secret stops working ${formatTime(parsed.previousSecretsEndAt)}`);
  }
  return parts.join(" · ");
}
