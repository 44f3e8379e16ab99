import type { Metadata } from "next";
import Link from "next/link";
import { ConsentHistory } from "@/components/consent-history";
import { type ConsentItem, isOn } from "@/components/consent-options";
import { CookiePreferencesForm } from "@/components/cookie-preferences-form";
import { GlobalPrivacyControlNotice } from "@/components/global-privacy-control-notice";
import { execute } from "@/graphql/execute";
import { graphql } from "@/graphql/generated/client";
import { applyGlobalPrivacyControlAction, loadOlderConsentHistoryAction, saveConsentsAction } from "../consent-actions";
import { loadConsentHistory } from "../consent-history";

export const metadata: Metadata = { title: "Cookie preferences" };

const CookiesPageQuery = graphql(`
  query CookiesPage {
    viewer {
      hasGlobalPrivacyControl
      shop {
        handle
        name
        policy {
          regime { name }
          honoursGlobalPrivacyControl
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

export default async function CookiesPage() {
  const { viewer } = await execute(CookiesPageQuery, {});
  if (!viewer.customer || !viewer.shop) return null;
  const { shop, customer } = viewer;
  const { policy } = shop;
  // GraphQL results are null-prototype objects, which cannot cross to the browser as is.
  const all: ConsentItem[] = JSON.parse(JSON.stringify(customer.consents));
  const cookies = all.filter((c) => c.purpose.kind === "COOKIES");
  const covered = all.filter((c) => c.purpose.isCoveredByGlobalPrivacyControl);
  const history = await loadConsentHistory("cookies", null);
  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-3xl font-bold">Cookie preferences</h1>
        <p className="mt-2 text-slate-600">
          Which cookies {shop.name} may use when you visit its website. Your choices are kept with your account, so they
          apply on every device where you sign in. Marketing choices are on{" "}
          <Link href={`/${shop.handle}/account/privacy/subscriptions`} className="underline">
            My subscriptions
          </Link>
          .
        </p>
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

      <section
        aria-labelledby="categories"
        className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm sm:p-6"
      >
        <h2 id="categories" className="text-xl font-semibold">
          Cookie categories
        </h2>
        <CookiePreferencesForm
          action={saveConsentsAction.bind(null, shop.handle)}
          email={customer.email}
          consents={cookies}
        />
      </section>

      <section aria-labelledby="history">
        <h2 id="history" className="text-xl font-semibold">
          Your cookie choices so far
        </h2>
        <p className="mt-1 text-sm text-slate-600">Newest first. Nothing here is ever changed or deleted.</p>
        <ConsentHistory
          key={history.items[0]?.id ?? "none"}
          initial={history}
          loadOlder={loadOlderConsentHistoryAction.bind(null, "cookies")}
          emptyText="You have not made any cookie choice yet."
        />
      </section>
    </div>
  );
}
