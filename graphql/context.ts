import "server-only";
import { randomUUID } from "node:crypto";
import { resolveApiKeyViewer } from "@/server/api-keys";
import { SESSION_COOKIE } from "@/server/auth/options";
import { requestMetaFrom } from "@/server/auth/request";
import { getAuthSecret } from "@/server/auth/secret";
import { decodeSessionCookie } from "@/server/auth/session-cookie";
import { anonymousViewer, type RequestMeta, resolveSessionViewer, type Viewer } from "@/server/auth/viewer";
import { getDatasetRecordsBatch, type Page, type RecordsRequest, type RecordView } from "@/server/data-map/view";
import { AppError } from "@/server/errors";
import { type ExportDownloadView, getExportDownloads } from "@/server/export";
import { createBatcher } from "./batch";

export type GraphQLContext = {
  viewer: Viewer;
  requestId: string;
  // The browser's Global Privacy Control signal (`Sec-GPC: 1`) on this request.
  globalPrivacyControl: boolean;
  // Per request, so batches never mix viewers.
  loadDatasetRecords: (request: RecordsRequest) => Promise<Page<RecordView>>;
  loadExportDownloads: (exportId: string) => Promise<ExportDownloadView[]>;
};

export type ContextOptions = { globalPrivacyControl?: boolean };

export function createContext(viewer: Viewer, options: ContextOptions = {}): GraphQLContext {
  return {
    viewer,
    requestId: randomUUID(),
    globalPrivacyControl: options.globalPrivacyControl ?? false,
    loadDatasetRecords: createBatcher((requests: RecordsRequest[]) => getDatasetRecordsBatch({ viewer, requests })),
    loadExportDownloads: createBatcher(async (exportIds: string[]) => {
      const byExport = await getExportDownloads({ viewer, exportIds });
      return exportIds.map((id) => byExport.get(id) ?? []);
    }),
  };
}

type HeaderReader = { get(name: string): string | null };

// GPC's only defined value is "1"; anything else, or no header, is no signal.
export function globalPrivacyControlFrom(headers: HeaderReader): boolean {
  return headers.get("sec-gpc")?.trim() === "1";
}

type CookieReader = { get(name: string): { value: string } | undefined };

// One answer for every key that does not work (malformed, unknown, revoked, expired,
// rotated out), so a caller learns nothing about which.
export const INVALID_API_KEY_MESSAGE = "The API key is not valid. Check the Authorization header: Bearer <secret>.";

// Builds the viewer once per request (server/auth/viewer.ts). A request with
// `Authorization: Bearer <secret>` is a partner key's, and its cookies are ignored; a key
// that does not work is refused (UNAUTHENTICATED), never treated as signed out.
// Otherwise the session cookie's JWT names a Session or AgentSession row, which is then
// checked in the database. The request's metadata (client address, browser, source)
// travels with it.
export async function viewerFromRequest(
  cookies: CookieReader,
  headers: HeaderReader,
  source: RequestMeta["source"] = "web",
): Promise<Viewer> {
  const request = requestMetaFrom(headers, source);
  // Only the Bearer scheme is a key: a proxy's Basic credentials in front of the app
  // are not ours to judge.
  const authorization = headers.get("authorization");
  if (authorization !== null && /^Bearer(?:\s|$)/i.test(authorization)) {
    const match = /^Bearer[ \t]+(\S{1,200})[ \t]*$/i.exec(authorization);
    const partner = match ? await resolveApiKeyViewer(match[1], { ...request, source: "api" }) : null;
    if (!partner) throw new AppError("UNAUTHENTICATED", INVALID_API_KEY_MESSAGE);
    return partner;
  }
  const token = cookies.get(SESSION_COOKIE)?.value ?? cookies.get(`__Secure-${SESSION_COOKIE}`)?.value;
  if (!token) return anonymousViewer(request);
  const claims = decodeSessionCookie(token, getAuthSecret());
  const sessionId = typeof claims?.sid === "string" ? claims.sid : null;
  return resolveSessionViewer(sessionId, request, claims?.kind === "agent" ? "agent" : "customer");
}
