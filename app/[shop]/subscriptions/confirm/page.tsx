import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { execute } from "@/graphql/execute";
import { graphql } from "@/graphql/generated/client";
import { confirmConsentAction } from "./actions";
import { ConfirmSubscriptionForm } from "./confirm-form";

// The link's token must not travel on in a Referer header.
export const metadata: Metadata = { title: "Confirm your subscription", referrer: "no-referrer" };

const ConfirmationLinkQuery = graphql(`
  query ConsentConfirmationLink($handle: String!, $token: String!) {
    shop(handle: $handle) { handle name }
    consentConfirmationLink(token: $token) {
      shop { handle }
      status
      message
      purposes { key label }
    }
  }
`);

type Props = {
  params: Promise<{ shop: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// The double opt-in link from the email. It works without signing in (the link proves
// the mailbox), and opening it changes nothing: mail scanners prefetch links, so the
// page shows what will be confirmed and a button that runs consentConfirm.
export default async function ConfirmSubscriptionPage({ params, searchParams }: Props) {
  const { shop: handle } = await params;
  const query = await searchParams;
  const token = typeof query.token === "string" ? query.token : "";
  const { shop, consentConfirmationLink: link } = await execute(ConfirmationLinkQuery, { handle, token });
  if (!shop) notFound();
  // Through the sign-in page, which goes straight on when already signed in.
  const account = (
    <Link
      href={`/${shop.handle}/sign-in?next=${encodeURIComponent(`/${shop.handle}/account/privacy/subscriptions`)}`}
      className="mt-8 inline-block underline"
    >
      Your subscriptions in your account
    </Link>
  );

  if (!link || link.shop.handle !== shop.handle) {
    return (
      <Layout title="We could not read this link">
        <p role="alert" className="mt-4 rounded-md border border-red-300 bg-red-50 px-4 py-3 text-red-800">
          This link is not valid. Open the whole link from the newest email we sent you.
        </p>
        {account}
      </Layout>
    );
  }
  if (link.status !== "READY") {
    return (
      <Layout title="This link cannot be used">
        <p role="alert" className="mt-4 rounded-md border border-red-300 bg-red-50 px-4 py-3 text-red-800">
          {link.message}
        </p>
        {account}
      </Layout>
    );
  }
  return (
    <Layout title="Confirm your subscription">
      <ConfirmSubscriptionForm shopName={shop.name} token={token} action={confirmConsentAction}>
        <p className="mt-2 text-slate-700">Confirm that you want to receive these emails from {shop.name}:</p>
        <ul className="mt-3 list-disc pl-6 text-slate-800">
          {link.purposes.map((p) => (
            <li key={p.key}>{p.label}</li>
          ))}
        </ul>
        <p className="mt-3 text-sm text-slate-600">You can unsubscribe at any time, from any of these emails.</p>
      </ConfirmSubscriptionForm>
      {account}
    </Layout>
  );
}

function Layout({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main id="main" className="mx-auto max-w-lg px-6 py-12">
      <h1 className="text-2xl font-bold">{title}</h1>
      {children}
    </main>
  );
}
