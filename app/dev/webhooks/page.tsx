import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { appUrl } from "@/server/app-url";
import { isDemoMode } from "@/server/auth/secret";
import { DEV_WEBHOOK_PATH, findDevWebhooks } from "@/server/dev/webhook-inbox";
import { formatTime } from "../mailbox/parts";

// Developer tooling for demo mode: what the demo webhook receiver got, read from its
// in-process inbox rather than GraphQL (it is not part of the customer or partner API and
// shows every shop's deliveries). Outside demo mode it does not exist.
export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Dev webhook receiver", robots: { index: false, follow: false } };

function prettyJson(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

export default async function DevWebhooksPage() {
  if (!isDemoMode()) notFound();
  const received = findDevWebhooks();
  const demoUrl = appUrl(`${DEV_WEBHOOK_PATH}demo`);
  return (
    <main id="main" className="mx-auto max-w-5xl px-4 py-10 sm:px-6">
      <p role="note" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
        <strong>Demo tool.</strong> This receiver exists only in demo mode and shows webhooks for every shop. It is not
        part of the privacy centre.
      </p>
      <h1 className="mt-6 text-2xl font-bold">Dev webhook receiver</h1>
      <div className="mt-2 max-w-3xl space-y-2 text-slate-700">
        <p>
          It stands in for a partner&apos;s server. In a shop&apos;s support console, sign in as the privacy officer
          (e.g. <code className="font-mono">dpo@almaz.example</code>), open <strong>Webhooks</strong> and create an
          endpoint with the URL <code className="font-mono break-all">{demoUrl}</code> (any name instead of{" "}
          <code className="font-mono">demo</code> works). Then change a consent in that shop: the delivery appears here.
        </p>
        <p>
          Each request is checked as a receiver should: the <code className="font-mono">webhook-signature</code> must be
          an HMAC of <code className="font-mono break-all">webhook-id.webhook-timestamp.body</code> under the
          endpoint&apos;s secret, and the timestamp within 5 minutes. Add <code className="font-mono">?status=500</code>{" "}
          to the URL to watch the retries, or <code className="font-mono">?status=410</code> to see the endpoint
          disabled. Only the newest 200 are kept, in memory: a restart empties the list.
        </p>
      </div>
      <div className="mt-6 flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-lg font-semibold">
          {received.length === 0 ? "Nothing received yet" : `${received.length} received, newest first`}
        </h2>
        <a href="/dev/webhooks" className="rounded-md border border-slate-500 bg-white px-3 py-1.5 text-sm font-medium">
          Refresh
        </a>
      </div>
      {received.length > 0 && (
        <ol className="mt-4 space-y-4">
          {received.map((r) => (
            <li
              key={r.seq}
              aria-labelledby={`received-${r.seq}`}
              className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
            >
              <div className="flex flex-wrap items-start justify-between gap-2">
                <h3 id={`received-${r.seq}`} className="min-w-0 font-semibold wrap-anywhere">
                  <span className="font-mono">{r.eventType ?? "Not a JSON event"}</span>
                  <span className="font-normal text-slate-600"> · {formatTime(r.receivedAt)} UTC</span>
                </h3>
                <span
                  className={`shrink-0 rounded-full border px-2.5 py-0.5 text-xs font-semibold ${
                    r.verification.isVerified
                      ? "border-green-700 bg-green-50 text-green-900"
                      : "border-red-700 bg-red-50 text-red-900"
                  }`}
                >
                  {r.verification.isVerified ? "Signature verified" : "Not verified"}
                </span>
              </div>
              <dl className="mt-3 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
                <div className="min-w-0">
                  <dt className="font-medium text-slate-600">Receiver</dt>
                  <dd className="font-mono wrap-anywhere">
                    {DEV_WEBHOOK_PATH}
                    {r.name}
                  </dd>
                </div>
                <div className="min-w-0">
                  <dt className="font-medium text-slate-600">webhook-id</dt>
                  <dd className="font-mono wrap-anywhere">{r.webhookId || "none"}</dd>
                </div>
                <div className="min-w-0">
                  <dt className="font-medium text-slate-600">Check</dt>
                  <dd className="wrap-anywhere">
                    {r.verification.isVerified
                      ? `Signed with the secret of an endpoint of ${r.verification.shopName}.`
                      : r.verification.reason}
                  </dd>
                </div>
                <div className="min-w-0">
                  <dt className="font-medium text-slate-600">Answered</dt>
                  <dd>{r.answeredStatus}</dd>
                </div>
              </dl>
              <details className="mt-3">
                <summary className="cursor-pointer text-sm font-medium">Body</summary>
                <pre className="mt-2 rounded bg-slate-50 p-3 font-mono text-xs whitespace-pre-wrap wrap-anywhere">
                  {prettyJson(r.body)}
                </pre>
              </details>
            </li>
          ))}
        </ol>
      )}
    </main>
  );
}
