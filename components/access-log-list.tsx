"use client";

import { useLayoutEffect, useRef, useState, useTransition } from "react";
import type { AccessLogItem, AccessLogPage } from "./access-log-wording";
import { formatTime } from "./dates";

type Props = {
  initial: AccessLogPage;
  loadOlder: (after: string) => Promise<AccessLogPage>;
  // Said when there is no entry at all.
  emptyText: string;
};

const BADGE: Record<string, { text: string; className: string }> = {
  SIGN_IN: { text: "Sign-in", className: "bg-slate-100 text-slate-800" },
  SIGN_IN_FAILED: { text: "Failed sign-in", className: "bg-amber-100 text-amber-900" },
  PASSWORD_AGAIN: { text: "Password", className: "bg-slate-100 text-slate-800" },
  SUPPORT_SESSION: { text: "Support", className: "bg-blue-100 text-blue-900" },
  REVEAL: { text: "Shown in full", className: "bg-violet-100 text-violet-900" },
  DOWNLOAD: { text: "Download", className: "bg-green-100 text-green-900" },
  PARTNER: { text: "Partner", className: "bg-orange-100 text-orange-900" },
};

function SupportSessionCard({ session }: { session: NonNullable<AccessLogItem["session"]> }) {
  return (
    <div className="mt-2 rounded-md border border-blue-200 bg-blue-50/50 p-3 text-sm">
      <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[8rem_1fr]">
        <dt className="font-medium text-slate-700">Agent</dt>
        <dd>{session.agentName}</dd>
        <dt className="font-medium text-slate-700">Reason</dt>
        <dd className="break-words">{session.reason}</dd>
        <dt className="font-medium text-slate-700">Ticket</dt>
        <dd className="break-words">{session.ticket}</dd>
        <dt className="font-medium text-slate-700">Started</dt>
        <dd>
          <time dateTime={session.startedAt}>{formatTime(session.startedAt)}</time>
        </dd>
        <dt className="font-medium text-slate-700">End</dt>
        <dd>{session.endText}</dd>
      </dl>
      <p className="mt-3 font-medium text-slate-700">What {session.agentName} did</p>
      {session.steps.length ? (
        <ul className="mt-1 space-y-0.5">
          {session.steps.map((step, i) => (
            // Steps are the session's audit rows in order; they never change once written.
            // biome-ignore lint/suspicious/noArrayIndexKey: an append-only list in a fixed order
            <li key={i} className="flex flex-wrap gap-x-2">
              <time dateTime={step.at} className="text-slate-600">
                {formatTime(step.at)}
              </time>
              <span>{step.text}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-1 text-slate-600">Nothing was viewed or changed.</p>
      )}
    </div>
  );
}

// The access log, newest first: sign-ins, support sessions (as cards with every step),
// reveals and downloads. "Show older" adds the next page below and moves the focus to
// its first entry (as the consent history does).
export function AccessLogList({ initial, loadOlder, emptyText }: Props) {
  const [items, setItems] = useState<AccessLogItem[]>(initial.items);
  const [cursor, setCursor] = useState(initial.endCursor);
  const [hasMore, setHasMore] = useState(initial.hasNextPage);
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const list = useRef<HTMLOListElement>(null);
  const [focusFrom, setFocusFrom] = useState<number | null>(null);

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
        {items.map((item) => {
          const badge = BADGE[item.kind] ?? BADGE.SIGN_IN;
          return (
            <li key={item.id} tabIndex={-1} className="px-4 py-3">
              <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
                <span className="font-medium">{item.title}</span>
                <span className={`rounded-full px-2.5 py-0.5 text-sm font-medium ${badge?.className}`}>
                  {badge?.text}
                </span>
              </div>
              <p className="mt-1 text-sm text-slate-700">
                <time dateTime={item.at}>{formatTime(item.at)}</time>
                {item.detail && <> · {item.detail}</>}
              </p>
              {item.session && <SupportSessionCard session={item.session} />}
            </li>
          );
        })}
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
