import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { isDemoMode } from "@/server/auth/secret";
import { getMailboxMessage } from "@/server/mail/mailbox";
import { DemoBanner, formatTime, LinkedText } from "../parts";
import { OneClickUnsubscribe } from "./one-click-unsubscribe";

// Developer tooling for demo mode, reading the outbox through its service directly (not
// GraphQL): see ../page.tsx.
export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Dev mailbox", robots: { index: false, follow: false } };

export default async function MailboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  if (!isDemoMode()) notFound();
  const { id } = await params;
  const message = await getMailboxMessage({ id });
  if (!message) notFound();
  const headers = Object.entries(message.headers);
  const listUnsubscribe = header(message.headers, "List-Unsubscribe");
  const oneClickUrl =
    listUnsubscribe && /^List-Unsubscribe=One-Click$/i.test(header(message.headers, "List-Unsubscribe-Post") ?? "")
      ? httpTarget(listUnsubscribe)
      : null;
  return (
    <main id="main" className="mx-auto max-w-3xl px-6 py-10">
      <DemoBanner />
      <p className="mt-6 text-sm">
        <Link href="/dev/mailbox" className="underline">
          ← All messages
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">{message.subject}</h1>
      <dl className="mt-4 grid grid-cols-[8rem_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-600">To</dt>
        <dd className="break-all">{message.toAddress}</dd>
        <dt className="text-slate-600">Shop</dt>
        <dd>{message.shop.name}</dd>
        <dt className="text-slate-600">Queued (UTC)</dt>
        <dd>{formatTime(message.createdAt)}</dd>
        <dt className="text-slate-600">Status</dt>
        <dd>
          {message.status.toLowerCase()}
          {message.sentAt ? ` at ${formatTime(message.sentAt)}` : ""}
          {message.lastError ? ` (last error: ${message.lastError}, attempt ${message.attempts})` : ""}
        </dd>
        <dt className="text-slate-600">Kind</dt>
        <dd>{message.kind}</dd>
      </dl>
      {headers.length > 0 && (
        <section aria-labelledby="headers" className="mt-6">
          <h2 id="headers" className="text-lg font-semibold">
            Headers
          </h2>
          <dl className="mt-2 space-y-2 text-sm">
            {headers.map(([name, value]) => (
              <div key={name}>
                <dt className="font-medium text-slate-700">{name}</dt>
                <dd className="break-all font-mono text-xs">{value}</dd>
              </div>
            ))}
          </dl>
          {oneClickUrl && <OneClickUnsubscribe url={oneClickUrl} />}
        </section>
      )}
      <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <p className="whitespace-pre-wrap break-words font-mono text-sm leading-6">
          <LinkedText text={message.textBody} />
        </p>
      </div>
    </main>
  );
}

function header(headers: Record<string, string>, name: string): string | null {
  const found = Object.entries(headers).find(([key]) => key.toLowerCase() === name.toLowerCase());
  return found ? found[1] : null;
}

// The first http(s) target of a List-Unsubscribe header ("<https://…>, <mailto:…>").
function httpTarget(value: string): string | null {
  return value.match(/<(https?:\/\/[^>]+)>/)?.[1] ?? null;
}
