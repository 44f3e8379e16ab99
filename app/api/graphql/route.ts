import { NextRequest, NextResponse } from "next/server";
import { getGraphQLHttpHandler } from "@/graphql/server";

export const dynamic = "force-dynamic";

const MAX_BODY_BYTES = 64 * 1024;

function tooLarge() {
  return NextResponse.json(
    {
      errors: [
        { message: `Request body is larger than ${MAX_BODY_BYTES} bytes.`, extensions: { code: "PAYLOAD_TOO_LARGE" } },
      ],
    },
    { status: 413 },
  );
}

const GRAPHIQL_PATH = "/developers/graphiql";

// A browser opening the endpoint (HTML wanted, no operation) is sent to GraphiQL; an
// API client asking for JSON still gets GraphQL's answer.
function wantsExplorer(req: NextRequest): boolean {
  const accept = req.headers.get("accept") ?? "";
  return accept.includes("text/html") && !req.nextUrl.searchParams.has("query");
}

export async function GET(req: NextRequest) {
  if (req.nextUrl.search.length > MAX_BODY_BYTES) return tooLarge();
  if (wantsExplorer(req)) return new Response(null, { status: 302, headers: { location: GRAPHIQL_PATH } });
  return getGraphQLHttpHandler()(req);
}

export async function POST(req: NextRequest) {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) return tooLarge();
  // A chunked body has no length header: read it with the same cap.
  const body = await req.arrayBuffer();
  if (body.byteLength > MAX_BODY_BYTES) return tooLarge();
  if (req.headers.get("content-type")?.includes("application/json")) {
    try {
      JSON.parse(new TextDecoder().decode(body));
    } catch {
      return NextResponse.json(
        { errors: [{ message: "Request body is not valid JSON.", extensions: { code: "BAD_REQUEST" } }] },
        { status: 400 },
      );
    }
  }
  return getGraphQLHttpHandler()(new NextRequest(req.url, { method: "POST", headers: req.headers, body }));
}
