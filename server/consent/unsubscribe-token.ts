import "server-only";
import { getAuthSecret } from "../auth/secret";
import { openPayload, sealPayload, uuidBytes, uuidText } from "../auth/signed-token";
import { PURPOSE_KEY_PATTERN } from "./purposes";

// The token of a one-click unsubscribe link (RFC 8058): who (shop, customer) and which
// list (purpose key), with an HMAC over all three. It never expires: a link in an old
// newsletter must still work. Changing any byte of it, or moving it to another
// customer or purpose, breaks the MAC. The key is derived from the app secret with a
// label of its own, so this MAC cannot be confused with any other the app makes.
//
// Layout: base64url(version 1 byte | shop id 16 bytes | customer id 16 bytes | purpose
// key UTF-8) "." base64url(HMAC-SHA256 over those bytes).

export type UnsubscribeClaims = { shopId: string; customerId: string; purposeKey: string };

const VERSION = 1;
const KEY_LABEL = "privacy-centre/unsubscribe-link/v1";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_KEY_BYTES = 200;

// `secret` is for tests; the app always uses its own.
export function signUnsubscribeToken(claims: UnsubscribeClaims, secret: string = getAuthSecret()): string {
  if (!UUID.test(claims.shopId) || !UUID.test(claims.customerId)) throw new Error("Ids must be UUIDs.");
  const key = Buffer.from(claims.purposeKey, "utf8");
  if (!PURPOSE_KEY_PATTERN.test(claims.purposeKey) || key.length > MAX_KEY_BYTES) {
    throw new Error("Not a purpose key.");
  }
  const payload = Buffer.concat([Buffer.from([VERSION]), uuidBytes(claims.shopId), uuidBytes(claims.customerId), key]);
  return sealPayload(payload, KEY_LABEL, secret);
}

// The claims of a genuine token; null for anything else (malformed, forged, altered).
export function verifyUnsubscribeToken(token: unknown, secret: string = getAuthSecret()): UnsubscribeClaims | null {
  const payload = openPayload(token, { label: KEY_LABEL, secret, minBytes: 34, maxBytes: 33 + MAX_KEY_BYTES });
  if (!payload || payload[0] !== VERSION) return null;
  const purposeKey = payload.subarray(33).toString("utf8");
  if (!PURPOSE_KEY_PATTERN.test(purposeKey)) return null;
  return { shopId: uuidText(payload.subarray(1, 17)), customerId: uuidText(payload.subarray(17, 33)), purposeKey };
}
