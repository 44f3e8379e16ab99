import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { parse, stringify } from "yaml";

// Starts the built app on a fresh embedded database seeded with the demo shops.
const ROOT = path.resolve(import.meta.dirname, "../..");
const PORT = Number(process.env.E2E_PORT ?? 3107);
const DATA = path.join(ROOT, ".data", "e2e");
// SHOPS_DIR for the app, migrations and seed (outside the database folder).
const SHOPS = path.join(ROOT, ".data", "e2e-shops");

// A test shop that deletes an account at once (test/e2e/erasure.e2e.ts): every real
// profile has a grace period, and a journey cannot wait for one to end.
const INSTANT_DELETE_SHOP = "instant-delete";
// A test shop whose agents need the customer's permission (test/e2e/support.e2e.ts): no
// real profile asks for it.
const ASK_FIRST_SHOP = "ask-first";

// The real profiles, plus a copy of Allegra's without a grace period and a copy of
// Crystalline's that asks customers before support staff may open their account.
function writeShopProfiles() {
  rmSync(SHOPS, { recursive: true, force: true });
  mkdirSync(SHOPS, { recursive: true });
  for (const file of readdirSync(path.join(ROOT, "shops")).filter((f) => /\.ya?ml$/.test(f))) {
    copyFileSync(path.join(ROOT, "shops", file), path.join(SHOPS, file));
  }
  const profile = parse(readFileSync(path.join(ROOT, "shops", "allegra.yaml"), "utf8"));
  profile.handle = INSTANT_DELETE_SHOP;
  profile.name = "Instant Delete (test shop)";
  profile.deletion.gracePeriodDays = 0;
  writeFileSync(path.join(SHOPS, `${INSTANT_DELETE_SHOP}.yaml`), stringify(profile));
  const askFirst = parse(readFileSync(path.join(ROOT, "shops", "crystalline.yaml"), "utf8"));
  askFirst.handle = ASK_FIRST_SHOP;
  askFirst.name = "Ask First (test shop)";
  askFirst.features.impersonationNeedsPermission = true;
  writeFileSync(path.join(SHOPS, `${ASK_FIRST_SHOP}.yaml`), stringify(askFirst));
}

let server: ChildProcess | undefined;

async function waitFor(url: string, timeoutMs: number) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`The app did not answer at ${url} within ${timeoutMs} ms.`);
}

export default async function setup(project: TestProject) {
  if (!existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
    throw new Error("No production build: run `npm run build` before the e2e tests.");
  }
  rmSync(DATA, { recursive: true, force: true });
  writeShopProfiles();
  const baseUrl = `http://127.0.0.1:${PORT}`;
  // The seed's demo newsletters carry absolute unsubscribe links: to this app.
  const env = {
    ...process.env,
    PGLITE_DIR: DATA,
    SHOPS_DIR: SHOPS,
    DATABASE_URL: "",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXTAUTH_URL: baseUrl,
  };
  delete (env as Record<string, string | undefined>).DATABASE_URL;
  execFileSync("npx", ["tsx", "scripts/db-migrate.ts"], { cwd: ROOT, env, stdio: "inherit" });
  execFileSync("npx", ["tsx", "--conditions=react-server", "prisma/seed.ts"], { cwd: ROOT, env, stdio: "inherit" });
  server = spawn("npx", ["next", "start", "-p", String(PORT), "-H", "127.0.0.1"], {
    cwd: ROOT,
    // The demo webhook receiver is this app on loopback over http (test/e2e/webhooks.e2e.ts).
    env: { ...env, PRIVACY_CENTRE_DEMO: "1", WEBHOOK_ALLOW_PRIVATE: "1" },
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  });
  await waitFor(`${baseUrl}/`, 90_000);
  project.provide("baseUrl", baseUrl);
  return async () => {
    if (server?.pid) process.kill(-server.pid, "SIGTERM");
  };
}

declare module "vitest" {
  // biome-ignore lint/style/useConsistentTypeDefinitions: module augmentation needs an interface
  export interface ProvidedContext {
    baseUrl: string;
  }
}
