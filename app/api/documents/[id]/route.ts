import type { NextRequest } from "next/server";
import { errorResponse, internalErrorResponse, PRIVATE_HEADERS } from "@/app/api/responses";
import { viewerFromRequest } from "@/graphql/context";
import { getDocumentPdf } from "@/server/documents";
import { isAppError } from "@/server/errors";

export const dynamic = "force-dynamic";

// GET /api/documents/<global id>: the signed-in customer's invoice or warranty
// certificate as a PDF. The viewer comes from the session cookie, as for /api/graphql.
export async function GET(req: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  try {
    const viewer = await viewerFromRequest(req.cookies, req.headers);
    const { id } = await params;
    const { filename, bytes } = await getDocumentPdf({ viewer, id });
    return new Response(Buffer.from(bytes), {
      status: 200,
      headers: {
        ...PRIVATE_HEADERS,
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="${filename}"`,
        "Content-Length": String(bytes.byteLength),
      },
    });
  } catch (error) {
    if (isAppError(error) && error.code === "UNAUTHENTICATED") return errorResponse(401, error.code, error.message);
    // A support agent outside a session in this account (or refused): nothing to download.
    if (isAppError(error) && error.code === "FORBIDDEN") return errorResponse(403, error.code, error.message);
    if (isAppError(error) && error.code === "NOT_FOUND") return errorResponse(404, error.code, error.message);
    return internalErrorResponse(
      "documents.download-failed",
      "The document could not be prepared. Please try again later.",
      error,
    );
  }
}
