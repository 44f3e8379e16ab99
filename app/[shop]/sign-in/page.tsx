import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { OrSeparator } from "@/components/or-separator";
import { ProviderButtons } from "@/components/provider-buttons";
import { providerMessage, providerNameOf } from "@/components/provider-messages";
import { SignInForm } from "@/components/sign-in-form";
import { execute } from "@/graphql/execute";
import { graphql } from "@/graphql/generated/client";
import { isDemoMode } from "@/server/auth/secret";
import { saveSignUpChoicesAction } from "../sign-up/provider-actions";

export const metadata: Metadata = { title: "Sign in" };

const SignInQuery = graphql(`
  query SignInPage($handle: String!) {
    shop(handle: $handle) {
      handle
      name
      signInProviders { provider name providerId }
    }
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
  if (viewer.isSignedIn && viewer.shop?.handle === shop.handle) {
    // Signed in already, with next-auth's error: linking a provider (or confirming it's
    // you with one) did not complete. Connected accounts says so.
    const error = typeof query.error === "string" ? query.error.slice(0, 100) : null;
    if (error) redirect(`/${shop.handle}/account/privacy/connected-accounts?${new URLSearchParams({ error })}`);
    redirect(next);
  }
  const notice =
    query.signedOut === "1"
      ? "You are signed out."
      : query.created === "1"
        ? "Your account is ready. Sign in with your email and password."
        : undefined;
  // Plain objects for the client component (the API's results have no prototype).
  const providers = shop.signInProviders.map((p) => ({ providerId: p.providerId, name: p.name, provider: p.provider }));
  // A provider's refusal, or next-auth's own error (cancelled at the provider, a check
  // that failed), sends the browser back here with ?error=.
  const problem = providerMessage(query.error, {
    provider: providerNameOf(query.provider, providers),
    shopName: shop.name,
  });
  return (
    <main id="main" className="mx-auto max-w-md px-6 py-12">
      <h1 className="text-2xl font-bold">Sign in to {shop.name}</h1>
      <p className="mt-2 text-slate-600">Sign in to see and manage the data {shop.name} holds about you.</p>
      {isDemoMode() && (
        <p className="mt-4 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          Demo: sign in as <strong className="break-words">demo@{shop.handle}.example</strong> with the password{" "}
          <strong>privacy-demo</strong>.
          {providers.length > 0 && " The social buttons open a local test provider with demo identities."}
        </p>
      )}
      {problem && (
        <div role="alert" className="mt-4 rounded-md border-2 border-red-700 bg-red-50 px-4 py-3 text-sm text-red-900">
          <p className="font-semibold">You are not signed in</p>
          <p className="mt-1">{problem}</p>
        </div>
      )}
      <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <SignInForm shop={shop.handle} shopName={shop.name} next={next} notice={notice} />
        {providers.length > 0 && (
          <section aria-labelledby="with-provider" className="mt-6">
            <OrSeparator id="with-provider" label="Or sign in with a provider" />
            <div className="mt-4">
              {/* An account opened from here gets no marketing choices: this clears any a
                  visit to the sign-up page left behind, so only what is ticked there, just
                  before choosing a provider, ever applies. */}
              <ProviderButtons
                providers={providers}
                callbackUrl={next}
                labelPrefix="Continue with"
                beforeSignIn={saveSignUpChoicesAction.bind(null, shop.handle, null)}
              />
            </div>
            <p className="mt-3 text-sm text-slate-600">
              New to {shop.name}? Continuing with a provider opens an account with what the provider shares with us.
            </p>
          </section>
        )}
      </div>
    </main>
  );
}
