"use client";

import Link from "next/link";
import { useActionState, useLayoutEffect, useRef } from "react";
import type { SupportSearchState } from "@/app/[shop]/support/actions";
import { formatTime } from "./dates";
import { SEARCH_KIND_WORDS, STATUS_WORDS } from "./support-wording";

type Props = {
  shop: string;
  action: (state: SupportSearchState, form: FormData) => Promise<SupportSearchState>;
};

const initial: SupportSearchState = {
  submission: 0,
  query: "",
  error: null,
  searchKind: null,
  totalCount: 0,
  results: [],
  trail: [null],
  endCursor: null,
  hasNextPage: false,
};

// Find a customer of the agent's shop: exact email, exact order number, or the start of
// a name. The answer (or the refusal) takes the focus, so it is read out.
export function SupportCustomerSearch({ shop, action }: Props) {
  const [state, formAction, isPending] = useActionState(action, initial);
  const outcome = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    if (state.submission > 0) outcome.current?.focus();
  }, [state.submission]);

  const pageNumber = state.trail.length;
  return (
    <div className="space-y-6">
      <form action={formAction} className="flex flex-wrap items-end gap-3" aria-describedby="search-hint">
        <div className="min-w-0 flex-1">
          <label htmlFor="query" className="block text-sm font-medium text-slate-800">
            Email, name or order number
          </label>
          <input
            id="query"
            name="query"
            type="search"
            required
            minLength={2}
            maxLength={254}
            defaultValue={state.query}
            autoComplete="off"
            aria-invalid={state.error ? true : undefined}
            aria-describedby={state.error ? "query-error search-hint" : "search-hint"}
            className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-slate-900 shadow-sm aria-invalid:border-red-600"
          />
        </div>
        <button
          type="submit"
          disabled={isPending}
          className="rounded-md bg-slate-900 px-4 py-2.5 font-semibold text-white disabled:opacity-60"
        >
          {isPending ? "Searching…" : "Search"}
        </button>
        <p id="search-hint" className="w-full text-sm text-slate-500">
          An email finds by the exact address, an order number by the exact number, anything else by the start of a
          first name, last name or nickname.
        </p>
      </form>

      {state.submission > 0 && (
        <div ref={outcome} tabIndex={-1} className="space-y-3 outline-none" aria-live="polite">
          {state.error ? (
            <p
              id="query-error"
              role="alert"
              className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-800"
            >
              {state.error}
            </p>
          ) : (
            <>
              <h2 className="text-lg font-semibold">
                {state.totalCount === 0
                  ? "No customers found"
                  : `${state.totalCount} customer${state.totalCount === 1 ? "" : "s"} found`}
              </h2>
              <p className="text-sm text-slate-600">
                Searched {SEARCH_KIND_WORDS[state.searchKind ?? ""] ?? ""}.
                {state.totalCount > state.results.length ? ` Page ${pageNumber}.` : ""}
              </p>
              {state.results.length > 0 && (
                <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
                  <table className="min-w-full text-left text-sm">
                    <caption className="sr-only">Customers found</caption>
                    <thead className="bg-slate-50 text-slate-700">
                      <tr>
                        <th scope="col" className="px-3 py-2 font-semibold">
                          Name
                        </th>
                        <th scope="col" className="px-3 py-2 font-semibold">
                          Email
                        </th>
                        <th scope="col" className="px-3 py-2 font-semibold">
                          Status
                        </th>
                        <th scope="col" className="px-3 py-2 font-semibold">
                          Last sign-in
                        </th>
                        <th scope="col" className="px-3 py-2 font-semibold">
                          Open deletion requests
                        </th>
                        <th scope="col" className="px-3 py-2 font-semibold">
                          Support access
                        </th>
                      </tr>
                    </thead>
                    <tbody className="divide-y divide-slate-200">
                      {state.results.map((c) => (
                        <tr key={c.id}>
                          <th scope="row" className="px-3 py-2 font-medium">
                            <Link href={`/${shop}/support/customers/${c.id}`} className="underline">
                              {c.displayName}
                            </Link>
                          </th>
                          <td className="whitespace-nowrap px-3 py-2">{c.email}</td>
                          <td className="px-3 py-2">{STATUS_WORDS[c.status] ?? c.status}</td>
                          <td className="px-3 py-2">{c.lastSignInAt ? formatTime(c.lastSignInAt) : "Never"}</td>
                          <td className="px-3 py-2">{c.openDeletionRequests}</td>
                          <td className="px-3 py-2">
                            {c.isAccessAllowed
                              ? c.isPermissionRequired
                                ? "Allowed by the customer"
                                : "Allowed (no permission needed)"
                              : "Not allowed"}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
              {(pageNumber > 1 || state.hasNextPage) && (
                <form action={formAction} className="flex gap-3">
                  <input type="hidden" name="query" value={state.query} />
                  {pageNumber > 1 && (
                    <button
                      type="submit"
                      name="move"
                      value="previous"
                      disabled={isPending}
                      className="rounded-md border border-slate-400 px-3 py-1.5 text-sm font-medium"
                    >
                      Previous page
                    </button>
                  )}
                  {state.hasNextPage && (
                    <button
                      type="submit"
                      name="move"
                      value="next"
                      disabled={isPending}
                      className="rounded-md border border-slate-400 px-3 py-1.5 text-sm font-medium"
                    >
                      Next page
                    </button>
                  )}
                </form>
              )}
            </>
          )}
        </div>
      )}
    </div>
  );
}
