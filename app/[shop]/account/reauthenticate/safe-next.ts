// Where the password-again page may send the browser afterwards: a path inside this
// shop, or an export download. Anything else (another site, "//host", a backslash that
// a browser reads as a slash, control characters) goes to the export page instead.
export function safeNext(shop: string, next: unknown): string {
  const fallback = `/${shop}/account/privacy/export`;
  if (typeof next !== "string" || next.length > 2000) return fallback;
  if (!next.startsWith(`/${shop}/`) && !next.startsWith("/api/exports/")) return fallback;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (next.includes("//") || next.includes("\\") || /[\u0000-\u001f\u007f]/.test(next)) return fallback;
  return next;
}

// A download is a file, not a page: the browser opens it itself rather than the router.
export const isDownload = (next: string) => next.startsWith("/api/exports/");
