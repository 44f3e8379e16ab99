import { type NextRequest, NextResponse } from "next/server";
import { errorResponse, internalErrorResponse } from "@/app/api/responses";
import { appUrl } from "@/server/app-url";
import {
  getUnsubscribeLink,
  UNSUBSCRIBE_LINK_NOT_VALID,
  unsubscribePagePath,
  unsubscribeWithToken,
} from "@/server/consent/unsubscribe";
import { isAppError } from "@/server/errors";

export const dynamic = "force-dynamic";

// The target of every marketing email's List-Unsubscribe header (RFC 8058). The token
// in the query names the shop, customer and list and is signed; it is the only
// authority, so no session is needed. Neither answer may be cached or leak the token.
const HEADERS = { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer", "X-Content-Type-Options": "nosniff" };

const refused = (status: number, code: string, message: string) =>
  errorResponse(status, code, message, { headers: HEADERS });

// POST: what a mail client sends for "one click" (body "List-Unsubscribe=One-Click",
// which is not needed to act: the signed token already says what to do, and clients
// differ in how they encode it). Withdraws the list at once; a replay changes nothing
// and still answers 200.
export async function POST(req: NextRequest) {
  try {
    const result = await unsubscribeWithToken({ token: req.nextUrl.searchParams.get("token") });
    return NextResponse.json(
      {
        unsubscribed: true,
        isAlreadyWithdrawn: result.isAlreadyWithdrawn,
        shop: result.shop.handle,
        purpose: { key: result.purpose.key, label: result.purpose.label },
        message: `You are unsubscribed from "${result.purpose.label}" emails from ${result.shop.name}.`,
      },
      { status: 200, headers: HEADERS },
    );
  } catch (error) {
    if (isAppError(error) && error.code === "INVALID_INPUT") return refused(400, "INVALID_TOKEN", error.message);
    if (isAppError(error) && error.code === "NOT_FOUND") return refused(404, error.code, error.message);
    return internalError(error);
  }
}

// GET: a person opening the link, or a mail scanner prefetching it. Changes nothing;
// leads to the shop's page that asks for the click.
export async function GET(req: NextRequest) {
  try {
    const token = req.nextUrl.searchParams.get("token") ?? "";
    const link = await getUnsubscribeLink({ token });
    if (!link) return refused(400, "INVALID_TOKEN", UNSUBSCRIBE_LINK_NOT_VALID);
    return new NextResponse(null, {
      status: 303,
      headers: { ...HEADERS, Location: appUrl(unsubscribePagePath(link.shop.handle, token)) },
    });
  } catch (error) {
    return internalError(error);
  }
}

function internalError(error: unknown) {
  return internalErrorResponse("unsubscribe.failed", "Something went wrong. Please try again later.", error, HEADERS);
}
