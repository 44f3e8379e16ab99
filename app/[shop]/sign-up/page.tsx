import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { OrSeparator } from "@/components/or-separator";
import { ProviderButtons } from "@/components/provider-buttons";
import { SignUpForm } from "@/components/sign-up-form";
import { execute } from "@/graphql/execute";
import { graphql } from "@/graphql/generated/client";
import { signUpAction } from "./actions";
import { saveSignUpChoicesAction } from "./provider-actions";

export const metadata: Metadata = { title: "Create an account" };

const SignUpQuery = graphql(`
  query SignUpPage($handle: String!, $invitation: String!) {
    shop(handle: $handle) {
      handle
      name
      policy { marketing { channels { key label } topics { key label } requiresDoubleOptIn } }
      signInProviders { provider name providerId }
    }
    viewer { isSignedIn shop { handle } }
    invitationLink(token: $invitation) { shop { handle } inviterName canAccept }
  }
`);

type Props = {
  params: Promise<{ shop: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function SignUpPage({ params, searchParams }: Props) {
  const { shop: handle } = await params;
  const query = await searchParams;
  // From an invitation's page (?invitation=<its link's token>): accepted with the account.
  const asked = typeof query.invitation === "string" ? query.invitation.slice(0, 200) : "";
  const { shop, viewer, invitationLink } = await execute(SignUpQuery, { handle, invitation: asked });
  if (!shop) notFound();
  if (viewer.isSignedIn && viewer.shop?.handle === shop.handle) redirect(`/${shop.handle}/account/privacy`);
  // A token that is not valid, of another shop, or no longer open is left out: the
  // account is opened all the same, without the note.
  const invitation = invitationLink?.canAccept && invitationLink.shop.handle === shop.handle ? invitationLink : null;
  const invitationToken = invitation ? asked : null;
  // Plain objects for the client component (the API's results have no prototype).
  const providers = shop.signInProviders.map((p) => ({ providerId: p.providerId, name: p.name, provider: p.provider }));
  const hasChannels = shop.policy.marketing.channels.length > 0;
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
      {invitation && (
        <p role="note" className="mt-6 rounded-lg border-2 border-sky-700 bg-sky-50 px-5 py-4 text-sky-900">
          <span className="font-semibold">{invitation.inviterName} invited you</span> to {shop.name}. Opening your
          account accepts the invitation; {invitation.inviterName} sees that it was accepted.
        </p>
      )}
      <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <SignUpForm
          shop={shop.handle}
          shopName={shop.name}
          action={signUpAction.bind(null, shop.handle)}
          invitationToken={invitationToken}
          channels={shop.policy.marketing.channels.map((c) => ({ key: c.key, label: c.label }))}
          topics={shop.policy.marketing.topics.map((t) => t.label)}
          requiresDoubleOptIn={shop.policy.marketing.requiresDoubleOptIn}
        />
        {providers.length > 0 && (
          <section aria-labelledby="with-provider" className="mt-6">
            <OrSeparator id="with-provider" label="Or sign up with a provider" />
            <p className="mt-4 text-sm text-slate-600">
              We receive only what the provider shares with us, such as your name and email address
              {hasChannels ? "; the news choices you ticked above apply as well." : "."}
            </p>
            <div className="mt-3">
              <ProviderButtons
                providers={providers}
                callbackUrl={`/${shop.handle}/account/privacy`}
                labelPrefix="Sign up with"
                beforeSignIn={saveSignUpChoicesAction.bind(null, shop.handle, invitationToken)}
                carryChecked="marketing"
              />
            </div>
          </section>
        )}
      </div>
    </main>
  );
}
