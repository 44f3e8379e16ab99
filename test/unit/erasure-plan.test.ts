import { createHash } from "node:crypto";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { type PersonalModel, personalModels } from "@/server/data-map";
import {
  chosenRuleSql,
  type ErasureAnchors,
  type ModelPlan,
  modelPlan,
  type PlanEntry,
  planEntries,
  planQueries,
  type RetentionRule,
  retainColumns,
  ruleUntilSql,
} from "@/server/erasure/plan";
import { receiptText } from "@/server/erasure/receipt";
import { suppressionHash } from "@/server/erasure/suppression";
import type { ShopRef } from "@/server/tenants";
import { loadProfilesFrom } from "@/server/tenants/load-profiles";
import type { ShopProfile } from "@/server/tenants/profile-schema";

// What erasure plans to do with each data set, from the data map and a shop's retention
// rules: which rule keeps what, counted from which date; and the receipt built from it.

const profiles = new Map(loadProfilesFrom(path.resolve(import.meta.dirname, "../../shops")).map((p) => [p.handle, p]));
const profile = (handle: string): ShopProfile => {
  const found = profiles.get(handle);
  if (!found) throw new Error(`no profile ${handle}`);
  return found;
};
const entry = (model: string): PersonalModel => {
  const found = personalModels().find((e) => e.model === model);
  if (!found) throw new Error(`no model ${model}`);
  return found;
};
const rule = (handle: string, key: string): RetentionRule => {
  const found = profile(handle).retention.find((r) => r.key === key);
  if (!found) throw new Error(`no rule ${key} in ${handle}`);
  return found;
};

const anchors: ErasureAnchors = {
  closedAt: "2026-05-04T10:20:30.000Z",
  lastOrderAt: "2025-12-01T08:00:00.000Z",
  lastReturnAt: null,
  lastActivityAt: "2026-04-30T19:00:00.000Z",
};
const withReturn: ErasureAnchors = { ...anchors, lastReturnAt: "2024-02-29T12:00:00.000Z" };

const interval = (years: number, months = 0, days = 0) =>
  `make_interval(years => ${years}, months => ${months}, days => ${days})`;
const until = (anchor: string, years: number) =>
  `((${anchor} AT TIME ZONE 'UTC') + ${interval(years)}) AT TIME ZONE 'UTC'`;
const literal = (iso: string) => `'${iso}'::timestamptz`;

const retained = (plan: ModelPlan) => {
  if (plan.kind !== "retain") throw new Error(`expected retain, got ${plan.kind}`);
  return plan.rules.map((r) => [r.rule.key, r.untilSql]);
};

