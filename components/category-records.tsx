"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { DataRecords } from "./data-records";
import type { RevealAction } from "./reveal-value";

type Dataset = { id: string; label: string; count: number; isCountExact: boolean };

export type LoadedDataset = Dataset & {
  fields: { key: string; label: string; source: string; isSensitive: boolean }[];
  records: {
    id: string;
    keptUntil?: string | null;
    values: { field: string; value?: string | null; isMasked: boolean }[];
  }[];
};

export type LoadRecordsAction = (ids: string[]) => Promise<LoadedDataset[]>;

const countText = (d: { count: number; isCountExact: boolean }) => `${d.count}${d.isCountExact ? "" : "+"}`;

// A category's stored values, loaded when the person opens it: the page itself shows
// every category at once and stays light whatever the account's size.
export function CategoryRecords(props: {
  category: string;
  datasets: Dataset[];
  preview: number;
  // The data set page; the data set's id is appended (a function cannot cross from the
  // server page to this client component).
  allHref: string;
  load: LoadRecordsAction;
  reveal: RevealAction;
}) {
  const [loaded, setLoaded] = useState<LoadedDataset[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const shown = props.datasets.filter((d) => d.count > 0);
  if (shown.length === 0)
    return <p className="mt-4 text-sm text-slate-500">Nothing of this kind is stored about you.</p>;
  const total = shown.reduce((sum, d) => sum + d.count, 0);
  const isExact = shown.every((d) => d.isCountExact);

  function open() {
    if (loaded || isPending) return;
    startTransition(async () => {
      try {
        setLoaded(await props.load(shown.map((d) => d.id)));
      } catch {
        setError("The data could not be loaded. Try again.");
      }
    });
  }

  return (
    <details className="mt-4" onToggle={(event) => event.currentTarget.open && open()}>
      <summary className="cursor-pointer rounded-md border border-slate-300 px-3 py-2 text-sm font-medium">
        Show what is stored: {shown.map((d) => `${d.label.toLowerCase()} (${countText(d)})`).join(", ")}
        <span className="sr-only">
          {" "}
          in {props.category}, {total}
          {isExact ? "" : "+"} records
        </span>
      </summary>
      {isPending && (
        <p role="status" className="mt-3 text-sm text-slate-600">
          Loading…
        </p>
      )}
      {error && (
        <p role="alert" className="mt-3 text-sm text-red-700">
          {error}
        </p>
      )}
      {loaded?.map((dataset) => (
        <div key={dataset.id} className="mt-5">
          <h3 className="mb-2 font-medium">
            {dataset.label} <span className="text-sm font-normal text-slate-500">({countText(dataset)})</span>
          </h3>
          <DataRecords
            reveal={props.reveal}
            caption={`${dataset.label} in ${props.category}`}
            fields={dataset.fields}
            records={dataset.records}
          />
          {(dataset.count > props.preview || !dataset.isCountExact) && (
            <Link
              href={`${props.allHref}${encodeURIComponent(dataset.id)}`}
              className="mt-2 inline-block text-sm underline"
            >
              See all {countText(dataset)} {dataset.label.toLowerCase()}
            </Link>
          )}
        </div>
      ))}
    </details>
  );
}
