import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPrisma } from "@/server/db";
import { JOBS, JobLeaseLostError, runDueJobs } from "@/server/jobs";
import { createWebhookEndpoint, queueWebhookEvent, WEBHOOK_DELIVER_JOB, WEBHOOKS } from "@/server/webhooks";
import { agentViewer, shop } from "../factories";
import { type Received, startReceiver } from "../support/webhook-receiver";

// The fault test of issue 12: 1,000 events to three loopback receivers (one answers 500
// for a while and then 200, one is slow, one answers 410) while the delivery worker is
// "killed" at random points: before sending, after the receiver answered but before
// anything was written, and inside the outcome's transaction before it commits. A kill
// leaves exactly what a dead process leaves in the database: the job RUNNING under its
// lease (JobLeaseLostError makes the runner write nothing back), the transaction rolled
// back; the job is claimed again once the lease runs out. Then: every event reached the
// healthy receivers at least once, with signatures that verify, in order per customer;
// the 410 endpoint is disabled and gets nothing afterwards.

const EVENTS = 1000;
const CUSTOMERS = 100;
const saved = { leaseMs: JOBS.leaseMs, recheck: WEBHOOKS.blockedRecheckMs };
const endpointIds: string[] = [];

beforeAll(() => {
  process.env.WEBHOOK_ALLOW_PRIVATE = "1";
  process.env.WEBHOOK_RETRY_SCHEDULE_MS = "10,20,40,80,100,100,100,100,100";
  JOBS.leaseMs = 2_000;
  process.env.WEBHOOK_BLOCKED_RECHECK_MS = "5000";
  WEBHOOKS.blockedRecheckMs = 5_000;
});

afterAll(async () => {
  JOBS.leaseMs = saved.leaseMs;
  WEBHOOKS.blockedRecheckMs = saved.recheck;
  WEBHOOKS.testHooks = {};
  const prisma = getPrisma();
  await prisma.webhookEndpoint.updateMany({ where: { id: { in: endpointIds } }, data: { deletedAt: new Date() } });
  const deliveries = await prisma.webhookDelivery.findMany({
    where: { endpointId: { in: endpointIds } },
    select: { id: true },
  });
  await prisma.job.deleteMany({ where: { kind: WEBHOOK_DELIVER_JOB, key: { in: deliveries.map((d) => d.id) } } });
  await prisma.webhookDelivery.updateMany({
    where: { endpointId: { in: endpointIds }, status: "PENDING" },
    data: { status: "CANCELLED" },
  });
});

