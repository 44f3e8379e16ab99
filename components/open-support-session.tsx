import Link from "next/link";
import type { ImpersonationEndState } from "@/app/[shop]/support/actions";
import { formatTime } from "./dates";
import { EndSupportSessionForm } from "./end-support-session-form";
import { MinutesLeft } from "./minutes-left";

type Props = {
  shop: string;
  session: {
    reason: string;
    ticket: string;
    startedAt: string;
    expiresAt: string;
    customer: { displayName: string; email: string } | null;
  };
  serverNow: string;
  end: (state: ImpersonationEndState) => Promise<ImpersonationEndState>;
};

// The agent's open support session, in the console: back into the account, or end it.
export function OpenSupportSession({ shop, session, serverNow, end }: Props) {
  const isExpired = new Date(session.expiresAt).getTime() <= new Date(serverNow).getTime();
  return (
    <section
      aria-labelledby="open-session-title"
      className="rounded-lg border-2 border-amber-400 bg-amber-50 px-4 py-3 text-amber-950"
    >
      <h2 id="open-session-title" className="font-semibold">
        {isExpired ? "Your support session has run out" : "You have an open support session"}
      </h2>
      <p className="mt-1 text-sm">
        {session.customer ? (
          <>
            In {session.customer.displayName}&apos;s account ({session.customer.email}).{" "}
          </>
        ) : null}
        Ticket {session.ticket}, started {formatTime(session.startedAt)};{" "}
        {isExpired ? "end it to record its end." : <MinutesLeft expiresAt={session.expiresAt} serverNow={serverNow} />}
      </p>
      <p className="mt-1 text-sm">Reason: {session.reason}</p>
      <div className="mt-3 flex flex-wrap items-center gap-4">
        {!isExpired && (
          <Link href={`/${shop}/account/privacy`} className="font-medium text-amber-950 underline">
            Back to the customer&apos;s account
          </Link>
        )}
        <EndSupportSessionForm action={end} />
      </div>
    </section>
  );
}
