import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { formatDay } from "@/components/dates";
import { isShareChannel } from "@/components/invitation-wording";
import { execute } from "@/graphql/execute";
import { graphql } from "@/graphql/generated/client";
import { objectAction } from "./actions";
import { ObjectionForm } from "./objection-form";

// The link's token must not travel on in a Referer header.
export const metadata: Metadata = { title: "Your invitation", referrer: "no-referrer" };

const InvitationLinkQuery = graphql(`
  query InvitationLinkPage($handle: String!, $token: String!) {
    shop(handle: $handle) {
      handle
      name
      policy { controllers { name } }
    }
    invitationLink(token: $token) {
      shop { handle }
      channel
      status
      inviterName
      friendEmail
      friendName
      createdAt
      expiresAt
      retentionDays
      canObject
      canAccept
    }
  }
`);

type Props = {
  params: Promise<{ shop: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const days = (n: number) => `${n} ${n === 1 ? "day" : "days"}`;

// Where an invitation's links lead (the friend's notice and share links): who invited
// the friend, what we hold about them and until when, "Create your account" and "Don't
// contact me again" (a server action). Opening the page changes nothing, because mail
// scanners and link previews open links too.
export default async function InvitationPage({ params, searchParams }: Props) {
  const { shop: handle } = await params;
  const query = await searchParams;
  const token = typeof query.token === "string" ? query.token : "";
  const { shop, invitationLink: link } = await execute(InvitationLinkQuery, { handle, token });
  if (!shop) notFound();
  const policy = `/${shop.handle}/privacy-policy`;
  // "Who we are: A and B." without a second full stop after "S.R.L.".
  const controllers = shop.policy.controllers
    .map((c) => c.name)
    .join(" and ")
    .replace(/\.$/, "");

  if (!link || link.shop.handle !== shop.handle) {
    return (
      <Layout title="We could not read this invitation link">
        <p role="alert" className="mt-4 rounded-md border border-red-300 bg-red-50 px-4 py-3 text-red-800">
          This invitation link is not valid. Use the whole link from the email or message you received.
        </p>
        <p className="mt-6 text-slate-600">
          You can still{" "}
          <Link href={`/${shop.handle}/sign-up`} className="underline">
            create a {shop.name} account
          </Link>{" "}
          without an invitation.
        </p>
      </Layout>
    );
  }

  const isShare = isShareChannel(link.channel);
  const inviter = link.inviterName;
  const isPastTime = new Date(link.expiresAt).getTime() <= Date.now();
  const holdsDetails = !isShare && Boolean(link.friendEmail);

  // Where the invitation stands, when it no longer simply waits for the friend.
  let standing: ReactNode = null;
  if (link.status === "OBJECTED") {
    standing =
      "You asked us not to contact you again. We deleted your details and nobody can invite this address again.";
  } else if (link.status === "ACCEPTED") {
    standing = (
      <>
        This invitation has been used: an account was opened with it.{" "}
        <Link href={`/${shop.handle}/sign-in`} className="underline">
          Sign in to {shop.name}
        </Link>
      </>
    );
  } else if (link.status === "WITHDRAWN") {
    standing = isShare
      ? `${inviter} withdrew this invitation, so the link no longer works.`
      : `${inviter} withdrew this invitation, and we deleted the details they gave us.`;
  } else if (link.status === "EXPIRED" || (link.status === "SENT" && isPastTime)) {
    // Past its time but not yet swept: the details go within hours.
    const details =
      link.status === "EXPIRED" ? "we deleted the details we were given" : "we delete your details within hours";
    standing = isShare
      ? "This invitation has expired, so the link no longer works."
      : `This invitation has expired, and ${details}.`;
  } else if (!link.canAccept) {
    standing = "This invitation can no longer be used to open an account.";
  }

  const held = (
    <section aria-labelledby="held" className="mt-8">
      <h2 id="held" className="text-lg font-semibold">
        What we hold about you
      </h2>
      {holdsDetails ? (
        <dl className="mt-3 grid gap-x-4 gap-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-[11rem_1fr]">
          <dt className="text-slate-600">Your email address</dt>
          <dd className="break-all text-slate-900">{link.friendEmail}</dd>
          {link.friendName && (
            <>
              <dt className="text-slate-600">Your name</dt>
              <dd className="break-words text-slate-900">{link.friendName}</dd>
            </>
          )}
          <dt className="text-slate-600">Who gave it to us</dt>
          <dd className="text-slate-900">{inviter}</dd>
          <dt className="text-slate-600">When</dt>
          <dd className="text-slate-900">{formatDay(link.createdAt)}</dd>
          <dt className="text-slate-600">Why</dt>
          <dd className="text-slate-900">
            Only to send you this invitation on {inviter}&apos;s behalf. We share it with no one.
          </dd>
          <dt className="text-slate-600">For how long</dt>
          <dd className="text-slate-900">
            Until {formatDay(link.expiresAt)} ({days(link.retentionDays)} from the invitation). If you have not opened
            an account by then, we delete it.
          </dd>
        </dl>
      ) : isShare ? (
        <p className="mt-2 text-slate-700">
          Nothing. {inviter} sent you this link, so we know nothing about you from it. If you open an account with it,{" "}
          {inviter} sees that the invitation was accepted, but not your name or address.
        </p>
      ) : (
        <p className="mt-2 text-slate-700">Nothing any more: we deleted the details we were given.</p>
      )}
    </section>
  );

  const content = (
    <>
      <p className="mt-2 text-slate-700">
        {isShare
          ? `${inviter}, a customer of ${shop.name}, sent you this invitation link.`
          : `${inviter}, a customer of ${shop.name}, gave us your email address on ${formatDay(link.createdAt)} to invite you, and told us you agreed to hear from us. We sent you one email about it and will send no other.`}
      </p>
      {standing && (
        <p role="status" className="mt-6 rounded-md border border-slate-300 bg-slate-100 px-4 py-3 text-slate-800">
          {standing}
        </p>
      )}
      {link.canAccept && (
        <section aria-labelledby="accept" className="mt-8 rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="accept" className="text-lg font-semibold">
            Join {shop.name}
          </h2>
          <p className="mt-1 text-slate-700">
            To accept, open an account. It takes a minute; you choose yourself which emails you get, if any.
          </p>
          <Link
            href={`/${shop.handle}/sign-up?invitation=${encodeURIComponent(token)}`}
            className="mt-4 inline-block rounded-md bg-brand px-4 py-2.5 font-semibold text-white no-underline hover:opacity-90"
          >
            Create your account
          </Link>
        </section>
      )}
      {/* Once accepted, what we hold is the friend's own account's business. */}
      {link.status !== "OBJECTED" && link.status !== "ACCEPTED" && held}
    </>
  );

  return (
    <Layout title={`${inviter} invited you to ${shop.name}`}>
      {link.canObject ? (
        <ObjectionForm token={token} action={objectAction}>
          {content}
          {!holdsDetails && (
            <p className="mt-4 text-sm text-slate-600">
              If you wish, we can still make sure nobody invites this address again.
            </p>
          )}
        </ObjectionForm>
      ) : (
        content
      )}
      <footer className="mt-10 border-t border-slate-200 pt-4 text-sm text-slate-600">
        <p>
          {controllers ? `Who we are: ${controllers}. ` : ""}
          Your rights, and how to complain, are in {shop.name}&apos;s{" "}
          <Link href={policy} className="underline">
            privacy policy
          </Link>
          .
        </p>
        {!isShare && (
          <p className="mt-2 text-xs text-slate-500">
            We tell you this because we got your details from someone else (GDPR Art. 14).
          </p>
        )}
      </footer>
    </Layout>
  );
}

function Layout({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main id="main" className="mx-auto max-w-2xl px-6 py-12">
      <h1 className="text-2xl font-bold">{title}</h1>
      {children}
    </main>
  );
}
