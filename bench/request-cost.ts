// What a request costs before any resolver runs: autocannon against the built app, in
// one run with the same duration and connections, on
//   (1) GET /api/health                          (the route handler alone, no database)
//   (2) POST /api/graphql { __typename }          signed out (Apollo, no session)
//   (3) the same signed in as a demo customer     (+ session cookie: JWE decrypt, Session
//                                                  and shop lookups; graphql/context.ts)
// and the ratios (2)/(1) and (3)/(1). Target: signed in reaches at least half of
// /api/health's throughput (printed beside the figures; a miss does not fail the run).
//   npm run build && npx tsx bench/request-cost.ts
// BENCH_SECONDS, BENCH_CONNECTIONS, BENCH_WARMUP (seconds per target before measuring).
// Beside the throughput, the app's own CPU time per request (its process group, from
// /proc; PostgreSQL's server processes are not in it): steadier than req/s when other
// work shares the machine, and its ratios are what the throughput ratios would be if the
// app alone had the CPUs.
// BENCH_BREAKDOWN=1 (production mode) adds two cookies made with the app's secret, to see
// where the signed-in cost goes: one whose session id is malformed (decrypted, then
// refused without the database) and one naming no session (decrypted + one lookup).
// BENCH_ROUNDS=n measures the three n times in turn and prints the medians (steadier
// ratios on a machine that other work shares).
// The app runs as in production (NEXTAUTH_SECRET set); BENCH_DEMO=1 runs it in demo mode
// instead, with the secret kept in .data/ as `npm run demo` does.
// On PostgreSQL instead of the embedded database: BENCH_POSTGRES=postgresql://postgres@127.0.0.1:5432
// (a fresh database is created there and dropped afterwards).
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { encode } from "next-auth/jwt";
import { adminQuery, benchEnv, loadAverage } from "./support";

const ROOT = path.resolve(import.meta.dirname, "..");
const PORT = Number(process.env.BENCH_PORT ?? 3197);
const BASE = `http://127.0.0.1:${PORT}`;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2);
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 1));
const DEMO = process.env.BENCH_DEMO === "1";
const BREAKDOWN = process.env.BENCH_BREAKDOWN === "1" && !DEMO;
const TARGET = 0.5;
const TYPENAME = JSON.stringify({ query: "{ __typename }" });

async function waitUp(timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return;
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("the app did not start");
}

// Signs in like the browser does (next-auth CSRF token, then the credentials callback).
async function signIn(): Promise<string> {
  const csrf = await fetch(`${BASE}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const response = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies.join("; ") },
    body: new URLSearchParams({
      csrfToken,
      shop: "almaz",
      email: "demo@almaz.example",
      password: "privacy-demo",
      json: "true",
    }),
  });
  const session = response.headers.getSetCookie().find((c) => c.startsWith("pc.session="));
  if (!session) throw new Error(`sign-in failed (${response.status})`);
  return session.split(";")[0];
}

// The cookie must really sign in (and its absence really not), or (3) measures (2).
async function checkSignedIn(cookie: string | undefined, expected: boolean) {
  const response = await fetch(`${BASE}/api/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query: "{ viewer { isSignedIn } }" }),
  });
  const body = (await response.json()) as { data?: { viewer: { isSignedIn: boolean } } };
  if (body.data?.viewer.isSignedIn !== expected) {
    throw new Error(`expected isSignedIn ${expected}, got ${JSON.stringify(body)}`);
  }
}

type Target = { name: string; options: autocannon.Options };

function target(name: string, route: string, init: Partial<autocannon.Options> = {}): Target {
  return { name, options: { url: `${BASE}${route}`, connections: CONNECTIONS, ...init } };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

type Figures = { rps: number; p50: number; p99: number; errors: number; cpuUs: number };

// CPU time (user + system, ms) of every process in the group (Linux /proc; NaN elsewhere).
const TICK_MS = 1000 / Number(process.platform === "linux" ? execFileSync("getconf", ["CLK_TCK"]).toString() : 100);
function groupCpuMs(pgid: number): number {
  if (!existsSync("/proc/self/stat")) return Number.NaN;
  let ticks = 0;
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    } catch {
      continue; // gone meanwhile
    }
    // After "pid (comm) ": state ppid pgrp ... utime (14th field) stime (15th).
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(fields[2]) === pgid) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks * TICK_MS;
}

// Each target warmed up once, then ROUNDS rounds of (1), (2), (3) in turn.
async function measureAll(targets: Target[], pgid: number): Promise<Figures[][]> {
  for (const t of targets) if (WARMUP > 0) await autocannon({ ...t.options, duration: WARMUP });
  const rounds: Figures[][] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const figures: Figures[] = [];
    for (const t of targets) {
      const cpuBefore = groupCpuMs(pgid);
      const r = await autocannon({ ...t.options, title: t.name, duration: SECONDS });
      const cpuUs = ((groupCpuMs(pgid) - cpuBefore) * 1000) / r.requests.total;
      figures.push({
        rps: r.requests.average,
        p50: r.latency.p50,
        p99: r.latency.p99,
        errors: r.errors + r.non2xx,
        cpuUs,
      });
    }
    rounds.push(figures);
  }
  return rounds;
}