describe("the date a rule keeps a row until (ruleUntilSql)", () => {
  it("counts document-issued from each row's own document date", () => {
    const tenYears = rule("crystalline", "key-customer-data-ten-years");
    expect(ruleUntilSql("Invoice", tenYears, anchors)).toBe(until(`b."issuedAt"`, 10));
    expect(ruleUntilSql("WarrantyCertificate", tenYears, anchors)).toBe(until(`b."issuedAt"`, 10));
    expect(ruleUntilSql("Order", tenYears, anchors)).toBe(until(`b."placedAt"`, 10));
  });

  it("counts account-closed from the account's closing date, the same for every row", () => {
    const almaz = rule("almaz", "legal-requirements");
    expect(almaz.trigger).toBe("account-closed");
    for (const model of ["Order", "Invoice", "WarrantyCertificate"] as const) {
      expect(ruleUntilSql(model, almaz, anchors)).toBe(until(literal(anchors.closedAt), 5));
    }
    // consent-withdrawn: erasure withdraws everything when the account closes.
    expect(ruleUntilSql("Order", { ...almaz, trigger: "consent-withdrawn" }, anchors)).toBe(
      until(literal(anchors.closedAt), 5),
    );
  });

  it("counts contract-ended from the end of each contract: the order's date, a warranty's expiry", () => {
    const delivered = rule("micro-image", "delivered-orders");
    expect(delivered.trigger).toBe("contract-ended");
    expect(ruleUntilSql("Order", delivered, anchors)).toBe(until(`b."placedAt"`, 3));
    expect(ruleUntilSql("Invoice", delivered, anchors)).toBe(until(`b."issuedAt"`, 3));
    expect(ruleUntilSql("WarrantyCertificate", delivered, anchors)).toBe(until(`b."validUntil"`, 3));
  });

  it("counts last-return from the last return, and does not apply to an account without one", () => {
    const returns = rule("micro-image", "returns");
    expect(returns.trigger).toBe("last-return");
    expect(ruleUntilSql("Invoice", returns, anchors)).toBeNull();
    expect(ruleUntilSql("Invoice", returns, withReturn)).toBe(until(literal("2024-02-29T12:00:00.000Z"), 3));
  });

  it("counts last-order and last-activity from the account's anchors, collected from the row", () => {
    const base = rule("crystalline", "key-customer-data-ten-years");
    expect(ruleUntilSql("Order", { ...base, trigger: "last-order" }, anchors)).toBe(
      until(literal(anchors.lastOrderAt ?? ""), 10),
    );
    expect(ruleUntilSql("Order", { ...base, trigger: "last-order" }, { ...anchors, lastOrderAt: null })).toBeNull();
    expect(ruleUntilSql("Invoice", { ...base, trigger: "last-activity" }, anchors)).toBe(
      until(literal(anchors.lastActivityAt), 10),
    );
    expect(ruleUntilSql("Invoice", { ...base, trigger: "collected" }, anchors)).toBe(until(`b."issuedAt"`, 10));
  });

  it("writes months and days of the duration, whole numbers only", () => {
    const base = rule("crystalline", "key-customer-data-ten-years");
    expect(ruleUntilSql("Invoice", { ...base, duration: { months: 18, days: 3 } }, anchors)).toBe(
      `((b."issuedAt" AT TIME ZONE 'UTC') + ${interval(0, 18, 3)}) AT TIME ZONE 'UTC'`,
    );
  });

  it("has no date for a rule without a duration or a model that cannot be retained", () => {
    const base = rule("crystalline", "key-customer-data-ten-years");
    expect(ruleUntilSql("Invoice", { ...base, duration: null }, anchors)).toBeNull();
    expect(ruleUntilSql("Customer", base, anchors)).toBeNull();
    expect(ruleUntilSql("OutboundEmail", base, anchors)).toBeNull();
  });
});

describe("what erasure does to each model (modelPlan)", () => {
  it("follows the data map for models no rule can keep", () => {
    const crystalline = profile("crystalline");
    expect(modelPlan(entry("CustomerPhone"), crystalline, anchors)).toEqual({ kind: "delete" });
    expect(modelPlan(entry("Customer"), crystalline, anchors)).toMatchObject({ kind: "anonymise" });
    expect(modelPlan(entry("OrderItem"), crystalline, anchors)).toMatchObject({ kind: "follow-parent" });
    expect(modelPlan(entry("DeletionRequest"), crystalline, anchors)).toMatchObject({ kind: "keep" });
    // A payment rule with keepOnErasure (almaz) does not keep payment methods: the data
    // map deletes them.
    expect(rule("almaz", "legal-requirements").categories).toContain("payment");
    expect(modelPlan(entry("PaymentMethod"), profile("almaz"), anchors)).toEqual({ kind: "delete" });
  });

  it("keeps orders and documents under each shop's rule with keepOnErasure", () => {
    expect(retained(modelPlan(entry("Invoice"), profile("crystalline"), anchors))).toEqual([
      ["key-customer-data-ten-years", until(`b."issuedAt"`, 10)],
    ]);
    expect(retained(modelPlan(entry("Order"), profile("almaz"), anchors))).toEqual([
      ["legal-requirements", until(literal(anchors.closedAt), 5)],
    ]);
    // allegra's account-profile rule (keepOnErasure: false) plays no part.
    expect(retained(modelPlan(entry("Order"), profile("allegra"), anchors))).toEqual([
      ["order-history", until(`b."placedAt"`, 5)],
    ]);
  });

  it("adds a last-return rule only for an account with a return", () => {
    const micro = profile("micro-image");
    expect(retained(modelPlan(entry("Invoice"), micro, anchors)).map(([key]) => key)).toEqual(["delivered-orders"]);
    expect(retained(modelPlan(entry("Invoice"), micro, withReturn)).map(([key]) => key)).toEqual([
      "delivered-orders",
      "returns",
    ]);
  });

  it("does what the data map says otherwise when no rule applies to the account", () => {
    // micro-image with only the returns rule keeping data after erasure.
    const onlyReturns: ShopProfile = {
      ...profile("micro-image"),
      retention: profile("micro-image").retention.map((r) =>
        r.key === "delivered-orders" ? { ...r, keepOnErasure: false } : r,
      ),
    };
    expect(modelPlan(entry("Invoice"), onlyReturns, anchors)).toEqual({ kind: "delete" });
    expect(modelPlan(entry("WarrantyCertificate"), onlyReturns, anchors)).toEqual({ kind: "delete" });
    const order = modelPlan(entry("Order"), onlyReturns, anchors);
    expect(order.kind).toBe("anonymise");
    if (order.kind === "anonymise") {
      expect(Object.keys(order.anonymisation.placeholders).sort()).toEqual(
        ["billingAddress", "billingName", "shippingAddress", "shippingName"].sort(),
      );
    }
    expect(retained(modelPlan(entry("Invoice"), onlyReturns, withReturn))).toEqual([
      ["returns", until(literal("2024-02-29T12:00:00.000Z"), 3)],
    ]);
    // A shop that keeps nothing after erasure.
    const keepsNothing: ShopProfile = {
      ...profile("crystalline"),
      retention: profile("crystalline").retention.map((r) => ({ ...r, keepOnErasure: false })),
    };
    expect(modelPlan(entry("Invoice"), keepsNothing, anchors)).toEqual({ kind: "delete" });
    expect(modelPlan(entry("Order"), keepsNothing, anchors).kind).toBe("anonymise");
  });
});

