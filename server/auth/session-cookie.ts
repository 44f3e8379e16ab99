import { createDecipheriv } from "node:crypto";
import { derivedKey } from "./derived-key";

// Reads next-auth 4's session cookie: a JWE (alg "dir", enc "A256GCM") encrypted with a
// key next-auth derives from the secret with HKDF. next-auth's own `decode` derives that
// key again on every call; this derives it once per secret and then only decrypts, so
// knowing who is asking costs a few microseconds per request. The cookie stays
// next-auth's: it writes it, and test/unit/session-cookie.test.ts checks that both
// read each other's tokens and refuse the same ones.

const INFO = "NextAuth.js Generated Encryption Key";
// As next-auth's decode.
const CLOCK_TOLERANCE_S = 15;

const keyFor = (secret: string): Buffer => derivedKey(secret, INFO);

const base64url = (part: string) => Buffer.from(part, "base64url");

export function decodeSessionCookie(token: string, secret: string, now = Date.now()): Record<string, unknown> | null {
  const parts = token.split(".");
  if (parts.length !== 5) return null;
  const [protectedHeader, encryptedKey, iv, ciphertext, tag] = parts as [string, string, string, string, string];
  try {
    const header = JSON.parse(base64url(protectedHeader).toString("utf8")) as Record<string, unknown>;
    if (header.alg !== "dir" || header.enc !== "A256GCM" || header.zip !== undefined || encryptedKey !== "") {
      return null;
    }
    const ivBytes = base64url(iv);
    const tagBytes = base64url(tag);
    if (ivBytes.length !== 12 || tagBytes.length !== 16) return null;
    const decipher = createDecipheriv("aes-256-gcm", keyFor(secret), ivBytes);
    decipher.setAAD(Buffer.from(protectedHeader, "ascii"));
    decipher.setAuthTag(tagBytes);
    const plaintext = Buffer.concat([decipher.update(base64url(ciphertext)), decipher.final()]);
    const claims = JSON.parse(plaintext.toString("utf8")) as unknown;
    if (!claims || typeof claims !== "object" || Array.isArray(claims)) return null;
    const payload = claims as Record<string, unknown>;
    const seconds = Math.floor(now / 1000);
    if (typeof payload.exp === "number" && payload.exp < seconds - CLOCK_TOLERANCE_S) return null;
    if (typeof payload.nbf === "number" && payload.nbf > seconds + CLOCK_TOLERANCE_S) return null;
    return payload;
  } catch {
    // A bad tag, bad base64 or bad JSON: not our cookie.
    return null;
  }
}