describe("webhook delivery under faults", () => {
  it("delivers every event at least once to the healthy receivers while the worker is killed at random points", async () => {
    let flakyFailures = 250;
    const flaky = await startReceiver(() => (flakyFailures-- > 0 ? { status: 500, body: "busy" } : { status: 200 }));
    const slow = await startReceiver(() => ({ status: 200, delayMs: 5 + Math.floor(Math.random() * 40) }));
    const gone = await startReceiver(() => ({ status: 410 }));
    const officer = await agentViewer({ shop: "crystalline", role: "PRIVACY_OFFICER" });
    const make = async (url: string) => {
      const created = await createWebhookEndpoint({
        viewer: officer,
        input: { url, events: ["customer.support_session"], description: "fault test" },
      });
      endpointIds.push(created.webhookEndpoint.id);
      return created;
    };
    const flakyEndpoint = await make(flaky.url("flaky"));
    const slowEndpoint = await make(slow.url("slow"));
    const goneEndpoint = await make(gone.url("gone"));

    const s = await shop("crystalline");
    const customers = Array.from({ length: CUSTOMERS }, () => crypto.randomUUID());
    const eventIds: string[] = [];
    const eventCustomer = new Map<string, string>();
    for (let batch = 0; batch < EVENTS / 100; batch++) {
      await getPrisma().$transaction(
        async (tx) => {
          for (let i = 0; i < 100; i++) {
            const n = batch * 100 + i;
            const customerId = customers[n % CUSTOMERS];
            const id = await queueWebhookEvent(tx, {
              shopId: s.id,
              customerId,
              type: "customer.support_session",
              data: { n, state: "STARTED" },
            });
            if (!id) throw new Error("no endpoint got the event");
            eventIds.push(id);
            eventCustomer.set(id, customerId);
          }
        },
        { timeout: 60_000 },
      );
    }

    let kills = 0;
    const maybeKill = (rate: number) => {
      if (Math.random() < rate) {
        kills++;
        throw new JobLeaseLostError();
      }
    };
    WEBHOOKS.testHooks = {
      beforeSend: () => maybeKill(0.01),
      afterSend: () => maybeKill(0.02),
      beforeCommit: () => maybeKill(0.02),
    };

    const prisma = getPrisma();
    const mine = { endpointId: { in: endpointIds } };
    // This file's deliveries only: on PostgreSQL the test files share one database.
    const ownJobs = async () =>
      (await prisma.webhookDelivery.findMany({ where: { ...mine, status: "PENDING" }, select: { id: true } })).map(
        (d) => d.id,
      );
    // Not a speed limit: the run fails only when no delivery finishes for 60 s (stuck).
    let lastPending = Number.POSITIVE_INFINITY;
    let progressedAt = Date.now();
    for (;;) {
      const report = await runDueJobs({
        kinds: [WEBHOOK_DELIVER_JOB],
        limit: 400,
        concurrency: 4,
        keys: await ownJobs(),
      });
      const pending = await prisma.webhookDelivery.count({ where: { ...mine, status: "PENDING" } });
      if (pending === 0) break;
      if (pending < lastPending) {
        lastPending = pending;
        progressedAt = Date.now();
      }
      if (Date.now() - progressedAt > 60_000) {
        const stuck = await prisma.webhookDelivery
          .findMany({
            where: { ...mine, status: "PENDING" },
            select: { id: true, attempts: true, endpointId: true, sequence: true, customerId: true },
          })
          .then((r) => r.map((d) => ({ ...d, sequence: Number(d.sequence) })));
        const jobs = await prisma.job.findMany({
          where: { kind: WEBHOOK_DELIVER_JOB, key: { in: stuck.map((d) => d.id) } },
          select: { key: true, status: true, runAt: true, attempts: true, leaseUntil: true },
        });
        const by = new Map<string, number>();
        for (const j of jobs)
          by.set(
            `${j.status} ${j.runAt > new Date() ? "future" : "due"}`,
            (by.get(`${j.status} ${j.runAt > new Date() ? "future" : "due"}`) ?? 0) + 1,
          );
        const heads = stuck.filter(
          (d) =>
            !stuck.some(
              (o) => o.endpointId === d.endpointId && o.customerId === d.customerId && o.sequence < d.sequence,
            ),
        );
        const headJobs = jobs.filter((j) => heads.some((h) => h.id === j.key));
        throw new Error(
          `${pending} deliveries still pending; jobs ${jobs.length}: ${JSON.stringify([...by])}; heads ${heads.length} ${JSON.stringify(heads.slice(0, 3))} ${JSON.stringify(headJobs.slice(0, 3))} per endpoint ${JSON.stringify(endpointIds.map((e) => stuck.filter((d) => d.endpointId === e).length))}`,
        );
      }
      if (process.env.FAULT_DEBUG)
        process.stderr.write(`${Date.now() % 100000} ran ${report.ran} pending ${pending} kills ${kills}\n`);
      if (report.ran === 0) await new Promise((resolve) => setTimeout(resolve, 25));
    }
    WEBHOOKS.testHooks = {};
    expect(kills).toBeGreaterThan(20);

    // Every event reached both healthy receivers at least once, verified, with its id.
    const check = (received: Received[], secret: string) => {
      const verified = new Set<string>();
      const webhook = new Webhook(secret);
      for (const r of received) {
        webhook.verify(r.body, r.headers);
        verified.add(r.headers["webhook-id"]);
      }
      return verified;
    };
    for (const [receiver, endpoint] of [
      [flaky, flakyEndpoint],
      [slow, slowEndpoint],
    ] as const) {
      const got = check(
        receiver.received.filter((r) => r.headers["webhook-id"]),
        endpoint.secret,
      );
      expect(eventIds.filter((id) => !got.has(id))).toEqual([]);
      // In order per customer: the first arrival of each event follows the events' order.
      const firstSeen = new Map<string, number>();
      receiver.received.forEach((r, i) => {
        if (!firstSeen.has(r.headers["webhook-id"])) firstSeen.set(r.headers["webhook-id"], i);
      });
      for (const customerId of customers) {
        const order = eventIds
          .filter((id) => eventCustomer.get(id) === customerId)
          .map((id) => firstSeen.get(id) ?? -1);
        expect(order).toEqual([...order].sort((a, b) => a - b));
      }
    }
    expect(flakyFailures).toBeLessThan(0);
    expect(
      await prisma.webhookDelivery.count({
        where: { endpointId: flakyEndpoint.webhookEndpoint.id, status: { not: "SUCCEEDED" } },
      }),
    ).toBe(0);
    expect(
      await prisma.webhookDelivery.count({
        where: { endpointId: slowEndpoint.webhookEndpoint.id, status: { not: "SUCCEEDED" } },
      }),
    ).toBe(0);

    // The 410 endpoint: disabled, nothing succeeded, and nothing sent once disabled.
    const goneRow = await prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: goneEndpoint.webhookEndpoint.id } });
    expect(goneRow.disabledReason).toBe("GONE");
    expect(await prisma.webhookDelivery.count({ where: { endpointId: goneRow.id, status: "SUCCEEDED" } })).toBe(0);
    const disabledAt = goneRow.disabledAt?.getTime() ?? 0;
    // Requests already in flight when it was disabled may land a moment later, no more.
    expect(gone.received.filter((r) => r.at > disabledAt + 1_000)).toEqual([]);
    const goneCount = gone.received.length;
    await prisma.$transaction((tx) =>
      queueWebhookEvent(tx, {
        shopId: s.id,
        customerId: customers[0],
        type: "customer.support_session",
        data: { n: -1 },
      }),
    );
    for (let i = 0; i < 5; i++)
      await runDueJobs({ kinds: [WEBHOOK_DELIVER_JOB], limit: 50, concurrency: 4, keys: await ownJobs() });
    expect(gone.received.length).toBe(goneCount);

    await Promise.all([flaky.close(), slow.close(), gone.close()]);
  }, 600_000);
});
