import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import {
  chosenYear,
  MetricsYearForm,
  RequestMetricsNotes,
  RequestMetricsTable,
} from "@/components/request-metrics-table";
import { execute } from "@/graphql/execute";
import { graphql } from "@/graphql/generated/client";

export const metadata: Metadata = { title: "Request figures · Support console" };

const RequestStaffMetricsContextQuery = graphql(`
  query RequestStaffMetricsContext($handle: String!) {
    viewer { agent { role } }
    shop(handle: $handle) { policy { requests { publishesMetrics dueDatesIfAskedNow { receivedOn } } } }
  }
`);

const RequestStaffMetricsQuery = graphql(`
  query RequestStaffMetrics($handle: String!, $year: Int!) {
    shop(handle: $handle) {
      requestMetrics(year: $year) {
        year
        rows { type label received granted partlyGranted refused withdrawn pending medianDaysToRespond meanDaysToRespond late }
        total { type label received granted partlyGranted refused withdrawn pending medianDaysToRespond meanDaysToRespond late }
      }
    }
  }
`);

type Props = {
  params: Promise<{ shop: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// A year's request figures per type, for the shop's privacy officers (where the shop
// publishes them, the same table is public at /<shop>/privacy-policy/metrics).
export default async function RequestMetricsPage({ params, searchParams }: Props) {
  const { shop } = await params;
  const query = await searchParams;
  const context = await execute(RequestStaffMetricsContextQuery, { handle: shop });
  if (!context.shop) notFound();
  if (context.viewer.agent?.role !== "PRIVACY_OFFICER") {
    return (
      <div>
        <h1 className="text-2xl font-bold">Request figures</h1>
        <p className="mt-2 text-slate-600">The request figures are for the shop&apos;s privacy officers.</p>
      </div>
    );
  }
  const currentYear = Number(context.shop.policy.requests.dueDatesIfAskedNow.receivedOn.slice(0, 4));
  const year = chosenYear(query.year, currentYear);
  const { shop: data } = await execute(RequestStaffMetricsQuery, { handle: shop, year });
  const metrics = data?.requestMetrics;
  const isPublished = context.shop.policy.requests.publishesMetrics;
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href={`/${shop}/support/requests`} className="underline">
          ← Requests
        </Link>
      </p>
      <div className="space-y-2">
        <h1 className="text-2xl font-bold">Request figures for {year}</h1>
        <p className="max-w-3xl text-sm text-slate-600">
          How many requests the shop received in the year and how it answered them, by type.{" "}
          {isPublished ? (
            <>
              The shop publishes these figures:{" "}
              <Link href={`/${shop}/privacy-policy/metrics?year=${year}`} className="underline">
                the public page
              </Link>
              .
            </>
          ) : (
            "The shop does not publish them: only its privacy officers see them."
          )}
        </p>
      </div>
      <MetricsYearForm action={`/${shop}/support/requests/metrics`} year={year} currentYear={currentYear} />
      {metrics ? (
        <>
          <RequestMetricsTable year={metrics.year} rows={metrics.rows} total={metrics.total} />
          <RequestMetricsNotes />
        </>
      ) : (
        <p className="text-slate-600">No figures can be shown.</p>
      )}
    </div>
  );
}
