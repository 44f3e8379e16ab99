import { hkdfSync } from "node:crypto";

// A key for one purpose, derived from the app secret with HKDF-SHA256 (no salt, the
// purpose as the info label), once per secret and label: a MAC or cipher key of one
// purpose never verifies another's.
const keys = new Map<string, Buffer>();

export function derivedKey(secret: string, label: string): Buffer {
  const id = `${label}\u0000${secret}`;
  let key = keys.get(id);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", secret, Buffer.alloc(0), label, 32));
    keys.set(id, key);
  }
  return key;
}
