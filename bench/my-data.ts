// My data under load: a customer with 10,000 orders, the page's GraphQL query run by
// autocannon against the built app, next to `{ __typename }` as the baseline.
// Target (issue 3): My data reaches at least 25% of the baseline's throughput.
// Then the same query while a support agent (agent@almaz.example, seeded with the shops)
// acts in that customer's account: target within 10% of the customer's own figure.
//   npm run build && npx tsx bench/my-data.ts   (BENCH_ORDERS, BENCH_SECONDS to change)
// On PostgreSQL instead of the embedded database: BENCH_POSTGRES=postgresql://postgres@127.0.0.1:5432
// (a fresh database is created there and dropped afterwards).
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { adminQuery, benchEnv, loadAverage } from "./support";

const ROOT = path.resolve(import.meta.dirname, "..");
const PORT = Number(process.env.BENCH_PORT ?? 3198);
const BASE = `http://127.0.0.1:${PORT}`;
const ORDERS = Number(process.env.BENCH_ORDERS ?? 10_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const EMAIL = `bench-${ORDERS}@almaz.example`;
const AGENT_EMAIL = "agent@almaz.example";

// The My data page's own query (app/[shop]/account/privacy/data/page.tsx, MyDataPage):
// keep the two in step. Records load per category when opened; CATEGORY_RECORDS below
// is that request, measured too.
const MY_DATA = `query MyDataPage {
  viewer {
    shop { handle name policy {
      purposes { key label legalBasis legalBasisDetail }
      recipients { key name location isOutsideEEA } } }
    customer { dataCategories {
      key label description isDeclared sources
      purposes { key } recipients { key }
      retention { keptUntil explanation rule { key label keepOnErasure } }
      datasets { id label count isCountExact }
    } }
  }
}`;

const CATEGORY_RECORDS = `query CategoryRecords {
  viewer { customer { datasets(ids: ["Order:orders", "OrderItem:orders"]) {
    id label count isCountExact fields { key label source isSensitive }
    records(first: 5) { edges { node { id keptUntil values { field value isMasked } } } }
  } } }
}`;

async function waitUp(timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${BASE}/`)).ok) return;
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("the app did not start");
}

// Signs in like the browser does (next-auth CSRF token, then the credentials callback):
// provider "credentials" for customers, "agent" for support staff.
async function signIn(provider: "credentials" | "agent", email: string): Promise<string> {
  const csrf = await fetch(`${BASE}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const response = await fetch(`${BASE}/api/auth/callback/${provider}`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies.join("; ") },
    body: new URLSearchParams({ csrfToken, shop: "almaz", email, password: "privacy-demo", json: "true" }),
  });
  const session = response.headers.getSetCookie().find((c) => c.startsWith("pc.session="));
  if (!session) throw new Error(`sign-in of ${email} failed (${response.status})`);
  return session.split(";")[0];
}

