import { describe, expect, it } from "vitest";
import { durationText, retentionText } from "@/server/tenants/wording";

describe("retention wording", () => {
  it("puts durations and triggers into words", () => {
    expect(durationText({ years: 5 })).toBe("5 years");
    expect(durationText({ years: 1, months: 6 })).toBe("1 year and 6 months");
    expect(retentionText({ duration: { years: 5 }, trigger: "account-closed" })).toBe(
      "5 years after the account is closed",
    );
    expect(retentionText({ duration: null, trigger: "consent-withdrawn" })).toBe("Kept until you withdraw consent");
  });
});
