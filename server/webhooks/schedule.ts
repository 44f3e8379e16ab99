// When a failed delivery is tried again (Standard Webhooks / Svix behaviour): the first
// attempt is immediate; after each failure the next waits 5 s, 5 min, 30 min, 2 h, 5 h,
// 10 h, 14 h, 20 h and 24 h; after the tenth attempt fails the delivery is FAILED.
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const RETRY_SCHEDULE_MS: readonly number[] = [
  5_000,
  5 * MINUTE,
  30 * MINUTE,
  2 * HOUR,
  5 * HOUR,
  10 * HOUR,
  14 * HOUR,
  20 * HOUR,
  24 * HOUR,
];

// Tests and the demo may shorten the waits: WEBHOOK_RETRY_SCHEDULE_MS="10,20,30" (as many
// entries as the real schedule or fewer: fewer means fewer attempts).
export function retrySchedule(env: string | undefined = process.env.WEBHOOK_RETRY_SCHEDULE_MS): readonly number[] {
  if (!env) return RETRY_SCHEDULE_MS;
  const parsed = env.split(",").map((part) => Number(part.trim()));
  if (parsed.some((n) => !Number.isFinite(n) || n < 0)) return RETRY_SCHEDULE_MS;
  return parsed;
}

// After `attempts` attempts have failed: when to try again, or null when that was the last.
export function nextAttemptAt(attempts: number, now: Date, schedule: readonly number[] = retrySchedule()): Date | null {
  const delay = schedule[attempts - 1];
  return delay === undefined ? null : new Date(now.getTime() + delay);
}

export const MAX_ATTEMPTS = RETRY_SCHEDULE_MS.length + 1;

// An endpoint whose deliveries have all failed for this long is disabled (FAILING).
export const FAILING_DISABLE_MS = 5 * 24 * HOUR;
export function failingDisableMs(): number {
  const configured = Number(process.env.WEBHOOK_FAILING_DISABLE_MS);
  return Number.isFinite(configured) && configured > 0 ? configured : FAILING_DISABLE_MS;
}
