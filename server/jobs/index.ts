import "server-only";
import { getDatabase, getPrisma, type Prisma } from "../db";
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
  // This claim's number: fences the run's writes (attempts is reset on a planned re-queue,
  // so two claims can share an attempt number; never a claim number).
  claim: number;
  maxAttempts: number;
};

export type JobContext = {
  job: JobRow;
  // Extends the lease; long handlers call it as they make progress. Throws
  // JobLeaseLostError when another worker has taken the job over meanwhile.
  heartbeat(): Promise<void>;
};

// A handler may ask to run again at a time of its choosing (e.g. a webhook delivery's
// next attempt): the job goes back to QUEUED for then, its attempt count reset, since
// the wait is the handler's plan and not a failure. `settled`: the handler has already
// finished its job row itself, in the transaction of its outcome and fenced like the
// runner's writes (status RUNNING and this attempt), so the runner writes nothing more.
// biome-ignore lint/suspicious/noConfusingVoidType: most handlers return nothing.
export type JobRunResult = void | { retryAt: Date } | { settled: true };

export type JobHandler = {
  run(context: JobContext): Promise<JobRunResult>;
  // How many jobs of this kind one worker runs at once (default 1). They are claimed
  // with SKIP LOCKED like any other, so concurrency across processes adds up.
  concurrency?: number;
  // Called once when the job has failed for the last time.
  onGiveUp?(job: JobRow, code: string): Promise<void>;
  // For recurring jobs: when to run again after a success (null: done for good).
  nextRunAt?(now: Date): Date | null;
  // Hot kinds (webhook deliveries): a lane claims up to `size` due jobs in one statement
  // and hands them to `run` at once, which does the common work for all of them (one
  // read, one write) and returns, per job, the rest of its run: a step that the runner
  // runs in the job's place (its result or error handled like `run`'s, fenced alike),
  // or null to run the job the ordinary way. Used when a lane runs this kind alone.
  // `slots`: shared by the lanes of one run, as many as its `concurrency`; the batch
  // takes one for each piece of its work that runs side by side (e.g. each send).
  batch?: { size: number; run(jobs: JobRow[], options: { slots: JobSlots }): Promise<(JobBatchStep | null)[]> };
};

export type JobSlots = { run<T>(work: () => Promise<T>): Promise<T> };

// At most `size` pieces of work at once; the others wait their turn, first come first.
function jobSlots(size: number): JobSlots {
  let free = size;
  const waiting: (() => void)[] = [];
  return {
    async run(work) {
      if (free > 0) free--;
      else await new Promise<void>((resolve) => waiting.push(resolve));
      try {
        return await work();
      } finally {
        const next = waiting.shift();
        if (next) next();
        else free++;
      }
    },
  };
}

export type JobBatchStep = (context: JobContext) => Promise<JobRunResult>;

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

// Queues one job per key (payload { key }) in one statement, each unless a live one of
// that kind and key exists, like enqueueJob.
export async function enqueueJobs(
  db: Db,
  input: { kind: string; keys: string[]; runAt?: Date; maxAttempts?: number },
): Promise<void> {
  if (!input.keys.length) return;
  const runAt = input.runAt ?? new Date();
  await db.$executeRaw`
    INSERT INTO "Job" ("id", "kind", "key", "payload", "runAt", "maxAttempts")
    SELECT gen_random_uuid(), ${input.kind}, k, jsonb_build_object('key', k), ${runAt}::timestamptz, ${input.maxAttempts ?? 5}::int
    FROM unnest(${input.keys}::text[]) AS k
    ON CONFLICT ("kind", "key") DO UPDATE SET
      "status" = 'QUEUED', "attempts" = 0, "payload" = EXCLUDED."payload", "runAt" = EXCLUDED."runAt",
      "maxAttempts" = EXCLUDED."maxAttempts", "leaseUntil" = NULL, "lastError" = NULL, "finishedAt" = NULL
    WHERE "Job"."status" IN ('SUCCEEDED', 'FAILED')`;
}

