import type { Metadata } from "next";
import Link from "next/link";
import { ContactCard } from "@/components/contact-card";
import { formatDay } from "@/components/dates";
import { sourceText } from "@/components/policy-wording";
import { PRIVACY_SECTIONS } from "@/components/privacy-sections";
import { RestrictionBanner } from "@/components/request-restriction-banner";
import { requestStatusText } from "@/components/request-wording";
import { execute } from "@/graphql/execute";
import { graphql } from "@/graphql/generated/client";

export const metadata: Metadata = { title: "Privacy overview" };

const OverviewQuery = graphql(`
  query PrivacyOverview {
    viewer {
      customer {
        displayName
        email
        createdAt
        status
        restrictedAt
        # The API has no status filter: the open requests are found among the 100 newest.
        rightsRequests(first: 1) {
          open { id label status dueOn isOverdue }
        }
        dataCategories { key datasets { count isCountExact } }
        signIns: dataset(id: "SignInEvent:signins") {
          records(first: 5) { edges { node { id values { field value } } } }
        }
      }
      shop {
        handle
        name
        policy {
          dataCategories { key label description sources }
          rights { key label description }
          requests {
            responseDeadline { text }
            extension { text }
            dueDatesIfAskedNow { dueOn extendedDueOn }
          }
          controllers { name address email }
          dpo { name email phone address note }
          supervisoryAuthority { name website howToComplain }
        }
      }
    }
  }
`);

