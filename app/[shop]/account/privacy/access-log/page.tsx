import type { Metadata } from "next";
import { AccessLogList } from "@/components/access-log-list";
import { SupportAccessForms } from "@/components/support-access-forms";
import { execute } from "@/graphql/execute";
import { graphql } from "@/graphql/generated/client";
import { loadAccessLog } from "./access-log";
import { grantSupportAccessAction, loadOlderAccessLogAction, revokeSupportAccessAction } from "./actions";

export const metadata: Metadata = { title: "Access log" };

const AccessLogPageQuery = graphql(`
  query AccessLogPage {
    viewer {
      shop { handle name }
      customer {
        supportAccess { isPermissionRequired isAllowed grantedAt expiresAt }
      }
    }
  }
`);

export default async function AccessLogPage() {
  const { viewer } = await execute(AccessLogPageQuery, {});
  if (!viewer.customer || !viewer.shop) return null;
  const { shop } = viewer;
  const access = viewer.customer.supportAccess;
  const log = await loadAccessLog(null);
  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-3xl font-bold">Access log</h1>
        <p className="mt-2 text-slate-600">
          Who opened your account and when: your sign-ins, every time {shop.name} support acted in your account and what
          they viewed or changed, every time one of {shop.name}&apos;s partners read or changed your data through its
          API key, and every time a hidden value was shown or a document downloaded. Nothing here is ever changed or
          deleted.
        </p>
      </header>

      <section aria-labelledby="support-access" className="rounded-lg border border-slate-200 bg-white p-5 sm:p-6">
        <h2 id="support-access" className="text-xl font-semibold">
          Support access
        </h2>
        <SupportAccessForms
          access={{
            isPermissionRequired: access.isPermissionRequired,
            isAllowed: access.isAllowed,
            expiresAt: access.expiresAt ?? null,
          }}
          hasGrant={Boolean(access.grantedAt)}
          grant={grantSupportAccessAction.bind(null, shop.handle)}
          revoke={revokeSupportAccessAction.bind(null, shop.handle)}
        />
      </section>

      <section aria-labelledby="log">
        <h2 id="log" className="text-xl font-semibold">
          Everything that happened in your account
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          Newest first. Times are in UTC; addresses are shortened (the last part hidden).
        </p>
        <AccessLogList
          key={log.items[0]?.id ?? "none"}
          initial={log}
          loadOlder={loadOlderAccessLogAction}
          emptyText="Nothing yet: your sign-ins and any support sessions will be listed here."
        />
      </section>
    </div>
  );
}