// Moves queued jobs of a kind forward to now (e.g. the next webhook delivery of a
// customer once the one before it finished); running and finished jobs are left alone.
export async function wakeJobs(db: Db, input: { kind: string; keys: string[] }): Promise<void> {
  if (!input.keys.length) return;
  await db.$executeRaw`
    UPDATE "Job" SET "runAt" = now()
    WHERE "kind" = ${input.kind} AND "key" = ANY(${input.keys}::text[]) AND "status" = 'QUEUED' AND "runAt" > now()`;
}

// Takes one due job: a running one whose worker's lease ran out (the worker died)
// first, else a queued one whose time has come. Two index-friendly lookups on
// (status, runAt) instead of one OR over the whole table, which scanned every finished
// job on each claim (slow once webhook deliveries add thousands).
async function claimJob(now: Date, kinds: string[], keys: string[] | null): Promise<JobRow | null> {
  const leaseUntil = new Date(now.getTime() + JOBS.leaseMs);
  const rows = await getPrisma().$queryRaw<JobRow[]>`
    UPDATE "Job" SET "status" = 'RUNNING', "attempts" = "attempts" + 1, "claim" = "claim" + 1, "leaseUntil" = ${leaseUntil}::timestamptz
    WHERE "id" = COALESCE(
      (SELECT "id" FROM "Job"
       WHERE "status" = 'RUNNING' AND "leaseUntil" < ${now}::timestamptz AND "kind" = ANY(${kinds}::text[])
         AND (${keys}::text[] IS NULL OR "key" = ANY(${keys}::text[]))
       ORDER BY "runAt", "id" LIMIT 1 FOR UPDATE SKIP LOCKED),
      (SELECT "id" FROM "Job"
       WHERE "status" = 'QUEUED' AND "runAt" <= ${now}::timestamptz AND "kind" = ANY(${kinds}::text[])
         AND (${keys}::text[] IS NULL OR "key" = ANY(${keys}::text[]))
       ORDER BY "runAt", "id" LIMIT 1 FOR UPDATE SKIP LOCKED)
    )
    RETURNING "id", "kind", "key", "payload", "attempts", "claim", "maxAttempts"`;
  return rows[0]
    ? {
        ...rows[0],
        attempts: Number(rows[0].attempts),
        claim: Number(rows[0].claim),
        maxAttempts: Number(rows[0].maxAttempts),
      }
    : null;
}

// Takes up to `limit` due jobs of one statement, as claimJob does one: expired leases
// first, then queued jobs whose time has come, each row locked with SKIP LOCKED and
// fenced on its new claim number alike.
async function claimJobs(now: Date, kinds: string[], limit: number, keys: string[] | null): Promise<JobRow[]> {
  const leaseUntil = new Date(now.getTime() + JOBS.leaseMs);
  const rows = await getDatabase().raw.query<JobRow>(
    `WITH expired AS (
      SELECT "id" FROM "Job"
      WHERE "status" = 'RUNNING' AND "leaseUntil" < $2::timestamptz AND "kind" = ANY($3::text[])
        AND ($5::text[] IS NULL OR "key" = ANY($5::text[]))
      ORDER BY "runAt" LIMIT $4::int FOR UPDATE SKIP LOCKED
    ), due AS (
      SELECT "id" FROM "Job"
      WHERE "status" = 'QUEUED' AND "runAt" <= $2::timestamptz AND "kind" = ANY($3::text[])
        AND ($5::text[] IS NULL OR "key" = ANY($5::text[]))
      ORDER BY "runAt" LIMIT $4::int FOR UPDATE SKIP LOCKED
    )
    UPDATE "Job" SET "status" = 'RUNNING', "attempts" = "attempts" + 1, "claim" = "claim" + 1, "leaseUntil" = $1::timestamptz
    WHERE "id" IN (SELECT "id" FROM (SELECT "id", 0 AS "o" FROM expired UNION ALL SELECT "id", 1 FROM due) c ORDER BY "o" LIMIT $4::int)
    RETURNING "id", "kind", "key", "payload", "attempts", "claim", "maxAttempts"`,
    [leaseUntil, now, kinds, limit, keys],
    { name: "jobs-claim-batch" },
  );
  return rows.map((row) => ({
    ...row,
    attempts: Number(row.attempts),
    claim: Number(row.claim),
    maxAttempts: Number(row.maxAttempts),
  }));
}

