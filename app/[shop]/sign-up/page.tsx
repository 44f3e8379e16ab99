import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { SignUpForm } from "@/components/sign-up-form";
import { execute } from "@/graphql/execute";
import { graphql } from "@/graphql/generated/client";
import { signUpAction } from "./actions";

export const metadata: Metadata = { title: "Create an account" };

const SignUpQuery = graphql(`
  query SignUpPage($handle: String!) {
    shop(handle: $handle) {
      handle
      name
      policy { marketing { channels { key label } topics { key label } requiresDoubleOptIn } }
    }
    viewer { isSignedIn shop { handle } }
  }
`);

export default async function SignUpPage({ params }: { params: Promise<{ shop: string }> }) {
  const { shop: handle } = await params;
  const { shop, viewer } = await execute(SignUpQuery, { handle });
  if (!shop) notFound();
  if (viewer.isSignedIn && viewer.shop?.handle === shop.handle) redirect(`/${shop.handle}/account/privacy`);
  return (
    <main id="main" className="mx-auto max-w-lg px-6 py-12">
      <h1 className="text-2xl font-bold">Create your {shop.name} account</h1>
      <p className="mt-2 text-slate-600">
        We use these details to run your account, as described in our{" "}
        <Link href={`/${shop.handle}/privacy-policy`} className="underline">
          privacy policy
        </Link>
        .
      </p>
      <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <SignUpForm
          shop={shop.handle}
          shopName={shop.name}
          action={signUpAction.bind(null, shop.handle)}
          channels={shop.policy.marketing.channels.map((c) => ({ key: c.key, label: c.label }))}
          topics={shop.policy.marketing.topics.map((t) => t.label)}
          requiresDoubleOptIn={shop.policy.marketing.requiresDoubleOptIn}
        />
      </div>
    </main>
  );
}
