// Rights requests at scale: a shop (ALMAZ) with 100,000 rights requests over three years
// (half filed, half self-service; a few percent still open, over half of those overdue;
// three timeline steps each), written by set-based SQL (generate_series) in seconds. Then autocannon, with the same connections and
// duration for each, against the app's own /api/graphql route handler run in this
// process (app/api/graphql/route.ts behind a bare node:http server: the session cookie
// is decrypted and checked, limits and masking apply, as in `next start`):
//   (1) { __typename }                          signed in as the shop's privacy officer
//   (2) the staff queue's first page            the console's query (25 rows, overdue first)
//   (3) a year's metrics, as served             the console's metrics query (last year); the
//                                               app keeps them per process for a minute
//   (4) the same, computed                      the cache dropped before each request (as
//                                               after a change to a request): the statement
// and the ratios (2)/(1), (3)/(1) and (4)/(1) (target >= 0.25; printed, a miss does not
// fail the run). Before that, the SQL statements one request of each sends to the
// database, counted at the driver (pg's Client.query on PostgreSQL, PGlite's
// query/exec/transaction), with 1,000 requests in the shop and again with 100,000: they
// must be equal (no statement per row); the script exits non-zero when they are not, or
// when an answer has errors. The fixture is written in SQL behind the app's back, so the
// metrics cache is told of it (requestsChanged) after each step.
//   npm run bench:requests       (tsx --conditions=react-server bench/requests.ts)
// BENCH_POSTGRES=postgresql://postgres@127.0.0.1:5432 (default): a database of its own
// there, dropped afterwards; BENCH_DB=pglite: the embedded database (in memory) instead.
// BENCH_REQUESTS (100000), BENCH_SMALL (1000), BENCH_SECONDS (10), BENCH_CONNECTIONS (8),
// BENCH_WARMUP (2 s per target before measuring), BENCH_ROUNDS (1; n measures the three
// n times in turn and prints the medians).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { availableParallelism } from "node:os";
import autocannon from "autocannon";
import pg from "pg";
import { adminQuery, loadAverage } from "./support";

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 100_000);
const SMALL = Math.min(REQUESTS, Number(process.env.BENCH_SMALL ?? 1_000));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2);
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 1));
const TARGET = 0.25;
const SHOP = "almaz";
const onPglite = process.env.BENCH_DB === "pglite";
const server = process.env.BENCH_POSTGRES ?? "postgresql://postgres@127.0.0.1:5432";
const database = `bench_requests_${process.pid}`;

// Before any server module is loaded: the app as in production, quiet, on its own database.
Object.assign(process.env, {
  NODE_ENV: "production",
  LOG_LEVEL: "silent",
  NEXT_TELEMETRY_DISABLED: "1",
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "bench-requests-secret-0123456789-abcdef",
});
if (onPglite) {
  process.env.PGLITE_DIR = "memory";
  delete process.env.DATABASE_URL;
} else process.env.DATABASE_URL = `${server}/${database}`;

// The console's own queries (app/[shop]/support/(console)/requests/page.tsx and
// requests/metrics/page.tsx): keep them in step.
const QUEUE = `query RequestStaffQueue($filter: RightsRequestQueueFilter, $after: String) {
  rightsRequestQueue(filter: $filter, first: 25, after: $after) {
    openCount overdueCount dueSoonCount
    requests { totalCount pageInfo { hasNextPage endCursor } edges { node {
      id type label status outcome selfService receivedOn dueOn isOverdue extendedAt filedBy representativeName
      assignedTo { id displayName } customer { displayName email isRestricted } } } }
  }
}`;
const METRICS = `query RequestStaffMetrics($handle: String!, $year: Int!) {
  shop(handle: $handle) { requestMetrics(year: $year) {
    year
    rows { type label received granted partlyGranted refused withdrawn pending medianDaysToRespond meanDaysToRespond late }
    total { type label received granted partlyGranted refused withdrawn pending medianDaysToRespond meanDaysToRespond late }
  } }
}`;
const TYPENAME = "{ __typename }";

const out = (line: string) => process.stdout.write(`${line}\n`);
const int = (n: number) => Math.round(n).toLocaleString("en");

// ---------------------------------------------------------------------------------------
// Statements, counted where they reach the driver (transaction control left out).

const meter = { on: false, statements: 0 };
const TX_CONTROL = /^\s*(BEGIN|START TRANSACTION|COMMIT|ROLLBACK|END|SAVEPOINT|RELEASE)\b/i;
const count = (sql: unknown) => {
  if (meter.on && !TX_CONTROL.test(String(sql))) meter.statements++;
};

