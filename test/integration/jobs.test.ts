import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getPrisma } from "@/server/db";
import {
  enqueueJob,
  getJob,
  JOBS,
  type JobContext,
  type JobHandler,
  JobLeaseLostError,
  type JobRow,
  registerJobHandler,
  retryDelayMs,
  runDueJobs,
} from "@/server/jobs";

// The durable job queue (server/jobs), with handlers registered by the test. Every test
// uses kinds of its own, so on a shared PostgreSQL database no other file's jobs run here.

const kindOf = (name: string) => `test.${name}.${randomUUID().slice(0, 8)}`;

type Calls = { runs: JobRow[]; gaveUp: { job: JobRow; code: string }[] };

function register(
  kind: string,
  run: (context: JobContext, calls: Calls) => Promise<void>,
  extra: Partial<JobHandler> = {},
) {
  const calls: Calls = { runs: [], gaveUp: [] };
  registerJobHandler(kind, {
    async run(context) {
      calls.runs.push(context.job);
      await run(context, calls);
    },
    async onGiveUp(job, code) {
      calls.gaveUp.push({ job, code });
    },
    ...extra,
  });
  return calls;
}

const row = (kind: string, key: string) => getPrisma().job.findUniqueOrThrow({ where: { kind_key: { kind, key } } });

const failWith = (code: string) => Object.assign(new Error("boom"), { code });

