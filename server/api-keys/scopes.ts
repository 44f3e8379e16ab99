// What a partner key may be given (issue 12). Each scope unlocks a fixed set of
// actions in server/auth/authorize.ts; nothing else is open to a key.
export const API_SCOPES = [
  "customers:read",
  "consents:read",
  "consents:write",
  "requests:read",
  "requests:write",
  "webhooks:manage",
  "policy:read",
] as const;

export type ApiScope = (typeof API_SCOPES)[number];

export const SCOPE_DESCRIPTIONS: Record<ApiScope, string> = {
  "customers:read": "Find a customer by id or exact email address and read their account summary.",
  "consents:read": "Read a customer's marketing and cookie choices and their history.",
  "consents:write": "Record a customer's consent choices collected by the partner.",
  "requests:read": "Read the status of a customer's rights requests.",
  "requests:write": "File rights requests on a customer's behalf.",
  "webhooks:manage": "Create, change and delete this key's webhook endpoints and read their deliveries.",
  "policy:read": "Read the shop's public privacy policy profile.",
};

export function isApiScope(value: string): value is ApiScope {
  return (API_SCOPES as readonly string[]).includes(value);
}
