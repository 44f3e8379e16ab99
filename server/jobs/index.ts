import "server-only";
import { getPrisma, type Prisma } from "../db";
import { logEvent } from "../log";

// Durable background jobs (DESIGN.md property 5): rows in "Job", claimed atomically
// (FOR UPDATE SKIP LOCKED) under a lease, so any number of app instances can run
// workers and a job whose worker died (crash, restart, kill) is claimed again once its
// lease runs out. Handlers must be idempotent: a job can run more than once.

export type JobRow = {
  id: string;
  kind: string;
  key: string;
  payload: Prisma.JsonValue;
  attempts: number;
  maxAttempts: number;
};

export type JobContext = {
  job: JobRow;
  // Extends the lease; long handlers call it as they make progress. Throws
  // JobLeaseLostError when another worker has taken the job over meanwhile.
  heartbeat(): Promise<void>;
};

export type JobHandler = {
  run(context: JobContext): Promise<void>;
  // Called once when the job has failed for the last time.
  onGiveUp?(job: JobRow, code: string): Promise<void>;
  // For recurring jobs: when to run again after a success (null: done for good).
  nextRunAt?(now: Date): Date | null;
};

export class JobLeaseLostError extends Error {
  constructor() {
    super("The job's lease was taken over by another worker.");
    this.name = "JobLeaseLostError";
  }
}

export const JOBS = {
  leaseMs: 60_000,
  pollMs: 1_000,
  // Retry delays after a failure: 5 s, 20 s, 80 s, ... up to 30 minutes.
  retryBaseMs: 5_000,
  retryMaxMs: 30 * 60_000,
};

export function retryDelayMs(attempts: number): number {
  return Math.min(JOBS.retryMaxMs, JOBS.retryBaseMs * 4 ** Math.max(0, attempts - 1));
}

const handlers = new Map<string, JobHandler>();

export function registerJobHandler(kind: string, handler: JobHandler): void {
  handlers.set(kind, handler);
}

type Db = Prisma.TransactionClient | ReturnType<typeof getPrisma>;

// Queues a job unless a live one with the same kind and key exists (then that one is
// kept): enqueueing is idempotent and can join the caller's transaction.
export async function enqueueJob(
  db: Db,
  input: { kind: string; key: string; payload?: Prisma.InputJsonValue; runAt?: Date; maxAttempts?: number },
): Promise<void> {
  const payload = JSON.stringify(input.payload ?? {});
  const runAt = input.runAt ?? new Date();
  await db.$executeRaw`
    INSERT INTO "Job" ("id", "kind", "key", "payload", "runAt", "maxAttempts")
    VALUES (gen_random_uuid(), ${input.kind}, ${input.key}, ${payload}::jsonb, ${runAt}::timestamptz, ${input.maxAttempts ?? 5}::int)
    ON CONFLICT ("kind", "key") DO UPDATE SET
      "status" = 'QUEUED', "attempts" = 0, "payload" = EXCLUDED."payload", "runAt" = EXCLUDED."runAt",
      "maxAttempts" = EXCLUDED."maxAttempts", "leaseUntil" = NULL, "lastError" = NULL, "finishedAt" = NULL
    WHERE "Job"."status" IN ('SUCCEEDED', 'FAILED')`;
}

// Takes one due job: a queued one whose time has come, or a running one whose
// worker's lease ran out (the worker died).
async function claimJob(now: Date, kinds: string[]): Promise<JobRow | null> {
  const leaseUntil = new Date(now.getTime() + JOBS.leaseMs);
  const rows = await getPrisma().$queryRaw<JobRow[]>`
    UPDATE "Job" SET "status" = 'RUNNING', "attempts" = "attempts" + 1, "leaseUntil" = ${leaseUntil}::timestamptz
    WHERE "id" = (
      SELECT "id" FROM "Job"
      WHERE "kind" = ANY(${kinds}::text[])
        AND (("status" = 'QUEUED' AND "runAt" <= ${now}::timestamptz)
          OR ("status" = 'RUNNING' AND "leaseUntil" < ${now}::timestamptz))
      ORDER BY "runAt", "id"
      LIMIT 1
      FOR UPDATE SKIP LOCKED
    )
    RETURNING "id", "kind", "key", "payload", "attempts", "maxAttempts"`;
  return rows[0] ? { ...rows[0], attempts: Number(rows[0].attempts), maxAttempts: Number(rows[0].maxAttempts) } : null;
}

function errorCode(error: unknown): string {
  if (error && typeof error === "object" && "code" in error && typeof error.code === "string") return error.code;
  return error instanceof Error ? error.name : "UNKNOWN";
}