function errorCode(error: unknown): string {
  if (error && typeof error === "object" && "code" in error && typeof error.code === "string") return error.code;
  return error instanceof Error ? error.name : "UNKNOWN";
}

// The claim number fences every write: a worker whose lease ran out and whose job was
// taken over cannot overwrite the newer worker's outcome.
async function runClaimed(
  job: JobRow,
  handler: JobHandler,
  step?: JobBatchStep | null,
): Promise<"succeeded" | "retrying" | "failed"> {
  const prisma = getPrisma();
  const fence = { id: job.id, status: "RUNNING" as const, claim: job.claim };
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
    const result = await (step ? step(context) : handler.run(context));
    if (result && "settled" in result) return "succeeded";
    const next = (result && "retryAt" in result ? result.retryAt : null) ?? handler.nextRunAt?.(new Date()) ?? null;
    await prisma.job.updateMany({
      where: fence,
      data: next
        ? { status: "QUEUED", runAt: next, attempts: 0, leaseUntil: null, lastError: null }
        : { status: "SUCCEEDED", leaseUntil: null, finishedAt: new Date(), lastError: null },
    });
    // Recurring and rescheduled jobs (mail retries every 30 s) would flood the log.
    if (!next && !handler.concurrency)
      logEvent("info", { event: "job.succeeded", code: job.kind, ms: Date.now() - started });
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

type ClaimScope = { now: Date | undefined; keys: string[] | null };

export type JobRunReport = { ran: number; succeeded: number; retrying: number; failed: number };

// Runs due jobs one after another until none is due (or `limit` ran). The worker loop
// calls it; tests call it directly to drive jobs deterministically.
// With `concurrency` > 1, that many lanes claim and run jobs side by side (each job is
// still claimed by exactly one lane).
export async function runDueJobs(
  options: {
    now?: Date;
    limit?: number;
    kinds?: string[];
    concurrency?: number;
    // Only jobs with these keys (tests sharing one database run their own jobs only).
    keys?: string[];
  } = {},
): Promise<JobRunReport> {
  const report: JobRunReport = { ran: 0, succeeded: 0, retrying: 0, failed: 0 };
  const kinds = options.kinds ?? [...handlers.keys()];
  const limit = options.limit ?? 100;
  const lanes = Math.max(1, Math.floor(options.concurrency ?? 1));
  const claim: ClaimScope = { now: options.now, keys: options.keys ?? null };
  const batch = kinds.length === 1 ? handlers.get(kinds[0])?.batch : undefined;
  if (batch) {
    // Two lanes, so that one's database work overlaps the other's sending; each claims
    // up to `batch.size` jobs at once, and between them they do as many things side by
    // side as `concurrency` says.
    const handler = handlers.get(kinds[0]) as JobHandler;
    const slots = jobSlots(lanes);
    await Promise.all(
      Array.from({ length: Math.min(2, lanes) }, () => runBatchLane(report, handler, kinds, limit, slots, claim)),
    );
    return report;
  }
  if (lanes === 1) await runLane(report, kinds, limit, claim);
  else await Promise.all(Array.from({ length: lanes }, () => runLane(report, kinds, limit, claim)));
  return report;
}

async function runBatchLane(
  report: JobRunReport,
  handler: JobHandler,
  kinds: string[],
  limit: number,
  slots: JobSlots,
  claim: ClaimScope,
): Promise<void> {
  const batch = handler.batch as NonNullable<JobHandler["batch"]>;
  while (report.ran < limit) {
    const jobs = await claimJobs(claim.now ?? new Date(), kinds, Math.min(batch.size, limit - report.ran), claim.keys);
    if (!jobs.length) break;
    report.ran += jobs.length;
    // A job past its attempts never reaches the batch: runClaimed fails it first.
    const runnable = jobs.filter((job) => job.attempts <= job.maxAttempts);
    let steps: (JobBatchStep | null)[];
    try {
      const given = runnable.length ? await batch.run(runnable, { slots }) : [];
      const byId = new Map(runnable.map((job, i) => [job.id, given[i] ?? null]));
      steps = jobs.map((job) => byId.get(job.id) ?? null);
    } catch (error) {
      // The common part failed (none of its outcomes recorded): each job fails as its run
      // would, and its delivery is attempted again.
      steps = jobs.map((job) => (job.attempts <= job.maxAttempts ? () => Promise.reject(error) : null));
    }
    // The jobs left to run the ordinary way take a slot each, as the batch's own work does.
    const outcomes = await Promise.all(
      jobs.map((job, i) =>
        steps[i] ? runClaimed(job, handler, steps[i]) : slots.run(() => runClaimed(job, handler, null)),
      ),
    );
    for (const outcome of outcomes) report[outcome]++;
  }
}

async function runLane(report: JobRunReport, kinds: string[], limit: number, claim: ClaimScope): Promise<void> {
  while (report.ran < limit) {
    const job = await claimJob(claim.now ?? new Date(), kinds, claim.keys);
    if (!job) break;
    const handler = handlers.get(job.kind);
    report.ran++;
    if (!handler) {
      // Claimed by a worker that does not know this kind (an older deployment): hand it back.
      await getPrisma().job.updateMany({
        where: { id: job.id, claim: job.claim },
        data: { status: "QUEUED", attempts: { decrement: 1 }, leaseUntil: null },
      });
      report.retrying++;
      break;
    }
    report[await runClaimed(job, handler)]++;
  }
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
  const wakes = new Set<() => void>();
  // Kinds with a concurrency of their own (webhook deliveries) get a loop of their own,
  // so a burst of them neither waits behind nor holds up exports, erasure and mail.
  const concurrent = [...handlers.entries()].filter(([, h]) => (h.concurrency ?? 1) > 1);
  const serialKinds = () => [...handlers.entries()].filter(([, h]) => (h.concurrency ?? 1) <= 1).map(([k]) => k);
  const poll = (run: () => Promise<JobRunReport>, limit: number) =>
    (async () => {
      while (!isStopping) {
        let ran = 0;
        try {
          ran = (await run()).ran;
        } catch (error) {
          logEvent("error", { event: "job.worker-error", errorName: error instanceof Error ? error.name : "unknown" });
        }
        if (isStopping) break;
        // A full batch: more may be due, look again at once; otherwise wait for the next poll.
        if (ran >= limit) continue;
        await new Promise<void>((resolve) => {
          wakes.add(resolve);
          setTimeout(resolve, options.pollMs ?? JOBS.pollMs).unref?.();
        });
      }
    })();
  const loops = [
    poll(() => runDueJobs({ limit: 10, kinds: serialKinds() }), 10),
    ...concurrent.map(([kind, h]) =>
      poll(() => runDueJobs({ limit: 200, kinds: [kind], concurrency: h.concurrency }), 200),
    ),
  ];
  const worker = {
    async stop() {
      isStopping = true;
      for (const wake of wakes) wake();
      await Promise.all(loops);
      state.__privacyCentreWorker = undefined;
    },
  };
  state.__privacyCentreWorker = worker;
  return worker;
}
