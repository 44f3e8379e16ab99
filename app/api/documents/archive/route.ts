import { randomUUID } from "node:crypto";
import { type NextRequest, NextResponse } from "next/server";
import { viewerFromCookies } from "@/graphql/context";
import { getDocumentsArchive } from "@/server/documents";
import { isAppError } from "@/server/errors";
import { logEvent } from "@/server/log";

export const dynamic = "force-dynamic";

// Personal documents: never cached by a shared cache, never sniffed into something else.
const PRIVATE_HEADERS = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" };

function errorResponse(status: number, code: string, message: string, extra: Record<string, string> = {}) {
  return NextResponse.json({ error: { code, message, ...extra } }, { status, headers: PRIVATE_HEADERS });
}

// GET /api/documents/archive: every invoice and warranty certificate of the signed-in
// customer as one ZIP of PDFs (named as the single downloads), streamed as it is made.
// "archive" is not a global id, so it never reaches /api/documents/[id].
export async function GET(req: NextRequest) {
  try {
    const viewer = await viewerFromCookies(req.cookies);
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
    const errorId = randomUUID();
    logEvent("error", {
      event: "documents.archive-failed",
      errorId,
      errorName: error instanceof Error ? error.name : typeof error,
    });
    return errorResponse(500, "INTERNAL_SERVER_ERROR", "The documents could not be prepared. Please try again later.", {
      errorId,
    });
  }
}