describe("the SQL that picks a row's rule", () => {
  it("keeps each row under the rule that keeps it longest (ties by key)", () => {
    const plan = modelPlan(entry("Invoice"), profile("micro-image"), withReturn);
    if (plan.kind !== "retain") throw new Error("expected retain");
    const sql = chosenRuleSql(plan);
    expect(sql).toContain(`('delivered-orders', ${until(`b."issuedAt"`, 3)})`);
    expect(sql).toContain(`('returns', ${until(literal("2024-02-29T12:00:00.000Z"), 3)})`);
    expect(sql).toMatch(/^CROSS JOIN LATERAL .*ORDER BY v\.until DESC, v\.rule LIMIT 1\) r$/);
    // Only rules that keep the row past the account's closing count.
    expect(sql).toContain(`WHERE v.until > '${withReturn.closedAt}'::timestamptz`);
    // Counting pairs the rows no rule keeps with a null rule instead of leaving them out.
    expect(chosenRuleSql(plan, "LEFT")).toMatch(/^LEFT JOIN LATERAL .* LIMIT 1\) r ON true$/);
  });

  it("falls back to what the data map does otherwise, for the rows no rule keeps any more", () => {
    const invoice = modelPlan(entry("Invoice"), profile("crystalline"), anchors);
    const order = modelPlan(entry("Order"), profile("crystalline"), anchors);
    expect(invoice).toMatchObject({ kind: "retain", closedAt: anchors.closedAt, otherwise: { kind: "delete" } });
    expect(order).toMatchObject({ kind: "retain", otherwise: { kind: "anonymise" } });
  });

  it("refuses a rule key that is not a plain word (it is inlined)", () => {
    const base = rule("crystalline", "key-customer-data-ten-years");
    expect(() =>
      chosenRuleSql({
        kind: "retain",
        rules: [{ rule: { ...base, key: "x'); DROP" }, untilSql: "now()" }],
        closedAt: anchors.closedAt,
        otherwise: { kind: "delete" },
      }),
    ).toThrow(/unexpected rule key/);
  });

  it("reads the columns the rules need", () => {
    expect(retainColumns("WarrantyCertificate")).toBe(`"id", "issuedAt", "validUntil"`);
    expect(retainColumns("Order")).toBe(`"id", "placedAt"`);
    expect(() => retainColumns("Customer")).toThrow();
  });

  it("counts every personal model, scoped by customer and shop", () => {
    const queries = planQueries(profile("crystalline"), anchors);
    expect(queries.map((q) => q.entry.model)).toEqual(personalModels().map((e) => e.model));
    for (const q of queries) {
      expect(q.sql).toContain("$1::uuid");
      expect(q.sql).toContain("$2::uuid");
      expect(q.sql.includes("LEFT JOIN LATERAL")).toBe(q.plan.kind === "retain");
    }
  });
});

