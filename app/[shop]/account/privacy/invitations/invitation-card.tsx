import { formatDay } from "@/components/dates";
import { InvitationCopyLink } from "@/components/invitation-copy-link";
import { CLOSED_VERB, channelText, isShareChannel, statusText, statusTone } from "@/components/invitation-wording";
import type { InvitationsPageQuery } from "@/graphql/generated/client/graphql";
import { withdrawInvitationAction } from "./actions";
import { WithdrawForm } from "./invitation-forms";

export type Invitation = NonNullable<
  InvitationsPageQuery["viewer"]["customer"]
>["invitations"]["edges"][number]["node"];

// One invitation: how it was sent, to whom, what became of it and when, and what is
// still held about the friend. An open share link is shown again to copy; an open
// invitation can be withdrawn.
export function InvitationCard({
  invitation,
  shop,
  isReadOnly,
  index,
}: {
  invitation: Invitation;
  shop: string;
  isReadOnly: boolean;
  index: number;
}) {
  const isShare = isShareChannel(invitation.channel);
  const isOpen = invitation.status === "SENT";
  const hadDetails = !isShare;
  const headingId = `invitation-${index}`;

  return (
    <article aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 id={headingId} className="min-w-0 font-semibold break-words">
          {channelText(invitation.channel, invitation.friendEmail)}
        </h3>
        <p
          className={`max-w-full rounded-md border px-2.5 py-0.5 text-sm font-medium ${statusTone(invitation.status)}`}
        >
          {statusText(invitation.status, invitation.channel, hadDetails)}
        </p>
      </div>
      <dl className="mt-3 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[12rem_1fr]">
        {invitation.friendName && (
          <>
            <dt className="text-slate-600">Friend&apos;s name</dt>
            <dd className="break-words text-slate-900">{invitation.friendName}</dd>
          </>
        )}
        <dt className="text-slate-600">Invited on</dt>
        <dd className="text-slate-900">{formatDay(invitation.createdAt)}</dd>
        {invitation.status !== "SENT" && invitation.closedAt && (
          <>
            <dt className="text-slate-600">{CLOSED_VERB[invitation.status]}</dt>
            <dd className="text-slate-900">{formatDay(invitation.closedAt)}</dd>
          </>
        )}
        {isOpen && isShare && (
          <>
            <dt className="text-slate-600">Link works until</dt>
            <dd className="text-slate-900">{formatDay(invitation.expiresAt)}</dd>
          </>
        )}
        {!isShare && invitation.detailsErasedAt && (
          <>
            <dt className="text-slate-600">Details deleted on</dt>
            <dd className="text-slate-900">{formatDay(invitation.detailsErasedAt)}</dd>
          </>
        )}
        {!isShare && isOpen && !invitation.detailsErasedAt && (
          <>
            <dt className="text-slate-600">Details will be deleted on</dt>
            <dd className="text-slate-900">{formatDay(invitation.expiresAt)}, unless your friend opens an account</dd>
          </>
        )}
      </dl>
      {isShare && <p className="mt-2 text-sm text-slate-600">We hold nothing about your friend from a share link.</p>}

      {invitation.link && (
        <div className="mt-4">
          <InvitationCopyLink link={invitation.link} label="Invitation link" />
          {invitation.shareUrl && (
            <a
              href={invitation.shareUrl}
              target="_blank"
              rel="noopener noreferrer"
              className="text-sm font-medium underline"
            >
              Share it on {invitation.channel === "FACEBOOK" ? "Facebook" : "X"}
              <span className="sr-only"> (opens in a new tab)</span>
            </a>
          )}
        </div>
      )}

      {isOpen && !isReadOnly && (
        <div className="mt-4">
          <WithdrawForm
            action={withdrawInvitationAction.bind(null, shop, invitation.id)}
            what={isShare ? "this link" : "this invitation"}
            consequence={
              isShare
                ? "The link stops working: nobody can open an account with it any more. We held nothing about your friend."
                : `The link in the email stops working and we delete ${invitation.friendEmail ?? "your friend's address"}${
                    invitation.friendName ? ` and the name ${invitation.friendName}` : ""
                  } at once. We send your friend nothing more.`
            }
          />
        </div>
      )}
    </article>
  );
}
