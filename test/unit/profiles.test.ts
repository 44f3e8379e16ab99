import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { loadProfilesFrom, ProfileError, parseProfile } from "@/server/tenants/load-profiles";

const SHOPS = path.join(__dirname, "../../shops");
const almazSource = readFileSync(path.join(SHOPS, "almaz.yaml"), "utf8");

function mutate(change: (profile: Record<string, unknown>) => void): string {
  const profile = parse(almazSource);
  change(profile);
  return stringify(profile);
}

function problemsOf(source: string, file = "/shops/almaz.yaml"): string[] {
  try {
    parseProfile(file, source);
  } catch (error) {
    expect(error).toBeInstanceOf(ProfileError);
    return (error as ProfileError).problems;
  }
  throw new Error("expected the profile to be refused");
}

describe("shop profiles", () => {
  it("ships the four presets, all valid", () => {
    const handles = loadProfilesFrom(SHOPS).map((p) => p.handle);
    expect(handles).toEqual(["allegra", "almaz", "crystalline", "micro-image"]);
  });

  it("encodes what each seed policy promises", () => {
    const profiles = new Map(loadProfilesFrom(SHOPS).map((p) => [p.handle, p]));
    const almaz = profiles.get("almaz");
    expect(almaz?.deletion.warning).toMatch(/invoices/i);
    expect(almaz?.deletion.warning).toMatch(/irreversible/i);
    expect(almaz?.features.socialProviders).toEqual(expect.arrayContaining(["facebook", "twitter", "microsoft"]));
    expect(almaz?.cookies.categories).toHaveLength(5);
    expect(almaz?.retention.some((r) => r.trigger === "account-closed" && r.duration?.years === 5)).toBe(true);
    const crystalline = profiles.get("crystalline");
    expect(crystalline?.features.guestCheckout).toBe(true);
    expect(crystalline?.transfers.isOutsideEEA).toBe(false);
    expect(crystalline?.retention.some((r) => r.duration?.years === 10 && r.keepOnErasure)).toBe(true);
    expect(crystalline?.marketing.offersThirdPartySharing).toBe(true);
    const microImage = profiles.get("micro-image");
    expect(microImage?.controllers.filter((c) => c.role === "joint-controller")).toHaveLength(2);
    expect(microImage?.features.nationalId?.label).toBe("CNP");
    expect(microImage?.retention.some((r) => r.duration?.years === 3)).toBe(true);
    const allegra = profiles.get("allegra");
    expect(allegra?.deletion.canReRegister).toBe(true);
    expect(allegra?.requests.publishesMetrics).toBe(true);
    expect(allegra?.cookies.categories).toHaveLength(3);
    expect(allegra?.dataCategories.map((c) => c.key)).toContain("wishlist");
  });

  it("names the file and the field of a wrong value", () => {
    const problems = problemsOf(mutate((p) => ((p.branding as Record<string, unknown>).primaryColor = "blue")));
    expect(problems).toEqual([expect.stringContaining("branding.primaryColor: must be a colour")]);
    try {
      parseProfile(
        "/shops/almaz.yaml",
        mutate((p) => delete p.dpo),
      );
    } catch (error) {
      expect((error as Error).message).toContain("/shops/almaz.yaml");
      expect((error as Error).message).toContain("dpo");
    }
  });

  it("refuses a purpose that uses a category the profile does not declare", () => {
    const problems = problemsOf(
      mutate((p) => {
        const purposes = p.purposes as { categories: string[] }[];
        purposes[0].categories.push("location");
        p.dataCategories = (p.dataCategories as { key: string }[]).filter((c) => c.key !== "location");
      }),
    );
    expect(problems.some((m) => m.startsWith("purposes.0.categories") && m.includes('"location"'))).toBe(true);
  });

  it("refuses a category without a retention rule, unknown keys, and a mismatched handle", () => {
    const noRetention = problemsOf(
      mutate((p) => {
        for (const rule of p.retention as { categories: string[] }[]) {
          rule.categories = rule.categories.filter((c) => c !== "wishlist" && c !== "identity");
        }
        p.retention = (p.retention as { categories: string[] }[]).filter((r) => r.categories.length > 0);
      }),
    );
    expect(noRetention.some((m) => m.includes("no retention rule covers"))).toBe(true);
    const unknownKey = problemsOf(mutate((p) => (p.surprise = true)));
    expect(unknownKey.some((m) => m.includes("surprise"))).toBe(true);
    const wrongHandle = problemsOf(almazSource, "/shops/other.yaml");
    expect(wrongHandle[0]).toContain('must match the file name "other"');
  });

  it("refuses a rule that keeps data after erasure without a duration, naming the rule", () => {
    type Rule = { key: string; duration: unknown; keepOnErasure: boolean };
    const index = (parse(almazSource).retention as Rule[]).findIndex((r) => r.keepOnErasure);
    expect(index).toBeGreaterThanOrEqual(0);
    const problems = problemsOf(mutate((p) => ((p.retention as Rule[])[index].duration = null)));
    expect(problems).toEqual([
      `retention.${index}.duration: a rule with keepOnErasure needs a duration, so that what it keeps after erasure has a purge date`,
    ]);
    // Without keepOnErasure the same rule is fine: it ends with the account.
    expect(() =>
      parseProfile(
        "/shops/almaz.yaml",
        mutate((p) => {
          const rule = (p.retention as Rule[])[index];
          rule.duration = null;
          rule.keepOnErasure = false;
        }),
      ),
    ).not.toThrow();
  });

  it("ships only presets whose rules kept after erasure have a duration", () => {
    for (const profile of loadProfilesFrom(SHOPS)) {
      for (const rule of profile.retention.filter((r) => r.keepOnErasure)) {
        expect(rule.duration, `${profile.handle}: ${rule.key}`).not.toBeNull();
      }
    }
  });

  it("refuses a handle the app's own pages use", () => {
    const problems = problemsOf(
      mutate((p) => (p.handle = "dev")),
      "/shops/dev.yaml",
    );
    expect(problems).toEqual(["handle: is reserved for the app's own pages; choose another"]);
  });

  it("refuses YAML that does not parse", () => {
    expect(problemsOf("handle: [unclosed")[0]).toMatch(/not valid YAML/);
  });

  it("onboards a new shop from a profile file alone", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "shops-"));
    const source = mutate((p) => {
      p.handle = "maple";
      p.name = "Maple Goods";
      p.regime = {
        code: "CA-PIPEDA",
        name: "PIPEDA",
        law: "Personal Information Protection and Electronic Documents Act",
      };
    });
    writeFileSync(path.join(dir, "maple.yaml"), source);
    const [profile] = loadProfilesFrom(dir);
    expect(profile.handle).toBe("maple");
    expect(profile.regime.code).toBe("CA-PIPEDA");
  });
});
