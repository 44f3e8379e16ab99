import "server-only";
import { createHmac, randomUUID } from "node:crypto";
import { getAuthSecret } from "../auth/secret";
import { getPrisma, Prisma } from "../db";

// The suppression list: addresses not to contact again (after erasure), as keyed
// hashes. The key is derived from the app secret for this purpose only, so the list
// cannot be matched against a dictionary of addresses without it.

export function suppressionHash(email: string, secret: string = getAuthSecret()): string {
  const key = createHmac("sha256", secret).update("suppression-list-v1").digest();
  return createHmac("sha256", key).update(email.trim().toLowerCase(), "utf8").digest("hex");
}

export async function addSuppression(
  db: Prisma.TransactionClient,
  options: { shopId: string; email: string; reason: string },
): Promise<void> {
  await addSuppressionHash(db, {
    shopId: options.shopId,
    emailHash: suppressionHash(options.email),
    reason: options.reason,
  });
}

// The same, for an address known only by its hash (an invited friend's objection after
// their details were deleted). An entry already there keeps its reason and date, unless
// this is an erasure.
export async function addSuppressionHash(
  db: Prisma.TransactionClient,
  options: { shopId: string; emailHash: string; reason: string },
): Promise<void> {
  // One statement, so that two writers of the same address at once never collide on the
  // unique index. An erasure outranks an earlier entry (an invited friend's objection):
  // the re-registration rule reads erasure entries only, dated from the erasure.
  const onConflict =
    options.reason === "erasure"
      ? Prisma.sql`DO UPDATE SET "reason" = 'erasure', "createdAt" = now()`
      : Prisma.sql`DO NOTHING`;
  await db.$executeRaw`INSERT INTO "SuppressionEntry" ("id", "shopId", "emailHash", "reason", "createdAt")
    VALUES (${randomUUID()}::uuid, ${options.shopId}::uuid, ${options.emailHash}, ${options.reason}, now())
    ON CONFLICT ("shopId", "emailHash") ${onConflict}`;
}

// Whether mail that needs consent (marketing, invitations) may go to this address. A
// person who erased their account and later opened a new one with the same address has
// come back by their own choice: their new account's consents decide, so an entry older
// than the account does not suppress it.
export async function isSuppressed(
  options: {
    shopId: string;
    email: string;
    accountCreatedAt?: Date | null;
    // Only entries for this reason (e.g. "erasure" for the re-registration rule).
    reason?: string;
  },
  // Inside a transaction on the embedded database, statements must use it.
  db: Prisma.TransactionClient = getPrisma(),
): Promise<boolean> {
  const entry = await db.suppressionEntry.findUnique({
    where: { shopId_emailHash: { shopId: options.shopId, emailHash: suppressionHash(options.email) } },
    select: { createdAt: true, reason: true },
  });
  if (!entry || (options.reason && entry.reason !== options.reason)) return false;
  return !(options.accountCreatedAt && options.accountCreatedAt > entry.createdAt);
}
