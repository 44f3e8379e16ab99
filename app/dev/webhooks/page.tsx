import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { isDevReceiverEnabled, listDevWebhooks } from "@/server/webhooks/dev-receiver";
import { formatTime } from "../mailbox/parts";

// Developer tooling for demo mode: what the demo webhook receiver
// (/api/dev/webhooks/<name>) got, newest first, each checked against its endpoint's
// signing secrets. Point a webhook endpoint at http://localhost:3000/api/dev/webhooks/demo
// to see the whole loop. Outside demo mode and tests it does not exist.
export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Dev webhook receiver", robots: { index: false, follow: false } };

export default function DevWebhooksPage() {
  if (!isDevReceiverEnabled()) notFound();
  const received = listDevWebhooks();
  return (
    <main id="main" className="mx-auto max-w-5xl px-6 py-10">
      <p role="note" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
        <strong>Demo tool.</strong> This receiver exists only in demo mode and stands in for a partner&apos;s server. It
        is not part of the privacy centre.
      </p>
      <h1 className="mt-6 text-2xl font-bold">Dev webhook receiver</h1>
      <p className="mt-2 text-slate-600">
        Create a webhook endpoint with the URL <code>http://localhost:3000/api/dev/webhooks/demo</code> (any name after
        the last slash). Deliveries it receives appear here, newest first, with whether their Standard Webhooks
        signature verified against that endpoint&apos;s secret.
      </p>
      {received.length === 0 ? (
        <p className="mt-8 text-slate-600">Nothing received yet.</p>
      ) : (
        <ul className="mt-6 space-y-4">
          {received.map((r) => (
            <li key={`${r.webhookId}-${r.receivedAt.getTime()}`} className="rounded-md border border-slate-300 p-4">
              <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1 text-sm">
                <span className="font-semibold text-slate-900">{r.type}</span>
                <span className="text-slate-600">{formatTime(r.receivedAt)} UTC</span>
                <span className="text-slate-600">to “{r.name}”</span>
                <span className={r.isVerified ? "font-medium text-emerald-800" : "font-medium text-red-800"}>
                  {r.isVerified ? "Signature verified" : "Signature NOT verified"}
                </span>
              </div>
              <p className="mt-1 text-xs break-all text-slate-600">webhook-id {r.webhookId}</p>
              <pre className="mt-2 overflow-x-auto rounded bg-slate-100 p-3 text-xs text-slate-900">
                {pretty(r.payload)}
              </pre>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}

function pretty(payload: string): string {
  try {
    return JSON.stringify(JSON.parse(payload), null, 2);
  } catch {
    return payload;
  }
}
