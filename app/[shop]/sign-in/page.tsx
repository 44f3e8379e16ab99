import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { SignInForm } from "@/components/sign-in-form";
import { execute } from "@/graphql/execute";
import { graphql } from "@/graphql/generated/client";
import { isDemoMode } from "@/server/auth/secret";

export const metadata: Metadata = { title: "Sign in" };

const SignInQuery = graphql(`
  query SignInPage($handle: String!) {
    shop(handle: $handle) { handle name }
    viewer { isSignedIn shop { handle } }
  }
`);

type Props = {
  params: Promise<{ shop: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// Only paths inside this shop are followed after sign-in (no open redirect).
function safeNext(shop: string, next: unknown): string {
  return typeof next === "string" && next.startsWith(`/${shop}/`) && !next.startsWith("//")
    ? next
    : `/${shop}/account/privacy`;
}

export default async function SignInPage({ params, searchParams }: Props) {
  const { shop: handle } = await params;
  const query = await searchParams;
  const { shop, viewer } = await execute(SignInQuery, { handle });
  if (!shop) notFound();
  const next = safeNext(shop.handle, query.next);
  if (viewer.isSignedIn && viewer.shop?.handle === shop.handle) redirect(next);
  const notice =
    query.signedOut === "1"
      ? "You are signed out."
      : query.created === "1"
        ? "Your account is ready. Sign in with your email and password."
        : undefined;
  return (
    <main id="main" className="mx-auto max-w-md px-6 py-12">
      <h1 className="text-2xl font-bold">Sign in to {shop.name}</h1>
      <p className="mt-2 text-slate-600">Sign in to see and manage the data {shop.name} holds about you.</p>
      {isDemoMode() && (
        <p className="mt-4 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          Demo: sign in as <strong>demo@{shop.handle}.example</strong> with the password <strong>privacy-demo</strong>.
        </p>
      )}
      <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <SignInForm shop={shop.handle} shopName={shop.name} next={next} notice={notice} />
      </div>
    </main>
  );
}
