// Cold start on the embedded database: migrate + seed a fresh PGlite directory, start
// the built app, and time the first answers; then a short sequential run of GraphQL
// requests. Prints figures and ratios; run after `npm run build`:
//   npx tsx bench/cold-start.ts
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const PORT = Number(process.env.BENCH_PORT ?? 3199);
const BASE = `http://127.0.0.1:${PORT}`;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);

function ms(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function firstOk(url: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no answer from ${url}`);
}

async function graphql(query: string): Promise<number> {
  const start = process.hrtime.bigint();
  const response = await fetch(`${BASE}/api/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });
  if (!response.ok) throw new Error(`GraphQL answered ${response.status}`);
  await response.json();
  return ms(start);
}

async function main() {
  if (!existsSync(path.join(ROOT, ".next", "BUILD_ID"))) throw new Error("Run `npm run build` first.");
  const dir = mkdtempSync(path.join(tmpdir(), "bench-pglite-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PGLITE_DIR: dir,
    NEXT_TELEMETRY_DISABLED: "1",
    PRIVACY_CENTRE_DEMO: "1",
  };
  delete env.DATABASE_URL;
  let server: ChildProcess | undefined;
  try {
    let start = process.hrtime.bigint();
    execFileSync("npx", ["tsx", "scripts/db-migrate.ts"], { cwd: ROOT, env, stdio: "ignore" });
    const migrateMs = ms(start);
    start = process.hrtime.bigint();
    execFileSync("npx", ["tsx", "prisma/seed.ts"], { cwd: ROOT, env, stdio: "ignore" });
    const seedMs = ms(start);

    start = process.hrtime.bigint();
    server = spawn("npx", ["next", "start", "-p", String(PORT), "-H", "127.0.0.1"], {
      cwd: ROOT,
      env: { ...env, NEXTAUTH_URL: BASE },
      stdio: "ignore",
      detached: true,
    });
    await firstOk(`${BASE}/`);
    const firstPageMs = ms(start);
    const firstQueryMs = await graphql("{ __typename }");

    const typename: number[] = [];
    const policy: number[] = [];
    for (let i = 0; i < REQUESTS; i++) typename.push(await graphql("{ __typename }"));
    const policyQuery = '{ shop(handle: "almaz") { name policy { rights { key label } retention { text } } } }';
    for (let i = 0; i < REQUESTS; i++) policy.push(await graphql(policyQuery));

    const row = (name: string, v: number[]) =>
      `${name.padEnd(34)} p50 ${percentile(v, 50).toFixed(2).padStart(7)} ms   p99 ${percentile(v, 99).toFixed(2).padStart(7)} ms`;
    const lines = [
      `migrate fresh PGlite directory      ${migrateMs.toFixed(0)} ms`,
      `seed four demo shops                ${seedMs.toFixed(0)} ms`,
      `next start → first page (200)       ${firstPageMs.toFixed(0)} ms`,
      `first GraphQL request after start   ${firstQueryMs.toFixed(1)} ms`,
      row(`{ __typename } × ${REQUESTS}`, typename),
      row(`shop policy query × ${REQUESTS}`, policy),
      `policy / __typename p50 ratio       ${(percentile(policy, 50) / percentile(typename, 50)).toFixed(2)}`,
    ];
    process.stdout.write(`${lines.join("\n")}\n`);
  } finally {
    if (server?.pid) process.kill(-server.pid, "SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
