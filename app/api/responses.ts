import { randomUUID } from "node:crypto";
import { NextResponse } from "next/server";
import { logEvent } from "@/server/log";

// What the API routes (besides /api/graphql) answer with when something goes wrong.

// Personal data: never cached by a shared cache, never sniffed into something else.
export const PRIVATE_HEADERS = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" };

type Headers = Record<string, string>;

// The JSON error body of every route: { error: { code, message, ...extra } }.
export function errorResponse(
  status: number,
  code: string,
  message: string,
  options: { extra?: Record<string, string>; headers?: Headers } = {},
) {
  return NextResponse.json(
    { error: { code, message, ...options.extra } },
    { status, headers: options.headers ?? PRIVATE_HEADERS },
  );
}

// An unexpected failure: logged under a fresh id with the error's name only (nothing
// personal), and answered with that id so that support can find the log line.
export function internalErrorResponse(event: string, message: string, error: unknown, headers?: Headers) {
  const errorId = randomUUID();
  logEvent("error", { event, errorId, errorName: error instanceof Error ? error.name : typeof error });
  return errorResponse(500, "INTERNAL_SERVER_ERROR", message, { extra: { errorId }, headers });
}
