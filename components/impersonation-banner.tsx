import type { ImpersonationEndState } from "@/app/[shop]/support/actions";
import { formatTime } from "./dates";
import { EndSupportSessionForm } from "./end-support-session-form";
import { MinutesLeft } from "./minutes-left";
import { AGENT_LIMITS } from "./support-wording";

type Props = {
  agentName: string;
  customerName: string;
  customerEmail: string;
  reason: string;
  ticket: string;
  startedAt: string;
  expiresAt: string;
  // The server's clock when the page was drawn.
  serverNow: string;
  end: (state: ImpersonationEndState) => Promise<ImpersonationEndState>;
};

// On every page of the customer's account while a support agent acts in it: whose
// account, why, for which ticket, for how long, and a way out.
export function ImpersonationBanner(props: Props) {
  return (
    <section
      aria-labelledby="impersonation-banner-title"
      className="rounded-lg border-4 border-amber-400 bg-slate-900 text-white"
    >
      <div className="flex flex-wrap items-start justify-between gap-4 px-4 py-3">
        <div className="min-w-0 space-y-1">
          <h2 id="impersonation-banner-title" className="font-semibold">
            Support session: you are acting in {props.customerName}&apos;s account ({props.customerEmail})
          </h2>
          <p className="text-sm text-slate-100">
            <span className="font-medium">Reason:</span> {props.reason}
          </p>
          <p className="text-sm text-slate-100">
            <span className="font-medium">Ticket:</span> {props.ticket} · {props.agentName} · started{" "}
            {formatTime(props.startedAt)} ·{" "}
            <strong>
              <MinutesLeft expiresAt={props.expiresAt} serverNow={props.serverNow} />
            </strong>{" "}
            (ends {formatTime(props.expiresAt)})
          </p>
          <p className="text-sm text-amber-200">{AGENT_LIMITS}</p>
        </div>
        <EndSupportSessionForm action={props.end} tone="banner" />
      </div>
    </section>
  );
}
