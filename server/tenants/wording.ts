import type { ShopProfile } from "./profile-schema";

// Profile values in words, shared by the API and the pages.
type Duration = { years?: number; months?: number; days?: number };

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? "" : "s"}`;
}

// A request's response period in words: "1 month", "45 days", "10 working days".
export function responsePeriodText(p: Duration | { workingDays: number }): string {
  return "workingDays" in p ? plural(p.workingDays, "working day") : durationText(p);
}

export function durationText(d: Duration): string {
  const parts = [
    d.years ? plural(d.years, "year") : null,
    d.months ? plural(d.months, "month") : null,
    d.days ? plural(d.days, "day") : null,
  ].filter(Boolean);
  return parts.join(" and ");
}

const TRIGGER_TEXT: Record<ShopProfile["retention"][number]["trigger"], { after: string; while: string }> = {
  "account-closed": { after: "after the account is closed", while: "while the account is open" },
  "contract-ended": { after: "after the contract ends", while: "while the contract runs" },
  "last-order": { after: "after the last order", while: "while you keep ordering" },
  "last-return": { after: "after the last return", while: "until the last return is settled" },
  "last-activity": { after: "after your last activity", while: "while you are active" },
  collected: { after: "after it was collected", while: "from when it was collected" },
  "document-issued": { after: "after the document was issued", while: "for the period the law sets for the document" },
  "consent-withdrawn": { after: "after consent is withdrawn", while: "until you withdraw consent" },
};

export function retentionText(rule: Pick<ShopProfile["retention"][number], "duration" | "trigger">): string {
  const trigger = TRIGGER_TEXT[rule.trigger];
  return rule.duration ? `${durationText(rule.duration)} ${trigger.after}` : `Kept ${trigger.while}`;
}