describe("enqueueJob", () => {
  it("keeps one live job per kind and key; a finished one is queued again with the new payload", async () => {
    const kind = kindOf("enqueue");
    const calls = register(kind, async () => undefined);
    await enqueueJob(getPrisma(), { kind, key: "a", payload: { n: 1 } });
    await enqueueJob(getPrisma(), { kind, key: "a", payload: { n: 2 } });
    await enqueueJob(getPrisma(), { kind, key: "b", payload: { n: 3 } });
    expect(await getPrisma().job.count({ where: { kind } })).toBe(2);
    expect((await row(kind, "a")).payload).toEqual({ n: 1 });

    expect(await runDueJobs({ kinds: [kind] })).toEqual({ ran: 2, succeeded: 2, retrying: 0, failed: 0 });
    expect(calls.runs.map((j) => j.payload)).toEqual([{ n: 1 }, { n: 3 }]);
    expect(await row(kind, "a")).toMatchObject({ status: "SUCCEEDED", attempts: 1 });

    await enqueueJob(getPrisma(), { kind, key: "a", payload: { n: 4 } });
    expect(await row(kind, "a")).toMatchObject({ status: "QUEUED", attempts: 0, payload: { n: 4 }, finishedAt: null });
    expect(await getPrisma().job.count({ where: { kind } })).toBe(2);
    await runDueJobs({ kinds: [kind] });
    expect(calls.runs.map((j) => j.payload)).toEqual([{ n: 1 }, { n: 3 }, { n: 4 }]);
  });

  it("joins the caller's transaction: rolled back, nothing is queued", async () => {
    const kind = kindOf("tx");
    await expect(
      getPrisma().$transaction(async (tx) => {
        await enqueueJob(tx, { kind, key: "k" });
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    expect(await getPrisma().job.count({ where: { kind } })).toBe(0);
  });

  it("runs a job no earlier than its runAt", async () => {
    const kind = kindOf("later");
    const calls = register(kind, async () => undefined);
    const runAt = new Date(Date.now() + 3600_000);
    await enqueueJob(getPrisma(), { kind, key: "k", runAt });
    expect((await runDueJobs({ kinds: [kind] })).ran).toBe(0);
    expect((await runDueJobs({ kinds: [kind], now: new Date(runAt.getTime() - 1) })).ran).toBe(0);
    expect((await runDueJobs({ kinds: [kind], now: runAt })).succeeded).toBe(1);
    expect(calls.runs).toHaveLength(1);
  });
});

describe("retries", () => {
  it("retries a failure with growing back-off, then succeeds", async () => {
    const kind = kindOf("retry");
    let failures = 2;
    const calls = register(kind, async () => {
      if (failures-- > 0) throw failWith("FLAKY");
    });
    await enqueueJob(getPrisma(), { kind, key: "k" });

    const before = Date.now();
    expect(await runDueJobs({ kinds: [kind] })).toEqual({ ran: 1, succeeded: 0, retrying: 1, failed: 0 });
    let job = await row(kind, "k");
    expect(job).toMatchObject({ status: "QUEUED", attempts: 1, lastError: "FLAKY", leaseUntil: null });
    expect(job.runAt.getTime()).toBeGreaterThanOrEqual(before + retryDelayMs(1));
    expect(job.runAt.getTime()).toBeLessThanOrEqual(Date.now() + retryDelayMs(1));
    // Not before its time.
    expect((await runDueJobs({ kinds: [kind] })).ran).toBe(0);

    const second = Date.now();
    expect((await runDueJobs({ kinds: [kind], now: job.runAt })).retrying).toBe(1);
    job = await row(kind, "k");
    expect(job).toMatchObject({ status: "QUEUED", attempts: 2, lastError: "FLAKY" });
    expect(job.runAt.getTime()).toBeGreaterThanOrEqual(second + retryDelayMs(2));

    expect((await runDueJobs({ kinds: [kind], now: job.runAt })).succeeded).toBe(1);
    job = await row(kind, "k");
    expect(job).toMatchObject({ status: "SUCCEEDED", attempts: 3, lastError: null, leaseUntil: null });
    expect(job.finishedAt).toBeInstanceOf(Date);
    expect(calls.runs.map((r) => r.attempts)).toEqual([1, 2, 3]);
    expect(calls.gaveUp).toEqual([]);
  });

  it("backs off 5 s, 20 s, 80 s ... up to 30 minutes", () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([5_000, 20_000, 80_000, 320_000]);
    expect(retryDelayMs(10)).toBe(JOBS.retryMaxMs);
    expect(JOBS.retryMaxMs).toBe(30 * 60_000);
  });

  it("gives up after maxAttempts, calling onGiveUp once with the error code", async () => {
    const kind = kindOf("give-up");
    const calls = register(kind, async () => {
      throw failWith("ALWAYS");
    });
    await enqueueJob(getPrisma(), { kind, key: "k", maxAttempts: 3 });
    const later = new Date(Date.now() + 24 * 3600_000);
    expect(await runDueJobs({ kinds: [kind], now: later })).toEqual({ ran: 3, succeeded: 0, retrying: 2, failed: 1 });
    expect(await row(kind, "k")).toMatchObject({ status: "FAILED", attempts: 3, lastError: "ALWAYS" });
    expect(calls.gaveUp).toHaveLength(1);
    expect(calls.gaveUp[0].code).toBe("ALWAYS");
    expect((await runDueJobs({ kinds: [kind], now: new Date(later.getTime() + 3600_000) })).ran).toBe(0);
  });

  it("an error without a code is recorded by its name only, never its message", async () => {
    const kind = kindOf("no-code");
    register(kind, async () => {
      throw new TypeError("customer ana@example.com has no address");
    });
    await enqueueJob(getPrisma(), { kind, key: "k", maxAttempts: 1 });
    await runDueJobs({ kinds: [kind] });
    expect(await row(kind, "k")).toMatchObject({ status: "FAILED", lastError: "TypeError" });
  });
});

describe("leases", () => {
  it("claims a RUNNING job again once its worker's lease ran out, not before", async () => {
    const kind = kindOf("died");
    const calls = register(kind, async () => undefined);
    await enqueueJob(getPrisma(), { kind, key: "k" });
    // A worker claimed it and was killed.
    await getPrisma().job.updateMany({
      where: { kind },
      data: { status: "RUNNING", attempts: 1, leaseUntil: new Date(Date.now() + 30_000) },
    });
    expect((await runDueJobs({ kinds: [kind] })).ran).toBe(0);
    expect((await runDueJobs({ kinds: [kind], now: new Date(Date.now() + 31_000) })).succeeded).toBe(1);
    expect(calls.runs.map((r) => r.attempts)).toEqual([2]);
    expect(await row(kind, "k")).toMatchObject({ status: "SUCCEEDED", attempts: 2 });
  });

  it("a job whose workers keep dying fails after maxAttempts without running again", async () => {
    const kind = kindOf("poison");
    const calls = register(kind, async () => undefined);
    await enqueueJob(getPrisma(), { kind, key: "k", maxAttempts: 2 });
    await getPrisma().job.updateMany({
      where: { kind },
      data: { status: "RUNNING", attempts: 2, leaseUntil: new Date(Date.now() - 1000) },
    });
    expect(await runDueJobs({ kinds: [kind] })).toEqual({ ran: 1, succeeded: 0, retrying: 0, failed: 1 });
    expect(calls.runs).toEqual([]);
    expect(calls.gaveUp.map((g) => g.code)).toEqual(["MAX_ATTEMPTS"]);
    expect(await row(kind, "k")).toMatchObject({ status: "FAILED", lastError: "MAX_ATTEMPTS" });
  });

  it("heartbeat extends the lease", async () => {
    const kind = kindOf("heartbeat");
    let leases: (Date | null)[] = [];
    register(kind, async (context) => {
      const before = (await row(kind, "k")).leaseUntil;
      await new Promise((resolve) => setTimeout(resolve, 20));
      await context.heartbeat();
      leases = [before, (await row(kind, "k")).leaseUntil];
    });
    await enqueueJob(getPrisma(), { kind, key: "k" });
    await runDueJobs({ kinds: [kind] });
    expect(leases[0]).toBeInstanceOf(Date);
    expect(leases[1]?.getTime()).toBeGreaterThan(leases[0]?.getTime() ?? Number.POSITIVE_INFINITY);
  });

  it.each([
    ["fails", true],
    ["succeeds", false],
  ])(
    "a stale worker's heartbeat throws and its outcome (it %s) cannot overwrite the new worker's",
    async (_case, doesFail) => {
      const kind = kindOf("fence");
      let heartbeatError: unknown = null;
      const calls = register(kind, async (context) => {
        if (context.job.attempts !== 1) return;
        // This worker stalled; another took the job over and finished it meanwhile.
        await getPrisma().job.updateMany({
          where: { kind },
          data: { status: "SUCCEEDED", attempts: 2, claim: 2, leaseUntil: null, finishedAt: new Date() },
        });
        heartbeatError = await context.heartbeat().then(
          () => null,
          (error: unknown) => error,
        );
        if (doesFail) throw failWith("STALE");
      });
      await enqueueJob(getPrisma(), { kind, key: "k", maxAttempts: 1 });
      await runDueJobs({ kinds: [kind] });
      expect(heartbeatError).toBeInstanceOf(JobLeaseLostError);
      // The stale worker's failure (its last attempt) neither marks the job FAILED nor
      // calls onGiveUp; its success writes nothing either.
      expect(await row(kind, "k")).toMatchObject({ status: "SUCCEEDED", attempts: 2, lastError: null });
      expect(calls.gaveUp).toEqual([]);
    },
  );

  it("a stale worker cannot finish a later claim that has the same attempt number", async () => {
    const kind = kindOf("aba");
    register(kind, async (context) => {
      if (context.job.claim !== 1) return;
      // This worker stalled past its lease. Another claimed the job (claim 2), planned a
      // later run (a re-queue resets attempts to 0), and a third claim now holds it:
      // attempts 1 again, as this worker's own.
      await getPrisma().job.updateMany({
        where: { kind },
        data: { status: "RUNNING", attempts: 1, claim: 3, leaseUntil: new Date(Date.now() + 60_000) },
      });
    });
    await enqueueJob(getPrisma(), { kind, key: "k" });
    await runDueJobs({ kinds: [kind] });
    // The stale worker's success wrote nothing: the job is still the third claim's.
    expect(await row(kind, "k")).toMatchObject({ status: "RUNNING", attempts: 1, claim: 3, finishedAt: null });
  });

  it("a worker that finds its lease lost stops without touching the job", async () => {
    const kind = kindOf("lost");
    register(kind, async () => {
      await getPrisma().job.updateMany({
        where: { kind },
        data: { attempts: { increment: 1 }, claim: { increment: 1 }, leaseUntil: new Date(Date.now() + 60_000) },
      });
      throw new JobLeaseLostError();
    });
    await enqueueJob(getPrisma(), { kind, key: "k" });
    expect(await runDueJobs({ kinds: [kind] })).toEqual({ ran: 1, succeeded: 0, retrying: 1, failed: 0 });
    expect(await row(kind, "k")).toMatchObject({ status: "RUNNING", attempts: 2, lastError: null });
  });

  it("concurrent runners run each job exactly once", async () => {
    const kind = kindOf("concurrent");
    const calls = register(kind, async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
    });
    for (let i = 0; i < 12; i++) await enqueueJob(getPrisma(), { kind, key: `k${i}` });
    const reports = await Promise.all([1, 2, 3].map(() => runDueJobs({ kinds: [kind] })));
    expect(reports.reduce((sum, r) => sum + r.succeeded, 0)).toBe(12);
    expect(calls.runs.map((r) => r.key).sort()).toEqual(Array.from({ length: 12 }, (_, i) => `k${i}`).sort());
    expect(await getPrisma().job.count({ where: { kind, status: "SUCCEEDED" } })).toBe(12);
  });
});

describe("recurring jobs and unknown kinds", () => {
  it("a recurring job is queued again for its next run after each success", async () => {
    const kind = kindOf("recurring");
    let failOnce = true;
    const calls = register(
      kind,
      async (_context, { runs }) => {
        if (failOnce && runs.length === 2) {
          failOnce = false;
          throw failWith("ONCE");
        }
      },
      { nextRunAt: (now) => new Date(now.getTime() + 3600_000) },
    );
    await enqueueJob(getPrisma(), { kind, key: "every-hour" });
    expect((await runDueJobs({ kinds: [kind] })).succeeded).toBe(1);
    let job = await row(kind, "every-hour");
    expect(job).toMatchObject({ status: "QUEUED", attempts: 0, leaseUntil: null, finishedAt: null });
    expect(job.runAt.getTime()).toBeGreaterThan(Date.now() + 3590_000);
    expect((await runDueJobs({ kinds: [kind] })).ran).toBe(0);

    // A failure of one round is retried like any job, then the schedule continues.
    expect((await runDueJobs({ kinds: [kind], now: job.runAt, limit: 1 })).retrying).toBe(1);
    job = await row(kind, "every-hour");
    expect(job).toMatchObject({ status: "QUEUED", attempts: 1, lastError: "ONCE" });
    expect(job.runAt.getTime()).toBeLessThan(Date.now() + retryDelayMs(1) + 1000);
    expect((await runDueJobs({ kinds: [kind], now: job.runAt })).succeeded).toBe(1);
    expect(await row(kind, "every-hour")).toMatchObject({ status: "QUEUED", attempts: 0, lastError: null });
    expect(calls.runs).toHaveLength(3);
    // Enqueueing it again (every process start does) keeps the one schedule.
    await enqueueJob(getPrisma(), { kind, key: "every-hour" });
    expect(await getPrisma().job.count({ where: { kind } })).toBe(1);
    expect((await row(kind, "every-hour")).runAt.getTime()).toBeGreaterThan(Date.now() + 3590_000);
  });

  it("a job of a kind this worker does not know is handed back untouched", async () => {
    const kind = kindOf("unknown");
    await enqueueJob(getPrisma(), { kind, key: "k" });
    expect(await runDueJobs({ kinds: [kind] })).toEqual({ ran: 1, succeeded: 0, retrying: 1, failed: 0 });
    expect(await row(kind, "k")).toMatchObject({ status: "QUEUED", attempts: 0, leaseUntil: null });
    expect(await getJob({ kind, key: "k" })).toMatchObject({ status: "QUEUED", attempts: 0 });
  });
});
