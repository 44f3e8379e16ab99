// Mixed load on the built app over PostgreSQL (issue 12): 200 concurrent connections for
// 60 s, half of them shoppers opening My data and their subscriptions page (full server
// renders with a session cookie), half partners' servers reading and writing consents
// through /api/graphql with API keys. Prints throughput, p50/p99 latency and errors per
// side; target: no error other than deliberate 429s (a key over its query-cost budget).
//   npm run build && BENCH_POSTGRES=postgresql://postgres@127.0.0.1:5432 npx tsx bench/load.ts
// BENCH_SECONDS (60), BENCH_CONNECTIONS (200, split evenly), BENCH_CUSTOMERS (20),
// BENCH_KEYS (10), BENCH_APP_LOG (a file for the app's warnings and errors). A fresh database is created on the server and dropped afterwards.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, openSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { adminQuery, appClient, benchEnv, loadAverage } from "./support";

const ROOT = path.resolve(import.meta.dirname, "..");
const PORT = Number(process.env.BENCH_PORT ?? 3198);
const BASE = `http://127.0.0.1:${PORT}`;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 200);
const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 20);
const KEYS = Number(process.env.BENCH_KEYS ?? 10);
const SERVER = process.env.BENCH_POSTGRES ?? "postgresql://postgres@127.0.0.1:5432";
const PASSWORD = "bench-password-123";
const app = appClient(BASE);

type Side = { requests: number; throttled: number; errors: Map<string, number> };
const side = (): Side => ({ requests: 0, throttled: 0, errors: new Map() });
const countError = (s: Side, what: string) => s.errors.set(what, (s.errors.get(what) ?? 0) + 1);

async function setUp(): Promise<{ cookies: string[]; customerIds: string[]; keys: string[] }> {
  const cookies: string[] = [];
  const customerIds: string[] = [];
  for (let i = 0; i < CUSTOMERS; i++) {
    const email = `load-${i}-${randomBytes(3).toString("hex")}@bench.example`;
    await app.graphql(
      {},
      `mutation($input: CustomerSignUpInput!) { customerSignUp(input: $input) { customer { id } userErrors { message } } }`,
      { input: { shop: "almaz", email, password: PASSWORD, firstName: "Load", lastName: `Tester ${i}` } },
    );
    const cookie = await app.signIn("credentials", "almaz", email, PASSWORD);
    const me = await app.graphql<{ viewer: { customer: { id: string } } }>(
      { cookie },
      "{ viewer { customer { id } } }",
    );
    cookies.push(cookie);
    customerIds.push(me.viewer.customer.id);
  }
  const dpo = await app.signIn("agent", "almaz", "dpo@almaz.example", "privacy-demo");
  const keys: string[] = [];
  for (let i = 0; i < KEYS; i++) {
    const created = await app.graphql<{ apiKeyCreate: { secret: string } }>(
      { cookie: dpo },
      `mutation($input: ApiKeyCreateInput!) { apiKeyCreate(input: $input) { secret userErrors { message } } }`,
      { input: { name: `Load partner ${i}`, scopes: ["customers:read", "consents:read", "consents:write"] } },
    );
    keys.push(created.apiKeyCreate.secret);
  }
  return { cookies, customerIds, keys };
}

function customerLoad(cookies: string[], stats: Side): Promise<autocannon.Result> {
  let n = 0;
  const pages = ["/almaz/account/privacy/data", "/almaz/account/privacy/subscriptions"];
  return autocannon({
    url: BASE,
    connections: Math.floor(CONNECTIONS / 2),
    duration: SECONDS,
    timeout: 60,
    requests: [
      {
        method: "GET",
        setupRequest: (request) => {
          const i = n++;
          return { ...request, path: pages[i % 2], headers: { cookie: cookies[i % cookies.length] } };
        },
        onResponse: (status, body) => {
          stats.requests++;
          if (status !== 200) countError(stats, `HTTP ${status}`);
          else if (!body.includes("<html")) countError(stats, "not a page");
        },
      },
    ],
  });
}

