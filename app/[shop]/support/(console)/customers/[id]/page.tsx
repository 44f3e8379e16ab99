import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatTime } from "@/components/dates";
import { ImpersonationStartForm } from "@/components/impersonation-start-form";
import { OpenSupportSession } from "@/components/open-support-session";
import { RepresentativeRequestForm } from "@/components/request-representative-form";
import { STATUS_WORDS } from "@/components/support-wording";
import { execute } from "@/graphql/execute";
import { graphql } from "@/graphql/generated/client";
import { IMPERSONATION } from "@/server/impersonation";
import { endImpersonationAction, recordRepresentativeRequestAction, startImpersonationAction } from "../../../actions";

export const metadata: Metadata = { title: "Customer · Support console" };

const SupportCustomerQuery = graphql(`
  query SupportCustomerPage($id: ID!, $handle: String!) {
    supportCustomer(id: $id) {
      id
      email
      displayName
      status
      createdAt
      lastSignInAt
      openDeletionRequests
      supportAccess { isPermissionRequired isAllowed grantedAt expiresAt }
    }
    shop(handle: $handle) {
      policy {
        requests {
          authorisedAgentsAllowed
          authorisedAgentRequirement
          types { type label asksForPurposes detailsLabel }
          objectionPurposes { key label }
        }
      }
    }
    viewer {
      impersonation {
        id
        reason
        ticket
        startedAt
        expiresAt
        customer { id displayName email }
      }
    }
  }
`);

type Props = { params: Promise<{ shop: string; id: string }> };

function accessWords(access: {
  isPermissionRequired: boolean;
  isAllowed: boolean;
  grantedAt?: string | null;
  expiresAt?: string | null;
}): string {
  if (!access.isPermissionRequired) return "Allowed: this shop does not ask customers for permission.";
  if (!access.isAllowed) return "Not allowed: the customer has not given permission (or it has ended).";
  return `Allowed by the customer${access.grantedAt ? ` on ${formatTime(access.grantedAt)}` : ""}, ${
    access.expiresAt ? `until ${formatTime(access.expiresAt)}` : "until they withdraw it"
  }.`;
}

export default async function SupportCustomerPage({ params }: Props) {
  const { shop, id } = await params;
  const {
    supportCustomer: customer,
    viewer,
    shop: shopInfo,
  } = await execute(SupportCustomerQuery, {
    id: decodeURIComponent(id),
    handle: shop,
  });
  if (!customer) notFound();
  const session = viewer.impersonation;
  const requests = shopInfo?.policy.requests;
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href={`/${shop}/support`} className="underline">
          ← Find a customer
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{customer.displayName}</h1>
      {session && (
        <OpenSupportSession
          shop={shop}
          session={session}
          serverNow={new Date().toISOString()}
          end={endImpersonationAction.bind(null, shop)}
        />
      )}
      <section aria-labelledby="summary-title" className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h2 id="summary-title" className="text-lg font-semibold">
          Summary
        </h2>
        <dl className="mt-3 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[12rem_1fr]">
          <dt className="font-medium text-slate-700">Email</dt>
          <dd className="break-all">{customer.email}</dd>
          <dt className="font-medium text-slate-700">Status</dt>
          <dd>{STATUS_WORDS[customer.status] ?? customer.status}</dd>
          <dt className="font-medium text-slate-700">Customer since</dt>
          <dd>{formatTime(customer.createdAt)}</dd>
          <dt className="font-medium text-slate-700">Last sign-in</dt>
          <dd>{customer.lastSignInAt ? formatTime(customer.lastSignInAt) : "Never"}</dd>
          <dt className="font-medium text-slate-700">Open deletion requests</dt>
          <dd>{customer.openDeletionRequests}</dd>
          <dt className="font-medium text-slate-700">Support access</dt>
          <dd>{accessWords(customer.supportAccess)}</dd>
        </dl>
      </section>
      <section aria-labelledby="start-title" className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h2 id="start-title" className="text-lg font-semibold">
          Start support session
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          You will see {customer.displayName}&apos;s privacy centre as they do, for at most {IMPERSONATION.maxMinutes}{" "}
          minutes. Everything you look at or change is recorded and shown to the customer.
          {session ? " Starting a new session ends your open one." : ""}
        </p>
        <div className="mt-4">
          <ImpersonationStartForm
            action={startImpersonationAction.bind(null, shop, customer.id)}
            reasonMinLength={IMPERSONATION.reasonMinLength}
            reasonMaxLength={IMPERSONATION.reasonMaxLength}
            ticketMaxLength={IMPERSONATION.ticketMaxLength}
          />
        </div>
      </section>
      {requests?.authorisedAgentsAllowed && requests.types.length > 0 && (
        <section
          aria-labelledby="representative-title"
          className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm"
        >
          <h2 id="representative-title" className="text-lg font-semibold">
            Record a request from an authorised agent or representative
          </h2>
          <p className="mt-1 text-sm text-slate-600">
            For a request someone sent by post or email on {customer.displayName}&apos;s behalf. Nothing is done until
            the privacy officer has checked their proof of authority in the request queue; the customer is told by
            email.
          </p>
          <div className="mt-4">
            <RepresentativeRequestForm
              action={recordRepresentativeRequestAction.bind(null, shop, customer.id)}
              types={requests.types.map((t) => ({ ...t }))}
              purposes={requests.objectionPurposes.map((p) => ({ ...p }))}
              requirement={requests.authorisedAgentRequirement ?? null}
            />
          </div>
        </section>
      )}
    </div>
  );
}
