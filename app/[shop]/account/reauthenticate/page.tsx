import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { ProviderButtons, type ProviderOption } from "@/components/provider-buttons";
import { execute } from "@/graphql/execute";
import { graphql } from "@/graphql/generated/client";
import { reauthenticateAction } from "./actions";
import { ReauthenticateForm } from "./reauthenticate-form";
import { isDownload, safeNext } from "./safe-next";

// `next` can hold a download link's token: it must not travel on in a Referer header.
export const metadata: Metadata = { title: "Confirm it's you", referrer: "no-referrer" };

const ReauthenticatePageQuery = graphql(`
  query ReauthenticatePage($handle: String!) {
    shop(handle: $handle) { handle name }
    viewer {
      isSignedIn
      shop { handle }
      impersonation { id }
      customer {
        email
        connectedAccounts {
          hasPassword
          accounts { provider name providerId isAvailable isLinked }
        }
      }
    }
  }
`);

type Props = {
  params: Promise<{ shop: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// Before handing over the whole account's data, or linking another provider, the
// customer proves again who they are when they have not in the last 10 minutes: with
// their password, or with a provider already linked (the only way for an account opened
// with a provider). The browser then goes where it was going.
export default async function ReauthenticatePage({ params, searchParams }: Props) {
  const { shop: handle } = await params;
  const query = await searchParams;
  const { shop, viewer } = await execute(ReauthenticatePageQuery, { handle });
  if (!shop) notFound();
  const next = safeNext(shop.handle, query.next);
  const isForLink = query.reason === "link";
  // A session for another shop does not open this shop's account.
  if (!viewer.isSignedIn || viewer.shop?.handle !== shop.handle || !viewer.customer) {
    const back = `/${shop.handle}/account/reauthenticate?next=${encodeURIComponent(next)}${isForLink ? "&reason=link" : ""}`;
    redirect(`/${shop.handle}/sign-in?next=${encodeURIComponent(back)}`);
  }
  const { hasPassword, accounts } = viewer.customer.connectedAccounts;
  // A support agent acting in the account cannot confirm with the customer's providers
  // (the server refuses it); the page says so instead of offering them.
  const isSupportSession = Boolean(viewer.impersonation);
  const linked: ProviderOption[] = accounts
    .filter((a) => a.isLinked && a.isAvailable && !isSupportSession)
    .map((a) => ({ providerId: a.providerId, name: a.name, provider: a.provider }));
  const connectedPage = `/${shop.handle}/account/privacy/connected-accounts`;
  const exportPage = `/${shop.handle}/account/privacy/export`;
  const back = next.startsWith(connectedPage)
    ? { href: connectedPage, label: "Back to Connected accounts" }
    : next.startsWith(`/${shop.handle}/account/privacy/`) && !next.startsWith(exportPage)
      ? { href: `/${shop.handle}/account/privacy`, label: "Back to My Account → Privacy" }
      : { href: exportPage, label: "Back to Download my data" };
  // A provider's answer ends in a redirect: a download there would leave the browser on
  // the provider's last page, so it comes back to the export page, where the download
  // then starts without asking again.
  const providerNext = isDownload(next) ? exportPage : next;

  const intro = isForLink
    ? "Before linking another account, confirm it's you."
    : isDownload(next)
      ? "Your download holds all the data we have about you. For your security, we ask you to confirm it's you when you have not in the last 10 minutes."
      : "For your security, confirm it's you to continue.";
  const how = hasPassword
    ? linked.length
      ? "Enter your password, or sign in again with an account you have linked."
      : "Enter your password again."
    : "Your account has no password: sign in again with an account you have linked.";

  return (
    <main id="main" className="mx-auto max-w-md px-6 py-12">
      <p className="text-sm text-slate-500">
        <Link href={`/${shop.handle}/account/privacy`} className="underline">
          My Account → Privacy
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">
        {hasPassword && !isForLink ? "Enter your password again" : "Confirm it's you"}
      </h1>
      <p className="mt-2 text-slate-600">
        {intro} {how}
      </p>
      <p className="mt-2 text-sm text-slate-600">
        Signed in as <strong className="break-words">{viewer.customer.email}</strong>.
      </p>
      {hasPassword && (
        <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <ReauthenticateForm action={reauthenticateAction.bind(null, shop.handle)} next={next} />
        </div>
      )}
      {linked.length > 0 ? (
        <section
          aria-labelledby="with-provider"
          className={hasPassword ? "mt-6" : "mt-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm"}
        >
          <h2 id="with-provider" className={hasPassword ? "text-base font-semibold" : "sr-only"}>
            {hasPassword ? "Or confirm with a linked account" : "Confirm with a linked account"}
          </h2>
          {hasPassword && (
            <p className="mt-1 text-sm text-slate-600">You sign in at the provider, then come back here.</p>
          )}
          <div className="mt-3">
            <ProviderButtons providers={linked} callbackUrl={providerNext} labelPrefix="Confirm it's you with" />
          </div>
          {!hasPassword && (
            <p className="mt-3 text-sm text-slate-600">You sign in at the provider, then come back here.</p>
          )}
        </section>
      ) : isSupportSession ? (
        <p className="mt-6 text-sm text-slate-600">
          Support staff cannot confirm it&apos;s the customer with the accounts linked to theirs.
        </p>
      ) : (
        !hasPassword && (
          <p
            role="alert"
            className="mt-6 rounded-md border border-amber-400 bg-amber-50 px-4 py-3 text-sm text-amber-950"
          >
            None of the accounts linked to yours can be used to sign in at the moment, so we cannot confirm it&apos;s
            you here. Try again later, or contact {shop.name}.
          </p>
        )
      )}
      <p className="mt-6 text-sm">
        <Link href={back.href} className="underline">
          {back.label}
        </Link>
      </p>
    </main>
  );
}
