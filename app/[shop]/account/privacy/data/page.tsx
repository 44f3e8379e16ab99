import type { Metadata } from "next";
import Link from "next/link";
import { CategoryRecords } from "@/components/category-records";
import { legalBasisText, sourceText } from "@/components/policy-wording";
import { execute } from "@/graphql/execute";
import { graphql } from "@/graphql/generated/client";
import { loadRecordsAction, revealAction } from "./actions";

export const metadata: Metadata = { title: "My data" };

const PREVIEW = 5;

// Light on purpose (bench/my-data.ts measures this query): the policy's purposes and
// recipients once, categories refer to them by key, and records load per category
// when opened (components/category-records.tsx).
const MyDataQuery = graphql(`
  query MyDataPage {
    viewer {
      shop {
        handle
        name
        policy {
          purposes { key label legalBasis legalBasisDetail }
          recipients { key name location isOutsideEEA }
        }
      }
      customer {
        dataCategories {
          key
          label
          description
          isDeclared
          sources
          purposes { key }
          recipients { key }
          retention { keptUntil explanation rule { key label keepOnErasure } }
          datasets { id label count isCountExact }
        }
      }
    }
  }
`);

export default async function MyDataPage() {
  const { viewer } = await execute(MyDataQuery, {});
  if (!viewer.customer || !viewer.shop) return null;
  const purposes = new Map(viewer.shop.policy.purposes.map((p) => [p.key, p]));
  const recipients = new Map(viewer.shop.policy.recipients.map((r) => [r.key, r]));
  const base = `/${viewer.shop.handle}/account/privacy/data`;
  const categories = viewer.customer.dataCategories;
  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-3xl font-bold">My data</h1>
        <p className="mt-2 text-slate-600">
          Everything {viewer.shop.name} holds about you, live from its systems: why it is used, on what legal basis,
          where it came from, who receives it and how long it is kept. Sensitive values are hidden until you reveal
          them.
        </p>
        <nav aria-label="Jump to a category" className="mt-4 flex flex-wrap gap-2 text-sm">
          {categories.map((c) => (
            <a
              key={c.key}
              href={`#${c.key}`}
              className="rounded-full border border-slate-300 bg-white px-3 py-1 no-underline"
            >
              {c.label}
            </a>
          ))}
          <Link href={`${base}/orders`} className="rounded-full bg-brand px-3 py-1 text-white no-underline">
            Orders in detail
          </Link>
          <Link href={`${base}/documents`} className="rounded-full bg-brand px-3 py-1 text-white no-underline">
            Invoices and certificates
          </Link>
          <Link href={`${base}/profile`} className="rounded-full bg-brand px-3 py-1 text-white no-underline">
            Correct my details
          </Link>
          <Link href={`${base}/addresses`} className="rounded-full bg-brand px-3 py-1 text-white no-underline">
            Correct addresses
          </Link>
          <Link
            href={`/${viewer.shop.handle}/account/privacy/export`}
            className="rounded-full bg-brand px-3 py-1 text-white no-underline"
          >
            Download a copy
          </Link>
        </nav>
      </header>

      {categories.map((category) => (
        <section
          key={category.key}
          id={category.key}
          aria-labelledby={`${category.key}-title`}
          className="rounded-lg border border-slate-200 bg-white p-5"
        >
          <h2 id={`${category.key}-title`} className="text-xl font-semibold">
            {category.label}
          </h2>
          {category.description && <p className="mt-1 text-sm text-slate-600">{category.description}</p>}
          {!category.isDeclared && (
            <p className="mt-2 rounded bg-amber-50 px-3 py-2 text-sm text-amber-900">
              This data is held although the privacy policy does not list this category.
            </p>
          )}
          <details className="mt-4 rounded-md bg-slate-50 px-4 py-3">
            <summary className="cursor-pointer text-sm font-medium">
              Why we hold it, where it came from, who receives it, how long it is kept
              <span className="block font-normal text-slate-600">
                {category.purposes.length} purpose{category.purposes.length === 1 ? "" : "s"} ·{" "}
                {category.recipients.length} recipient{category.recipients.length === 1 ? "" : "s"} ·{" "}
                {category.retention[0]?.rule.label ?? "no retention rule stated"}
              </span>
            </summary>
            <dl className="mt-3 grid gap-3 text-sm md:grid-cols-2">
              <div>
                <dt className="font-medium">Why we use it</dt>
                <dd>
                  {category.purposes.length ? (
                    <ul className="list-disc pl-5">
                      {category.purposes
                        .flatMap(({ key }) => purposes.get(key) ?? [])
                        .map((p) => (
                          <li key={p.key}>
                            {p.label}: on the basis of {legalBasisText(p.legalBasis)}
                            {p.legalBasisDetail ? ` (${p.legalBasisDetail})` : ""}
                          </li>
                        ))}
                    </ul>
                  ) : (
                    "No purpose is stated in the policy."
                  )}
                </dd>
              </div>
              <div>
                <dt className="font-medium">Where it came from</dt>
                <dd>{category.sources.map(sourceText).join(", ")}</dd>
                <dt className="mt-3 font-medium">Who receives it</dt>
                <dd>
                  {category.recipients.length ? (
                    <ul className="list-disc pl-5">
                      {category.recipients
                        .flatMap(({ key }) => recipients.get(key) ?? [])
                        .map((r) => (
                          <li key={r.key}>
                            {r.name}, {r.location}
                            {r.isOutsideEEA ? " (outside the EEA)" : ""}
                          </li>
                        ))}
                    </ul>
                  ) : (
                    "Nobody outside the shop."
                  )}
                </dd>
              </div>
              <div className="md:col-span-2">
                <dt className="font-medium">How long it is kept</dt>
                <dd>
                  <ul className="list-disc pl-5">
                    {category.retention.map((r) => (
                      <li key={r.rule.key}>
                        {r.explanation}
                        {r.rule.keepOnErasure
                          ? " Kept even if you delete your account, because the law requires it."
                          : ""}
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
            </dl>
          </details>
          <CategoryRecords
            category={category.label}
            datasets={category.datasets.map((d) => ({ ...d }))}
            preview={PREVIEW}
            allHref={`${base}/set/`}
            load={loadRecordsAction}
            reveal={revealAction}
          />
        </section>
      ))}
    </div>
  );
}
