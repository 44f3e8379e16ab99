import type { NextRequest } from "next/server";
import { errorResponse, internalErrorResponse, PRIVATE_HEADERS } from "@/app/api/responses";
import { viewerFromRequest } from "@/graphql/context";
import { getDocumentsArchive } from "@/server/documents";
import { isAppError } from "@/server/errors";

export const dynamic = "force-dynamic";

// GET /api/documents/archive: every invoice and warranty certificate of the signed-in
// customer as one ZIP of PDFs (named as the single downloads), streamed as it is made.
// "archive" is not a global id, so it never reaches /api/documents/[id].
export async function GET(req: NextRequest) {
  try {
    const viewer = await viewerFromRequest(req.cookies, req.headers);
    const { filename, stream } = await getDocumentsArchive({ viewer });
    return new Response(stream, {
      status: 200,
      headers: {
        ...PRIVATE_HEADERS,
        "Content-Type": "application/zip",
        "Content-Disposition": `attachment; filename="${filename}"`,
      },
    });
  } catch (error) {
    if (isAppError(error) && error.code === "UNAUTHENTICATED") return errorResponse(401, error.code, error.message);
    // A support agent outside a session in this account (or refused): nothing to download.
    if (isAppError(error) && error.code === "FORBIDDEN") return errorResponse(403, error.code, error.message);
    return internalErrorResponse(
      "documents.archive-failed",
      "The documents could not be prepared. Please try again later.",
      error,
    );
  }
}
