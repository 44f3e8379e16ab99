// The session cookie's decryption per request, in-process: next-auth 4's `decode` (which
// derives the A256GCM key with HKDF on every call, on libuv's thread pool) against the
// app's own reader (server/auth/session-cookie.ts: the key derived once per secret, then
// AES-GCM only). Compatibility both ways is checked by test/unit/session-cookie.test.ts;
// here once more before timing.
//   npx tsx bench/session-decode.ts   (BENCH_CALLS to change; no app, no database)
import { randomBytes, randomUUID } from "node:crypto";
import { decode, encode } from "next-auth/jwt";
import { decodeSessionCookie } from "../server/auth/session-cookie";
import { loadAverage } from "./support";

const CALLS = Number(process.env.BENCH_CALLS ?? 20_000);
const secret = randomBytes(32).toString("base64url");

async function time(name: string, work: () => unknown, calls = CALLS): Promise<number> {
  for (let i = 0; i < Math.min(2_000, calls); i++) await work();
  const start = process.hrtime.bigint();
  for (let i = 0; i < calls; i++) await work();
  const us = Number(process.hrtime.bigint() - start) / 1e3 / calls;
  process.stdout.write(`${name.padEnd(52)} ${us.toFixed(1).padStart(7)} µs/call\n`);
  return us;
}

// Concurrency as under load: 8 requests in flight at once.
async function timeParallel(name: string, work: () => Promise<unknown>, inFlight = 8): Promise<number> {
  const rounds = Math.floor(CALLS / inFlight);
  const run = async (n: number) => {
    for (let i = 0; i < n; i++) await Promise.all(Array.from({ length: inFlight }, work));
  };
  await run(Math.min(250, rounds));
  const start = process.hrtime.bigint();
  await run(rounds);
  const us = Number(process.hrtime.bigint() - start) / 1e3 / (rounds * inFlight);
  process.stdout.write(`${name.padEnd(52)} ${us.toFixed(1).padStart(7)} µs/call\n`);
  return us;
}

async function main() {
  process.stdout.write(`load average ${loadAverage()}\n`);
  // A cookie like the app's (server/auth/options.ts jwt callback): sub, sid, shop, kind.
  const claims = { sub: randomUUID(), sid: randomUUID(), shop: "almaz", kind: "customer" };
  const token = await encode({ token: claims, secret, maxAge: 14 * 24 * 3600 });
  if (JSON.stringify(decodeSessionCookie(token, secret)) !== JSON.stringify(await decode({ token, secret }))) {
    throw new Error("the app's reader disagrees with next-auth's decode");
  }
  const nextAuth = await time("next-auth decode (HKDF per call)", () => decode({ token, secret }));
  const ours = await time("app reader (key derived once)", () => decodeSessionCookie(token, secret));
  const nextAuthParallel = await timeParallel("next-auth decode, 8 in flight", () => decode({ token, secret }));
  const oursParallel = await timeParallel("app reader, 8 in flight", async () => decodeSessionCookie(token, secret));
  process.stdout.write(
    `app reader: ${(nextAuth / ours).toFixed(1)}× faster one at a time, ${(nextAuthParallel / oursParallel).toFixed(1)}× with 8 in flight` +
      ` (${(nextAuth - ours).toFixed(0)} µs saved per request)\nload average ${loadAverage()}\n`,
  );
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
