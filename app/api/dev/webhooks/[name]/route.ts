import { type NextRequest, NextResponse } from "next/server";
import { isDemoMode } from "@/server/auth/secret";
import { isValidReceiverName, receiveDevWebhook } from "@/server/dev/webhook-inbox";

// The demo webhook receiver (demo mode only): POST /api/dev/webhooks/<name> with Standard
// Webhooks headers. It verifies the signature, keeps the request for /dev/webhooks and
// answers 200, or the status named by ?status=NNN (e.g. 500 to watch the retries, 410 to
// see the endpoint disabled). <name> is 1-40 letters, digits and dashes.
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ name: string }> };

const MAX_BODY = 256 * 1024;

const notFound = () => NextResponse.json({ error: "Not found." }, { status: 404 });

export async function POST(request: NextRequest, { params }: Context) {
  const { name } = await params;
  if (!isDemoMode() || !isValidReceiverName(name)) return notFound();
  const body = await request.text();
  if (body.length > MAX_BODY) return NextResponse.json({ error: "Too large." }, { status: 413 });
  const received = await receiveDevWebhook({
    name,
    search: request.nextUrl.searchParams,
    headers: request.headers,
    body,
  });
  const { verification } = received;
  return NextResponse.json(
    verification.isVerified
      ? { received: true, verified: true }
      : { received: true, verified: false, reason: verification.reason },
    { status: received.answeredStatus, headers: { "cache-control": "no-store" } },
  );
}

// A browser opening the receiver's URL is told what it is.
export async function GET(_request: NextRequest, { params }: Context) {
  const { name } = await params;
  if (!isDemoMode() || !isValidReceiverName(name)) return notFound();
  return NextResponse.json(
    {
      receiver: name,
      accepts: "POST with the headers webhook-id, webhook-timestamp and webhook-signature",
      seeDeliveriesAt: "/dev/webhooks",
    },
    { headers: { "cache-control": "no-store" } },
  );
}