function partnerLoad(keys: string[], customerIds: string[], stats: Side): Promise<autocannon.Result> {
  let n = 0;
  const read = `query($id: ID!) { customer(id: $id) { consents { purpose { key } state } } }`;
  const write = `mutation($input: ConsentUpdateInput!) { consentUpdate(input: $input) { consents { state } userErrors { code message } } }`;
  return autocannon({
    url: `${BASE}/api/graphql`,
    connections: CONNECTIONS - Math.floor(CONNECTIONS / 2),
    duration: SECONDS,
    timeout: 60,
    requests: [
      {
        method: "POST",
        setupRequest: (request) => {
          const i = n++;
          const id = customerIds[i % customerIds.length];
          const body =
            i % 2 === 0
              ? { query: read, variables: { id } }
              : {
                  query: write,
                  variables: {
                    input: {
                      customerId: id,
                      changes: [{ key: "profiling", state: i % 4 === 1 ? "GRANTED" : "WITHDRAWN" }],
                    },
                  },
                };
          return {
            ...request,
            headers: { "content-type": "application/json", authorization: `Bearer ${keys[i % keys.length]}` },
            body: JSON.stringify(body),
          };
        },
        onResponse: (status, body) => {
          stats.requests++;
          if (status === 429) {
            stats.throttled++;
            return;
          }
          if (status !== 200) {
            countError(stats, `HTTP ${status}`);
            return;
          }
          const parsed = JSON.parse(body) as { errors?: { extensions?: { code?: string } }[]; data?: unknown };
          if (parsed.errors?.length) countError(stats, `GraphQL ${parsed.errors[0].extensions?.code ?? "error"}`);
          else if (body.includes('"userErrors":[{')) countError(stats, "userErrors");
        },
      },
    ],
  });
}

function report(name: string, result: autocannon.Result, stats: Side) {
  const errors = result.errors + result.timeouts + [...stats.errors.values()].reduce((a, b) => a + b, 0);
  const listed = [...stats.errors.entries()].map(([k, v]) => `${k} × ${v}`).join(", ");
  process.stdout.write(
    `${name.padEnd(34)} ${(result.requests.total / SECONDS).toFixed(1).padStart(7)} req/s` +
      `   p50 ${String(result.latency.p50).padStart(5)} ms   p99 ${String(result.latency.p99).padStart(6)} ms` +
      `   429s ${String(stats.throttled).padStart(6)}   errors ${errors}${listed ? ` (${listed})` : ""}` +
      `${result.timeouts ? ` timeouts ${result.timeouts}` : ""}\n`,
  );
  return errors;
}

async function main() {
  if (!existsSync(path.join(ROOT, ".next", "BUILD_ID"))) throw new Error("Run `npm run build` first.");
  const dir = mkdtempSync(path.join(tmpdir(), "bench-load-"));
  const env = benchEnv({ pgliteDir: dir });
  const database = `bench_load_${process.pid}`;
  await adminQuery(SERVER, `CREATE DATABASE ${database}`);
  env.DATABASE_URL = `${SERVER}/${database}`;
  let server: ChildProcess | undefined;
  try {
    execFileSync("npx", ["tsx", "scripts/db-migrate.ts"], { cwd: ROOT, env, stdio: "ignore" });
    execFileSync("npx", ["tsx", "--conditions=react-server", "prisma/seed.ts"], { cwd: ROOT, env, stdio: "ignore" });
    // BENCH_APP_LOG=<file> keeps the app's warnings and errors (codes and names only).
    const logFile = process.env.BENCH_APP_LOG ? openSync(process.env.BENCH_APP_LOG, "w") : null;
    server = spawn("npx", ["next", "start", "-p", String(PORT), "-H", "127.0.0.1"], {
      cwd: ROOT,
      env: {
        ...env,
        NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
        NEXTAUTH_URL: BASE,
        ...(logFile === null ? {} : { LOG_LEVEL: "warn" }),
      },
      stdio: logFile === null ? "ignore" : ["ignore", logFile, logFile],
      detached: true,
    });
    await app.waitUp();
    const { cookies, customerIds, keys } = await setUp();
    process.stdout.write(
      `PostgreSQL; ${CONNECTIONS} connections for ${SECONDS} s: ${Math.floor(CONNECTIONS / 2)} shoppers (${CUSTOMERS} accounts, My data and subscriptions pages), ` +
        `${CONNECTIONS - Math.floor(CONNECTIONS / 2)} partner connections (${KEYS} keys, consent read/write); load average ${loadAverage()}\n`,
    );
    const shoppers = side();
    const partners = side();
    const [c, p] = await Promise.all([customerLoad(cookies, shoppers), partnerLoad(keys, customerIds, partners)]);
    const errors = report("shoppers (pages)", c, shoppers) + report("partners (/api/graphql)", p, partners);
    process.stdout.write(
      `total ${((c.requests.total + p.requests.total) / SECONDS).toFixed(1)} req/s; errors other than 429: ${errors} (target 0)` +
        `; load average after ${loadAverage()}\n`,
    );
  } finally {
    if (server?.pid) process.kill(-server.pid, "SIGTERM");
    rmSync(dir, { recursive: true, force: true });
    await new Promise((r) => setTimeout(r, 500));
    await adminQuery(SERVER, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  }
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
