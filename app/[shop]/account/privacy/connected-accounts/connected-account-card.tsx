import Link from "next/link";
import type { ReactNode } from "react";
import { formatDay, formatTime } from "@/components/dates";
import { ProviderButtons } from "@/components/provider-buttons";
import type { ConnectedAccountsPageQuery } from "@/graphql/generated/client/graphql";
import { eraseProvidedDataAction, unlinkAction } from "./actions";
import { EraseForm, UnlinkForm } from "./connected-account-forms";

export type Account = NonNullable<
  ConnectedAccountsPageQuery["viewer"]["customer"]
>["connectedAccounts"]["accounts"][number];

// What every card needs to know of the page.
export type CardContext = {
  shop: string;
  // This page's path.
  page: string;
  canLinkUntil: string | null;
  hasPassword: boolean;
  // A support agent is looking: no controls.
  isReadOnly: boolean;
  // Under "Also erase what … gave us": what happens otherwise.
  keptText: string;
  // The "Set a password" form, for the card whose provider cannot be unlinked for want
  // of one; null when it is shown elsewhere or not at all.
  passwordForm: ReactNode;
};

const buttonClass =
  "inline-block rounded-md bg-brand px-4 py-2.5 font-semibold text-white no-underline hover:opacity-90";

// A value a provider gave us; a web address (a profile picture, a profile page) is shown
// as a link, never loaded: the page fetches nothing from the provider.
function ProvidedValue({ value }: { value: string }) {
  if (/^https?:\/\/\S+$/i.test(value)) {
    return (
      <a href={value} rel="noreferrer noopener" className="break-all underline">
        {value}
      </a>
    );
  }
  return <span className="break-words whitespace-pre-line">{value}</span>;
}

// "Link <provider>": straight to the provider while the customer proved who they are in
// the last 10 minutes, otherwise through the password-again page first.
function LinkControl({ account, isAgain, context }: { account: Account; isAgain: boolean; context: CardContext }) {
  if (!account.isAvailable) {
    return <p className="text-sm text-slate-600">Not set up in this installation.</p>;
  }
  const key = account.provider.toLowerCase();
  if (!context.canLinkUntil) {
    // Back here afterwards, ready to link this provider.
    const next = `${context.page}?${new URLSearchParams({ ready: key })}`;
    const reauthenticate = `/${context.shop}/account/reauthenticate?${new URLSearchParams({ next, reason: "link" })}`;
    return (
      <div>
        <Link href={reauthenticate} className={buttonClass}>
          Link {account.name}
          {isAgain ? " again" : ""}
        </Link>
        <p className="mt-1 text-sm text-slate-600">
          {context.hasPassword
            ? "You'll be asked for your password first."
            : "You'll be asked to confirm it's you first."}
        </p>
      </div>
    );
  }
  return (
    <div className="max-w-sm">
      <ProviderButtons
        providers={[{ providerId: account.providerId, name: account.name, provider: account.provider }]}
        callbackUrl={`${context.page}?linked=${key}`}
        labelPrefix="Link"
        labelSuffix={isAgain ? "again" : undefined}
      />
      <p className="mt-1 text-sm text-slate-600">You&apos;ll sign in at {account.name}, then come back here.</p>
    </div>
  );
}

function Actions({ account, context }: { account: Account; context: CardContext }) {
  if (account.isLinked) {
    if (account.unlinkBlockedReason) {
      return (
        <div className="space-y-4">
          <p className="rounded-md border border-amber-400 bg-amber-50 px-4 py-3 text-sm text-amber-950">
            {account.unlinkBlockedReason}
          </p>
          {context.passwordForm && (
            <section aria-labelledby="set-password" className="rounded-md border border-slate-200 p-4">
              <h3 id="set-password" className="scroll-mt-4 text-lg font-semibold">
                Set a password
              </h3>
              <p className="mt-1 mb-4 text-sm text-slate-600">
                Then you can sign in with your email address and this password, and unlink {account.name} if you wish.
              </p>
              {context.passwordForm}
            </section>
          )}
        </div>
      );
    }
    return (
      <UnlinkForm
        action={unlinkAction.bind(null, context.shop, account.provider)}
        name={account.name}
        keptText={context.keptText}
      />
    );
  }
  if (account.unlinkedAt) {
    return (
      <div className="space-y-4">
        <EraseForm action={eraseProvidedDataAction.bind(null, context.shop, account.provider)} name={account.name} />
        <LinkControl account={account} isAgain context={context} />
      </div>
    );
  }
  return <LinkControl account={account} isAgain={false} context={context} />;
}

// One provider: whether it is linked, when it was used, exactly what it gave us, and
// what can be done about it.
export function ConnectedAccountCard({ account, context }: { account: Account; context: CardContext }) {
  const headingId = `account-${account.provider.toLowerCase()}`;
  const hasRecord = account.isLinked || Boolean(account.unlinkedAt);
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm sm:p-6">
      <h2 id={headingId} className="text-xl font-semibold">
        {account.name}
      </h2>
      <p className="mt-1 font-medium">
        {account.isLinked ? (
          <span className="text-emerald-800">
            {account.linkedAt ? `Linked since ${formatDay(account.linkedAt)}` : "Linked"}
          </span>
        ) : account.unlinkedAt ? (
          <span className="text-slate-800">
            Unlinked on {formatDay(account.unlinkedAt)} — what it gave us is still kept
          </span>
        ) : (
          <span className="text-slate-700">Not linked</span>
        )}
      </p>
      {hasRecord && (
        <p className="mt-1 text-sm text-slate-600">
          {account.lastUsedAt ? `Last used to sign in ${formatTime(account.lastUsedAt)}` : "Never used to sign in"}
        </p>
      )}

      {(hasRecord || account.providedData.length > 0) && (
        <div className="mt-4">
          <h3 className="font-semibold">What {account.name} gave us</h3>
          {account.providedData.length ? (
            <dl className="mt-2 divide-y divide-slate-200 rounded-md border border-slate-200 text-sm">
              {account.providedData.map((item) => (
                <div key={item.field} className="grid gap-1 px-3 py-2 sm:grid-cols-[12rem_1fr] sm:gap-4">
                  <dt className="font-medium text-slate-700">{item.label}</dt>
                  <dd className="min-w-0 text-slate-900">
                    <ProvidedValue value={item.value} />
                  </dd>
                </div>
              ))}
            </dl>
          ) : (
            <p className="mt-1 text-sm text-slate-600">Nothing besides the link itself.</p>
          )}
        </div>
      )}

      {!context.isReadOnly && (
        <div className="mt-5">
          <Actions account={account} context={context} />
        </div>
      )}
    </section>
  );
}
