import type { Metadata } from "next";
import Link from "next/link";
import { formatDay } from "@/components/dates";
import { execute } from "@/graphql/execute";
import { graphql } from "@/graphql/generated/client";

export const metadata: Metadata = { title: "Invoices and warranty certificates" };

const PAGE = 25;

const DocumentsQuery = graphql(`
  query DocumentsPage($first: Int!, $invoicesAfter: String, $warrantiesAfter: String) {
    viewer {
      shop { handle name }
      customer {
        invoices(first: $first, after: $invoicesAfter) {
          totalCount
          pageInfo { hasNextPage endCursor }
          edges { node { id number issuedAt orderNumber total { formatted } downloadUrl } }
        }
        warrantyCertificates(first: $first, after: $warrantiesAfter) {
          totalCount
          pageInfo { hasNextPage endCursor }
          edges { node { id number productName issuedAt validUntil downloadUrl } }
        }
      }
    }
  }
`);

type Props = { searchParams: Promise<{ invoices?: string; warranties?: string }> };

const cursorOf = (value: unknown) => (typeof value === "string" && /^[A-Za-z0-9_-]{1,100}$/.test(value) ? value : null);

export default async function DocumentsPage({ searchParams }: Props) {
  const query = await searchParams;
  const invoicesAfter = cursorOf(query.invoices);
  const warrantiesAfter = cursorOf(query.warranties);
  const { viewer } = await execute(DocumentsQuery, { first: PAGE, invoicesAfter, warrantiesAfter });
  if (!viewer.customer || !viewer.shop) return null;
  const { invoices, warrantyCertificates } = viewer.customer;
  const base = `/${viewer.shop.handle}/account/privacy/data`;
  return (
    <div className="space-y-8">
      <p className="text-sm">
        <Link href={base} className="underline">
          My data
        </Link>{" "}
        → Invoices and warranty certificates
      </p>
      <h1 className="text-3xl font-bold">Invoices and warranty certificates</h1>
      <section aria-labelledby="invoices">
        <h2 id="invoices" className="text-xl font-semibold">
          Invoices <span className="text-base font-normal text-slate-500">({invoices.totalCount})</span>
        </h2>
        <ul className="mt-3 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {invoices.edges.map(({ node }) => (
            <li key={node.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm">
              <span>
                <strong>{node.number}</strong> · {formatDay(node.issuedAt)}
                {node.orderNumber ? ` · order ${node.orderNumber}` : ""} · {node.total.formatted}
              </span>
              <a
                href={node.downloadUrl}
                className="rounded-md border border-slate-300 px-3 py-1.5 font-medium no-underline"
              >
                Download PDF<span className="sr-only"> of invoice {node.number}</span>
              </a>
            </li>
          ))}
        </ul>
        {invoices.pageInfo.hasNextPage && (
          <Link
            href={`${base}/documents?invoices=${invoices.pageInfo.endCursor}`}
            className="mt-2 inline-block text-sm underline"
          >
            More invoices
          </Link>
        )}
      </section>
      <section aria-labelledby="warranties">
        <h2 id="warranties" className="text-xl font-semibold">
          Warranty certificates{" "}
          <span className="text-base font-normal text-slate-500">({warrantyCertificates.totalCount})</span>
        </h2>
        <ul className="mt-3 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {warrantyCertificates.edges.map(({ node }) => (
            <li key={node.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm">
              <span>
                <strong>{node.number}</strong> · {node.productName} · valid until {formatDay(node.validUntil)}
              </span>
              <a
                href={node.downloadUrl}
                className="rounded-md border border-slate-300 px-3 py-1.5 font-medium no-underline"
              >
                Download PDF<span className="sr-only"> of certificate {node.number}</span>
              </a>
            </li>
          ))}
        </ul>
        {warrantyCertificates.pageInfo.hasNextPage && (
          <Link
            href={`${base}/documents?warranties=${warrantyCertificates.pageInfo.endCursor}`}
            className="mt-2 inline-block text-sm underline"
          >
            More certificates
          </Link>
        )}
      </section>
    </div>
  );
}
