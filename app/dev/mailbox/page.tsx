import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { isDemoMode } from "@/server/auth/secret";
import { findMailboxMessages } from "@/server/mail/mailbox";
import { DemoBanner, formatTime } from "./parts";

// Developer tooling for demo mode: it reads the outbox through its service directly
// rather than GraphQL, because it is not part of the customer or partner API and shows
// every shop's mail. Outside demo mode it does not exist.
export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Dev mailbox", robots: { index: false, follow: false } };

export default async function MailboxPage() {
  if (!isDemoMode()) notFound();
  const messages = await findMailboxMessages({ limit: 200 });
  return (
    <main id="main" className="mx-auto max-w-5xl px-6 py-10">
      <DemoBanner />
      <h1 className="mt-6 text-2xl font-bold">Dev mailbox</h1>
      <p className="mt-2 text-slate-600">
        Every message the app queued, newest first. Without <code>SMTP_URL</code> nothing leaves this machine: this list
        is where the mail goes.
      </p>
      {messages.length === 0 ? (
        <p className="mt-8 text-slate-600">No messages yet.</p>
      ) : (
        <div className="mt-6 overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Messages, newest first</caption>
            <thead className="border-b border-slate-300 text-slate-600">
              <tr>
                <th scope="col" className="py-2 pr-4 font-medium">
                  When (UTC)
                </th>
                <th scope="col" className="py-2 pr-4 font-medium">
                  To
                </th>
                <th scope="col" className="py-2 pr-4 font-medium">
                  Subject
                </th>
                <th scope="col" className="py-2 pr-4 font-medium">
                  Shop
                </th>
                <th scope="col" className="py-2 font-medium">
                  Status
                </th>
              </tr>
            </thead>
            <tbody>
              {messages.map((m) => (
                <tr key={m.id} className="border-b border-slate-200 align-top">
                  <td className="py-2 pr-4 whitespace-nowrap">{formatTime(m.createdAt)}</td>
                  <td className="py-2 pr-4 break-all">{m.toAddress}</td>
                  <td className="py-2 pr-4">
                    <Link href={`/dev/mailbox/${m.id}`} className="font-medium text-slate-900 underline">
                      {m.subject}
                    </Link>
                  </td>
                  <td className="py-2 pr-4">{m.shop.name}</td>
                  <td className="py-2">{m.status.toLowerCase()}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}