export default async function PrivacyOverviewPage() {
  const { viewer } = await execute(OverviewQuery, {});
  const { customer, shop } = viewer;
  if (!customer || !shop) return null;
  const base = `/${shop.handle}/account/privacy`;
  const sectionFor = (right: string) => PRIVACY_SECTIONS.find((s) => s.rights.includes(right));
  const since = new Date(customer.createdAt).toLocaleDateString("en-GB", { dateStyle: "long" });
  const counts = new Map(
    customer.dataCategories.map(
      (c) =>
        [
          c.key,
          `${c.datasets.reduce((sum, d) => sum + d.count, 0)}${c.datasets.every((d) => d.isCountExact) ? "" : "+"}`,
        ] as const,
    ),
  );
  const signIns =
    customer.signIns?.records.edges.map((e) => ({
      id: e.node.id,
      value: new Map(e.node.values.map((v) => [v.field, v.value])),
    })) ?? [];
  const openRequests = customer.rightsRequests.open;
  return (
    <div className="space-y-10">
      <section>
        <h1 className="text-3xl font-bold">Hello, {customer.displayName}</h1>
        <p className="mt-2 text-slate-600">
          Your {shop.name} account ({customer.email}), open since {since}. Here you can see everything {shop.name} holds
          about you and use every right its privacy policy gives you, without writing to anyone.
        </p>
      </section>

      {customer.restrictedAt && (
        <RestrictionBanner since={formatDay(customer.restrictedAt)} requestsHref={`${base}/requests`} />
      )}

      {openRequests.length > 0 && (
        <section aria-labelledby="open-requests">
          <h2 id="open-requests" className="text-xl font-semibold">
            Open requests
          </h2>
          <ul className="mt-3 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {openRequests.map((request) => (
              <li key={request.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 px-4 py-3">
                <span className="min-w-0 font-medium break-words">
                  {request.label}
                  <span className="block text-sm font-normal text-slate-600">
                    {requestStatusText(request.status, null)}
                  </span>
                </span>
                <span className={`text-sm ${request.isOverdue ? "font-semibold text-red-800" : "text-slate-700"}`}>
                  {request.isOverdue ? "Overdue: was due by " : "Due by "}
                  {formatDay(request.dueOn)}
                </span>
              </li>
            ))}
          </ul>
          <Link href={`${base}/requests`} className="mt-4 inline-block font-medium underline">
            Follow your requests
          </Link>
        </section>
      )}

      <section aria-labelledby="holds">
        <h2 id="holds" className="text-xl font-semibold">
          What {shop.name} holds about you
        </h2>
        <ul className="mt-4 grid gap-3 md:grid-cols-2">
          {shop.policy.dataCategories.map((category) => (
            <li key={category.key} className="rounded-lg border border-slate-200 bg-white p-4">
              <h3 className="flex items-baseline justify-between gap-2 font-medium">
                {category.label}
                <span className="text-sm font-normal text-slate-500">
                  {(counts.get(category.key) ?? "0") !== "0" ? `${counts.get(category.key)} records` : "nothing stored"}
                </span>
              </h3>
              <p className="mt-1 text-sm text-slate-600">{category.description}</p>
              <p className="mt-2 text-xs text-slate-500">Source: {category.sources.map(sourceText).join(", ")}</p>
            </li>
          ))}
        </ul>
        <Link href={`${base}/data`} className="mt-4 inline-block font-medium underline">
          See all your data
        </Link>
      </section>

      <section aria-labelledby="sign-ins">
        <h2 id="sign-ins" className="text-xl font-semibold">
          Last sign-ins
        </h2>
        {signIns.length ? (
          <ul className="mt-3 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white text-sm">
            {signIns.map(({ id, value: s }) => (
              <li key={id} className="flex flex-wrap justify-between gap-2 px-4 py-2">
                <span>
                  {new Date(s.get("at") ?? "").toLocaleString("en-GB", {
                    dateStyle: "medium",
                    timeStyle: "short",
                    timeZone: "UTC",
                  })}{" "}
                  UTC · {s.get("method")}
                  {s.get("isSuccessful") === "No" ? " · failed attempt" : ""}
                </span>
                <span className="text-slate-500">{s.get("userAgent")?.slice(0, 60)}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-sm text-slate-600">No sign-ins recorded yet.</p>
        )}
      </section>

      <section aria-labelledby="rights">
        <h2 id="rights" className="text-xl font-semibold">
          Your rights
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          {shop.name} answers requests within {shop.policy.requests.responseDeadline.text}
          {shop.policy.requests.extension
            ? ` (extendable by ${shop.policy.requests.extension.text} for complex requests; you are told why)`
            : ""}
          . A request made today must be answered by {formatDay(shop.policy.requests.dueDatesIfAskedNow.dueOn)}
          {shop.policy.requests.dueDatesIfAskedNow.extendedDueOn
            ? `, or ${formatDay(shop.policy.requests.dueDatesIfAskedNow.extendedDueOn)} if extended`
            : ""}
          .
        </p>
        <ul className="mt-4 grid gap-3 md:grid-cols-2">
          {shop.policy.rights.map((right) => {
            const section = sectionFor(right.key);
            return (
              <li key={right.key} className="rounded-lg border border-slate-200 bg-white p-4">
                <h3 className="font-medium">{right.label}</h3>
                <p className="mt-1 text-sm text-slate-600">{right.description}</p>
                {section ? (
                  <Link href={`${base}/${section.slug}`} className="mt-2 inline-block text-sm font-medium underline">
                    {section.label}
                  </Link>
                ) : right.key === "information" ? (
                  <Link
                    href={`/${shop.handle}/privacy-policy`}
                    className="mt-2 inline-block text-sm font-medium underline"
                  >
                    Privacy policy
                  </Link>
                ) : right.key === "complaint" && shop.policy.supervisoryAuthority.website ? (
                  <a
                    href={shop.policy.supervisoryAuthority.website}
                    className="mt-2 inline-block text-sm font-medium underline"
                    rel="noreferrer"
                  >
                    {shop.policy.supervisoryAuthority.name}
                  </a>
                ) : null}
              </li>
            );
          })}
        </ul>
      </section>

      <section aria-labelledby="contacts">
        <h2 id="contacts" className="text-xl font-semibold">
          Who is responsible
        </h2>
        <div className="mt-4 grid gap-3 md:grid-cols-3">
          {shop.policy.controllers.map((c) => (
            <ContactCard key={c.name} title="Controller" contact={c} />
          ))}
          {shop.policy.dpo && <ContactCard title="Data protection officer" contact={shop.policy.dpo} />}
          <ContactCard
            title="Supervisory authority"
            contact={{
              name: shop.policy.supervisoryAuthority.name,
              website: shop.policy.supervisoryAuthority.website,
              note: shop.policy.supervisoryAuthority.howToComplain,
            }}
          />
        </div>
      </section>
    </div>
  );
}
