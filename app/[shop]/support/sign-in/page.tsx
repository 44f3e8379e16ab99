import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { SignInForm } from "@/components/sign-in-form";
import { execute } from "@/graphql/execute";
import { graphql } from "@/graphql/generated/client";
import { isDemoMode } from "@/server/auth/secret";

export const metadata: Metadata = { title: "Support sign-in" };

const SupportSignInQuery = graphql(`
  query SupportSignInPage($handle: String!) {
    shop(handle: $handle) { handle name }
    viewer { shop { handle } agent { id } }
  }
`);

type Props = {
  params: Promise<{ shop: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// The shop's support staff sign in here (next-auth's "agent" provider), not on the
// customers' page.
export default async function SupportSignInPage({ params, searchParams }: Props) {
  const { shop: handle } = await params;
  const query = await searchParams;
  const { shop, viewer } = await execute(SupportSignInQuery, { handle });
  if (!shop) notFound();
  if (viewer.agent && viewer.shop?.handle === shop.handle) redirect(`/${shop.handle}/support`);
  const notice = query.signedOut === "1" ? "You are signed out of the support console." : undefined;
  return (
    <main id="main" className="mx-auto max-w-md px-6 py-12">
      <h1 className="text-2xl font-bold">{shop.name} support console</h1>
      <p className="mt-2 text-slate-600">
        For {shop.name}&apos;s support staff. Customers sign in on the shop&apos;s own page.
      </p>
      {isDemoMode() && (
        <p className="mt-4 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          Demo: sign in as <strong>agent@{shop.handle}.example</strong> (support) or{" "}
          <strong>dpo@{shop.handle}.example</strong> (privacy officer) with the password <strong>privacy-demo</strong>.
        </p>
      )}
      <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <SignInForm
          shop={shop.handle}
          shopName={shop.name}
          next={`/${shop.handle}/support`}
          notice={notice}
          provider="agent"
        />
      </div>
    </main>
  );
}
