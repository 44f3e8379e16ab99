// What a provider sends is outside input like any other: text the database cannot store
// (NUL) or a person cannot read (control characters, lone surrogates) is dropped, and
// sizes are capped, so a strange profile is stored cleaned, never refused with an
// internal error.

// Drops C0 controls but tab and line breaks, DEL, and unpaired surrogates.
function dropUnsafe(value: string): string {
  let out = "";
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f) continue;
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += value[i] + value[i + 1];
        i++;
      }
      continue;
    }
    if (code >= 0xdc00 && code <= 0xdfff) continue;
    out += value[i];
  }
  return out;
}

export function cleanProviderText(value: unknown, max: number): string | null {
  if (typeof value !== "string" && typeof value !== "number") return null;
  const cleaned = dropUnsafe(String(value)).trim();
  if (!cleaned) return null;
  // Cut on a character boundary: never leave half a surrogate pair.
  return Array.from(cleaned).slice(0, max).join("");
}

const MAX_DEPTH = 4;
const MAX_KEYS = 50;
const MAX_TEXT = 2000;

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

function clean(value: unknown, depth: number): Json | undefined {
  if (value === null || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value === "string") return cleanProviderText(value, MAX_TEXT) ?? undefined;
  if (depth >= MAX_DEPTH || typeof value !== "object") return undefined;
  if (Array.isArray(value)) {
    return value
      .slice(0, MAX_KEYS)
      .map((v) => clean(v, depth + 1))
      .filter((v): v is Json => v !== undefined);
  }
  const out: Record<string, Json> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>).slice(0, MAX_KEYS)) {
    const name = cleanProviderText(key, 100);
    const cleaned = clean(v, depth + 1);
    if (name && cleaned !== undefined) out[name] = cleaned;
  }
  return out;
}

export function cleanProviderData(value: Record<string, unknown>): { [key: string]: Json } {
  const cleaned = clean(value, 0);
  return cleaned && typeof cleaned === "object" && !Array.isArray(cleaned) ? cleaned : {};
}
