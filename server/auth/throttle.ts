import "server-only";
import { createHash } from "node:crypto";
import { getPrisma } from "../db";

// Failed sign-ins are counted in the database (so every instance sees them), keyed by a
// hash of shop + email and by a hash of the client address. The email key is counted
// whether or not the account exists, so a lock-out reveals nothing either.
export const THROTTLE = {
  windowMs: 15 * 60 * 1000,
  maxFailuresPerAccount: 5,
  maxFailuresPerClient: 30,
  lockMs: 15 * 60 * 1000,
};

function key(parts: string[]): string {
  return createHash("sha256").update(parts.join("\u0000")).digest("hex");
}

export function throttleKeys(shopId: string, email: string, clientAddress: string | null): string[] {
  const keys = [`acct:${key([shopId, email.toLowerCase()])}`];
  if (clientAddress) keys.push(`ip:${key([clientAddress])}`);
  return keys;
}

export async function isThrottled(keys: string[], now = new Date()): Promise<boolean> {
  const rows = await getPrisma().signInThrottle.findMany({
    where: { key: { in: keys }, lockedUntil: { gt: now } },
    select: { key: true },
  });
  return rows.length > 0;
}

export async function recordFailure(keys: string[], now = new Date()): Promise<void> {
  const prisma = getPrisma();
  for (const k of keys) {
    const limit = k.startsWith("acct:") ? THROTTLE.maxFailuresPerAccount : THROTTLE.maxFailuresPerClient;
    await prisma.$transaction(async (tx) => {
      const row = await tx.signInThrottle.findUnique({ where: { key: k } });
      const isFresh = !row || now.getTime() - row.windowStartsAt.getTime() > THROTTLE.windowMs;
      const failures = isFresh ? 1 : row.failures + 1;
      const lockedUntil = failures >= limit ? new Date(now.getTime() + THROTTLE.lockMs) : (row?.lockedUntil ?? null);
      await tx.signInThrottle.upsert({
        where: { key: k },
        create: { key: k, windowStartsAt: now, failures, lockedUntil },
        update: { windowStartsAt: isFresh ? now : row.windowStartsAt, failures, lockedUntil },
      });
    });
  }
}

export async function clearFailures(keys: string[]): Promise<void> {
  // Only the account key is cleared: a success must not reset a client's count of
  // failures against other accounts.
  await getPrisma().signInThrottle.deleteMany({ where: { key: { in: keys.filter((k) => k.startsWith("acct:")) } } });
}
