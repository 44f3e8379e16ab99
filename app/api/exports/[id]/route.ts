import { Readable } from "node:stream";
import { type NextRequest, NextResponse } from "next/server";
import { errorResponse, internalErrorResponse, PRIVATE_HEADERS } from "@/app/api/responses";
import { viewerFromRequest } from "@/graphql/context";
import { fromGlobalId } from "@/graphql/global-id";
import { isAppError } from "@/server/errors";
import { openExportDownload } from "@/server/export";

export const dynamic = "force-dynamic";

// GET /api/exports/<global id>?token=...: streams the signed-in owner's export file.
// Without a password entered in the last 10 minutes, the browser is sent to enter it
// again and comes back here.
export async function GET(req: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  try {
    const viewer = await viewerFromRequest(req.cookies, req.headers);
    const { id } = await params;
    const decoded = fromGlobalId(id);
    const outcome =
      decoded?.type === "Export"
        ? await openExportDownload({
            viewer,
            id: decoded.id,
            token: req.nextUrl.searchParams.get("token"),
          })
        : viewer.kind !== "anonymous"
          ? ({ ok: false, reason: "not-found" } as const)
          : ({ ok: false, reason: "signed-out" } as const);
    if (!outcome.ok) {
      switch (outcome.reason) {
        case "signed-out":
          return errorResponse(401, "UNAUTHENTICATED", "Sign in to download your data.");
        case "forbidden":
          return errorResponse(403, "FORBIDDEN", "Only the account's owner can download its data.");
        case "not-found":
          return errorResponse(404, "NOT_FOUND", "This export does not exist or the link is not valid.");
        case "expired":
          return errorResponse(
            410,
            "EXPIRED",
            "This download link has expired and the file was deleted. Ask for a new export.",
          );
        case "reauthenticate": {
          const next = `${req.nextUrl.pathname}${req.nextUrl.search}`;
          const target = new URL(`/${outcome.shopHandle}/account/reauthenticate`, req.nextUrl.origin);
          target.searchParams.set("next", next);
          return NextResponse.redirect(target, { status: 303, headers: PRIVATE_HEADERS });
        }
      }
    }
    return new Response(Readable.toWeb(outcome.stream) as ReadableStream, {
      status: 200,
      headers: {
        ...PRIVATE_HEADERS,
        "Content-Type": outcome.contentType,
        "Content-Disposition": `attachment; filename="${outcome.filename}"`,
        "Content-Length": String(outcome.byteSize),
        ...(outcome.sha256
          ? { "Repr-Digest": `sha-256=:${Buffer.from(outcome.sha256, "hex").toString("base64")}:` }
          : {}),
      },
    });
  } catch (error) {
    // An API key that does not work.
    if (isAppError(error) && error.code === "UNAUTHENTICATED") return errorResponse(401, error.code, error.message);
    return internalErrorResponse(
      "export.download-failed",
      "The download could not start. Please try again later.",
      error,
    );
  }
}
