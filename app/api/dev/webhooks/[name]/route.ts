import { type NextRequest, NextResponse } from "next/server";
import { isDevReceiverEnabled, receiveDevWebhook } from "@/server/webhooks/dev-receiver";

export const dynamic = "force-dynamic";

// The demo's webhook receiver: POST /api/dev/webhooks/<name>. Demo mode and tests only
// (404 otherwise). Answers 204 whether or not the signature verified: the page shows it.
const MAX_BODY = 256 * 1024;

export async function POST(req: NextRequest, context: { params: Promise<{ name: string }> }) {
  if (!isDevReceiverEnabled()) return new NextResponse(null, { status: 404 });
  const { name } = await context.params;
  const body = await req.text();
  if (body.length > MAX_BODY) return new NextResponse(null, { status: 413 });
  const received = await receiveDevWebhook({
    name,
    body,
    headers: {
      id: req.headers.get("webhook-id"),
      timestamp: req.headers.get("webhook-timestamp"),
      signature: req.headers.get("webhook-signature"),
    },
  });
  if (!received) return new NextResponse(null, { status: 404 });
  return new NextResponse(null, { status: 204 });
}
