import type { Metadata } from "next";
import type { ReactNode } from "react";
import { formatTime } from "@/components/dates";
import { legalBasisText } from "@/components/policy-wording";
import type { ProviderOption } from "@/components/provider-buttons";
import { isProviderRefusal, providerMessage, providerNameOf } from "@/components/provider-messages";
import { execute } from "@/graphql/execute";
import { graphql } from "@/graphql/generated/client";
import { setPasswordAction } from "./actions";
import { type CardContext, ConnectedAccountCard } from "./connected-account-card";
import { PasswordSetForm } from "./password-set-form";

export const metadata: Metadata = { title: "Connected accounts" };

const ConnectedAccountsPageQuery = graphql(`
  query ConnectedAccountsPage {
    viewer {
      shop { handle name }
      impersonation { id }
      customer {
        connectedAccounts {
          accounts {
            provider
            name
            providerId
            isAvailable
            isLinked
            linkedAt
            lastUsedAt
            unlinkedAt
            providedData { field label value }
            unlinkBlockedReason
          }
          hasPassword
          purposes { key label description legalBasis legalBasisDetail }
          retention { key label text }
          canLinkUntil
        }
      }
    }
  }
`);

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

function Note({ tone, children }: { tone: "done" | "info"; children: ReactNode }) {
  const colours =
    tone === "done" ? "border-emerald-700 bg-emerald-50 text-emerald-900" : "border-sky-700 bg-sky-50 text-sky-900";
  return (
    <div role="status" className={`rounded-lg border-2 px-5 py-4 ${colours}`}>
      {children}
    </div>
  );
}