function meterPostgres(): void {
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const config = args[0];
    count(typeof config === "string" ? config : (config as { text?: string } | undefined)?.text);
    return original.apply(this, args);
  };
}

function meterPglite(): void {
  type Q = (...args: unknown[]) => Promise<unknown>;
  // The copy the app's database module loads (tsx runs these files as CommonJS).
  const { PGlite } = require("@electric-sql/pglite") as typeof import("@electric-sql/pglite");
  const proto = PGlite.prototype as unknown as {
    query: Q;
    exec: Q;
    transaction: (fn: (tx: unknown) => unknown) => Promise<unknown>;
  };
  const counted =
    (fn: Q, self: unknown): Q =>
    (...args) => {
      count(args[0]);
      return fn.apply(self, args);
    };
  const { query, exec, transaction } = proto;
  proto.query = function (this: unknown, ...args: unknown[]) {
    return counted(query, this)(...args);
  };
  proto.exec = function (this: unknown, ...args: unknown[]) {
    return counted(exec, this)(...args);
  };
  proto.transaction = function (this: unknown, fn: (tx: unknown) => unknown) {
    return transaction.call(this, (raw: unknown) =>
      fn(
        new Proxy(raw as Record<string, unknown>, {
          get(target, prop) {
            const value = Reflect.get(target, prop);
            return (prop === "query" || prop === "exec") && typeof value === "function"
              ? counted(value as Q, target)
              : value;
          },
        }),
      ),
    );
  };
}

// ---------------------------------------------------------------------------------------
// The fixture: customers (five requests each) and requests [from, to) with their
// timelines, all in SQL. Deterministic ids (md5 of the row number), so the two steps
// (1,000, then the rest up to 100,000) add to one another.

const TYPES = [
  "RESTRICTION",
  "OBJECTION",
  "AUTOMATED_DECISION",
  "DISPUTED_CORRECTION",
  "ACCESS",
  "RECTIFICATION",
  "ERASURE",
  "WITHDRAW_CONSENT",
];

