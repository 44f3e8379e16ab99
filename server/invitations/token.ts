import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { derivedKey } from "../auth/derived-key";
import { getAuthSecret } from "../auth/secret";

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
const TOKEN = /^([A-Za-z0-9_-]{44})\.([A-Za-z0-9_-]{43})$/;

const uuidBytes = (id: string) => Buffer.from(id.replace(/-/g, ""), "hex");

function uuidText(bytes: Buffer): string {
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const mac = (payload: Buffer, secret: string) =>
  createHmac("sha256", derivedKey(secret, KEY_LABEL)).update(payload).digest();

// `secret` is for tests; the app always uses its own.
export function signInvitationToken(claims: InvitationClaims, secret: string = getAuthSecret()): string {
  if (!UUID.test(claims.shopId) || !UUID.test(claims.invitationId)) throw new Error("Ids must be UUIDs.");
  const payload = Buffer.concat([Buffer.from([VERSION]), uuidBytes(claims.shopId), uuidBytes(claims.invitationId)]);
  return `${payload.toString("base64url")}.${mac(payload, secret).toString("base64url")}`;
}

// The claims of a genuine token; null for anything else (malformed, forged, altered).
export function verifyInvitationToken(token: unknown, secret: string = getAuthSecret()): InvitationClaims | null {
  if (typeof token !== "string") return null;
  const match = TOKEN.exec(token);
  if (!match) return null;
  const payload = Buffer.from(match[1], "base64url");
  const given = Buffer.from(match[2], "base64url");
  // base64url decoding skips stray characters; a token must round-trip exactly.
  if (payload.toString("base64url") !== match[1] || given.toString("base64url") !== match[2]) return null;
  if (payload.length !== 33 || payload[0] !== VERSION) return null;
  const expected = mac(payload, secret);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { shopId: uuidText(payload.subarray(1, 17)), invitationId: uuidText(payload.subarray(17, 33)) };
}
