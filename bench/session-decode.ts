// The session cookie's decryption per request, in-process: next-auth 4's `decode` (which
// derives the A256GCM key with HKDF on every call, on libuv's thread pool) against jose's
// `jwtDecrypt` with that key derived once and cached, which is what next-auth does
// minus the derivation, so its cookies decode byte for byte the same (checked below in
// both directions before timing). Also the secret's lookup in demo mode (a file in .data/).
//   npx tsx bench/session-decode.ts   (BENCH_CALLS to change; no app, no database)
import { createSecretKey, hkdf, hkdfSync, randomBytes, randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { EncryptJWT, type JWTPayload, jwtDecrypt } from "jose";
import { decode, encode } from "next-auth/jwt";
import { loadAverage } from "./support";

const CALLS = Number(process.env.BENCH_CALLS ?? 20_000);
const secret = randomBytes(32).toString("base64url");
const INFO = "NextAuth.js Generated Encryption Key"; // next-auth/jwt getDerivedEncryptionKey, salt ""

// The cached decoder: one HKDF per secret, as next-auth derives it (sha256, salt "", 32 bytes).
const keys = new Map<string, Uint8Array>();
function sessionKey(s: string): Uint8Array {
  let key = keys.get(s);
  if (!key) {
    key = new Uint8Array(hkdfSync("sha256", s, "", INFO, 32));
    keys.set(s, key);
  }
  return key;
}
const DECRYPT_OPTIONS = {
  clockTolerance: 15, // as next-auth's decode
  keyManagementAlgorithms: ["dir"],
  contentEncryptionAlgorithms: ["A256GCM"],
};
async function cachedDecode(token: string, s: string): Promise<JWTPayload> {
  return (await jwtDecrypt(token, sessionKey(s), DECRYPT_OPTIONS)).payload;
}
const keyObject = createSecretKey(sessionKey(secret));
async function keyObjectDecode(token: string): Promise<JWTPayload> {
  return (await jwtDecrypt(token, keyObject, DECRYPT_OPTIONS)).payload;
}

// Wall time and CPU time (all threads: HKDF runs on the thread pool) per call; returns the CPU.
function report(name: string, start: bigint, cpu: NodeJS.CpuUsage, calls: number): number {
  const wall = Number(process.hrtime.bigint() - start) / 1e3 / calls;
  const used = process.cpuUsage(cpu);
  const cpuUs = (used.user + used.system) / calls;
  process.stdout.write(
    `${name.padEnd(58)} ${wall.toFixed(1).padStart(7)} µs wall ${cpuUs.toFixed(1).padStart(7)} µs CPU\n`,
  );
  return cpuUs;
}

async function time(name: string, work: () => unknown, calls = CALLS): Promise<number> {
  for (let i = 0; i < Math.min(2_000, calls); i++) await work();
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  for (let i = 0; i < calls; i++) await work();
  return report(name, start, cpu, calls);
}

// Concurrency as under load: 8 requests in flight at once.
async function timeParallel(name: string, work: () => Promise<unknown>, inFlight = 8): Promise<number> {
  const rounds = Math.floor(CALLS / inFlight);
  const run = async (n: number) => {
    for (let i = 0; i < n; i++) await Promise.all(Array.from({ length: inFlight }, work));
  };
  await run(Math.min(250, rounds));
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  await run(rounds);
  return report(name, start, cpu, rounds * inFlight);
}

async function main() {
  process.stdout.write(`load average ${loadAverage()}\n`);
  // A cookie like the app's (server/auth/options.ts jwt callback): sub, sid, shop.
  const claims = { sub: randomUUID(), sid: randomUUID(), shop: "almaz" };
  const token = await encode({ token: claims, secret, maxAge: 14 * 24 * 3600 });

  // Compatibility, both ways, and the same refusals.
  const ours = await cachedDecode(token, secret);
  const theirs = await decode({ token, secret });
  if (JSON.stringify(ours) !== JSON.stringify(theirs)) throw new Error("cached decoder disagrees with next-auth");
  const reverse = await new EncryptJWT(claims)
    .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
    .setIssuedAt()
    .setExpirationTime("1h")
    .setJti(randomUUID())
    .encrypt(sessionKey(secret));
  if ((await decode({ token: reverse, secret }))?.sid !== claims.sid) throw new Error("next-auth refuses our token");
  const other = randomBytes(32).toString("base64url");
  if (
    await cachedDecode(token, other).then(
      () => true,
      () => false,
    )
  )
    throw new Error("decoded with another secret");
  const expired = await encode({ token: claims, secret, maxAge: -60 });
  const expiredRefused = await cachedDecode(expired, secret).then(
    () => false,
    () => true,
  );
  const expiredRefusedByNextAuth = await decode({ token: expired, secret }).then(
    () => false,
    () => true,
  );
  if (!expiredRefused || !expiredRefusedByNextAuth) throw new Error("an expired token was accepted");
  process.stdout.write(`compatible: same claims both ways, other secret and expired token refused by both\n`);

  // What @panva/hkdf (next-auth's HKDF) does on Node: crypto.hkdf, on the thread pool.
  const hkdfAsync = promisify(hkdf);
  const nextAuth = await time("next-auth decode (HKDF per call + jwtDecrypt)", () => decode({ token, secret }));
  await time("  of which HKDF (crypto.hkdf, async on the thread pool)", () =>
    hkdfAsync("sha256", secret, "", INFO, 32),
  );
  await time("  HKDF synchronous (node:crypto hkdfSync)", () => hkdfSync("sha256", secret, "", INFO, 32));
  const cached = await time("jose jwtDecrypt, key cached (Uint8Array)", () => cachedDecode(token, secret));
  await time("jose jwtDecrypt, key cached (KeyObject)", () => keyObjectDecode(token));
  const nextAuthParallel = await timeParallel("next-auth decode, 8 in flight", () => decode({ token, secret }));
  const cachedParallel = await timeParallel("jose jwtDecrypt key cached, 8 in flight", () =>
    cachedDecode(token, secret),
  );

  // getAuthSecret() in demo mode reads .data/auth-secret on every call (server/auth/secret.ts).
  const dir = mkdtempSync(path.join(tmpdir(), "bench-secret-"));
  const file = path.join(dir, "auth-secret");
  writeFileSync(file, secret);
  await time("demo-mode secret lookup (existsSync + readFileSync)", () => {
    if (existsSync(file)) readFileSync(file, "utf8").trim();
  });
  rmSync(dir, { recursive: true, force: true });

  process.stdout.write(
    `cached key: ${(nextAuth / cached).toFixed(1)}× less CPU one at a time, ${(nextAuthParallel / cachedParallel).toFixed(1)}× with 8 in flight` +
      ` (${(nextAuth - cached).toFixed(0)} µs CPU saved per request)\nload average ${loadAverage()}\n`,
  );
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
