import type { Metadata } from "next";
import { OpenSupportSession } from "@/components/open-support-session";
import { SupportCustomerSearch } from "@/components/support-customer-search";
import { execute } from "@/graphql/execute";
import { graphql } from "@/graphql/generated/client";
import { endImpersonationAction, searchCustomersAction } from "../actions";

export const metadata: Metadata = { title: "Support console" };

const SupportHomeQuery = graphql(`
  query SupportHome {
    viewer {
      impersonation {
        id
        reason
        ticket
        startedAt
        expiresAt
        customer { displayName email }
      }
    }
  }
`);

export default async function SupportHomePage({ params }: { params: Promise<{ shop: string }> }) {
  const { shop } = await params;
  const { viewer } = await execute(SupportHomeQuery);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Find a customer</h1>
      {viewer.impersonation && (
        <OpenSupportSession
          shop={shop}
          session={viewer.impersonation}
          serverNow={new Date().toISOString()}
          end={endImpersonationAction.bind(null, shop)}
        />
      )}
      <SupportCustomerSearch shop={shop} action={searchCustomersAction} />
    </div>
  );
}
