import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import type { ReactNode } from "react";
import { DeletionBanner } from "@/components/deletion-banner";
import { PrivacyNav } from "@/components/privacy-nav";
import { scheduledDeletionText } from "@/components/scheduled-deletion";
import { execute } from "@/graphql/execute";
import { graphql } from "@/graphql/generated/client";
import { cancelDeletionAction } from "./delete/actions";

const AccountGateQuery = graphql(`
  query AccountGate($handle: String!) {
    shop(handle: $handle) { handle }
    viewer {
      isSignedIn
      shop { handle }
      customer { deletionRequest { status scheduledFor } }
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
      <p className="text-sm text-slate-500">My Account → Privacy</p>
      {/* While the account is scheduled for deletion, every page offers to cancel. */}
      <DeletionBanner
        shop={shop}
        scheduledFor={scheduledDeletionText(viewer.customer?.deletionRequest)}
        cancel={cancelDeletionAction.bind(null, shop)}
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