function fixtureSql(shopId: string, from: number, to: number): string {
  const types = `ARRAY[${TYPES.map((t) => `'${t}'`).join(", ")}]`;
  return `
    INSERT INTO "Customer" ("id", "shopId", "email", "firstName", "lastName", "updatedAt")
    SELECT md5('bench-customer-' || c)::uuid, '${shopId}'::uuid, 'bench-requests-' || c || '@bench.example',
           'Bench', 'Customer ' || c, now()
      FROM generate_series(${Math.ceil(from / 5)}, ${Math.ceil(to / 5) - 1}) AS c;

    INSERT INTO "RightsRequest" ("id", "shopId", "customerId", "type", "status", "outcome", "purposes", "categories",
      "details", "filedBy", "selfService", "receivedAt", "receivedOn", "firstDueOn", "dueOn", "extendedAt",
      "extensionReason", "decidedAt", "decisionReason", "withdrawnAt", "updatedAt")
    SELECT md5('bench-request-' || g)::uuid, '${shopId}'::uuid, md5('bench-customer-' || (g / 5))::uuid,
      a.type::"RightsRequestType",
      (CASE WHEN a.self THEN 'CLOSED' WHEN b.open THEN (CASE WHEN g % 97 = 0 THEN 'AWAITING_VERIFICATION' ELSE 'OPEN' END)
            WHEN g % 10 = 9 THEN 'WITHDRAWN' ELSE 'CLOSED' END)::"RightsRequestStatus",
      (CASE WHEN a.self THEN 'GRANTED' WHEN b.open OR g % 10 = 9 THEN NULL WHEN g % 10 < 5 THEN 'GRANTED'
            WHEN g % 10 < 7 THEN 'PARTLY_GRANTED' ELSE 'REFUSED' END)::"RightsRequestOutcome",
      CASE WHEN a.type = 'OBJECTION' THEN ARRAY['research-and-analysis'] ELSE ARRAY[]::text[] END,
      CASE WHEN a.type IN ('RESTRICTION', 'DISPUTED_CORRECTION') THEN ARRAY['contact'] ELSE ARRAY[]::text[] END,
      CASE WHEN a.self THEN NULL ELSE 'Bench request ' || g || ': please look into my data.' END,
      'CUSTOMER', a.self, a.received, b.received_on, b.due,
      CASE WHEN b.extended THEN (b.due + interval '1 month')::date ELSE b.due END,
      CASE WHEN b.extended THEN a.received + interval '10 days' END,
      CASE WHEN b.extended THEN 'Several requests at once.' END,
      CASE WHEN a.self THEN a.received WHEN b.open OR g % 10 = 9 THEN NULL
           ELSE a.received + ((g * 31) % 45) * interval '1 day' END,
      CASE WHEN NOT a.self AND NOT b.open AND g % 10 <> 9 THEN 'Decided after checking our records.' END,
      CASE WHEN NOT a.self AND NOT b.open AND g % 10 = 9 THEN a.received + interval '2 days' END,
      now()
    FROM generate_series(${from}, ${to - 1}) AS g
    CROSS JOIN LATERAL (
      SELECT (${types})[g % 8 + 1] AS type, g % 8 >= 4 AS self, (g * 7919) % 1095 AS age,
             now() - ((g * 7919) % 1095) * interval '1 day' - ((g * 13) % 86400) * interval '1 second' AS received
    ) a
    CROSS JOIN LATERAL (
      SELECT (a.received AT TIME ZONE 'Europe/Bucharest')::date AS received_on,
             ((a.received AT TIME ZONE 'Europe/Bucharest')::date + interval '1 month')::date AS due,
             NOT a.self AND (a.age < 60 OR g % 50 = 0) AS open,
             NOT a.self AND g % 20 = 0 AND a.age >= 20 AS extended
    ) b;

    INSERT INTO "RightsRequestEvent" ("id", "requestId", "kind", "actorType", "message", "at")
    SELECT md5('bench-event-' || g || '-' || k)::uuid, md5('bench-request-' || g)::uuid,
           (ARRAY['RECEIVED', 'IDENTITY_CONFIRMED', 'ACKNOWLEDGED'])[k],
           (CASE WHEN k = 1 THEN 'CUSTOMER' ELSE 'SYSTEM' END)::"ActorType",
           CASE WHEN k = 3 THEN 'We will answer within a month.' END,
           now() - ((g * 7919) % 1095) * interval '1 day'
      FROM generate_series(${from}, ${to - 1}) AS g, generate_series(1, 3) AS k;

    ANALYZE "Customer";
    ANALYZE "RightsRequest";
    ANALYZE "RightsRequestEvent";`;
}

// ---------------------------------------------------------------------------------------
// The app's route handler behind node:http.

// A request with the FRESH header first drops what the app keeps per process about
// requests (the metrics), as a change to a request would.
const FRESH = "x-bench-fresh";

async function startApp(): Promise<{ base: string; close: () => Promise<void> }> {
  const { POST } = await import("@/app/api/graphql/route");
  const { NextRequest } = await import("next/server");
  const { requestsChanged } = await import("@/server/requests/changes");
  const srv = http.createServer((req, res) => {
    if (req.headers[FRESH] === "1") requestsChanged();
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      try {
        const headers = new Headers();
        for (const [name, value] of Object.entries(req.headers)) {
          if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
        }
        const response = await POST(
          new NextRequest(`http://127.0.0.1${req.url ?? "/"}`, {
            method: "POST",
            headers,
            body: new Uint8Array(Buffer.concat(chunks)),
          }),
        );
        const body = Buffer.from(await response.arrayBuffer());
        res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
        res.end(body);
      } catch (error) {
        res.writeHead(500, { "content-type": "text/plain" });
        res.end(String(error));
      }
    });
  });
  srv.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => srv.listen(0, "127.0.0.1", resolve));
  const { port } = srv.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        srv.closeAllConnections();
        srv.close(() => resolve());
      }),
  };
}

type Body = { query: string; variables?: Record<string, unknown>; fresh?: boolean };

const headersOf = (cookie: string, body: Body): Record<string, string> => ({
  "content-type": "application/json",
  cookie,
  ...(body.fresh ? { [FRESH]: "1" } : {}),
});

async function post<T>(base: string, cookie: string, body: Body): Promise<T> {
  const response = await fetch(`${base}/api/graphql`, {
    method: "POST",
    headers: headersOf(cookie, body),
    body: JSON.stringify({ query: body.query, variables: body.variables }),
  });
  const result = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (!result.data || result.errors?.length) {
    throw new Error(`GraphQL (${response.status}): ${JSON.stringify(result.errors ?? result)}`);
  }
  return result.data;
}

