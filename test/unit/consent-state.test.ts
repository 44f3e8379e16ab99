import path from "node:path";
import { describe, expect, it } from "vitest";
import { consentPurposes, PURPOSE_KEY_PATTERN } from "@/server/consent/purposes";
import {
  type CurrentConsent,
  deriveConsentState,
  deriveConsentStates,
  effectiveConsent,
  type LedgerRecord,
  NOT_GIVEN,
  planConsentChange,
} from "@/server/consent/state";
import { loadProfilesFrom } from "@/server/tenants/load-profiles";

// The consent state machine: the current state is the latest record; strictly necessary
// cookies are always on; Global Privacy Control overrides what it covers; double opt-in
// grants stay PENDING until confirmed; withdrawals need no confirmation.

const T0 = Date.parse("2026-01-01T10:00:00.000Z");
let seq = 0;
function rec(state: LedgerRecord["state"], minutes: number, extra: Partial<LedgerRecord> = {}): LedgerRecord {
  seq += 1;
  return {
    id: `0190${String(seq).padStart(4, "0")}-0000-7000-8000-000000000000`,
    purposeKey: "marketing:email:offers",
    state,
    optInLevel: "SINGLE",
    source: "ACCOUNT_PAGE",
    createdAt: new Date(T0 + minutes * 60_000),
    ...extra,
  };
}

describe("deriveConsentState", () => {
  it("is NOT_GIVEN without any record", () => {
    expect(deriveConsentState([])).toEqual({ state: "NOT_GIVEN", optInLevel: null, source: null, updatedAt: null });
  });

  it("follows the latest record, whatever the order it is given in", () => {
    const granted = rec("GRANTED", 1);
    const withdrawn = rec("WITHDRAWN", 5, { source: "UNSUBSCRIBE_LINK" });
    const again = rec("GRANTED", 9, { source: "SIGN_UP" });
    expect(deriveConsentState([granted, withdrawn]).state).toBe("WITHDRAWN");
    expect(deriveConsentState([again, granted, withdrawn])).toEqual({
      state: "GRANTED",
      optInLevel: "SINGLE",
      source: "SIGN_UP",
      updatedAt: again.createdAt,
    });
    expect(deriveConsentState([withdrawn, granted]).source).toBe("UNSUBSCRIBE_LINK");
  });

  it("stays PENDING until the confirmation, then is GRANTED and CONFIRMED", () => {
    const pending = rec("PENDING", 1);
    expect(deriveConsentState([pending])).toMatchObject({ state: "PENDING", optInLevel: "SINGLE" });
    const confirmed = rec("GRANTED", 2, { optInLevel: "CONFIRMED", source: "CONFIRMATION_LINK" });
    expect(deriveConsentState([confirmed, pending])).toMatchObject({
      state: "GRANTED",
      optInLevel: "CONFIRMED",
      source: "CONFIRMATION_LINK",
    });
  });

  it("is WITHDRAWN when a pending grant is withdrawn before it is confirmed", () => {
    const pending = rec("PENDING", 1);
    const withdrawn = rec("WITHDRAWN", 3);
    expect(deriveConsentState([pending, withdrawn]).state).toBe("WITHDRAWN");
  });

  it("orders records of the same millisecond by their (time-ordered) id", () => {
    const first = rec("GRANTED", 4, { id: "01900000-0000-7000-8000-00000000000a" });
    const second = rec("WITHDRAWN", 4, { id: "01900000-0000-7000-8000-00000000000b" });
    expect(deriveConsentState([second, first]).state).toBe("WITHDRAWN");
    expect(deriveConsentState([first, second]).state).toBe("WITHDRAWN");
  });

  it("derives each purpose separately", () => {
    const states = deriveConsentStates([
      rec("GRANTED", 1, { purposeKey: "profiling" }),
      rec("PENDING", 2),
      rec("WITHDRAWN", 3, { purposeKey: "profiling" }),
      rec("GRANTED", 4, { purposeKey: "cookies:analytics" }),
    ]);
    expect(Object.fromEntries([...states].map(([key, c]) => [key, c.state]))).toEqual({
      profiling: "WITHDRAWN",
      "marketing:email:offers": "PENDING",
      "cookies:analytics": "GRANTED",
    });
  });
});

const granted: CurrentConsent = { state: "GRANTED", optInLevel: "SINGLE", source: "SIGN_UP", updatedAt: new Date(T0) };

