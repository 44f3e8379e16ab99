import { type Anonymisation, type ModelName, type PersonalModel, personalModels } from "../data-map";
import type { DataCategoryKey } from "../data-map/categories";
import { ownerSql, quote } from "../data-map/owner-sql";
import type { ShopProfile } from "../tenants/profile-schema";
import { retentionText } from "../tenants/wording";

// What erasure does to each personal model, from the data map and the shop's retention
// rules, as SQL. Shared by the "before deleting" page (which previews it), the erasure
// engine (which carries it out) and the receipt, so the three cannot disagree. No I/O.

export type RetentionRule = ShopProfile["retention"][number];

// Dates retention periods count from that belong to the account rather than to a row.
// Fixed once when erasure starts (a re-run must compute the same dates).
export type ErasureAnchors = {
  // When the account is closed: the start of erasure (or, in a preview, its planned date).
  closedAt: string;
  lastOrderAt: string | null;
  lastReturnAt: string | null;
  // The last successful sign-in, else closedAt.
  lastActivityAt: string;
};

// Models a rule can keep after erasure: they have a nullable owner column (to detach
// them) and retentionRule/retainedUntil columns.
export const RETAINABLE: Partial<Record<ModelName, { rowDate: string; contractEnd: string }>> = {
  Order: { rowDate: "placedAt", contractEnd: "placedAt" },
  Invoice: { rowDate: "issuedAt", contractEnd: "issuedAt" },
  // A warranty is a contract of its own: it ends when the warranty does.
  WarrantyCertificate: { rowDate: "issuedAt", contractEnd: "validUntil" },
};

// The SQL (over the row as `b`, with the anchors inlined as literals) of the date a rule
// keeps a row until, or null when the rule does not apply to this account (e.g. "3
// years after the last return" without any return).
export function ruleUntilSql(model: ModelName, rule: RetentionRule, anchors: ErasureAnchors): string | null {
  const spec = RETAINABLE[model];
  if (!spec || !rule.duration) return null;
  const literal = (value: string | null) => (value ? `'${new Date(value).toISOString()}'::timestamptz` : null);
  const anchor = (() => {
    switch (rule.trigger) {
      case "document-issued":
      case "collected":
        return `b.${quote(spec.rowDate)}`;
      case "contract-ended":
        return `b.${quote(spec.contractEnd)}`;
      case "last-order":
        return literal(anchors.lastOrderAt);
      case "last-return":
        return literal(anchors.lastReturnAt);
      case "last-activity":
        return literal(anchors.lastActivityAt);
      case "account-closed":
      case "consent-withdrawn":
        return literal(anchors.closedAt);
    }
  })();
  if (!anchor) return null;
  const d = rule.duration;
  const n = (v: number | undefined) => String(Math.trunc(v ?? 0));
  // Calendar arithmetic in UTC, as addDuration does ("5 years after 29 Feb" is 28 Feb).
  return `((${anchor} AT TIME ZONE 'UTC') + make_interval(years => ${n(d.years)}, months => ${n(d.months)}, days => ${n(d.days)})) AT TIME ZONE 'UTC'`;
}

type OtherwisePlan = { kind: "delete" } | { kind: "anonymise"; anonymisation: Anonymisation };

export type ModelPlan =
  | OtherwisePlan
  // Kept under the rules (each with its date expression); the latest date wins. A row
  // whose every date is already past when the account closes (`closedAt`) is not kept:
  // it gets `otherwise` at once, as the retention sweep would do.
  | { kind: "retain"; rules: { rule: RetentionRule; untilSql: string }[]; closedAt: string; otherwise: OtherwisePlan }
  | { kind: "follow-parent"; reason: string }
  | { kind: "keep"; reason: string };

// The rules of the shop that keep this model's category after erasure and apply to
// this account.
export function modelPlan(entry: PersonalModel, profile: ShopProfile, anchors: ErasureAnchors): ModelPlan {
  const erasure = entry.erasure;
  switch (erasure.action) {
    case "delete":
      return { kind: "delete" };
    case "anonymise":
      return { kind: "anonymise", anonymisation: erasure };
    case "follow-parent":
      return { kind: "follow-parent", reason: erasure.reason };
    case "keep":
      return { kind: "keep", reason: erasure.reason };
    case "retain-if-required": {
      const rules = profile.retention
        .filter((r) => r.keepOnErasure && r.categories.includes(entry.category))
        .flatMap((rule) => {
          const untilSql = ruleUntilSql(entry.model, rule, anchors);
          return untilSql ? [{ rule, untilSql }] : [];
        });
      const otherwise: OtherwisePlan =
        erasure.otherwise.action === "delete"
          ? { kind: "delete" }
          : { kind: "anonymise", anonymisation: erasure.otherwise };
      if (rules.length) {
        return { kind: "retain", rules, closedAt: new Date(anchors.closedAt).toISOString(), otherwise };
      }
      return otherwise;
    }
  }
}

// Rows (`b`, with the columns the rules need) paired with the rule that keeps them
// longest, among the rules whose date is after the account's closing: a row kept by
// none is left out (CROSS) or paired with a null rule (LEFT). $n placeholders are not
// used: the rule keys are checked keys of the profile (lower-case words and dashes) and
// the closing date is a parsed date; both are inlined.
export function chosenRuleSql(plan: Extract<ModelPlan, { kind: "retain" }>, join: "CROSS" | "LEFT" = "CROSS"): string {
  const values = plan.rules
    .map(({ rule, untilSql }) => {
      if (!/^[a-z0-9-]+$/.test(rule.key)) throw new Error("unexpected rule key");
      return `('${rule.key}', ${untilSql})`;
    })
    .join(", ");
  const closedAt = new Date(plan.closedAt).toISOString();
  const lateral = `LATERAL (SELECT v.rule, v.until FROM (VALUES ${values}) AS v(rule, until) WHERE v.until > '${closedAt}'::timestamptz ORDER BY v.until DESC, v.rule LIMIT 1) r`;
  return join === "CROSS" ? `CROSS JOIN ${lateral}` : `LEFT JOIN ${lateral} ON true`;
}

