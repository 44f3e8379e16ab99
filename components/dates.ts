// Dates in words, shared by every page. Formatted on the server in UTC (and said so),
// so a client component shows the same text it was drawn with.

// "22 Nov 2026, 07:58 UTC"
export function formatTime(iso: string): string {
  return `${new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} UTC`;
}

// "22 November 2026 at 07:58 UTC", for dates a customer acts on (a deletion, a link's end).
export function formatMoment(iso: string): string {
  return `${new Date(iso).toLocaleString("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" })} UTC`;
}

// "22 Nov 2026", from an instant or a calendar day ("2026-11-22", read as UTC).
export function formatDay(iso: string): string {
  return new Date(iso).toLocaleDateString("en-GB", { dateStyle: "medium", timeZone: "UTC" });
}