describe("effectiveConsent", () => {
  const optional = { isRequired: false, isCoveredByGlobalPrivacyControl: true };
  it("keeps strictly necessary cookies on without any record", () => {
    const required = { isRequired: true, isCoveredByGlobalPrivacyControl: false };
    expect(effectiveConsent(required, NOT_GIVEN, { globalPrivacyControl: true })).toMatchObject({
      state: "GRANTED",
      recordedState: "NOT_GIVEN",
      isOverriddenByGlobalPrivacyControl: false,
    });
  });

  it("reports covered purposes as withdrawn while the signal is applied", () => {
    expect(effectiveConsent(optional, granted, { globalPrivacyControl: true })).toMatchObject({
      state: "WITHDRAWN",
      recordedState: "GRANTED",
      isOverriddenByGlobalPrivacyControl: true,
    });
    expect(effectiveConsent(optional, granted, { globalPrivacyControl: false })).toMatchObject({
      state: "GRANTED",
      isOverriddenByGlobalPrivacyControl: false,
    });
    const notCovered = { isRequired: false, isCoveredByGlobalPrivacyControl: false };
    expect(effectiveConsent(notCovered, granted, { globalPrivacyControl: true }).state).toBe("GRANTED");
  });
});

describe("planConsentChange", () => {
  const email = { isRequired: false, requiresConfirmation: true };
  const plain = { isRequired: false, requiresConfirmation: false };
  const pending: CurrentConsent = { ...granted, state: "PENDING" };
  const withdrawn: CurrentConsent = { ...granted, state: "WITHDRAWN" };

  it("grants at once without double opt-in", () => {
    expect(planConsentChange(plain, NOT_GIVEN, "GRANTED")).toEqual({
      write: { state: "GRANTED", optInLevel: "SINGLE" },
      needsConfirmation: false,
    });
  });

  it("records PENDING and asks for confirmation under double opt-in", () => {
    expect(planConsentChange(email, withdrawn, "GRANTED")).toEqual({
      write: { state: "PENDING", optInLevel: "SINGLE" },
      needsConfirmation: true,
    });
    // Already pending: no new record, but the link may be sent again.
    expect(planConsentChange(email, pending, "GRANTED")).toEqual({ write: null, needsConfirmation: true });
  });

  it("writes nothing for a change to the current state", () => {
    expect(planConsentChange(email, granted, "GRANTED")).toEqual({ write: null, needsConfirmation: false });
    expect(planConsentChange(plain, withdrawn, "WITHDRAWN")).toEqual({ write: null, needsConfirmation: false });
    expect(planConsentChange({ isRequired: true, requiresConfirmation: false }, NOT_GIVEN, "GRANTED").write).toBeNull();
  });

  it("withdraws at once, also a pending grant, keeping the opt-in level of record", () => {
    expect(planConsentChange(email, pending, "WITHDRAWN")).toEqual({
      write: { state: "WITHDRAWN", optInLevel: "SINGLE" },
      needsConfirmation: false,
    });
    const confirmed: CurrentConsent = { ...granted, optInLevel: "CONFIRMED" };
    expect(planConsentChange(email, confirmed, "WITHDRAWN").write).toEqual({
      state: "WITHDRAWN",
      optInLevel: "CONFIRMED",
    });
    // An explicit refusal is recorded even when nothing was ever given.
    expect(planConsentChange(plain, NOT_GIVEN, "WITHDRAWN").write?.state).toBe("WITHDRAWN");
  });

  it("refuses to withdraw a strictly necessary purpose", () => {
    expect(() => planConsentChange({ isRequired: true, requiresConfirmation: false }, granted, "WITHDRAWN")).toThrow(
      /required/,
    );
  });
});

describe("consent purposes of the shipped profiles", () => {
  const profiles = loadProfilesFrom(path.join(__dirname, "../../shops"));

  it("have well-formed, unique keys", () => {
    for (const profile of profiles) {
      const keys = consentPurposes(profile).map((p) => p.key);
      expect(new Set(keys).size, profile.handle).toBe(keys.length);
      for (const key of keys) expect(key, profile.handle).toMatch(PURPOSE_KEY_PATTERN);
    }
  });

  it("need confirmation for email marketing only where double opt-in is required", () => {
    for (const profile of profiles) {
      for (const p of consentPurposes(profile)) {
        const expected = profile.marketing.requiresDoubleOptIn && p.kind === "marketing" && p.channel === "email";
        expect(p.requiresConfirmation, p.key).toBe(expected);
      }
    }
  });

  it("put optional cookies, profiling and third-party marketing under GPC where the shop honours it", () => {
    const allegra = profiles.find((p) => p.handle === "allegra");
    const almaz = profiles.find((p) => p.handle === "almaz");
    if (!allegra || !almaz) throw new Error("missing profile");
    expect(allegra.cookies.honoursGlobalPrivacyControl).toBe(true);
    const covered = consentPurposes(allegra)
      .filter((p) => p.isCoveredByGlobalPrivacyControl)
      .map((p) => p.key);
    expect(covered).toContain("profiling");
    expect(covered).toContain("third-party-marketing");
    expect(covered.some((k) => k.startsWith("marketing:"))).toBe(false);
    const required = consentPurposes(allegra).filter((p) => p.isRequired);
    expect(required.length).toBeGreaterThan(0);
    for (const p of required) expect(p.isCoveredByGlobalPrivacyControl).toBe(false);
    expect(consentPurposes(almaz).some((p) => p.isCoveredByGlobalPrivacyControl)).toBe(false);
  });
});
