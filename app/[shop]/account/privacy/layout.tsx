import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import type { ReactNode } from "react";
import { formatDay } from "@/components/dates";
import { DeletionBanner } from "@/components/deletion-banner";
import { ImpersonationBanner } from "@/components/impersonation-banner";
import { PrivacyNav } from "@/components/privacy-nav";
import { RestrictionNotice } from "@/components/request-restriction-banner";
import { scheduledDeletionText } from "@/components/scheduled-deletion";
import { execute } from "@/graphql/execute";
import { graphql } from "@/graphql/generated/client";
import { endImpersonationAction } from "../../support/actions";
import { cancelDeletionAction } from "./delete/actions";

const AccountGateQuery = graphql(`
  query AccountGate($handle: String!) {
    shop(handle: $handle) { handle }
    viewer {
      isSignedIn
      shop { handle }
      customer { restrictedAt deletionRequest { status scheduledFor } }
      agent { displayName role }
      impersonation { id reason ticket startedAt expiresAt customer { displayName email } }
    }
  }
`);

export default async function PrivacyLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ shop: string }>;
}) {
  const { shop } = await params;
  const { shop: found, viewer } = await execute(AccountGateQuery, { handle: shop });
  if (!found) notFound();
  // A support agent without an open support session (none started, or it ran out or was
  // ended) goes back to the console rather than to the customers' sign-in.
  if (viewer.agent && (!viewer.customer || !viewer.impersonation || viewer.shop?.handle !== shop)) {
    redirect(`/${viewer.shop?.handle ?? shop}/support`);
  }
  // A session for another shop does not open this shop's account.
  if (!viewer.isSignedIn || viewer.shop?.handle !== shop) {
    // Back to the section asked for (the path comes from proxy.ts; only this shop's
    // privacy pages are accepted).
    const asked = (await headers()).get("x-account-path") ?? "";
    const isOwnPage = asked.startsWith(`/${shop}/account/privacy`) && !asked.includes("//") && !asked.includes("\\");
    redirect(`/${shop}/sign-in?next=${encodeURIComponent(isOwnPage ? asked : `/${shop}/account/privacy`)}`);
  }
  return (
    <div className="mx-auto max-w-6xl px-6 py-8">
      {viewer.agent && viewer.impersonation && (
        <div className="mb-4">
          <ImpersonationBanner
            agentName={viewer.agent.displayName}
            customerName={viewer.impersonation.customer?.displayName ?? "the customer"}
            customerEmail={viewer.impersonation.customer?.email ?? ""}
            reason={viewer.impersonation.reason}
            ticket={viewer.impersonation.ticket}
            startedAt={viewer.impersonation.startedAt}
            expiresAt={viewer.impersonation.expiresAt}
            serverNow={new Date().toISOString()}
            end={endImpersonationAction.bind(null, shop)}
          />
        </div>
      )}
      <p className="text-sm text-slate-500">My Account → Privacy</p>
      {/* While the account is scheduled for deletion, every page offers to cancel. */}
      <DeletionBanner
        shop={shop}
        scheduledFor={scheduledDeletionText(viewer.customer?.deletionRequest)}
        cancel={cancelDeletionAction.bind(null, shop)}
      />
      {/* While the use of the data is restricted (a granted request), every page says so. */}
      <RestrictionNotice
        shop={shop}
        since={viewer.customer?.restrictedAt ? formatDay(viewer.customer.restrictedAt) : null}
      />
      <div className="mt-4 grid gap-8 lg:grid-cols-[14rem_1fr]">
        <aside className="min-w-0">
          <PrivacyNav shop={shop} />
        </aside>
        <main id="main" className="min-w-0">
          {children}
        </main>
      </div>
    </div>
  );
}
