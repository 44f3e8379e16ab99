import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ContactCard } from "@/components/contact-card";
import { formatDay } from "@/components/dates";
import { legalBasisText } from "@/components/policy-wording";
import { execute } from "@/graphql/execute";
import { graphql } from "@/graphql/generated/client";

export const metadata: Metadata = { title: "Privacy policy" };

const PolicyQuery = graphql(`
  query PublicPolicy($handle: String!) {
    shop(handle: $handle) {
      name
      policy {
        version
        updatedAt
        regime { name law }
        controllers { name role address country registration taxId email phone }
        dpo { name email phone address note }
        supervisoryAuthority { name address email phone website howToComplain }
        dataCategories { key label description }
        purposes { key label description legalBasis legalBasisDetail }
        recipients { key name kind location isOutsideEEA }
        transfers { statement safeguards }
        retention { key label text basis }
        rights { key label description conditions }
        requests {
          responseDeadline { text }
          extension { text }
          dueDatesIfAskedNow { dueOn extendedDueOn holidayCountry holidaysKnown }
          extensionCondition
          verification
          authorisedAgentsAllowed
          authorisedAgentRequirement
          publishesMetrics
        }
        statements
      }
    }
  }
`);

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="mt-10">
      <h2 id={id} className="text-xl font-semibold">
        {title}
      </h2>
      <div className="mt-3">{children}</div>
    </section>
  );
}

// The shop's policy as structured data, readable without signing in.
const regionName = (code: string) => new Intl.DisplayNames(["en"], { type: "region" }).of(code) ?? code;

export default async function PrivacyPolicyPage({ params }: { params: Promise<{ shop: string }> }) {
  const { shop: handle } = await params;
  const { shop } = await execute(PolicyQuery, { handle });
  if (!shop) notFound();
  const { policy } = shop;
  return (
    <main id="main" className="mx-auto max-w-4xl px-6 py-10">
      <h1 className="text-3xl font-bold">{shop.name} privacy policy</h1>
      <p className="mt-2 text-sm text-slate-600">
        Version {policy.version}, updated {policy.updatedAt}. Applies under the {policy.regime.name} (
        {policy.regime.law}).
      </p>

      <Section id="who" title="Who is responsible">
        <div className="grid gap-3 md:grid-cols-2">
          {policy.controllers.map((c) => (
            <ContactCard
              key={c.name}
              title={c.role === "joint-controller" ? "Joint controller" : "Controller"}
              contact={{
                name: c.name,
                address: `${c.address} (${c.country})`,
                email: c.email,
                phone: c.phone,
                note: [c.registration, c.taxId].filter(Boolean).join(" · ") || null,
              }}
            />
          ))}
          {policy.dpo && <ContactCard title="Data protection officer" contact={policy.dpo} />}
        </div>
      </Section>

      <Section id="data" title="What we collect">
        <ul className="space-y-2">
          {policy.dataCategories.map((c) => (
            <li key={c.key}>
              <strong>{c.label}:</strong> {c.description}
            </li>
          ))}
        </ul>
      </Section>

      <Section id="purposes" title="Why, and on what legal basis">
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm">
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2 pr-4">
                  Purpose
                </th>
                <th scope="col" className="py-2">
                  Legal basis
                </th>
              </tr>
            </thead>
            <tbody>
              {policy.purposes.map((p) => (
                <tr key={p.key} className="border-b border-slate-200 align-top">
                  <td className="py-2 pr-4">
                    <strong>{p.label}</strong>
                    <br />
                    <span className="text-slate-600">{p.description}</span>
                  </td>
                  <td className="py-2">
                    <span className="first-letter:uppercase inline-block">{legalBasisText(p.legalBasis)}</span>
                    {p.legalBasisDetail && <span className="block text-slate-500">{p.legalBasisDetail}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Section>

      <Section id="recipients" title="Who receives your data">
        <ul className="space-y-1">
          {policy.recipients.map((r) => (
            <li key={r.key}>
              <strong>{r.name}</strong> ({r.kind}), {r.location}
              {r.isOutsideEEA ? " (outside the EEA)" : ""}
            </li>
          ))}
        </ul>
        <p className="mt-3">{policy.transfers.statement}</p>
        {policy.transfers.safeguards.length > 0 && (
          <ul className="mt-2 list-disc pl-5">
            {policy.transfers.safeguards.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="retention" title="How long we keep it">
        <ul className="space-y-2">
          {policy.retention.map((r) => (
            <li key={r.key}>
              <strong>{r.label}:</strong> {r.text}. <span className="text-slate-600">{r.basis}</span>
            </li>
          ))}
        </ul>
      </Section>

      <Section id="rights" title="Your rights">
        <ul className="space-y-3">
          {policy.rights.map((r) => (
            <li key={r.key}>
              <strong>{r.label}:</strong> {r.description}
              {r.conditions && <span className="block text-sm text-slate-600">{r.conditions}</span>}
            </li>
          ))}
        </ul>
        <p className="mt-4">
          We answer within {policy.requests.responseDeadline.text}
          {policy.requests.extension ? `, extendable by ${policy.requests.extension.text}` : ""}
          {policy.requests.extensionCondition ? ` (${policy.requests.extensionCondition})` : ""}.{" "}
          {policy.requests.verification}
        </p>
        <p className="mt-2">
          Counted from the day after we receive a request; a deadline on a weekend or a public holiday
          {policy.requests.dueDatesIfAskedNow.holidaysKnown
            ? ` in ${regionName(policy.requests.dueDatesIfAskedNow.holidayCountry)}`
            : ""}{" "}
          moves to the next working day. A request made today must be answered by{" "}
          {formatDay(policy.requests.dueDatesIfAskedNow.dueOn)}
          {policy.requests.dueDatesIfAskedNow.extendedDueOn
            ? `, or ${formatDay(policy.requests.dueDatesIfAskedNow.extendedDueOn)} if extended`
            : ""}
          .
        </p>
        <p className="mt-2">
          {policy.requests.authorisedAgentsAllowed
            ? `An authorised agent may act for you. ${policy.requests.authorisedAgentRequirement ?? ""}`
            : "Requests are made by the account holder."}
        </p>
        {policy.requests.publishesMetrics && (
          <p className="mt-2">
            We publish how many requests we receive each year and how we answer them:{" "}
            <Link href={`/${handle}/privacy-policy/metrics`} className="font-medium underline">
              privacy request figures
            </Link>
            .
          </p>
        )}
      </Section>

      <Section id="complain" title="How to complain">
        <ContactCard
          title="Supervisory authority"
          contact={{
            name: policy.supervisoryAuthority.name,
            address: policy.supervisoryAuthority.address,
            email: policy.supervisoryAuthority.email,
            phone: policy.supervisoryAuthority.phone,
            website: policy.supervisoryAuthority.website,
            note: policy.supervisoryAuthority.howToComplain,
          }}
        />
      </Section>

      {policy.statements.length > 0 && (
        <Section id="promises" title="Our further promises">
          <ul className="list-disc space-y-1 pl-5">
            {policy.statements.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </Section>
      )}
    </main>
  );
}
