// bench/webhooks: 10,000 events fanned out to 3 loopback endpoints, delivered by the
// real job ("webhook.deliver", several at once as in the app's worker), next to the same
// POSTs sent by a bare HTTP client loop with the same concurrency. Prints deliveries/s,
// p99 delivery lag (event created -> 2xx received), the ratio to the baseline and how
// many deliveries were lost (target: >= 0.3 of the baseline, 0 lost).
//
//   npx tsx --conditions=react-server bench/webhooks.ts
//   BENCH_POSTGRES=postgresql://postgres@127.0.0.1:5432  (default) a throwaway database there
//   BENCH_DB=pglite                                        the embedded database instead
//   BENCH_EVENTS=10000 BENCH_CONCURRENCY=16 BENCH_CUSTOMERS=2000
import http from "node:http";
import type { AddressInfo } from "node:net";
import { adminQuery, loadAverage } from "./support";

const EVENTS = Number(process.env.BENCH_EVENTS ?? 10_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 2_000);
const onPglite = process.env.BENCH_DB === "pglite";
const server = process.env.BENCH_POSTGRES ?? "postgresql://postgres@127.0.0.1:5432";
const database = `bench_webhooks_${process.pid}`;

process.env.WEBHOOK_ALLOW_PRIVATE = "1";
process.env.WEBHOOK_CONCURRENCY = String(CONCURRENCY);
process.env.LOG_LEVEL = "silent";
process.env.NEXTAUTH_SECRET ??= "bench-secret-bench-secret-bench-secret-0123";
if (onPglite) process.env.PGLITE_DIR = "memory";
else process.env.DATABASE_URL = `${server}/${database}`;

type Receiver = { url: string; received: Map<string, number>; count: () => number; close: () => Promise<void> };

