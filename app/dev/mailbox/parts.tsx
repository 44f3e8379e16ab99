import type { ReactNode } from "react";

export function formatTime(date: Date): string {
  return date.toISOString().replace("T", " ").slice(0, 16);
}

export function DemoBanner() {
  return (
    <p role="note" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
      <strong>Demo tool.</strong> This mailbox exists only in demo mode and shows mail for every shop and customer. It
      is not part of the privacy centre.
    </p>
  );
}

const URL_PATTERN = /https?:\/\/[^\s<>"]+/g;

// Plain text with its http(s) links made clickable; everything else stays text.
export function LinkedText({ text }: { text: string }): ReactNode {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const at = match.index ?? 0;
    if (at > last) parts.push(text.slice(last, at));
    parts.push(
      <a key={at} href={match[0]} className="break-all text-sky-800 underline">
        {match[0]}
      </a>,
    );
    last = at + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}
