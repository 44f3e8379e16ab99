import "server-only";
import { getPrisma } from "../db";

// Query cost budget per API key: a leaky bucket (Shopify's model) kept in the
// database, so every app instance draws on the same points. A request takes its
// requested cost up front and gets back what it did not use.
export const API_THROTTLE = {
  maximumAvailable: 1000,
  // Points per second.
  restoreRate: 50,
};

export type ThrottleSettings = { maximumAvailable: number; restoreRate: number };

export type ThrottleStatus = ThrottleSettings & { currentlyAvailable: number };

export type ChargeResult = {
  isAllowed: boolean;
  status: ThrottleStatus;
  // Whole seconds until enough points are back (0 when allowed).
  retryAfterSeconds: number;
};

// Tests and small deployments may tune the bucket; anything unusable falls back.
export function throttleSettings(): ThrottleSettings {
  const number = (value: string | undefined, fallback: number) => {
    const parsed = Number(value);
    return value && Number.isFinite(parsed) && parsed > 0 ? parsed : fallback;
  };
  return {
    maximumAvailable: number(process.env.API_THROTTLE_MAXIMUM_AVAILABLE, API_THROTTLE.maximumAvailable),
    restoreRate: number(process.env.API_THROTTLE_RESTORE_RATE, API_THROTTLE.restoreRate),
  };
}

export function bucketKeyForApiKey(apiKeyId: string): string {
  return `api-key:${apiKeyId}`;
}

const status = (settings: ThrottleSettings, available: number): ThrottleStatus => ({
  maximumAvailable: settings.maximumAvailable,
  // Rounded for the response; the bucket keeps fractions.
  currentlyAvailable: Math.max(0, Math.floor(available)),
  restoreRate: settings.restoreRate,
});

// The database's clock, not the app's: every instance then agrees on elapsed time.
// `GREATEST(0, …)` because a request that waited for the row lock may have started
// (now()) a moment before the one that last wrote it.
//
// Takes `cost` points if the refilled bucket holds that many, in one statement: the
// row lock taken by ON CONFLICT DO UPDATE makes concurrent charges queue, and each
// sees the row as the previous one left it, so two requests never spend the same
// points. A refused charge changes nothing (the WHERE skips the update) and returns no
// row; the state is then read for the response.
export async function chargeBucket(
  key: string,
  cost: number,
  settings: ThrottleSettings = throttleSettings(),
): Promise<ChargeResult> {
  const { maximumAvailable: max, restoreRate: rate } = settings;
  const rows = await getPrisma().$queryRaw<{ available: number }[]>`
    INSERT INTO "ThrottleBucket" AS b ("key", "available", "updatedAt")
    VALUES (${key}, ${max}::float8 - ${cost}::float8, now())
    ON CONFLICT ("key") DO UPDATE SET
      "available" = LEAST(${max}::float8,
        b."available" + ${rate}::float8 * GREATEST(0, EXTRACT(EPOCH FROM (now() - b."updatedAt")))::float8)
        - ${cost}::float8,
      "updatedAt" = now()
    WHERE LEAST(${max}::float8,
        b."available" + ${rate}::float8 * GREATEST(0, EXTRACT(EPOCH FROM (now() - b."updatedAt")))::float8)
      >= ${cost}::float8
    RETURNING "available"`;
  if (rows.length > 0) {
    return { isAllowed: true, status: status(settings, Number(rows[0].available)), retryAfterSeconds: 0 };
  }
  const available = await peekBucket(key, settings);
  return {
    isAllowed: false,
    status: status(settings, available),
    retryAfterSeconds: Math.max(1, Math.ceil((cost - available) / rate)),
  };
}

// The points a bucket holds now (a full bucket for a key never charged).
export async function peekBucket(key: string, settings: ThrottleSettings = throttleSettings()): Promise<number> {
  const { maximumAvailable: max, restoreRate: rate } = settings;
  const rows = await getPrisma().$queryRaw<{ available: number }[]>`
    SELECT LEAST(${max}::float8,
      "available" + ${rate}::float8 * GREATEST(0, EXTRACT(EPOCH FROM (now() - "updatedAt")))::float8) AS "available"
    FROM "ThrottleBucket" WHERE "key" = ${key}`;
  return rows.length > 0 ? Number(rows[0].available) : max;
}

export async function peekThrottleStatus(
  key: string,
  settings: ThrottleSettings = throttleSettings(),
): Promise<ThrottleStatus> {
  return status(settings, await peekBucket(key, settings));
}

// Gives back points a request took but did not use (requested − actual cost), never
// above the maximum.
export async function refundBucket(
  key: string,
  points: number,
  settings: ThrottleSettings = throttleSettings(),
): Promise<ThrottleStatus> {
  const { maximumAvailable: max, restoreRate: rate } = settings;
  const rows = await getPrisma().$queryRaw<{ available: number }[]>`
    UPDATE "ThrottleBucket" AS b SET
      "available" = LEAST(${max}::float8,
        b."available" + ${rate}::float8 * GREATEST(0, EXTRACT(EPOCH FROM (now() - b."updatedAt")))::float8
          + ${Math.max(0, points)}::float8),
      "updatedAt" = now()
    WHERE b."key" = ${key}
    RETURNING "available"`;
  return status(settings, rows.length > 0 ? Number(rows[0].available) : max);
}