async function graphql<T>(cookie: string, query: string, variables?: Record<string, unknown>): Promise<T> {
  const response = await fetch(`${BASE}/api/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie },
    body: JSON.stringify({ query, variables }),
  });
  const result = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (!result.data || result.errors?.length) {
    throw new Error(`GraphQL: ${result.errors?.map((e) => e.message).join("; ") ?? response.status}`);
  }
  return result.data;
}

// The agent finds the customer and starts a support session in their account, as the
// console does. Sessions last at most 30 minutes: start one right before measuring.
async function startImpersonation(agentCookie: string): Promise<void> {
  const found = await graphql<{ supportCustomers: { edges: { node: { id: string } }[] } }>(
    agentCookie,
    "query Find($q: String!) { supportCustomers(query: $q) { edges { node { id } } } }",
    { q: EMAIL },
  );
  const customerId = found.supportCustomers.edges[0]?.node.id;
  if (!customerId) throw new Error(`the agent did not find ${EMAIL}`);
  const started = await graphql<{
    impersonationStart: { impersonation: { id: string } | null; userErrors: { message: string }[] };
  }>(
    agentCookie,
    `mutation Start($customerId: ID!) {
      impersonationStart(input: { customerId: $customerId, reason: "Benchmark: measuring My data while acting", ticket: "BENCH-1" }) {
        impersonation { id } userErrors { message }
      }
    }`,
    { customerId },
  );
  const { impersonation, userErrors } = started.impersonationStart;
  if (!impersonation) throw new Error(`impersonationStart: ${userErrors.map((e) => e.message).join("; ")}`);
}

function run(title: string, body: string, cookie: string): Promise<autocannon.Result> {
  return autocannon({
    title,
    url: `${BASE}/api/graphql`,
    method: "POST",
    connections: 8,
    duration: SECONDS,
    headers: { "content-type": "application/json", cookie },
    body,
  });
}

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), "bench-my-data-"));
  const env = benchEnv({ pgliteDir: dir });
  const server0 = process.env.BENCH_POSTGRES;
  const database = `bench_my_data_${process.pid}`;
  if (server0) {
    await adminQuery(server0, `CREATE DATABASE ${database}`);
    env.DATABASE_URL = `${server0}/${database}`;
  }
  process.stdout.write(`database: ${server0 ? "PostgreSQL" : "embedded PGlite"}\n`);
  let server: ChildProcess | undefined;
  try {
    execFileSync("npx", ["tsx", "scripts/db-migrate.ts"], { cwd: ROOT, env, stdio: "ignore" });
    execFileSync("npx", ["tsx", "prisma/seed.ts"], { cwd: ROOT, env, stdio: "ignore" });
    const started = Date.now();
    execFileSync("npx", ["tsx", "prisma/seed.ts", "--orders", String(ORDERS), "--email", EMAIL], {
      cwd: ROOT,
      env,
      stdio: "ignore",
    });
    process.stdout.write(
      `customer with ${ORDERS} orders generated in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );
    server = spawn("npx", ["next", "start", "-p", String(PORT), "-H", "127.0.0.1"], {
      cwd: ROOT,
      env: { ...env, PRIVACY_CENTRE_DEMO: "1", NEXTAUTH_URL: BASE },
      stdio: "ignore",
      detached: true,
    });
    await waitUp();
    const cookie = await signIn("credentials", EMAIL);
    const checked = await graphql<{ viewer: { customer: { dataCategories: unknown[] } | null } }>(cookie, MY_DATA);
    if (!checked.viewer.customer) throw new Error("the My data query did not return the customer");
    const counted = await fetch(`${BASE}/api/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie },
      body: JSON.stringify({ query: "{ viewer { customer { orders(first: 1) { totalCount } } } }" }),
    });
    const orderTotal = (
      (await counted.json()) as { data: { viewer: { customer: { orders: { totalCount: number } } } } }
    ).data.viewer.customer.orders.totalCount;
    process.stdout.write(`My data answers for a customer with ${orderTotal} orders\n`);

    const baseline = await run("{ __typename }", JSON.stringify({ query: "{ __typename }" }), cookie);
    const myData = await run("My data", JSON.stringify({ query: MY_DATA }), cookie);
    // The same My data query by a support agent acting in the customer's account, measured
    // right after the customer's own so that both see the same machine load.
    const agentCookie = await signIn("agent", AGENT_EMAIL);
    await startImpersonation(agentCookie);
    const acting = await graphql<{ viewer: { customer: { dataCategories: unknown[] } | null } }>(agentCookie, MY_DATA);
    if (acting.viewer.customer?.dataCategories.length !== checked.viewer.customer.dataCategories.length) {
      throw new Error("the My data query did not return the customer to the impersonating agent");
    }
    const impersonating = await run("My data (agent)", JSON.stringify({ query: MY_DATA }), agentCookie);
    await graphql(agentCookie, "mutation { impersonationEnd { userErrors { message } } }");
    const orders = await run("Open Orders", JSON.stringify({ query: CATEGORY_RECORDS }), cookie);
    const line = (name: string, r: autocannon.Result) =>
      `${name.padEnd(16)} ${r.requests.average.toFixed(1).padStart(8)} req/s   p99 ${String(r.latency.p99).padStart(5)} ms   errors ${r.errors + r.non2xx}`;
    const ratio = myData.requests.average / baseline.requests.average;
    const actingRatio = impersonating.requests.average / myData.requests.average;
    process.stdout.write(
      `${[
        line("{ __typename }", baseline),
        line("My data", myData),
        line("My data (agent)", impersonating),
        line("open Orders", orders),
        `throughput ratio ${(ratio * 100).toFixed(1)}% of baseline (target ≥ 25%): ${ratio >= 0.25 ? "met" : "NOT met"}`,
        `impersonating ${(actingRatio * 100).toFixed(1)}% of the customer's own My data (target ≥ 90%): ${actingRatio >= 0.9 ? "PASS" : "FAIL"}`,
        `load average ${loadAverage()}`,
      ].join("\n")}\n`,
    );
  } finally {
    if (server?.pid) process.kill(-server.pid, "SIGTERM");
    rmSync(dir, { recursive: true, force: true });
    if (server0) {
      await new Promise((r) => setTimeout(r, 500));
      await adminQuery(server0, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    }
  }
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
