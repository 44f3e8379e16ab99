// What a provider sends is outside input like any other: text the database cannot store
// (NUL) or a person cannot read (control characters, lone surrogates) is dropped, and
// sizes are capped, so a strange profile is stored cleaned, never refused with an
// internal error.

const UNSAFE =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function cleanProviderText(value: unknown, max: number): string | null {
  if (typeof value !== "string" && typeof value !== "number") return null;
  const cleaned = String(value).replace(UNSAFE, "").trim();
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