export function retainColumns(model: ModelName): string {
  const spec = RETAINABLE[model];
  if (!spec) throw new Error(`${model} cannot be retained`);
  return [...new Set(["id", spec.rowDate, spec.contractEnd])].map((c) => quote(c)).join(", ");
}

// One line of the plan: stored on the request when erasure starts, shown on the page,
// listed in the receipt. Counts, rules and dates only: never a value.
export type PlanEntry = {
  model: ModelName;
  dataSet: string;
  category: string;
  count: number;
  action: "DELETE" | "ANONYMISE" | "RETAIN" | "KEEP";
  ruleKey: string | null;
  retainedUntilEarliest: string | null;
  retainedUntilLatest: string | null;
  explanation: string;
};

// The statements that count what erasure will do: one per model, each scoped by owner
// and shop ($1 customer, $2 shop). Models with nothing to count (follow-parent) are
// counted through their own owner path too.
export function planQueries(
  profile: ShopProfile,
  anchors: ErasureAnchors,
): { entry: PersonalModel; plan: ModelPlan; sql: string }[] {
  return personalModels().map((entry) => {
    const plan = modelPlan(entry, profile, anchors);
    const table = quote(entry.model);
    const sql =
      plan.kind === "retain"
        ? `SELECT r.rule AS "rule", count(*)::int AS "count", min(r.until) AS "earliest", max(r.until) AS "latest"
             FROM (SELECT ${retainColumns(entry.model)} FROM ${table} WHERE ${ownerSql(entry)}) b ${chosenRuleSql(plan, "LEFT")}
             GROUP BY r.rule ORDER BY r.rule`
        : `SELECT NULL AS "rule", count(*)::int AS "count", NULL AS "earliest", NULL AS "latest" FROM ${table} WHERE ${ownerSql(entry)}`;
    return { entry, plan, sql };
  });
}

const iso = (value: unknown): string | null =>
  value instanceof Date ? value.toISOString() : typeof value === "string" ? new Date(value).toISOString() : null;
const day = (value: string | null) => (value ? value.slice(0, 10) : "");

export function planEntries(
  profile: ShopProfile,
  query: { entry: PersonalModel; plan: ModelPlan },
  rows: { rule: string | null; count: number; earliest: unknown; latest: unknown }[],
): PlanEntry[] {
  const { entry, plan } = query;
  const base = { model: entry.model, dataSet: entry.label, category: entry.category };
  const counted = rows.filter((r) => Number(r.count) > 0);
  if (!counted.length) return [];
  switch (plan.kind) {
    case "retain":
      // Rows no rule keeps past the closing date (rule null) get what the data map does
      // otherwise, at once.
      return counted.flatMap((row) => {
        if (row.rule === null) return planEntries(profile, { entry, plan: plan.otherwise }, [row]);
        const rule = profile.retention.find((r) => r.key === row.rule);
        const earliest = iso(row.earliest);
        const latest = iso(row.latest);
        const range = earliest === latest ? `until ${day(latest)}` : `until ${day(earliest)}–${day(latest)}`;
        return {
          ...base,
          count: Number(row.count),
          action: "RETAIN" as const,
          ruleKey: row.rule,
          retainedUntilEarliest: earliest,
          retainedUntilLatest: latest,
          explanation: `Kept, detached from your account, under "${rule?.label ?? row.rule}" (${rule ? retentionText(rule).toLowerCase() : ""}): ${range}, then ${entry.erasure.action === "retain-if-required" && entry.erasure.otherwise.action === "delete" ? "deleted" : "anonymised"}.`,
        };
      });
    case "delete":
      return [{ ...base, ...none, count: Number(counted[0].count), action: "DELETE", explanation: "Deleted." }];
    case "anonymise":
      return [
        {
          ...base,
          ...none,
          count: Number(counted[0].count),
          action: "ANONYMISE",
          explanation:
            Object.keys(plan.anonymisation.placeholders).length > 0
              ? `Anonymised: ${anonymisedFields(entry, plan.anonymisation)} are overwritten for good; the rest stays without a link to you.`
              : "Kept without your name or contact details: these records hold none, and the account they point to is erased.",
        },
      ];
    case "follow-parent":
      return [{ ...base, ...none, count: Number(counted[0].count), action: "KEEP", explanation: plan.reason }];
    case "keep":
      return [{ ...base, ...none, count: Number(counted[0].count), action: "KEEP", explanation: plan.reason }];
  }
}

const none = { ruleKey: null, retainedUntilEarliest: null, retainedUntilLatest: null };

function anonymisedFields(entry: PersonalModel, anonymisation: Anonymisation): string {
  const labels = Object.keys(anonymisation.placeholders)
    .map((f) => entry.fields[f]?.label.toLowerCase())
    .filter((l): l is string => Boolean(l));
  return labels.length > 1 ? `${labels.slice(0, -1).join(", ")} and ${labels.at(-1)}` : (labels[0] ?? "the details");
}

// The categories the account had records in: the erasure notices go to the shop's
// recipients holding one of them, and the receipt names those recipients.
export function categoriesWithData(plan: PlanEntry[]): DataCategoryKey[] {
  return [...new Set(plan.filter((e) => e.count > 0).map((e) => e.category as DataCategoryKey))];
}
