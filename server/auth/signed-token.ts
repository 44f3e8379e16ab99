import { createHmac, timingSafeEqual } from "node:crypto";
import { derivedKey } from "./derived-key";

// Tokens in emailed links that carry their own claims: base64url(payload) "."
// base64url(HMAC-SHA256 over the payload), the key derived from the app secret with the
// token kind's own label, so a MAC of one kind never verifies another. The kinds lay
// out their payloads (server/consent/unsubscribe-token.ts, server/invitations/token.ts).

const TOKEN = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]{43})$/;

const mac = (payload: Buffer, label: string, secret: string) =>
  createHmac("sha256", derivedKey(secret, label)).update(payload).digest();

export function sealPayload(payload: Buffer, label: string, secret: string): string {
  return `${payload.toString("base64url")}.${mac(payload, label, secret).toString("base64url")}`;
}

// The payload of a genuine token of this kind with a length in [minBytes, maxBytes];
// null for anything else (malformed, forged, altered, another kind's).
export function openPayload(
  token: unknown,
  options: { label: string; secret: string; minBytes: number; maxBytes: number },
): Buffer | null {
  if (typeof token !== "string" || token.length > 2 * options.maxBytes + 50) return null;
  const match = TOKEN.exec(token);
  if (!match) return null;
  const payload = Buffer.from(match[1], "base64url");
  const given = Buffer.from(match[2], "base64url");
  // base64url decoding skips stray characters; a token must round-trip exactly.
  if (payload.toString("base64url") !== match[1] || given.toString("base64url") !== match[2]) return null;
  if (payload.length < options.minBytes || payload.length > options.maxBytes) return null;
  const expected = mac(payload, options.label, options.secret);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return payload;
}

export const uuidBytes = (id: string) => Buffer.from(id.replace(/-/g, ""), "hex");

export function uuidText(bytes: Buffer): string {
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