describe("plan lines (planEntries)", () => {
  const crystalline = profile("crystalline");
  const query = (model: string) => {
    const found = planQueries(crystalline, anchors).find((q) => q.entry.model === model);
    if (!found) throw new Error(model);
    return found;
  };

  it("leaves out data sets with nothing to erase", () => {
    expect(
      planEntries(crystalline, query("CustomerPhone"), [{ rule: null, count: 0, earliest: null, latest: null }]),
    ).toEqual([]);
  });

  it("names the rule and the range of dates of what is kept", () => {
    const lines = planEntries(crystalline, query("Invoice"), [
      {
        rule: "key-customer-data-ten-years",
        count: 7,
        earliest: new Date("2030-01-02T00:00:00Z"),
        latest: "2036-03-04T05:06:07.000Z",
      },
    ]);
    expect(lines).toEqual([
      {
        model: "Invoice",
        dataSet: "Invoices",
        category: "documents",
        count: 7,
        action: "RETAIN",
        ruleKey: "key-customer-data-ten-years",
        retainedUntilEarliest: "2030-01-02T00:00:00.000Z",
        retainedUntilLatest: "2036-03-04T05:06:07.000Z",
        explanation: expect.stringMatching(/until 2030-01-02–2036-03-04, then deleted\.$/),
      },
    ]);
    expect(lines[0].explanation).toContain(rule("crystalline", "key-customer-data-ten-years").label);
    const orders = planEntries(crystalline, query("Order"), [
      { rule: "key-customer-data-ten-years", count: 1, earliest: "2031-01-01", latest: "2031-01-01" },
    ]);
    expect(orders[0].explanation).toMatch(/until 2031-01-01, then anonymised\.$/);
  });

  it("counts rows whose rules all ended before the closing as deleted or anonymised at once", () => {
    const expired = { rule: null, count: 2, earliest: null, latest: null };
    const kept = { rule: "key-customer-data-ten-years", count: 5, earliest: "2030-01-01", latest: "2031-01-01" };
    expect(planEntries(crystalline, query("Invoice"), [expired, kept]).map((e) => [e.action, e.count])).toEqual([
      ["DELETE", 2],
      ["RETAIN", 5],
    ]);
    expect(planEntries(crystalline, query("Order"), [expired]).map((e) => [e.action, e.count, e.ruleKey])).toEqual([
      ["ANONYMISE", 2, null],
    ]);
  });

  it("explains deletion, anonymisation and what is kept as it is", () => {
    const one = [{ rule: null, count: 3, earliest: null, latest: null }];
    expect(planEntries(crystalline, query("CustomerPhone"), one)[0]).toMatchObject({
      action: "DELETE",
      count: 3,
      ruleKey: null,
      explanation: "Deleted.",
    });
    expect(planEntries(crystalline, query("Customer"), one)[0].explanation).toMatch(
      /^Anonymised: email address, .* are overwritten for good/,
    );
    expect(planEntries(crystalline, query("ConsentRecord"), one)[0]).toMatchObject({ action: "ANONYMISE" });
    expect(planEntries(crystalline, query("DeletionRequest"), one)[0]).toMatchObject({ action: "KEEP" });
    expect(planEntries(crystalline, query("OrderItem"), one)[0]).toMatchObject({ action: "KEEP" });
  });
});

