// Rights requests in words, for the customer's pages. Pure: the API gives enums and
// dates, the UI says what they mean.

export type RequestStatusKey = "AWAITING_VERIFICATION" | "OPEN" | "CLOSED" | "WITHDRAWN";
export type RequestOutcomeKey = "GRANTED" | "PARTLY_GRANTED" | "REFUSED";
export type RequestFilerKey = "CUSTOMER" | "REPRESENTATIVE" | "PARTNER";

export const isOpenStatus = (status: RequestStatusKey) => status === "OPEN" || status === "AWAITING_VERIFICATION";

// "Open", "Granted", "Withdrawn" …: the status as the customer reads it.
export function requestStatusText(status: RequestStatusKey, outcome: RequestOutcomeKey | null | undefined): string {
  switch (status) {
    case "OPEN":
      return "Open";
    case "AWAITING_VERIFICATION":
      return "Waiting for our check of the representative";
    case "WITHDRAWN":
      return "Withdrawn";
    case "CLOSED":
      if (outcome === "GRANTED") return "Granted";
      if (outcome === "PARTLY_GRANTED") return "Partly granted";
      if (outcome === "REFUSED") return "Refused";
      return "Closed";
  }
}

// A badge's colours: open in blue, granted in green, refused in amber, the rest grey.
export function requestStatusTone(status: RequestStatusKey, outcome: RequestOutcomeKey | null | undefined): string {
  if (isOpenStatus(status)) return "border-sky-700 bg-sky-50 text-sky-900";
  if (status === "CLOSED" && (outcome === "GRANTED" || outcome === "PARTLY_GRANTED")) {
    return "border-emerald-700 bg-emerald-50 text-emerald-900";
  }
  if (status === "CLOSED" && outcome === "REFUSED") return "border-amber-700 bg-amber-50 text-amber-900";
  return "border-slate-400 bg-slate-100 text-slate-800";
}

// Who filed it, when it was not the customer: "Filed for you by Ana Pop".
export function filedByText(filedBy: RequestFilerKey, representativeName: string | null | undefined): string | null {
  if (filedBy === "REPRESENTATIVE") {
    return `Filed for you by ${representativeName ?? "a representative"}, your authorised representative`;
  }
  if (filedBy === "PARTNER") {
    return representativeName ? `Filed for you by ${representativeName}` : "Filed for you through one of our partners";
  }
  return null;
}

// "Objection to: A; B" and the like, or null when the request names nothing.
export const listText = (choices: readonly { label: string }[]) =>
  choices.length ? choices.map((c) => c.label).join("; ") : null;

// "1 request", "3 requests".
export const requestsCount = (n: number) => `${n} ${n === 1 ? "request" : "requests"}`;
