import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { formatTime } from "@/components/dates";
import { DeletionBanner } from "@/components/deletion-banner";
import { ImpersonationBanner } from "@/components/impersonation-banner";
import { scheduledDeletionText } from "@/components/scheduled-deletion";
import { execute } from "@/graphql/execute";
import { graphql } from "@/graphql/generated/client";
import { isDemoMode } from "@/server/auth/secret";
import { endImpersonationAction } from "../../support/actions";
import { cancelDeletionAction } from "../privacy/delete/actions";
import { requestEmailChangeAction } from "./actions";
import { EmailChangeForm } from "./email-change-form";

export const metadata: Metadata = { title: "Change your email address" };

const EmailPageQuery = graphql(`
  query EmailChangePage($handle: String!) {
    shop(handle: $handle) { handle name }
    viewer {
      isSignedIn
      shop { handle }
      customer {
        email
        pendingEmailChange { newEmail expiresAt }
        deletionRequest { status scheduledFor }
        connectedAccounts { hasPassword }
      }
      agent { displayName }
      impersonation { id reason ticket startedAt expiresAt customer { displayName email } }
    }
  }
`);

export default async function EmailChangePage({ params }: { params: Promise<{ shop: string }> }) {
  const { shop: handle } = await params;
  const { shop, viewer } = await execute(EmailPageQuery, { handle });
  if (!shop) notFound();
  // A support agent without an open support session goes back to the console.
  if (viewer.agent && (!viewer.customer || !viewer.impersonation || viewer.shop?.handle !== shop.handle)) {
    redirect(`/${viewer.shop?.handle ?? shop.handle}/support`);
  }
  // A session for another shop does not open this shop's account.
  if (!viewer.isSignedIn || viewer.shop?.handle !== shop.handle || !viewer.customer) {
    redirect(`/${shop.handle}/sign-in?next=${encodeURIComponent(`/${shop.handle}/account/email`)}`);
  }
  const { email, pendingEmailChange: pending, deletionRequest } = viewer.customer;
  const scheduledFor = scheduledDeletionText(deletionRequest);
  const session = viewer.agent ? viewer.impersonation : null;
  return (
    <main id="main" className="mx-auto max-w-lg px-6 py-12">
      {session && viewer.agent && (
        <div className="mb-4">
          <ImpersonationBanner
            agentName={viewer.agent.displayName}
            customerName={session.customer?.displayName ?? "the customer"}
            customerEmail={session.customer?.email ?? ""}
            reason={session.reason}
            ticket={session.ticket}
            startedAt={session.startedAt}
            expiresAt={session.expiresAt}
            serverNow={new Date().toISOString()}
            end={endImpersonationAction.bind(null, shop.handle)}
          />
        </div>
      )}
      <p className="text-sm text-slate-500">
        <Link href={`/${shop.handle}/account/privacy`} className="underline">
          My Account → Privacy
        </Link>
      </p>
      <DeletionBanner
        shop={shop.handle}
        scheduledFor={scheduledFor}
        cancel={cancelDeletionAction.bind(null, shop.handle)}
      />
      <h1 className={`${scheduledFor ? "mt-6" : "mt-2"} text-2xl font-bold`}>Change your email address</h1>
      <p className="mt-2 text-slate-600">
        Your email address is <strong>{email}</strong>. You also sign in with it. We send a link to the new address, and
        the change happens when you open it; we tell the current address that a change was asked for.
      </p>
      {pending && (
        <p className="mt-4 rounded-md border border-sky-300 bg-sky-50 px-4 py-3 text-sm text-sky-900">
          Waiting for confirmation: <strong>{pending.newEmail}</strong>. The link we sent works until{" "}
          {formatTime(pending.expiresAt)}. Asking again replaces it.
        </p>
      )}
      <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <EmailChangeForm
          action={requestEmailChangeAction.bind(null, shop.handle)}
          isDemo={isDemoMode()}
          hasPassword={viewer.customer.connectedAccounts.hasPassword}
          confirmUrl={`/${shop.handle}/account/reauthenticate?next=${encodeURIComponent(`/${shop.handle}/account/email`)}`}
        />
      </div>
    </main>
  );
}