// The statements of one request, after two to warm the caches (session, shop, plans).
async function statementsOf(base: string, cookie: string, body: Body): Promise<number> {
  await post(base, cookie, body);
  await post(base, cookie, body);
  const counts: number[] = [];
  for (let i = 0; i < 3; i++) {
    meter.statements = 0;
    meter.on = true;
    try {
      await post(base, cookie, body);
    } finally {
      meter.on = false;
    }
    counts.push(meter.statements);
  }
  if (new Set(counts).size !== 1)
    out(`  (statement counts varied between runs: ${counts.join(", ")}; the highest is kept)`);
  return Math.max(...counts);
}

type Figures = { rps: number; p50: number; p99: number; errors: number };

async function load(base: string, cookie: string, body: Body, seconds: number): Promise<Figures> {
  let errors = 0;
  const result = await autocannon({
    url: `${base}/api/graphql`,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        method: "POST",
        headers: headersOf(cookie, body),
        body: JSON.stringify({ query: body.query, variables: body.variables }),
        onResponse: (status, text) => {
          if (status !== 200 || text.includes('"errors":')) errors++;
        },
      },
    ],
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: errors + result.errors + result.timeouts,
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

async function main(): Promise<number> {
  if (!onPglite) {
    await adminQuery(server, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await adminQuery(server, `CREATE DATABASE ${database}`);
  }
  if (onPglite) meterPglite();
  else meterPostgres();
  const { closeDatabase, getDatabase, getPrisma } = await import("@/server/db");
  const { applyMigrations } = await import("@/server/db/migrate");
  const { findShop } = await import("@/server/tenants");
  const { encode } = await import("next-auth/jwt");
  const { requestsChanged } = await import("@/server/requests/changes");
  let app: Awaited<ReturnType<typeof startApp>> | undefined;
  try {
    const db = getDatabase();
    await applyMigrations(db.raw);
    const shop = await findShop({ handle: SHOP });
    if (!shop) throw new Error(`no shop ${SHOP}`);
    const prisma = getPrisma();
    // The shop's privacy officer, signed in as the console's cookie would have it.
    const officer = await prisma.agent.create({
      data: {
        shopId: shop.id,
        email: "dpo-bench@almaz.example",
        displayName: "Bench officer",
        role: "PRIVACY_OFFICER",
        passwordHash: "x",
      },
    });
    const session = await prisma.agentSession.create({
      data: { agentId: officer.id, expiresAt: new Date(Date.now() + 24 * 3600_000) },
    });
    const token = await encode({
      token: { sub: officer.id, sid: session.id, kind: "agent", shop: SHOP },
      secret: process.env.NEXTAUTH_SECRET ?? "",
    });
    const cookie = `pc.session=${token}`;
    app = await startApp();
    const year = new Date().getUTCFullYear() - 1;
    const bodies = {
      typename: { query: TYPENAME },
      queue: { query: QUEUE, variables: {} },
      metrics: { query: METRICS, variables: { handle: SHOP, year } },
      metricsFresh: { query: METRICS, variables: { handle: SHOP, year }, fresh: true },
    };
    const typename = await post<{ __typename: string }>(app.base, cookie, bodies.typename);
    if (typename.__typename !== "Query") throw new Error("unexpected answer to { __typename }");

    // Statements at 1,000 requests, then at 100,000.
    const sizes = [SMALL, REQUESTS];
    const statements: Record<keyof typeof bodies, number[]> = {
      typename: [],
      queue: [],
      metrics: [],
      metricsFresh: [],
    };
    const shape: string[] = [];
    let seeded = 0;
    for (const size of sizes) {
      const started = performance.now();
      await db.raw.exec(fixtureSql(shop.id, seeded, size));
      const seconds = (performance.now() - started) / 1000;
      seeded = size;
      requestsChanged();
      const [open] = await db.raw.query<{ open: bigint | number; overdue: bigint | number; inYear: bigint | number }>(
        `SELECT count(*) FILTER (WHERE "status" IN ('OPEN', 'AWAITING_VERIFICATION')) AS "open",
                count(*) FILTER (WHERE "status" IN ('OPEN', 'AWAITING_VERIFICATION') AND "dueOn" < now()::date) AS "overdue",
                count(*) FILTER (WHERE "receivedOn" >= '${year}-01-01' AND "receivedOn" < '${year + 1}-01-01') AS "inYear"
           FROM "RightsRequest" WHERE "shopId" = $1::uuid`,
        [shop.id],
      );
      shape.push(
        `${int(size)} requests (written in ${seconds.toFixed(1)} s): ${int(Number(open.open))} open (${int(Number(open.overdue))} overdue), ${int(Number(open.inYear))} received in ${year}`,
      );
      const queue = await post<{ rightsRequestQueue: { requests: { edges: unknown[] } } }>(
        app.base,
        cookie,
        bodies.queue,
      );
      if (queue.rightsRequestQueue.requests.edges.length === 0) throw new Error("the queue is empty");
      const metrics = await post<{ shop: { requestMetrics: { total: { received: number } } | null } }>(
        app.base,
        cookie,
        bodies.metrics,
      );
      if (metrics.shop.requestMetrics?.total.received !== Number(open.inYear)) {
        throw new Error(`metrics count ${metrics.shop.requestMetrics?.total.received}, expected ${open.inYear}`);
      }
      for (const key of Object.keys(bodies) as (keyof typeof bodies)[]) {
        statements[key].push(await statementsOf(app.base, cookie, bodies[key]));
      }
    }

    // Throughput at 100,000: each target warmed up once, then ROUNDS rounds in turn.
    const targets = [bodies.typename, bodies.queue, bodies.metrics, bodies.metricsFresh];
    const loadAtStart = loadAverage();
    for (const body of targets) if (WARMUP > 0) await load(app.base, cookie, body, WARMUP);
    const rounds: Figures[][] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const figures: Figures[] = [];
      for (const body of targets) figures.push(await load(app.base, cookie, body, SECONDS));
      rounds.push(figures);
    }
    const of = (i: number, key: keyof Figures) => median(rounds.map((r) => r[i][key]));
    const ratio = (i: number) => median(rounds.map((r) => r[i].rps / r[0].rps));
    const errors = rounds.flat().reduce((n, f) => n + f.errors, 0);
    const line = (name: string, i: number) =>
      `  ${name.padEnd(36)} ${of(i, "rps").toFixed(1).padStart(8)} req/s   p50 ${String(of(i, "p50")).padStart(4)} ms   p99 ${String(of(i, "p99")).padStart(5)} ms   errors ${rounds.reduce((n, r) => n + r[i].errors, 0)}`;
    const verdict = (i: number) =>
      `${ratio(i).toFixed(2)} (target >= ${TARGET}): ${ratio(i) >= TARGET ? "PASS" : "FAIL"}`;
    const equal = (key: keyof typeof bodies) => new Set(statements[key]).size === 1;
    const row = (name: string, key: keyof typeof bodies) =>
      `  ${name.padEnd(36)} ${String(statements[key][0]).padStart(8)} ${String(statements[key][1]).padStart(10)}   ${equal(key) ? "equal: PASS" : "DIFFERENT: FAIL"}`;
    out(
      [
        `bench/requests on ${onPglite ? "embedded PGlite (in memory)" : "PostgreSQL"}, shop ${SHOP}, the app's /api/graphql route handler in this process, signed in as the shop's privacy officer`,
        ...shape.map((s) => `  ${s}`),
        `SQL statements per request (the whole request: session check and resolvers), at ${int(SMALL)} and ${int(REQUESTS)} requests:`,
        row("{ __typename }", "typename"),
        row("queue, first page (25)", "queue"),
        row(`metrics of ${year}, as served`, "metrics"),
        row(`metrics of ${year}, computed`, "metricsFresh"),
        `autocannon: ${CONNECTIONS} connections, ${WARMUP} s warm-up + ${ROUNDS} x ${SECONDS} s per target, at ${int(REQUESTS)} requests${ROUNDS > 1 ? " (medians)" : ""}:`,
        line("(1) { __typename }", 0),
        line("(2) queue, first page (25 rows)", 1),
        line(`(3) metrics of ${year}, as served`, 2),
        line(`(4) metrics of ${year}, computed`, 3),
        `  (2)/(1) ${verdict(1)}`,
        `  (3)/(1) ${verdict(2)}`,
        `  (4)/(1) ${verdict(3)}`,
        `load average at start ${loadAtStart}, after ${loadAverage()} on ${availableParallelism()} cores (autocannon shares them with the app and the database)`,
      ].join("\n"),
    );
    return equal("queue") && equal("metrics") && equal("metricsFresh") && errors === 0 ? 0 : 1;
  } finally {
    await app?.close();
    await closeDatabase();
    if (!onPglite) await adminQuery(server, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
