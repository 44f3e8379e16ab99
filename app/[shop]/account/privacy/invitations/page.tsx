import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { formatTime } from "@/components/dates";
import { execute } from "@/graphql/execute";
import { graphql } from "@/graphql/generated/client";
import { createShareLinkAction, eraseFriendDetailsAction, inviteByEmailAction } from "./actions";
import { InvitationCard } from "./invitation-card";
import { EmailInviteForm, EraseAllForm, ShareLinkForms } from "./invitation-forms";

export const metadata: Metadata = { title: "Invited friends" };

const PAGE = 20;

const InvitationsPageQuery = graphql(`
  query InvitationsPage($first: Int!, $after: String) {
    viewer {
      shop { handle name }
      impersonation { id }
      customer {
        invitations(first: $first, after: $after) {
          totalCount
          channels
          retentionDays
          perDay
          remainingToday
          nextAllowedAt
          pageInfo { hasNextPage endCursor }
          edges {
            node {
              id
              channel
              status
              friendName
              friendEmail
              createdAt
              expiresAt
              closedAt
              detailsErasedAt
              link
              shareUrl
            }
          }
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

const days = (n: number) => `${n} ${n === 1 ? "day" : "days"}`;

export default async function InvitationsPage({ searchParams }: Props) {
  const query = await searchParams;
  const after = first(query.after);
  const cursor = after && /^[A-Za-z0-9_-]{1,100}$/.test(after) ? after : null;
  const { viewer } = await execute(InvitationsPageQuery, { first: PAGE, after: cursor });
  if (!viewer.customer || !viewer.shop) return null;
  const { shop } = viewer;
  const list = viewer.customer.invitations;
  const isReadOnly = Boolean(viewer.impersonation);
  const page = `/${shop.handle}/account/privacy/invitations`;
  const isOffered = list.channels.length > 0;
  const shareChannels = list.channels.filter((c) => c !== "EMAIL");
  const offersEmail = list.channels.includes("EMAIL");
  // The forms stay while the day's invitations are used up, so that the last link made
  // or email sent is still shown; only their controls go.
  const canInvite = isOffered && !isReadOnly && list.remainingToday !== null;
  const isAtLimit = list.remainingToday === 0;
  const erased = first(query.erased);
  const allowance = isAtLimit
    ? `You have made today's ${list.perDay} invitations.${
        list.nextAllowedAt ? ` You can invite again from ${formatTime(list.nextAllowedAt)}.` : ""
      }`
    : `${list.remainingToday} of ${list.perDay} invitations left today.`;
  // In each form's place while none can be made.
  const limitNote = (verb: string) =>
    isAtLimit && (
      <p className="mb-4 text-sm font-medium text-slate-800">
        No more today{list.nextAllowedAt ? `: you can ${verb} another from ${formatTime(list.nextAllowedAt)}` : ""}.
      </p>
    );

  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-3xl font-bold">Invited friends</h1>
        {isOffered ? (
          <div className="mt-2 space-y-2 text-slate-600">
            <p>
              Invite friends to {shop.name} with a link you send them yourself
              {offersEmail ? ", or with one email from us" : ""}. Friends you invite are told that we got their details
              from you. We email only friends who agreed to hear from us, and only once.
            </p>
            <p>
              We keep a friend&apos;s email address and name for {days(list.retentionDays)}, unless they open an
              account, then delete them. You can withdraw an invitation or erase your friends&apos; details at any time.
            </p>
          </div>
        ) : (
          <p className="mt-2 text-slate-600">
            {shop.name} does not offer inviting friends, so there is nothing to do here: we hold no details of anyone
            you know.
          </p>
        )}
      </header>

      {first(query.withdrawn) === "1" && (
        <Note tone="done">
          <p className="font-semibold">The invitation is withdrawn.</p>
          <p className="mt-1 text-sm">Its link no longer works, and any details of your friend are deleted.</p>
        </Note>
      )}
      {erased !== undefined && /^\d+$/.test(erased) && (
        <Note tone="done">
          <p className="font-semibold">
            {erased === "0"
              ? "There were no friends' details to erase."
              : `Your friends' details are erased (${erased === "1" ? "1 invitation" : `${erased} invitations`}).`}
          </p>
          {erased !== "0" && <p className="mt-1 text-sm">Email invitations that were still open are withdrawn.</p>}
        </Note>
      )}
      {isReadOnly && (
        <Note tone="info">
          <p className="font-semibold">Support staff cannot invite friends or withdraw invitations.</p>
          <p className="mt-1 text-sm">
            This page is shown as the customer sees it, without its controls and without the share links.
          </p>
        </Note>
      )}

      {canInvite && <p className="font-medium text-slate-800">{allowance}</p>}

      {canInvite && shareChannels.length > 0 && (
        <section aria-labelledby="share" className="rounded-lg border border-slate-200 bg-white p-5 sm:p-6">
          <h2 id="share" className="text-xl font-semibold">
            Share a link
          </h2>
          <p className="mt-1 mb-4 text-sm text-slate-600">
            Make a link and send it to a friend however you like
            {shareChannels.length > 1 ? ", or share it on a social network" : ""}. We store nothing about your friend
            until they use it to open an account; then you see that your invitation was accepted.
          </p>
          {limitNote("make")}
          <ShareLinkForms
            action={createShareLinkAction.bind(null, shop.handle)}
            channels={shareChannels}
            isAtLimit={isAtLimit}
          />
        </section>
      )}

      {canInvite && offersEmail && (
        <section aria-labelledby="by-email" className="rounded-lg border border-slate-200 bg-white p-5 sm:p-6">
          <h2 id="by-email" className="text-xl font-semibold">
            Invite by email
          </h2>
          <p className="mt-1 mb-4 text-sm text-slate-600">
            Ask your friend first. We send them one email, which names you as the person who gave us their address, says
            what we keep and for how long, and lets them ask us never to contact them.
          </p>
          {limitNote("send")}
          <EmailInviteForm
            action={inviteByEmailAction.bind(null, shop.handle)}
            shopName={shop.name}
            isAtLimit={isAtLimit}
          />
        </section>
      )}

      {(isOffered || list.totalCount > 0) && (
        <section aria-labelledby="yours" className="space-y-4">
          <h2 id="yours" className="text-xl font-semibold">
            Your invitations
          </h2>
          {list.totalCount === 0 ? (
            <p className="text-slate-700">
              {isReadOnly ? "The customer has not invited anyone." : "You have not invited anyone yet."}
            </p>
          ) : (
            <>
              <p className="text-sm text-slate-600">
                {list.totalCount === 1 ? "1 invitation" : `${list.totalCount} invitations`}, newest first.
              </p>
              <ul className="space-y-4">
                {list.edges.map((edge, index) => (
                  <li key={edge.node.id}>
                    <InvitationCard invitation={edge.node} shop={shop.handle} isReadOnly={isReadOnly} index={index} />
                  </li>
                ))}
              </ul>
              {(cursor || list.pageInfo.hasNextPage) && (
                <nav aria-label="Pages of invitations" className="flex gap-4 text-sm">
                  {cursor && (
                    <Link href={page} className="underline">
                      Newest invitations
                    </Link>
                  )}
                  {list.pageInfo.hasNextPage && list.pageInfo.endCursor && (
                    <Link href={`${page}?after=${encodeURIComponent(list.pageInfo.endCursor)}`} className="underline">
                      Show more
                    </Link>
                  )}
                </nav>
              )}
            </>
          )}
        </section>
      )}

      {!isReadOnly && list.totalCount > 0 && (
        <section aria-labelledby="erase" className="rounded-lg border border-slate-200 bg-white p-5 sm:p-6">
          <h2 id="erase" className="text-xl font-semibold">
            Erase all friends&apos; details
          </h2>
          <p className="mt-1 mb-4 text-sm text-slate-600">
            Deletes every email address and name of a friend you gave us, at once. Open email invitations are withdrawn
            with them.
          </p>
          <EraseAllForm action={eraseFriendDetailsAction.bind(null, shop.handle)} />
        </section>
      )}
    </div>
  );
}
