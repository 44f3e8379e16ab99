import type { Metadata } from "next";
import Link from "next/link";
import { ExportForm } from "@/components/export-form";
import { ExportHistory, type ExportItem, isExportActive } from "@/components/export-history";
import { ExportLiveRefresh } from "@/components/export-live-refresh";
import { DEFAULT_EXPORT_VALUES, formatLabel } from "@/components/export-options";
import { execute } from "@/graphql/execute";
import { graphql } from "@/graphql/generated/client";
import { requestExportAction } from "./actions";

export const metadata: Metadata = { title: "Download my data" };

const HISTORY = 20;

const ExportPageQuery = graphql(`
  query ExportPage($first: Int!) {
    viewer {
      shop { handle name }
      customer {
        dataCategories { key label datasets { id } }
        exports(first: $first) {
          totalCount
          edges {
            node {
              id
              format
              status
              progress
              categories
              from
              to
              createdAt
              readyAt
              expiresAt
              byteSize
              sha256
              recordsDone
              recordsTotal
              downloadUrl
              failureCode
              downloads { at userAgent }
            }
          }
        }
      }
    }
  }
`);

// Where the newest export stands, for the polite live region.
function newestStatus(e: ExportItem | undefined): string {
  if (!e) return "";
  const what = `Your ${formatLabel(e.format)} export`;
  switch (e.status) {
    case "QUEUED":
      return `${what} is waiting to start.`;
    case "RUNNING":
      return `${what} is being prepared.`;
    case "READY":
      return e.downloadUrl ? `${what} is ready to download.` : `${what} has expired.`;
    case "FAILED":
      return `${what} could not be prepared.`;
    default:
      return `${what} has expired.`;
  }
}

export default async function ExportPage() {
  const { viewer } = await execute(ExportPageQuery, { first: HISTORY });
  if (!viewer.customer || !viewer.shop) return null;
  const { shop, customer } = viewer;
  const base = `/${shop.handle}/account/privacy`;
  // GraphQL results are null-prototype objects, which cannot cross to the browser as is.
  // Categories the policy names but no stored record belongs to (e.g. cookie choices
  // are kept with the other consents) would export nothing: they are not offered.
  const categories = customer.dataCategories
    .filter((c) => c.datasets.length > 0)
    .map((c) => ({ key: c.key, label: c.label }));
  const exports: ExportItem[] = JSON.parse(JSON.stringify(customer.exports.edges.map((edge) => edge.node)));
  const isActive = exports.some(isExportActive);
  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-3xl font-bold">Download my data</h1>
        <p className="mt-2 text-slate-600">
          A copy of everything {shop.name} holds about you, the same as on{" "}
          <Link href={`${base}/data`} className="underline">
            My data
          </Link>
          , in a file you can keep or give to another service. We prepare it in the background and email you when it is
          ready. The link works for 7 days; for your security we ask for your password again if you have not entered it
          in the last 10 minutes.
        </p>
        <ul className="mt-3 list-disc space-y-1 pl-5 text-sm text-slate-700">
          <li>
            <strong>JSON</strong>: one file. Its structure is described by a published{" "}
            <a href="/schemas/export-v1.json" className="underline">
              JSON Schema
            </a>
            , so a program can read it reliably.
          </li>
          <li>
            <strong>CSV</strong>: a ZIP archive with one CSV file per kind of data (UTF-8, dates in ISO 8601), a README
            that explains every file and column, and your invoices and warranty certificates as PDF files.
          </li>
        </ul>
      </header>

      <section aria-labelledby="request" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm sm:p-6">
        <h2 id="request" className="sr-only">
          Ask for a download
        </h2>
        <ExportForm
          action={requestExportAction.bind(null, shop.handle)}
          initial={{
            submission: 0,
            outcome: null,
            export: null,
            fieldErrors: {},
            formError: null,
            values: DEFAULT_EXPORT_VALUES,
          }}
          categories={categories}
          today={new Date().toISOString().slice(0, 10)}
        />
      </section>

      <section aria-labelledby="history">
        <h2 id="history" className="text-xl font-semibold">
          Your downloads
        </h2>
        <ExportLiveRefresh isActive={isActive} message={newestStatus(exports[0])} />
        {exports.length ? (
          <>
            <p className="mt-1 text-sm text-slate-600">
              Newest first
              {customer.exports.totalCount > exports.length
                ? `; the ${exports.length} most recent of ${customer.exports.totalCount}`
                : ""}
              . Every download is listed under its export.
            </p>
            <div className="mt-4">
              <ExportHistory
                exports={exports}
                categoryLabels={Object.fromEntries(categories.map((c) => [c.key, c.label]))}
              />
            </div>
          </>
        ) : (
          <p className="mt-2 text-sm text-slate-600">You have not asked for a download yet.</p>
        )}
      </section>
    </div>
  );
}
