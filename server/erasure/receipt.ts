import type { ShopRef } from "../tenants";
import { categoriesWithData, type PlanEntry } from "./plan";

// The receipt of an erasure: what was deleted, anonymised and kept until when, in the
// words of the plan fixed when erasure started. Counts, rules and dates; no values.

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : "");

function line(entry: PlanEntry): string {
  const count = `${entry.count} record${entry.count === 1 ? "" : "s"}`;
  return `  - ${entry.dataSet} (${count})`;
}

export function receiptText(options: {
  shop: ShopRef;
  plan: PlanEntry[];
  requestedAt: Date;
  completedAt: Date;
}): string {
  const { shop, plan } = options;
  // As the erasure notices are queued: recipients holding a category the account had data in.
  const held = new Set(categoriesWithData(plan));
  const told = shop.profile.recipients.filter((r) => r.categories.some((c) => held.has(c)));
  const of = (action: PlanEntry["action"]) => plan.filter((e) => e.action === action);
  const retained = of("RETAIN").map((e) => {
    const rule = shop.profile.retention.find((r) => r.key === e.ruleKey);
    const until =
      e.retainedUntilEarliest === e.retainedUntilLatest
        ? `until ${day(e.retainedUntilLatest)}`
        : `until ${day(e.retainedUntilEarliest)} to ${day(e.retainedUntilLatest)} (each record its own date)`;
    return `${line(e)}: kept under "${rule?.label ?? e.ruleKey}" ${until}, then deleted or anonymised.\n      Why: ${rule?.basis ?? ""}`;
  });
  const sections = [
    `Your ${shop.name} account was deleted on ${options.completedAt.toISOString().slice(0, 10)}, as you asked on ${options.requestedAt.toISOString().slice(0, 10)}. This is the receipt.`,
    of("DELETE").length ? `Deleted:\n${of("DELETE").map(line).join("\n")}` : null,
    of("ANONYMISE").length
      ? `Anonymised (kept without anything that identifies you, no longer linked to you):\n${of("ANONYMISE").map(line).join("\n")}`
      : null,
    retained.length
      ? `Kept because the law or the shop's policy requires it, detached from your account, until the date shown:\n${retained.join("\n")}`
      : "Nothing was kept under a retention rule.",
    `Kept as proof that your request was carried out: the request itself (dates only, no contact details).`,
    `Your sessions were signed out and your password and sign-in links removed${
      told.length
        ? `; those the shop passed your data to (${told.map((r) => r.name).join(", ")}) are told about the erasure`
        : ""
    }. We keep only a one-way fingerprint of this address so that we do not contact it again.`,
    shop.profile.deletion.canReRegister
      ? "You can open a new account with this address at any time."
      : "This address cannot be used for a new account.",
    "This is the last email we send about this account.",
  ];
  return ["Hello,", ...sections.filter((s): s is string => Boolean(s))].join("\n\n");
}
