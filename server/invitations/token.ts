import "server-only";
import { getAuthSecret } from "../auth/secret";
import { openPayload, sealPayload, uuidBytes, uuidText } from "../auth/signed-token";

// The token in an invitation's links (the friend's notice, a share link): which shop and
// which invitation, with an HMAC over both. Nothing secret is stored, so the inviter's
// page can show a share link again; the invitation's status decides what the link still
// does (a withdrawn or expired one opens an account no more). The key is derived from
// the app secret with a label of its own.
//
// Layout: base64url(version 1 byte | shop id 16 bytes | invitation id 16 bytes) "."
// base64url(HMAC-SHA256 over those bytes).

export type InvitationClaims = { shopId: string; invitationId: string };

const VERSION = 1;
const KEY_LABEL = "privacy-centre/invitation-link/v1";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// `secret` is for tests; the app always uses its own.
export function signInvitationToken(claims: InvitationClaims, secret: string = getAuthSecret()): string {
  if (!UUID.test(claims.shopId) || !UUID.test(claims.invitationId)) throw new Error("Ids must be UUIDs.");
  const payload = Buffer.concat([Buffer.from([VERSION]), uuidBytes(claims.shopId), uuidBytes(claims.invitationId)]);
  return sealPayload(payload, KEY_LABEL, secret);
}

// The claims of a genuine token; null for anything else (malformed, forged, altered).
export function verifyInvitationToken(token: unknown, secret: string = getAuthSecret()): InvitationClaims | null {
  const payload = openPayload(token, { label: KEY_LABEL, secret, minBytes: 33, maxBytes: 33 });
  if (!payload || payload[0] !== VERSION) return null;
  return { shopId: uuidText(payload.subarray(1, 17)), invitationId: uuidText(payload.subarray(17, 33)) };
}
