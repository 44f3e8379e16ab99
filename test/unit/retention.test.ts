import { describe, expect, it } from "vitest";
import { addDuration } from "@/server/tenants/retention";

describe("retention dates", () => {
  it("adds years, months and days in UTC calendar terms", () => {
    expect(addDuration(new Date("2020-03-15T10:00:00Z"), { years: 5 }).toISOString()).toBe("2025-03-15T10:00:00.000Z");
    expect(addDuration(new Date("2024-11-30T00:00:00Z"), { months: 3 }).toISOString()).toBe("2025-02-28T00:00:00.000Z");
    expect(addDuration(new Date("2024-01-31T00:00:00Z"), { months: 1, days: 1 }).toISOString()).toBe(
      "2024-03-01T00:00:00.000Z",
    );
  });

  it("keeps a leap day on the last day of February", () => {
    expect(addDuration(new Date("2024-02-29T12:00:00Z"), { years: 10 }).toISOString()).toBe("2034-02-28T12:00:00.000Z");
    expect(addDuration(new Date("2024-02-29T12:00:00Z"), { years: 4 }).toISOString()).toBe("2028-02-29T12:00:00.000Z");
  });
});
