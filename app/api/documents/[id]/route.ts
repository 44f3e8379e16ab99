import { randomUUID } from "node:crypto";
import { type NextRequest, NextResponse } from "next/server";
import { viewerFromCookies } from "@/graphql/context";
import { getDocumentPdf } from "@/server/documents";
import { isAppError } from "@/server/errors";
import { logEvent } from "@/server/log";

export const dynamic = "force-dynamic";

// Personal documents: never cached by a shared cache, never sniffed into something else.
const PRIVATE_HEADERS = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" };

function errorResponse(status: number, code: string, message: string, extra: Record<string, string> = {}) {
  return NextResponse.json({ error: { code, message, ...extra } }, { status, headers: PRIVATE_HEADERS });
}

// GET /api/documents/<global id>: the signed-in customer's invoice or warranty
// certificate as a PDF. The viewer comes from the session cookie, as for /api/graphql.
export async function GET(req: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  try {
    const viewer = await viewerFromCookies(req.cookies);
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
    if (isAppError(error) && error.code === "NOT_FOUND") return errorResponse(404, error.code, error.message);
    const errorId = randomUUID();
    logEvent("error", {
      event: "documents.download-failed",
      errorId,
      errorName: error instanceof Error ? error.name : typeof error,
    });
    return errorResponse(500, "INTERNAL_SERVER_ERROR", "The document could not be prepared. Please try again later.", {
      errorId,
    });
  }
}
