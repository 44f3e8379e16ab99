import { CLIENT_ADDRESS_HEADER } from "./client-address";
import type { RequestMeta, RequestSource } from "./viewer";

export function header(headers: unknown, name: string): string | null {
  if (!headers) return null;
  if (typeof (headers as Headers).get === "function") return (headers as Headers).get(name);
  const value = (headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}

const MAX_USER_AGENT = 512;

// The request's metadata for the viewer: the client address stamped by
// ./client-address.ts (never a header the client wrote) and the browser.
export function requestMetaFrom(headers: unknown, source: RequestSource = "web"): RequestMeta {
  return {
    ip: header(headers, CLIENT_ADDRESS_HEADER),
    userAgent: header(headers, "user-agent")?.slice(0, MAX_USER_AGENT) ?? null,
    source,
  };
}