export default async function ConnectedAccountsPage({ searchParams }: Props) {
  const query = await searchParams;
  const { viewer } = await execute(ConnectedAccountsPageQuery, {});
  if (!viewer.customer || !viewer.shop) return null;
  const { shop } = viewer;
  const { accounts, hasPassword, purposes, retention, canLinkUntil } = viewer.customer.connectedAccounts;
  const isReadOnly = Boolean(viewer.impersonation);
  const page = `/${shop.handle}/account/privacy/connected-accounts`;
  const linked: ProviderOption[] = accounts
    .filter((a) => a.isLinked)
    .map((a) => ({ providerId: a.providerId, name: a.name, provider: a.provider }));
  const nameOf = (key: string | string[] | undefined) => providerNameOf(key, accounts);
  const accountOf = (key: string | string[] | undefined) =>
    accounts.find((a) => a.provider.toLowerCase() === first(key)?.toLowerCase());

  // Back from the password page, having confirmed it's you to link a provider: from
  // "Link X" here (?ready=), or after the provider's answer was refused for want of it.
  const error = first(query.error);
  const isConfirmedForLink = error === "AUTHENTICATE_AGAIN" && Boolean(canLinkUntil);
  const readyFor = canLinkUntil ? accountOf(isConfirmedForLink ? query.provider : query.ready) : undefined;
  const problem = isConfirmedForLink
    ? null
    : isProviderRefusal(error) || !error
      ? providerMessage(error, { provider: nameOf(query.provider), shopName: shop.name })
      : // next-auth's own errors (cancelled at the provider, a failed check).
        "The provider did not complete the sign-in, so nothing was linked. Try again.";

  // Notes after a change, each shown only when it is true of the account now.
  const linkedNow = accountOf(query.linked);
  const unlinkedNow = accountOf(query.unlinked);
  const erasedNow = accountOf(query.erased);
  const keptText = retention.length
    ? "Otherwise we keep it, marked as unlinked, until you erase it here or the time below runs out."
    : "Otherwise we keep it, marked as unlinked, until you erase it here.";

  // When the only way to sign in cannot be unlinked for want of a password, the password
  // form is offered in that card; otherwise in its own section.
  const blocked = accounts.find((a) => a.isLinked && a.unlinkBlockedReason);
  const passwordFormInCard = !hasPassword && !isReadOnly && Boolean(blocked);

  const passwordForm = (
    <PasswordSetForm
      action={setPasswordAction.bind(null, shop.handle)}
      linked={linked}
      confirmUrl={`${page}?confirmed=1#set-password`}
    />
  );
  const card: CardContext = {
    shop: shop.handle,
    page,
    canLinkUntil: canLinkUntil ?? null,
    hasPassword,
    isReadOnly,
    keptText,
    passwordForm: passwordFormInCard ? passwordForm : null,
  };

  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-3xl font-bold">Connected accounts</h1>
        <p className="mt-2 text-slate-600">
          The social accounts you can sign in to {shop.name} with. For each: whether it is linked, when you last used it
          to sign in, and exactly what the provider gave us. Unlink one at any time, and choose whether we erase what it
          gave us; we never link an account for you.
        </p>
      </header>

      {problem && (
        <div role="alert" className="rounded-lg border-2 border-red-700 bg-red-50 px-5 py-4 text-red-900">
          <p className="font-semibold">Nothing was linked</p>
          <p className="mt-1 text-sm">{problem}</p>
        </div>
      )}
      {readyFor && !readyFor.isLinked && !isReadOnly && canLinkUntil && (
        <Note tone="info">
          <p className="font-semibold">Thank you for confirming it&apos;s you.</p>
          <p className="mt-1 text-sm">
            Now choose “Link {readyFor.name}
            {readyFor.unlinkedAt ? " again" : ""}” below; it works without asking again until {formatTime(canLinkUntil)}
            .
          </p>
        </Note>
      )}
      {linkedNow?.isLinked && (
        <Note tone="done">
          <p className="font-semibold">{linkedNow.name} is linked. You can now sign in with it.</p>
        </Note>
      )}
      {unlinkedNow && !unlinkedNow.isLinked && (
        <Note tone="done">
          <p className="font-semibold">
            {unlinkedNow.name} is unlinked
            {query.erased === "1" && unlinkedNow.providedData.length === 0
              ? ", and what it gave us is erased."
              : ". What it gave us is kept until you erase it."}
          </p>
        </Note>
      )}
      {erasedNow && !erasedNow.isLinked && erasedNow.providedData.length === 0 && !unlinkedNow && (
        <Note tone="done">
          <p className="font-semibold">What {erasedNow.name} gave us is erased.</p>
        </Note>
      )}
      {query.passwordSet === "1" && hasPassword && (
        <Note tone="done">
          <p className="font-semibold">Your password is set.</p>
          <p className="mt-1 text-sm">You can now sign in with your email address and this password.</p>
        </Note>
      )}
      {query.confirmed === "1" && !hasPassword && canLinkUntil && !isReadOnly && (
        <Note tone="info">
          <p className="font-semibold">Thank you for confirming it&apos;s you.</p>
          <p className="mt-1 text-sm">Set your password below before {formatTime(canLinkUntil)}.</p>
        </Note>
      )}
      {isReadOnly && (
        <Note tone="info">
          <p className="font-semibold">Support staff cannot change connected accounts.</p>
          <p className="mt-1 text-sm">This page is shown as the customer sees it, without its controls.</p>
        </Note>
      )}

      {accounts.length === 0 ? (
        <p className="text-slate-700">{shop.name} does not offer signing in with a social account.</p>
      ) : (
        <ul className="space-y-6">
          {accounts.map((account) => (
            <li key={account.provider}>
              <ConnectedAccountCard account={account} context={card} />
            </li>
          ))}
        </ul>
      )}

      {!hasPassword && !isReadOnly && !passwordFormInCard && (
        <section aria-labelledby="set-password" className="rounded-lg border border-slate-200 bg-white p-5 sm:p-6">
          <h2 id="set-password" className="scroll-mt-4 text-xl font-semibold">
            Set a password
          </h2>
          <p className="mt-1 mb-4 text-sm text-slate-600">
            Your account was opened with a provider and has no password yet. With one, you can also sign in with your
            email address, and your account no longer depends on a provider alone.
            {canLinkUntil ? "" : " We'll ask you to confirm it's you with a linked provider first."}
          </p>
          {passwordForm}
        </section>
      )}

      {(purposes.length > 0 || retention.length > 0) && (
        <section aria-labelledby="why" className="rounded-lg border border-slate-200 bg-white p-5 sm:p-6">
          <h2 id="why" className="text-xl font-semibold">
            Why we keep this, and for how long
          </h2>
          {purposes.length > 0 && (
            <ul className="mt-3 space-y-3">
              {purposes.map((purpose) => (
                <li key={purpose.key}>
                  <p className="font-medium">{purpose.label}</p>
                  <p className="text-sm text-slate-700">
                    On the basis of {legalBasisText(purpose.legalBasis)}
                    {purpose.legalBasisDetail ? ` (${purpose.legalBasisDetail.replace(/\.$/, "")})` : ""}.
                  </p>
                </li>
              ))}
            </ul>
          )}
          {retention.length > 0 && (
            <>
              <h3 className="mt-5 font-semibold">How long</h3>
              <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-700">
                {retention.map((rule) => (
                  <li key={rule.key}>
                    <span className="font-medium text-slate-900">{rule.label}:</span> {rule.text}
                  </li>
                ))}
              </ul>
            </>
          )}
          <p className="mt-4 text-sm text-slate-600">
            Unlinking stops a provider signing you in and is recorded in your access log; erasing deletes what it gave
            us at once.
          </p>
        </section>
      )}
    </div>
  );
}
