import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { parse, stringify } from "yaml";
import { type IdentityProvider, startIdentityProvider } from "../../server/dev/identity-provider";

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
let idp: IdentityProvider | undefined;

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
  // The local identity provider stands in for the social providers
  // (test/e2e/connected-accounts.e2e.ts).
  const idpSecret = randomBytes(24).toString("base64url");
  idp = await startIdentityProvider({
    port: 0,
    secret: idpSecret,
    redirectOrigins: [baseUrl],
    shops: readdirSync(SHOPS).map((f) => f.replace(/\.ya?ml$/, "")),
  });
  server = spawn("npx", ["next", "start", "-p", String(PORT), "-H", "127.0.0.1"], {
    cwd: ROOT,
    // The demo webhook receiver is this app on loopback over http (test/e2e/webhooks.e2e.ts).
    env: {
      ...env,
      PRIVACY_CENTRE_DEMO: "1",
      WEBHOOK_ALLOW_PRIVATE: "1",
      LOCAL_IDP_URL: idp.url,
      LOCAL_IDP_SECRET: idpSecret,
    },
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  });
  await waitFor(`${baseUrl}/`, 90_000);
  project.provide("baseUrl", baseUrl);
  return async () => {
    if (server?.pid) process.kill(-server.pid, "SIGTERM");
    await idp?.close();
  };
}

declare module "vitest" {
  // biome-ignore lint/style/useConsistentTypeDefinitions: module augmentation needs an interface
  export interface ProvidedContext {
    baseUrl: string;
  }
}
