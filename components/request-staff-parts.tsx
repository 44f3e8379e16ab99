import { DUE_BADGE_CLASS, dueBadge } from "./request-staff-wording";

// The due date's standing as a badge: red when overdue, amber within a week.
export function DueBadge({
  request,
  today,
}: {
  request: { status: string; dueOn: string; isOverdue: boolean };
  today: string;
}) {
  const badge = dueBadge(request, today);
  if (!badge) return null;
  return (
    <span
      className={`inline-block whitespace-nowrap rounded-full border px-2 py-0.5 text-xs font-semibold ${DUE_BADGE_CLASS[badge.tone]}`}
    >
      {badge.text}
    </span>
  );
}

// Who filed it when it was not the customer themselves.
export function FilerMarker({ filedBy, representativeName }: { filedBy: string; representativeName?: string | null }) {
  if (filedBy === "CUSTOMER") return null;
  const text =
    filedBy === "REPRESENTATIVE"
      ? `Filed by a representative${representativeName ? `: ${representativeName}` : ""}`
      : "Filed by a partner";
  return (
    <span className="inline-block rounded border border-indigo-700 bg-indigo-50 px-1.5 py-0.5 text-xs font-medium text-indigo-900 wrap-anywhere">
      {text}
    </span>
  );
}
