// Absolute links in mail and exported files: NEXTAUTH_URL is the app's public origin.
export function appUrl(pathname: string): string {
  const base = (process.env.NEXTAUTH_URL?.trim() || "http://localhost:3000").replace(/\/+$/, "");
  return `${base}${pathname.startsWith("/") ? "" : "/"}${pathname}`;
}