describe("the receipt", () => {
  const shopOf = (handle: string): ShopRef => ({
    id: "00000000-0000-0000-0000-000000000000",
    handle,
    name: profile(handle).name,
    profile: profile(handle),
  });
  const base = {
    category: "x",
    ruleKey: null,
    retainedUntilEarliest: null,
    retainedUntilLatest: null,
    explanation: "",
  };
  const plan: PlanEntry[] = [
    { ...base, model: "CustomerPhone", dataSet: "Phone numbers", count: 2, action: "DELETE" },
    { ...base, model: "Address", dataSet: "Addresses", count: 1, action: "DELETE" },
    { ...base, model: "Customer", dataSet: "Your account", count: 1, action: "ANONYMISE" },
    {
      ...base,
      model: "Invoice",
      dataSet: "Invoices",
      count: 4,
      action: "RETAIN",
      ruleKey: "key-customer-data-ten-years",
      retainedUntilEarliest: "2031-02-03T00:00:00.000Z",
      retainedUntilLatest: "2035-06-07T00:00:00.000Z",
    },
    {
      ...base,
      model: "Order",
      dataSet: "Orders",
      count: 1,
      action: "RETAIN",
      ruleKey: "key-customer-data-ten-years",
      retainedUntilEarliest: "2033-01-01T00:00:00.000Z",
      retainedUntilLatest: "2033-01-01T00:00:00.000Z",
    },
    { ...base, model: "DeletionRequest", dataSet: "Account deletion requests", count: 1, action: "KEEP" },
  ];
  const text = receiptText({
    shop: shopOf("crystalline"),
    plan,
    requestedAt: new Date("2026-05-01T09:00:00Z"),
    completedAt: new Date("2026-05-15T09:30:00Z"),
  });

  it("lists what was deleted, anonymised and kept, with counts, rules and dates", () => {
    const tenYears = rule("crystalline", "key-customer-data-ten-years");
    expect(text).toContain("was deleted on 2026-05-15, as you asked on 2026-05-01");
    expect(text).toContain("Deleted:\n  - Phone numbers (2 records)\n  - Addresses (1 record)");
    expect(text).toMatch(/Anonymised \([^)]*\):\n {2}- Your account \(1 record\)/);
    expect(text).toContain(
      `  - Invoices (4 records): kept under "${tenYears.label}" until 2031-02-03 to 2035-06-07 (each record its own date)`,
    );
    expect(text).toContain(`  - Orders (1 record): kept under "${tenYears.label}" until 2033-01-01, then`);
    expect(text).toContain(`Why: ${tenYears.basis}`);
    expect(text).toContain("You can open a new account with this address at any time.");
  });

  it("holds no personal value: it greets nobody by name and names no address", () => {
    expect(text.startsWith("Hello,\n\n")).toBe(true);
    expect(text).not.toMatch(/@|\+\d{6,}/);
    // Everything in it comes from the plan (counts, data set names, rule keys, dates) and
    // the shop's profile: the same plan gives the same text whoever it was for.
    const again = receiptText({
      shop: shopOf("crystalline"),
      plan,
      requestedAt: new Date("2026-05-01T09:00:00Z"),
      completedAt: new Date("2026-05-15T09:30:00Z"),
    });
    expect(again).toBe(text);
  });

  it("says when nothing was kept, and when the address cannot register again", () => {
    const shop = shopOf("allegra");
    const strict = {
      ...shop,
      profile: { ...shop.profile, deletion: { ...shop.profile.deletion, canReRegister: false } },
    };
    const deletedOnly = receiptText({
      shop: strict,
      plan: plan.filter((e) => e.action === "DELETE"),
      requestedAt: new Date("2026-05-01T09:00:00Z"),
      completedAt: new Date("2026-05-15T09:30:00Z"),
    });
    expect(deletedOnly).toContain("Nothing was kept under a retention rule.");
    expect(deletedOnly).not.toContain("Anonymised");
    expect(deletedOnly).toContain("This address cannot be used for a new account.");
  });
});

describe("the suppression list's hash", () => {
  const secret = "s".repeat(40);

  it("ignores case and surrounding spaces", () => {
    const hash = suppressionHash("Erased.Person@Example.COM", secret);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(suppressionHash("  erased.person@example.com\t", secret)).toBe(hash);
    expect(suppressionHash("other.person@example.com", secret)).not.toBe(hash);
  });

  it("depends on the app's secret, so the list cannot be matched without it", () => {
    const email = "erased.person@example.com";
    expect(suppressionHash(email, "t".repeat(40))).not.toBe(suppressionHash(email, secret));
    // Not a plain digest of the address either.
    expect(suppressionHash(email, secret)).not.toBe(createHash("sha256").update(email).digest("hex"));
  });
});

describe("the receipt's recipients", () => {
  const micro = profile("micro-image");
  const shop: ShopRef = {
    id: "00000000-0000-0000-0000-000000000000",
    handle: "micro-image",
    name: micro.name,
    profile: micro,
  };
  const entry = (category: string, count: number): PlanEntry => ({
    model: "Address",
    dataSet: "Addresses",
    category,
    count,
    action: "DELETE",
    ruleKey: null,
    retainedUntilEarliest: null,
    retainedUntilLatest: null,
    explanation: "",
  });
  const receipt = (plan: PlanEntry[]) =>
    receiptText({ shop, plan, requestedAt: new Date("2026-05-01Z"), completedAt: new Date("2026-05-15Z") });

  it("names the recipients told about the erasure: those holding a category the account had data in", () => {
    const category = micro.recipients[0].categories[0];
    const holding = micro.recipients.filter((r) => r.categories.includes(category));
    const text = receipt([entry(category, 3)]);
    for (const r of holding) expect(text).toContain(r.name);
    for (const r of micro.recipients.filter((r) => !r.categories.includes(category))) {
      expect(text).not.toContain(r.name);
    }
    // A category with no records tells nobody.
    const silent = receipt([entry(category, 0)]);
    expect(silent).not.toContain("are told about the erasure");
  });
});
