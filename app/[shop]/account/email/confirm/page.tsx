import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { execute } from "@/graphql/execute";
import { graphql } from "@/graphql/generated/client";
import { confirmEmailChangeAction } from "./actions";
import { ConfirmEmailForm } from "./confirm-form";

// The link's token must not travel on in a Referer header.
export const metadata: Metadata = { title: "Confirm your new email address", referrer: "no-referrer" };

const ConfirmGateQuery = graphql(`
  query EmailChangeConfirmGate($handle: String!) {
    shop(handle: $handle) { handle name }
    viewer { isSignedIn shop { handle } }
  }
`);

type Props = {
  params: Promise<{ shop: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// Opening the link shows a button that runs the confirm mutation (a server action), so
// a GET changes nothing: the page is rendered more than once when the sign-in form
// brings the customer back (replace, then refresh), on a reload, and by link checkers,
// and a link that confirmed on the first render would then report "already used".
export default async function ConfirmEmailPage({ params, searchParams }: Props) {
  const { shop: handle } = await params;
  const query = await searchParams;
  const token = typeof query.token === "string" ? query.token : "";
  const { shop, viewer } = await execute(ConfirmGateQuery, { handle });
  if (!shop) notFound();

  // Only the account that asked may confirm, so the link needs a signed-in browser;
  // after signing in, the sign-in page brings the customer back here.
  if (!viewer.isSignedIn || viewer.shop?.handle !== shop.handle) {
    const back = `/${shop.handle}/account/email/confirm?token=${encodeURIComponent(token)}`;
    return (
      <Layout title="Sign in to confirm your new email address">
        <p className="mt-2 text-slate-600">
          To finish changing your email address, sign in to your {shop.name} account with your current email address and
          password. You will come back to this page.
        </p>
        <Link
          href={`/${shop.handle}/sign-in?next=${encodeURIComponent(back)}`}
          className="mt-6 inline-block rounded-md bg-brand px-4 py-2.5 font-semibold text-white no-underline"
        >
          Sign in to confirm
        </Link>
      </Layout>
    );
  }
  if (!token) {
    return (
      <Layout title="We could not confirm this link">
        <p role="alert" className="mt-4 rounded-md border border-red-300 bg-red-50 px-4 py-3 text-red-800">
          This link is not complete. Open the whole link from the email, or ask for the change again.
        </p>
        <Link href={`/${shop.handle}/account/email`} className="mt-6 inline-block underline">
          Ask for the change again
        </Link>
      </Layout>
    );
  }
  return (
    <Layout title="Confirm your new email address">
      <p className="mt-2 text-slate-600">
        Confirm to make the address this link was sent to the email address of your {shop.name} account. You will sign
        in with it from now on.
      </p>
      <ConfirmEmailForm shop={shop.handle} shopName={shop.name} token={token} action={confirmEmailChangeAction} />
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
