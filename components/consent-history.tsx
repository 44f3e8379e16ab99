"use client";

import { useLayoutEffect, useRef, useState, useTransition } from "react";
import type { ConsentHistoryItem, ConsentHistoryPage } from "./consent-options";
import { formatTime } from "./dates";
import { consentOptInText, consentSourceText, consentStateText } from "./policy-wording";

type Props = {
  initial: ConsentHistoryPage;
  loadOlder: (after: string) => Promise<ConsentHistoryPage>;
  // Said when there is no record at all.
  emptyText: string;
};

const BADGE: Record<string, string> = {
  GRANTED: "bg-green-100 text-green-900",
  WITHDRAWN: "bg-slate-200 text-slate-800",
  PENDING: "bg-amber-100 text-amber-900",
};

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

// The consent ledger, newest first: every choice with its state, where it was made,
// how it was given, the policy version in force and the time. "Show older" adds the
// next page below and moves the focus to its first entry.
export function ConsentHistory({ initial, loadOlder, emptyText }: Props) {
  const [items, setItems] = useState<ConsentHistoryItem[]>(initial.items);
  const [cursor, setCursor] = useState(initial.endCursor);
  const [hasMore, setHasMore] = useState(initial.hasNextPage);
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const list = useRef<HTMLOListElement>(null);
  // The index of the first entry of the page just loaded, focused once it is in the DOM.
  const [focusFrom, setFocusFrom] = useState<number | null>(null);

  // A layout effect runs in the same task as the commit that adds the entries, so the
  // focus is never left on the button (disabled, or gone at the oldest page) meanwhile.
  useLayoutEffect(() => {
    if (focusFrom === null) return;
    (list.current?.children[focusFrom] as HTMLElement | undefined)?.focus();
    setFocusFrom(null);
  }, [focusFrom]);

  const showOlder = () => {
    if (!cursor) return;
    setError(null);
    startTransition(async () => {
      try {
        const page = await loadOlder(cursor);
        const firstNew = items.length;
        setItems((current) => [...current, ...page.items]);
        setCursor(page.endCursor);
        setHasMore(page.hasNextPage);
        if (page.items.length > 0) setFocusFrom(firstNew);
      } catch {
        setError("The older entries could not be loaded. Try again.");
      }
    });
  };

  if (items.length === 0 && !hasMore) return <p className="mt-2 text-sm text-slate-600">{emptyText}</p>;
  return (
    <div className="mt-3">
      <ol ref={list} className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
        {items.map((item) => (
          <li key={item.id} tabIndex={-1} className="px-4 py-3">
            <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
              <span className="font-medium">{item.label ?? `${item.purposeKey} (no longer offered)`}</span>
              <span
                className={`rounded-full px-2.5 py-0.5 text-sm font-medium ${BADGE[item.state] ?? BADGE.WITHDRAWN}`}
              >
                {consentStateText(item.state)}
              </span>
            </div>
            <p className="mt-1 text-sm text-slate-700">
              {capitalise(consentSourceText(item.source))},{" "}
              <time dateTime={item.createdAt}>{formatTime(item.createdAt)}</time>
            </p>
            <p className="mt-0.5 text-sm text-slate-600">
              Opt-in: {consentOptInText(item.optInLevel)} · privacy policy version {item.policyVersion}
            </p>
          </li>
        ))}
      </ol>
      {error && (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {error}
        </p>
      )}
      <p aria-live="polite" className="sr-only">
        {isPending ? "Loading older entries…" : `${items.length} entries shown.`}
      </p>
      {hasMore && (
        <button
          type="button"
          onClick={showOlder}
          disabled={isPending}
          className="mt-3 rounded-md border border-slate-400 bg-white px-4 py-2 text-sm font-medium text-slate-900 hover:bg-slate-100 disabled:opacity-60"
        >
          {isPending ? "Loading…" : "Show older"}
        </button>
      )}
    </div>
  );
}
