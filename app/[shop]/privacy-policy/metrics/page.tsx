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

export const metadata: Metadata = { title: "Privacy request figures" };

const PublicMetricsContextQuery = graphql(`
  query PublicRequestMetricsContext($handle: String!) {
    shop(handle: $handle) {
      name
      policy { requests { publishesMetrics responseDeadline { text } dueDatesIfAskedNow { receivedOn } } }
    }
  }
`);

const PublicMetricsQuery = graphql(`
  query PublicRequestMetrics($handle: String!, $year: Int!) {
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

// The figures a shop publishes about the privacy requests it received, readable without
// signing in. A shop that does not publish them has no such page.
export default async function PublicRequestMetricsPage({ params, searchParams }: Props) {
  const { shop: handle } = await params;
  const query = await searchParams;
  const { shop } = await execute(PublicMetricsContextQuery, { handle });
  // A privacy officer signed in would get the figures of a shop that keeps them private:
  // the public page follows the policy, not the viewer.
  if (!shop?.policy.requests.publishesMetrics) notFound();
  const currentYear = Number(shop.policy.requests.dueDatesIfAskedNow.receivedOn.slice(0, 4));
  const year = chosenYear(query.year, currentYear);
  const metrics = (await execute(PublicMetricsQuery, { handle, year })).shop?.requestMetrics;
  if (!metrics) notFound();
  return (
    <main id="main" className="mx-auto max-w-6xl px-6 py-10">
      <p className="text-sm">
        <Link href={`/${handle}/privacy-policy`} className="underline">
          ← {shop.name} privacy policy
        </Link>
      </p>
      <h1 className="mt-4 text-3xl font-bold">Privacy requests in {metrics.year}</h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        How many requests about personal data {shop.name} received in {metrics.year}, and how it answered them. The law
        gives us {shop.policy.requests.responseDeadline.text} to answer a request.
      </p>
      <div className="mt-6">
        <MetricsYearForm action={`/${handle}/privacy-policy/metrics`} year={metrics.year} currentYear={currentYear} />
      </div>
      <div className="mt-6">
        <RequestMetricsTable year={metrics.year} rows={metrics.rows} total={metrics.total} />
      </div>
      <section aria-labelledby="counted-title" className="mt-6">
        <h2 id="counted-title" className="text-lg font-semibold">
          How they are counted
        </h2>
        <div className="mt-2">
          <RequestMetricsNotes />
        </div>
      </section>
    </main>
  );
}
