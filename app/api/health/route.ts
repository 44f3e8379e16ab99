import { type NextRequest, NextResponse } from "next/server";
import { getPrisma } from "@/server/db";
import { logEvent } from "@/server/log";

export const dynamic = "force-dynamic";

// Health checks for a load balancer or an orchestrator; no session, nothing personal.
//   GET /api/health        liveness: the process answers. The database is not touched.
//   GET /api/health?ready  readiness: also one `SELECT 1` through the app's database
//                          client; 503 when it fails or takes longer than READY_TIMEOUT_MS.
// Why the database is unavailable is logged (error name only), never answered.
const HEADERS = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };

const READY_TIMEOUT_MS = 2_000;

export async function GET(req: NextRequest) {
  if (!req.nextUrl.searchParams.has("ready")) return NextResponse.json({ status: "ok" }, { headers: HEADERS });
  const started = Date.now();
  try {
    await withTimeout(() => getPrisma().$queryRaw`SELECT 1`, READY_TIMEOUT_MS);
    return NextResponse.json({ status: "ready" }, { headers: HEADERS });
  } catch (error) {
    logEvent("error", {
      event: "health.database-unavailable",
      errorName: error instanceof Error ? error.name : typeof error,
      ms: Date.now() - started,
    });
    return NextResponse.json({ status: "unavailable" }, { status: 503, headers: HEADERS });
  }
}

class HealthTimeout extends Error {
  override name = "HealthTimeout";
}

async function withTimeout<T>(work: () => PromiseLike<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new HealthTimeout(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
