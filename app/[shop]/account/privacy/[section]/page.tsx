import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { findPrivacySection } from "@/components/privacy-sections";
import { execute } from "@/graphql/execute";
import { graphql } from "@/graphql/generated/client";

type Props = { params: Promise<{ shop: string; section: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { section } = await params;
  const found = findPrivacySection(section);
  return { title: found && !found.hasOwnPage ? found.label : "Not found" };
}

const SectionQuery = graphql(`
  query PrivacySection {
    viewer {
      shop {
        name
        policy {
          rights { key label description conditions }
          controllers { name email address }
          dpo { email address }
        }
      }
    }
  }
`);

// Sections whose own page has not been built yet: the rights they serve, what the
// shop's policy says about them, and how to exercise the right meanwhile.
export default async function PrivacySectionPage({ params }: Props) {
  const { section: slug } = await params;
  const section = findPrivacySection(slug);
  // Built sections are served by their own routes.
  if (!section || section.hasOwnPage) notFound();
  const { viewer } = await execute(SectionQuery, {});
  const shop = viewer.shop;
  if (!shop) return null;
  const { policy } = shop;
  const rights = policy.rights.filter((r) => section.rights.includes(r.key));
  const email = policy.dpo?.email ?? policy.controllers.find((c) => c.email)?.email;
  const postal = policy.dpo?.address ?? policy.controllers[0]?.address;
  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-3xl font-bold">{section.label}</h1>
        <p className="mt-2 text-slate-600">{section.summary}</p>
      </header>

      {rights.length > 0 && (
        <section aria-labelledby="rights">
          <h2 id="rights" className="text-xl font-semibold">
            Your rights here
          </h2>
          <ul className="mt-3 space-y-3">
            {rights.map((r) => (
              <li key={r.key} className="rounded-lg border border-slate-200 bg-white p-4">
                <h3 className="font-medium">{r.label}</h3>
                <p className="mt-1 text-sm text-slate-600">{r.description}</p>
                {r.conditions && <p className="mt-1 text-sm text-slate-500">Conditions: {r.conditions}</p>}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section role="status" className="rounded-lg border border-slate-300 bg-slate-100 p-5 text-sm text-slate-700">
        This page is being built. Until it opens, you can exercise these rights by writing to {shop.name}
        {email ? (
          <>
            {" "}
            at{" "}
            <a href={`mailto:${email}`} className="underline">
              {email}
            </a>
          </>
        ) : postal ? (
          ` at ${postal}`
        ) : null}
        ; the request is answered within the deadline the privacy policy sets.
      </section>
    </div>
  );
}