async function main() {
  if (!existsSync(path.join(ROOT, ".next", "BUILD_ID"))) throw new Error("Run `npm run build` first.");
  // Other work on the machine skews the ratios: noted in the output (the seed below adds its own).
  const loadAtStart = loadAverage();
  const busy = loadavg()[0] > availableParallelism();
  const dir = mkdtempSync(path.join(tmpdir(), "bench-request-cost-"));
  const env = benchEnv({ pgliteDir: dir });
  const server0 = process.env.BENCH_POSTGRES;
  const database = `bench_request_cost_${process.pid}`;
  if (server0) {
    await adminQuery(server0, `CREATE DATABASE ${database}`);
    env.DATABASE_URL = `${server0}/${database}`;
  }
  const secret = randomBytes(32).toString("base64url");
  const appEnv: NodeJS.ProcessEnv = DEMO
    ? { ...env, PRIVACY_CENTRE_DEMO: "1", NEXTAUTH_URL: BASE }
    : { ...env, NEXTAUTH_SECRET: secret, NEXTAUTH_URL: BASE };
  if (DEMO) delete appEnv.NEXTAUTH_SECRET;
  process.stdout.write(
    `database: ${server0 ? "PostgreSQL" : "embedded PGlite"}; app: ${DEMO ? "demo mode (secret in .data/)" : "production mode (NEXTAUTH_SECRET)"}\n` +
      `autocannon: ${CONNECTIONS} connections, ${WARMUP} s warm-up + ${ROUNDS} × ${SECONDS} s per target\n`,
  );
  let server: ChildProcess | undefined;
  try {
    execFileSync("npx", ["tsx", "scripts/db-migrate.ts"], { cwd: ROOT, env, stdio: "ignore" });
    execFileSync("npx", ["tsx", "prisma/seed.ts"], { cwd: ROOT, env, stdio: "ignore" });
    server = spawn("npx", ["next", "start", "-p", String(PORT), "-H", "127.0.0.1"], {
      cwd: ROOT,
      env: appEnv,
      stdio: "ignore",
      detached: true,
    });
    await waitUp();
    const cookie = await signIn();
    await checkSignedIn(undefined, false);
    await checkSignedIn(cookie, true);

    const post = { method: "POST" as const, body: TYPENAME };
    const withCookie = (c: string) => ({ ...post, headers: { "content-type": "application/json", cookie: c } });
    const breakdown: Target[] = [];
    if (BREAKDOWN) {
      const forged = async (sid: string) =>
        `pc.session=${await encode({ token: { sub: randomUUID(), sid, shop: "almaz" }, secret })}`;
      breakdown.push(
        target("cookie: decrypt only", "/api/graphql", withCookie(await forged("not-a-session-id"))),
        target("cookie: decrypt + 1 lookup", "/api/graphql", withCookie(await forged(randomUUID()))),
      );
    }
    const loadBefore = loadAverage();
    const rounds = await measureAll(
      [
        target("GET /api/health", "/api/health"),
        target("{ __typename } signed out", "/api/graphql", {
          ...post,
          headers: { "content-type": "application/json" },
        }),
        target("{ __typename } signed in", "/api/graphql", withCookie(cookie)),
        ...breakdown,
      ],
      server.pid as number,
    );
    const of = (i: number, key: keyof Figures) => median(rounds.map((r) => r[i][key]));
    const line = (name: string, i: number) =>
      `${name.padEnd(28)} ${of(i, "rps").toFixed(1).padStart(8)} req/s   p50 ${String(of(i, "p50")).padStart(4)} ms   p99 ${String(of(i, "p99")).padStart(4)} ms   app CPU ${of(i, "cpuUs").toFixed(0).padStart(5)} µs/req   errors ${rounds.reduce((n, r) => n + r[i].errors, 0)}`;
    // Ratios per round (the three measured close together), then their median.
    const ratio = (i: number) => median(rounds.map((r) => r[i].rps / r[0].rps));
    const signedInRatio = ratio(2);
    const cpuRatio = (i: number) => median(rounds.map((r) => r[0].cpuUs / r[i].cpuUs));
    process.stdout.write(
      `${[
        ...(ROUNDS > 1 ? [`medians of ${ROUNDS} rounds:`] : []),
        line("(1) GET /api/health", 0),
        line("(2) __typename signed out", 1),
        line("(3) __typename signed in", 2),
        `(2)/(1) ${ratio(1).toFixed(2)}   by app CPU per request ${cpuRatio(1).toFixed(2)}`,
        `(3)/(1) ${signedInRatio.toFixed(2)}   by app CPU per request ${cpuRatio(2).toFixed(2)}   (target ≥ ${TARGET}): ${signedInRatio >= TARGET ? "PASS" : "FAIL"}`,
        ...breakdown.map((t, i) => line(`    ${t.name}`, 3 + i)),
        `load average at start ${loadAtStart}, before measuring ${loadBefore}, after ${loadAverage()} on ${availableParallelism()} cores (autocannon shares them with the app)`,
        ...(busy ? ["the machine was busy at start (1-min load above the core count): figures unreliable"] : []),
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
