import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { execute } from "@/graphql/execute";
import { graphql } from "@/graphql/generated/client";
import { reauthenticateAction } from "./actions";
import { ReauthenticateForm } from "./reauthenticate-form";
import { isDownload, safeNext } from "./safe-next";

// `next` can hold a download link's token: it must not travel on in a Referer header.
export const metadata: Metadata = { title: "Enter your password again", referrer: "no-referrer" };

const ReauthenticatePageQuery = graphql(`
  query ReauthenticatePage($handle: String!) {
    shop(handle: $handle) { handle name }
    viewer {
      isSignedIn
      shop { handle }
      customer { email }
    }
  }
`);

type Props = {
  params: Promise<{ shop: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// Before handing over the whole account's data, the password is asked for again when
// it was not entered in the last 10 minutes; the browser then goes where it was going.
export default async function ReauthenticatePage({ params, searchParams }: Props) {
  const { shop: handle } = await params;
  const query = await searchParams;
  const { shop, viewer } = await execute(ReauthenticatePageQuery, { handle });
  if (!shop) notFound();
  const next = safeNext(shop.handle, query.next);
  // A session for another shop does not open this shop's account.
  if (!viewer.isSignedIn || viewer.shop?.handle !== shop.handle || !viewer.customer) {
    const back = `/${shop.handle}/account/reauthenticate?next=${encodeURIComponent(next)}`;
    redirect(`/${shop.handle}/sign-in?next=${encodeURIComponent(back)}`);
  }
  const exportPage = `/${shop.handle}/account/privacy/export`;
  return (
    <main id="main" className="mx-auto max-w-md px-6 py-12">
      <p className="text-sm text-slate-500">
        <Link href={`/${shop.handle}/account/privacy`} className="underline">
          My Account → Privacy
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">Enter your password again</h1>
      <p className="mt-2 text-slate-600">
        {isDownload(next)
          ? "Your download holds all the data we have about you. For your security, we ask for your password when it has not been entered in the last 10 minutes."
          : "For your security, enter your password again to continue."}
      </p>
      <p className="mt-2 text-sm text-slate-600">
        Signed in as <strong className="break-words">{viewer.customer.email}</strong>.
      </p>
      <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <ReauthenticateForm action={reauthenticateAction.bind(null, shop.handle)} next={next} />
      </div>
      <p className="mt-6 text-sm">
        <Link href={exportPage} className="underline">
          Back to Download my data
        </Link>
      </p>
    </main>
  );
}
