import Link from "next/link";
import { execute } from "@/graphql/execute";
import { graphql } from "@/graphql/generated/client";
import { isDemoMode } from "@/server/auth/secret";

export const dynamic = "force-dynamic";

const LandingQuery = graphql(`
  query Landing {
    shops {
      id
      handle
      name
      branding { primaryColor accentColor tagline }
      policy {
        regime { name }
        controllers { name country }
        rights { key }
      }
    }
  }
`);

export default async function LandingPage() {
  const { shops } = await execute(LandingQuery, {});
  return (
    <main id="main" className="mx-auto max-w-5xl px-6 py-16">
      <h1 className="text-4xl font-bold tracking-tight">Privacy centre</h1>
      <p className="mt-4 max-w-2xl text-lg text-slate-600">
        Everything a shop&apos;s privacy policy promises you, in your account: see all your data, correct it, download
        it, manage your subscriptions and cookies, and delete your account.
      </p>
      {isDemoMode() && (
        <p className="mt-6 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          Demo mode: sign in to any shop as <strong>demo@&lt;shop&gt;.example</strong> with the password{" "}
          <strong>privacy-demo</strong>, for example demo@almaz.example.
        </p>
      )}
      <h2 className="mt-12 text-xl font-semibold">Shops</h2>
      <ul className="mt-4 grid gap-6 sm:grid-cols-2">
        {shops.map((shop) => (
          <li key={shop.id} className="overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm">
            <div className="h-2" style={{ background: shop.branding.primaryColor }} />
            <div className="p-6">
              <h3 className="text-lg font-semibold">{shop.name}</h3>
              <p className="mt-1 text-sm text-slate-600">{shop.branding.tagline}</p>
              <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
                <dt className="text-slate-500">Controller</dt>
                <dd>{shop.policy.controllers.map((c) => c.name).join(" and ")}</dd>
                <dt className="text-slate-500">Law</dt>
                <dd>{shop.policy.regime.name}</dd>
                <dt className="text-slate-500">Rights offered</dt>
                <dd>{shop.policy.rights.length}</dd>
              </dl>
              <div className="mt-6 flex flex-wrap gap-3">
                <Link
                  href={`/${shop.handle}/account/privacy`}
                  className="rounded-md px-4 py-2 text-sm font-medium text-white"
                  style={{ background: shop.branding.primaryColor }}
                >
                  My account → Privacy
                </Link>
                <Link
                  href={`/${shop.handle}/privacy-policy`}
                  className="rounded-md border border-slate-300 px-4 py-2 text-sm font-medium text-slate-800"
                >
                  Privacy policy
                </Link>
              </div>
            </div>
          </li>
        ))}
      </ul>
    </main>
  );
}
