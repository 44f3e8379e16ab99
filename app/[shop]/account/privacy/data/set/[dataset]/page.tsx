import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DataRecords } from "@/components/data-records";
import { execute } from "@/graphql/execute";
import { graphql } from "@/graphql/generated/client";
import { revealAction } from "../../actions";

export const metadata: Metadata = { title: "My data" };

const PAGE = 50;

const DatasetQuery = graphql(`
  query DatasetPage($id: ID!, $first: Int!, $after: String) {
    viewer {
      shop { handle }
      customer {
        dataset(id: $id) {
          label
          count
          isCountExact
          fields { key label source isSensitive }
          records(first: $first, after: $after) {
            pageInfo { hasNextPage endCursor }
            edges { node { id keptUntil values { field value isMasked } } }
          }
        }
      }
    }
  }
`);

type Props = {
  params: Promise<{ shop: string; dataset: string }>;
  searchParams: Promise<{ after?: string | string[] }>;
};

// Every record of one data set, a page at a time.
export default async function DatasetPage({ params, searchParams }: Props) {
  const { dataset: rawId } = await params;
  const id = decodeURIComponent(rawId);
  const { after } = await searchParams;
  const cursor = typeof after === "string" && /^[A-Za-z0-9_-]{1,100}$/.test(after) ? after : null;
  const { viewer } = await execute(DatasetQuery, { id, first: PAGE, after: cursor });
  const dataset = viewer.customer?.dataset;
  if (!dataset || !viewer.shop) notFound();
  const base = `/${viewer.shop.handle}/account/privacy/data`;
  const { pageInfo, edges } = dataset.records;
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href={base} className="underline">
          My data
        </Link>{" "}
        → {dataset.label}
      </p>
      <h1 className="text-3xl font-bold">
        {dataset.label}{" "}
        <span className="text-lg font-normal text-slate-500">
          ({dataset.count}
          {dataset.isCountExact ? "" : "+"})
        </span>
      </h1>
      <DataRecords
        reveal={revealAction}
        caption={dataset.label}
        fields={dataset.fields}
        records={edges.map((e) => e.node)}
      />
      <nav aria-label="Pages" className="flex gap-4 text-sm">
        {cursor && (
          <Link href={`${base}/set/${encodeURIComponent(id)}`} className="underline">
            First page
          </Link>
        )}
        {pageInfo.hasNextPage && pageInfo.endCursor && (
          <Link href={`${base}/set/${encodeURIComponent(id)}?after=${pageInfo.endCursor}`} className="underline">
            Next {PAGE}
          </Link>
        )}
      </nav>
    </div>
  );
}