// The claimed attempt number fences every write: a worker whose lease ran out and
// whose job was taken over cannot overwrite the newer worker's outcome.
async function runClaimed(job: JobRow, handler: JobHandler): Promise<"succeeded" | "retrying" | "failed"> {
  const prisma = getPrisma();
  const fence = { id: job.id, status: "RUNNING" as const, attempts: job.attempts };
  const context: JobContext = {
    job,
    async heartbeat() {
      const { count } = await prisma.job.updateMany({
        where: fence,
        data: { leaseUntil: new Date(Date.now() + JOBS.leaseMs) },
      });
      if (count === 0) throw new JobLeaseLostError();
    },
  };
  const started = Date.now();
  try {
    if (job.attempts > job.maxAttempts) throw Object.assign(new Error("too many attempts"), { code: "MAX_ATTEMPTS" });
    await handler.run(context);
    const next = handler.nextRunAt?.(new Date()) ?? null;
    await prisma.job.updateMany({
      where: fence,
      data: next
        ? { status: "QUEUED", runAt: next, attempts: 0, leaseUntil: null, lastError: null }
        : { status: "SUCCEEDED", leaseUntil: null, finishedAt: new Date(), lastError: null },
    });
    // Recurring jobs (mail retries every 30 s) would flood the log.
    if (!next) logEvent("info", { event: "job.succeeded", code: job.kind, ms: Date.now() - started });
    return "succeeded";
  } catch (error) {
    if (error instanceof JobLeaseLostError) return "retrying";
    const code = errorCode(error);
    const isFinal = job.attempts >= job.maxAttempts;
    const { count } = await prisma.job.updateMany({
      where: fence,
      data: isFinal
        ? { status: "FAILED", leaseUntil: null, finishedAt: new Date(), lastError: code }
        : {
            status: "QUEUED",
            leaseUntil: null,
            lastError: code,
            runAt: new Date(Date.now() + retryDelayMs(job.attempts)),
          },
    });
    logEvent(isFinal ? "error" : "warn", {
      event: isFinal ? "job.failed" : "job.retry",
      code: `${job.kind} ${code}`,
      count: job.attempts,
    });
    if (isFinal && count > 0) await handler.onGiveUp?.(job, code);
    return isFinal ? "failed" : "retrying";
  }
}

export type JobRunReport = { ran: number; succeeded: number; retrying: number; failed: number };

// Runs due jobs one after another until none is due (or `limit` ran). The worker loop
// calls it; tests call it directly to drive jobs deterministically.
export async function runDueJobs(
  options: { now?: Date; limit?: number; kinds?: string[] } = {},
): Promise<JobRunReport> {
  const report: JobRunReport = { ran: 0, succeeded: 0, retrying: 0, failed: 0 };
  const kinds = options.kinds ?? [...handlers.keys()];
  const limit = options.limit ?? 100;
  while (report.ran < limit) {
    const job = await claimJob(options.now ?? new Date(), kinds);
    if (!job) break;
    const handler = handlers.get(job.kind);
    report.ran++;
    if (!handler) {
      // Claimed by a worker that does not know this kind (an older deployment): hand it back.
      await getPrisma().job.updateMany({
        where: { id: job.id, attempts: job.attempts },
        data: { status: "QUEUED", attempts: { decrement: 1 }, leaseUntil: null },
      });
      report.retrying++;
      break;
    }
    report[await runClaimed(job, handler)]++;
  }
  return report;
}

export async function getJob(options: { kind: string; key: string }) {
  return getPrisma().job.findUnique({
    where: { kind_key: { kind: options.kind, key: options.key } },
    select: { id: true, status: true, attempts: true, runAt: true, leaseUntil: true, lastError: true },
  });
}

// The in-process worker: polls for due jobs. One per app process; jobs are coordinated
// through the database, so several processes may each run one.
const state = globalThis as unknown as { __privacyCentreWorker?: { stop(): Promise<void> } };

export function startJobWorker(options: { pollMs?: number } = {}): { stop(): Promise<void> } {
  if (state.__privacyCentreWorker) return state.__privacyCentreWorker;
  let isStopping = false;
  let wake: (() => void) | null = null;
  const loop = (async () => {
    while (!isStopping) {
      try {
        await runDueJobs({ limit: 10 });
      } catch (error) {
        logEvent("error", { event: "job.worker-error", errorName: error instanceof Error ? error.name : "unknown" });
      }
      if (isStopping) break;
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, options.pollMs ?? JOBS.pollMs).unref?.();
      });
    }
  })();
  const worker = {
    async stop() {
      isStopping = true;
      wake?.();
      await loop;
      state.__privacyCentreWorker = undefined;
    },
  };
  state.__privacyCentreWorker = worker;
  return worker;
}
