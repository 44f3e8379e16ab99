import type { Metadata } from "next";
import Link from "next/link";
import { ConsentHistory } from "@/components/consent-history";
import { type ConsentItem, isOn, POLICY_PURPOSE_KEYS, SWITCH_EXPLANATION } from "@/components/consent-options";
import { GlobalPrivacyControlNotice } from "@/components/global-privacy-control-notice";
import { SubscriptionsForm, type SwitchWording } from "@/components/subscriptions-form";
import { WithdrawAllForm } from "@/components/withdraw-all-form";
import { execute } from "@/graphql/execute";
import { graphql } from "@/graphql/generated/client";
import {
  applyGlobalPrivacyControlAction,
  loadOlderConsentHistoryAction,
  saveConsentsAction,
  withdrawAllAction,
} from "../consent-actions";
import { loadConsentHistory } from "../consent-history";

export const metadata: Metadata = { title: "My subscriptions" };

const SubscriptionsPageQuery = graphql(`
  query SubscriptionsPage {
    viewer {
      hasGlobalPrivacyControl
      shop {
        handle
        name
        policy {
          regime { name }
          honoursGlobalPrivacyControl
          purposes { key label description }
          marketing {
            channels { key label }
            topics { key label }
            requiresDoubleOptIn
            unsubscribeHint
          }
        }
      }
      customer {
        email
        consents {
          ...ConsentItemFields
        }
      }
    }
  }
`);

const SUBSCRIPTION_KINDS = new Set(["MARKETING", "PROFILING", "THIRD_PARTY_MARKETING"]);

export default async function SubscriptionsPage() {
  const { viewer } = await execute(SubscriptionsPageQuery, {});
  if (!viewer.customer || !viewer.shop) return null;
  const { shop, customer } = viewer;
  const { policy } = shop;
  // GraphQL results are null-prototype objects, which cannot cross to the browser as is.
  const all: ConsentItem[] = JSON.parse(JSON.stringify(customer.consents));
  const consents = all.filter((c) => SUBSCRIPTION_KINDS.has(c.purpose.kind));
  const covered = all.filter((c) => c.purpose.isCoveredByGlobalPrivacyControl);
  const switchWording: Record<string, SwitchWording> = {};
  for (const c of consents) {
    if (c.purpose.kind === "MARKETING") continue;
    const own = policy.purposes.find((p) => POLICY_PURPOSE_KEYS[c.purpose.key]?.includes(p.key));
    switchWording[c.purpose.key] = {
      explanation: SWITCH_EXPLANATION[c.purpose.key] ?? "",
      policy: own ? { label: own.label, description: own.description } : null,
    };
  }
  const history = await loadConsentHistory("all", null);
  const base = `/${shop.handle}/account/privacy`;
  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-3xl font-bold">My subscriptions</h1>
        <p className="mt-2 text-slate-600">
          What {shop.name} may send you, and whether it may use your data for advertising or share it with others for
          their marketing. Every choice is kept below with where and when you made it. Cookie choices are on{" "}
          <Link href={`${base}/cookies`} className="underline">
            Cookies
          </Link>
          .
        </p>
        <p className="mt-2 text-sm text-slate-600">{policy.marketing.unsubscribeHint}</p>
      </header>

      <GlobalPrivacyControlNotice
        action={applyGlobalPrivacyControlAction.bind(null, shop.handle)}
        hasSignal={viewer.hasGlobalPrivacyControl}
        isHonoured={policy.honoursGlobalPrivacyControl}
        shopName={shop.name}
        regimeName={policy.regime.name}
        coveredLabels={covered.map((c) => c.purpose.label)}
        stillRecordedLabels={covered.filter((c) => isOn(c.recordedState)).map((c) => c.purpose.label)}
      />

      <div className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm sm:p-6">
        <SubscriptionsForm
          action={saveConsentsAction.bind(null, shop.handle)}
          shopName={shop.name}
          email={customer.email}
          channels={policy.marketing.channels.map((c) => ({ key: c.key, label: c.label }))}
          topics={policy.marketing.topics.map((t) => ({ key: t.key, label: t.label }))}
          consents={consents}
          switchWording={switchWording}
          requiresDoubleOptIn={policy.marketing.requiresDoubleOptIn}
        />
      </div>

      <section aria-labelledby="everything" className="rounded-lg border border-slate-200 bg-white p-5 sm:p-6">
        <h2 id="everything" className="text-xl font-semibold">
          Unsubscribe from everything
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          One click withdraws every subscription above: messages on every channel, advertising and sharing. It takes
          effect at once. Your cookie choices stay as they are.
        </p>
        <WithdrawAllForm
          action={withdrawAllAction.bind(null, shop.handle)}
          shopName={shop.name}
          activeCount={consents.filter((c) => isOn(c.recordedState)).length}
        />
      </section>

      <section aria-labelledby="history">
        <h2 id="history" className="text-xl font-semibold">
          Your choices so far
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          Every choice about your subscriptions and cookies, newest first. Nothing here is ever changed or deleted.
        </p>
        <ConsentHistory
          key={history.items[0]?.id ?? "none"}
          initial={history}
          loadOlder={loadOlderConsentHistoryAction.bind(null, "all")}
          emptyText="You have not made any choice yet."
        />
      </section>
    </div>
  );
}
