// Date arithmetic for retention rules, in UTC calendar terms: "5 years after 29 Feb"
// lands on 28 Feb (the month's last day), never spilling into March.
export function addDuration(from: Date, d: { years?: number; months?: number; days?: number }): Date {
  const totalMonths = from.getUTCMonth() + (d.years ?? 0) * 12 + (d.months ?? 0);
  const year = from.getUTCFullYear() + Math.floor(totalMonths / 12);
  const month = ((totalMonths % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const result = new Date(from);
  result.setUTCFullYear(year, month, Math.min(from.getUTCDate(), lastDay));
  result.setUTCDate(result.getUTCDate() + (d.days ?? 0));
  return result;
}