async function receiver(name: string): Promise<Receiver> {
  const received = new Map<string, number>();
  let count = 0;
  const srv = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      count++;
      const id = String(req.headers["webhook-id"] ?? "");
      if (id && !received.has(id)) received.set(id, Date.now());
      res.writeHead(200, { "content-type": "text/plain" });
      res.end("ok");
    });
  });
  srv.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => srv.listen(0, "127.0.0.1", resolve));
  const port = (srv.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/${name}`,
    received,
    count: () => count,
    close: () => new Promise((resolve) => srv.close(() => resolve())),
  };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

// The baseline: the same bodies and headers POSTed by a bare keep-alive client loop.
async function baseline(urls: string[], bodies: { id: string; body: string }[]): Promise<number> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const jobs = urls.flatMap((url) => bodies.map((b) => ({ url, ...b })));
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < jobs.length) {
        const job = jobs[next++];
        await new Promise<void>((resolve, reject) => {
          const req = http.request(
            job.url,
            {
              method: "POST",
              agent,
              headers: {
                "content-type": "application/json",
                "webhook-id": `baseline-${job.id}`,
                "webhook-timestamp": String(Math.floor(Date.now() / 1000)),
                "webhook-signature": "v1,baseline",
              },
            },
            (res) => {
              res.resume();
              res.on("end", () => resolve());
            },
          );
          req.on("error", reject);
          req.end(job.body);
        });
      }
    }),
  );
  agent.destroy();
  return jobs.length / ((performance.now() - started) / 1000);
}

async function main() {
  if (!onPglite) {
    await adminQuery(server, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await adminQuery(server, `CREATE DATABASE ${database}`);
  }
  const { closeDatabase, getDatabase, getPrisma } = await import("@/server/db");
  const { applyMigrations } = await import("@/server/db/migrate");
  const { findShop } = await import("@/server/tenants");
  const { runDueJobs } = await import("@/server/jobs");
  const { createWebhookEndpoint, queueWebhookEvent, WEBHOOK_DELIVER_JOB, WEBHOOKS } = await import("@/server/webhooks");
  try {
    await applyMigrations(getDatabase().raw);
    const shop = await findShop({ handle: "almaz" });
    if (!shop) throw new Error("no shop");
    const prisma = getPrisma();
    const agent = await prisma.agent.create({
      data: {
        shopId: shop.id,
        email: "bench@almaz.example",
        displayName: "Bench",
        role: "PRIVACY_OFFICER",
        passwordHash: "x",
      },
    });
    const officer = {
      kind: "agent" as const,
      shop,
      agent: { id: agent.id, email: agent.email, displayName: agent.displayName, role: agent.role },
      sessionId: crypto.randomUUID(),
      impersonation: null,
      subjectId: null,
      request: { ip: null, userAgent: null, source: "web" as const },
    };
    const receivers = await Promise.all(["one", "two", "three"].map(receiver));
    for (const r of receivers) {
      await createWebhookEndpoint({ viewer: officer, input: { url: r.url, events: ["consent.updated"] } });
    }
    const customers = Array.from({ length: CUSTOMERS }, () => crypto.randomUUID());

    // Events are created while the worker runs, as in the app (batches of 100 per
    // transaction), so the lag measures the queue as it is worked off.
    const created = new Map<string, number>();
    const bodies: { id: string; body: string }[] = [];
    let isProducing = true;
    let producedIn = 0;
    const started = performance.now();
    const producer = (async () => {
      for (let batch = 0; batch < EVENTS / 100; batch++) {
        const ids = await prisma.$transaction(
          async (tx) => {
            const out: string[] = [];
            for (let i = 0; i < 100; i++) {
              const n = batch * 100 + i;
              const id = await queueWebhookEvent(tx, {
                shopId: shop.id,
                customerId: customers[n % CUSTOMERS],
                type: "consent.updated",
                data: {
                  source: "PARTNER",
                  changes: [{ purpose: "marketing:email:offers", from: "UNSET", to: "GRANTED" }],
                },
              });
              if (id) out.push(id);
            }
            return out;
          },
          { timeout: 120_000 },
        );
        const at = Date.now();
        for (const id of ids) created.set(id, at);
      }
      isProducing = false;
      producedIn = (performance.now() - started) / 1000;
    })();
    // Production first (timed on its own), then the worker drains the queue.
    await producer;
    const workStarted = performance.now();
    const worker = (async () => {
      for (;;) {
        const report = await runDueJobs({
          kinds: [WEBHOOK_DELIVER_JOB],
          limit: 1000,
          concurrency: WEBHOOKS.concurrency,
        });
        if (report.ran === 0) {
          if (!isProducing) {
            const pending = await prisma.webhookDelivery.count({ where: { status: "PENDING" } });
            if (pending === 0) break;
          }
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      }
    })();
    await worker;
    const seconds = (performance.now() - workStarted) / 1000;
    const deliveries = EVENTS * receivers.length;
    const lags: number[] = [];
    let lost = 0;
    for (const r of receivers) {
      for (const [id, at] of created) {
        const got = r.received.get(id);
        if (got === undefined) lost++;
        else lags.push(got - at);
      }
    }
    const rate = deliveries / seconds;
    const events = await prisma.webhookEvent.findMany({ select: { id: true, payload: true }, take: EVENTS });
    for (const e of events) bodies.push({ id: e.id, body: JSON.stringify(e.payload) });
    const base = await baseline(
      receivers.map((r) => r.url),
      bodies,
    );
    const db = onPglite ? "PGlite" : "PostgreSQL";
    console.log(
      `bench/webhooks on ${db}, ${EVENTS} events x ${receivers.length} endpoints, concurrency ${CONCURRENCY}, ${CUSTOMERS} customers (ordered per customer), load ${loadAverage()}`,
    );
    console.log(
      `  delivered: ${deliveries - lost} of ${deliveries} in ${seconds.toFixed(1)} s = ${rate.toFixed(0)} deliveries/s (lost: ${lost})`,
    );
    console.log(
      `  ${EVENTS} events (${deliveries} deliveries and jobs) committed in ${producedIn.toFixed(1)} s, before the worker started`,
    );
    console.log(
      `  delivery lag (event committed -> 2xx received, including the wait for the whole backlog): p50 ${percentile(lags, 50)} ms, p99 ${percentile(lags, 99)} ms`,
    );
    console.log(`  baseline (bare keep-alive HTTP loop, same ${CONCURRENCY} at once): ${base.toFixed(0)} POSTs/s`);
    console.log(`  ratio: ${(rate / base).toFixed(2)} (target >= 0.3), lost ${lost} (target 0)`);
    for (const r of receivers) await r.close();
    return lost === 0 ? 0 : 1;
  } finally {
    await closeDatabase();
    if (!onPglite) await adminQuery(server, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
