import { describe, expect, it } from "vitest";
import { MAX_ATTEMPTS, nextAttemptAt, RETRY_SCHEDULE_MS, retrySchedule } from "@/server/webhooks/schedule";

describe("webhook retry schedule", () => {
  const now = new Date("2026-12-07T10:00:00.000Z");
  const s = 1000;
  const m = 60 * s;
  const h = 60 * m;

  it("retries after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h and 24 h, then gives up", () => {
    const waits: number[] = [];
    for (let attempts = 1; ; attempts++) {
      const next = nextAttemptAt(attempts, now, RETRY_SCHEDULE_MS);
      if (!next) break;
      waits.push(next.getTime() - now.getTime());
    }
    expect(waits).toEqual([5 * s, 5 * m, 30 * m, 2 * h, 5 * h, 10 * h, 14 * h, 20 * h, 24 * h]);
    // The first attempt is immediate: ten attempts in all.
    expect(MAX_ATTEMPTS).toBe(10);
  });

  it("can be shortened for tests, and ignores a malformed setting", () => {
    expect(retrySchedule("10, 20")).toEqual([10, 20]);
    expect(nextAttemptAt(3, now, retrySchedule("10,20"))).toBeNull();
    expect(retrySchedule("10,banana")).toBe(RETRY_SCHEDULE_MS);
    expect(retrySchedule(undefined)).toBe(RETRY_SCHEDULE_MS);
  });
});
