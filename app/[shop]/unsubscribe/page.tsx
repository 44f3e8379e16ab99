import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { execute } from "@/graphql/execute";
import { graphql } from "@/graphql/generated/client";
import { unsubscribeAction } from "./actions";
import { UnsubscribeForm } from "./unsubscribe-form";

// The link's token must not travel on in a Referer header.
export const metadata: Metadata = { title: "Unsubscribe", referrer: "no-referrer" };

const UnsubscribeLinkQuery = graphql(`
  query UnsubscribeLink($handle: String!, $token: String!) {
    shop(handle: $handle) { handle name }
    consentUnsubscribeLink(token: $token) {
      shop { handle }
      purpose { label }
      state
    }
  }
`);

type Props = {
  params: Promise<{ shop: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// Where GET /api/unsubscribe leads: shows the list and a button (a server action running
// consentUnsubscribe). Opening the page changes nothing, because mail scanners open
// links; mail clients' one-click POST goes to /api/unsubscribe directly.
export default async function UnsubscribePage({ params, searchParams }: Props) {
  const { shop: handle } = await params;
  const query = await searchParams;
  const token = typeof query.token === "string" ? query.token : "";
  const { shop, consentUnsubscribeLink: link } = await execute(UnsubscribeLinkQuery, { handle, token });
  if (!shop) notFound();
  // Through the sign-in page, which goes straight on when already signed in: the
  // account's own gate would lose the section after signing in.
  const subscriptions = `/${shop.handle}/account/privacy/subscriptions`;
  const everything = (
    <p className="mt-8 text-slate-600">
      To stop every email from {shop.name}, or change which ones you get,{" "}
      <Link
        href={`/${shop.handle}/sign-in?next=${encodeURIComponent(`${subscriptions}#everything`)}`}
        className="underline"
      >
        unsubscribe from everything in your account
      </Link>
      .
    </p>
  );

  if (!link || link.shop.handle !== shop.handle) {
    return (
      <Layout title="We could not read this unsubscribe link">
        <p role="alert" className="mt-4 rounded-md border border-red-300 bg-red-50 px-4 py-3 text-red-800">
          This unsubscribe link is not valid. Use the whole link from the email.
        </p>
        {everything}
      </Layout>
    );
  }
  if (link.state === "WITHDRAWN" || link.state === "NOT_GIVEN") {
    return (
      <Layout title="You are not subscribed">
        <p role="status" className="mt-4 text-slate-700">
          You are not subscribed to “{link.purpose.label}”: {shop.name} sends you none of these emails.
        </p>
        {everything}
      </Layout>
    );
  }
  return (
    <Layout title={`Unsubscribe from ${shop.name} emails`}>
      <UnsubscribeForm shopName={shop.name} label={link.purpose.label} token={token} action={unsubscribeAction}>
        <p className="mt-2 text-slate-700">
          Stop receiving “{link.purpose.label}”? This takes effect at once; you do not need to sign in.
        </p>
      </UnsubscribeForm>
      {everything}
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
