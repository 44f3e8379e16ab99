import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { formatDay, formatMoment } from "@/components/dates";
import { CancelDeletionForm } from "@/components/deletion-banner";
import { execute } from "@/graphql/execute";
import { graphql } from "@/graphql/generated/client";
import type { DeletionPageQuery as DeletionPageData } from "@/graphql/generated/client/graphql";
import { isDemoMode } from "@/server/auth/secret";
import { DELETION } from "@/server/erasure";
import { cancelDeletionAction, requestDeletionAction } from "./actions";
import { DeletionForm } from "./deletion-form";
import { gracePeriodText, reRegisterText } from "./wording";

export const metadata: Metadata = { title: "Delete my account" };

// The documents listed one by one (the ZIP holds them all; the documents page pages
// through the rest).
const DOCUMENTS = 100;

const DeletionPageQuery = graphql(`
  query DeletionPage($first: Int!) {
    viewer {
      shop { handle name }
      customer {
        connectedAccounts { hasPassword }
        deletionPlan {
          warning
          gracePeriodDays
          canReRegister
          erasureDate
          entries {
            dataSet
            category
            count
            action
            rule { key label text basis }
            retainedUntilEarliest
            retainedUntilLatest
            explanation
          }
        }
        deletionRequest { id status requestedAt confirmationExpiresAt scheduledFor }
        invoices(first: $first) {
          totalCount
          edges { node { id number issuedAt orderNumber total { formatted } downloadUrl } }
        }
        warrantyCertificates(first: $first) {
          totalCount
          edges { node { id number productName validUntil downloadUrl } }
        }
      }
    }
  }
`);

type Entry = NonNullable<DeletionPageData["viewer"]["customer"]>["deletionPlan"]["entries"][number];

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// What happens to one data set, in plain words: the headline and what follows it.
function Outcome({ entry }: { entry: Entry }) {
  switch (entry.action) {
    case "DELETE":
      return <strong className="font-semibold text-red-800">Deleted</strong>;
    case "ANONYMISE": {
      // The plan's words start with the headline already.
      const rest = entry.explanation.replace(/^Anonymised:\s*/, "");
      return (
        <>
          <strong className="font-semibold">Anonymised</strong>
          <p className="mt-1 text-slate-700">{rest.charAt(0).toUpperCase() + rest.slice(1)}</p>
        </>
      );
    }
    case "KEEP":
      return (
        <>
          <strong className="font-semibold">Kept</strong>
          <p className="mt-1 text-slate-700">{entry.explanation}</p>
        </>
      );
    case "RETAIN": {
      const earliest = entry.retainedUntilEarliest;
      const latest = entry.retainedUntilLatest;
      const until =
        earliest && latest && formatDay(earliest) !== formatDay(latest)
          ? `${formatDay(earliest)} – ${formatDay(latest)}, each record its own date`
          : latest
            ? formatDay(latest)
            : null;
      // The plan says what happens when the rule ends; the same words here.
      const then = /then (deleted|anonymised)\.$/.exec(entry.explanation)?.[1];
      return (
        <>
          <strong className="font-semibold">{until ? `Kept until ${until}` : "Kept"}</strong>
          <p className="mt-1 text-slate-700">
            {entry.rule ? (
              <>
                Under the shop's rule “{entry.rule.label}”: {entry.rule.text.toLowerCase()}.{" "}
              </>
            ) : null}
            Detached from your account{then ? `, then ${then}` : ""}.
          </p>
          {entry.rule && <p className="mt-1 text-slate-600">Why: {entry.rule.basis}</p>}
        </>
      );
    }
    default:
      return <p>{entry.explanation}</p>;
  }
}

function Notice({ tone, children }: { tone: "info" | "done"; children: ReactNode }) {
  const colours =
    tone === "done" ? "border-emerald-700 bg-emerald-50 text-emerald-900" : "border-sky-700 bg-sky-50 text-sky-900";
  return (
    <div id="deletion-status" role="status" tabIndex={-1} className={`rounded-lg border-2 px-5 py-4 ${colours}`}>
      {children}
    </div>
  );
}

export default async function DeletionPage({ searchParams }: Props) {
  const query = await searchParams;
  const { viewer } = await execute(DeletionPageQuery, { first: DOCUMENTS });
  if (!viewer.customer || !viewer.shop) return null;
  const { shop, customer } = viewer;
  const { deletionPlan: plan, deletionRequest: request, invoices, warrantyCertificates: certificates } = customer;
  const base = `/${shop.handle}/account/privacy`;
  const cancel = cancelDeletionAction.bind(null, shop.handle);
  const status = request?.status;
  const { hasPassword } = customer.connectedAccounts;
  const isOpenForRequest = !status || status === "AWAITING_CONFIRMATION";
  const documentCount = invoices.totalCount + certificates.totalCount;
  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-3xl font-bold">Delete my account</h1>
        <p className="mt-2 text-slate-600">
          What deleting your {shop.name} account does to each kind of data you have with us: what is deleted, what is
          kept because the law requires it, and until when. Read it before you decide.
        </p>
      </header>

      {query.cancelled === "1" && !request && (
        <Notice tone="done">
          <p className="font-semibold">Deletion cancelled. Your account will not be deleted; nothing was deleted.</p>
        </Notice>
      )}
      {status === "AWAITING_CONFIRMATION" && request?.confirmationExpiresAt && (
        <Notice tone="info">
          <p className="font-semibold">
            We emailed you a link to confirm; it works until {formatMoment(request.confirmationExpiresAt)}.
          </p>
          <p className="mt-1 text-sm">
            Open it while signed in to this account. Nothing is deleted until you do. If the email did not arrive, fill
            in the form below again: the new link replaces this one.
            {isDemoMode() && (
              <>
                {" "}
                Demo: read it in the{" "}
                <Link href="/dev/mailbox" className="font-medium underline">
                  dev mailbox
                </Link>
                .
              </>
            )}
          </p>
          <div className="mt-3">
            <CancelDeletionForm action={cancel} label="Cancel the request" />
          </div>
        </Notice>
      )}
      {status === "SCHEDULED" && request?.scheduledFor && (
        <Notice tone="info">
          <p className="font-semibold">
            Your account is scheduled for deletion on {formatMoment(request.scheduledFor)}.
          </p>
          <p className="mt-1 text-sm">Until then you can cancel, and your account stays as it is.</p>
          <div className="mt-3">
            <CancelDeletionForm action={cancel} />
          </div>
        </Notice>
      )}
      {status === "ERASING" && (
        <Notice tone="info">
          <p className="font-semibold">Your account is being deleted now; you will be signed out.</p>
        </Notice>
      )}

      <section aria-labelledby="warning" className="rounded-lg border-2 border-amber-500 bg-amber-50 p-5 sm:p-6">
        <h2 id="warning" className="text-xl font-semibold text-amber-950">
          Before you delete your account
        </h2>
        <p className="mt-2 whitespace-pre-line text-amber-950">{plan.warning}</p>
      </section>

      <section aria-labelledby="what-happens">
        <h2 id="what-happens" className="text-xl font-semibold">
          What happens to your data
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          Everything {shop.name} holds about you, by kind of data, as it would be on {formatDay(plan.erasureDate)}
          {status === "SCHEDULED" ? ", the day your account is deleted" : " if you confirmed today"}. Records that are
          kept are detached from your account and can no longer be seen or downloaded here.
        </p>
        {plan.entries.length ? (
          <table className="mt-4 block w-full text-left text-sm sm:table">
            <caption className="sr-only">What deleting your account does to each kind of data</caption>
            <thead className="sr-only border-b border-slate-300 text-slate-600 sm:not-sr-only sm:table-header-group">
              <tr>
                <th scope="col" className="py-2 pr-4 font-medium">
                  Data
                </th>
                <th scope="col" className="py-2 pr-4 text-right font-medium">
                  Records
                </th>
                <th scope="col" className="py-2 font-medium">
                  What happens
                </th>
              </tr>
            </thead>
            <tbody className="block divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white sm:table-row-group sm:rounded-none sm:border-0 sm:bg-transparent">
              {plan.entries.map((entry) => (
                <tr
                  key={`${entry.category}-${entry.dataSet}-${entry.rule?.key ?? entry.action}`}
                  className="block px-4 py-3 align-top sm:table-row sm:p-0"
                >
                  <th scope="row" className="block text-base font-semibold sm:table-cell sm:py-3 sm:pr-4 sm:text-sm">
                    {entry.dataSet}
                  </th>
                  <td className="block text-slate-700 sm:table-cell sm:py-3 sm:pr-4 sm:text-right">
                    {entry.count.toLocaleString("en-GB")}
                    <span className="sm:hidden"> {entry.count === 1 ? "record" : "records"}</span>
                  </td>
                  <td className="mt-1 block sm:mt-0 sm:table-cell sm:py-3">
                    <Outcome entry={entry} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="mt-3 text-sm text-slate-700">We hold no records about you besides your account itself.</p>
        )}
      </section>

      <section aria-labelledby="documents">
        <h2 id="documents" className="text-xl font-semibold">
          Keep your invoices and warranty certificates
        </h2>
        {documentCount ? (
          <>
            <p className="mt-1 text-sm text-slate-600">
              After deletion you can no longer download them here, even those the shop must keep. Save the ones you need
              now: one by one, or all {documentCount.toLocaleString("en-GB")} at once.
            </p>
            <a
              href="/api/documents/archive"
              className="mt-3 inline-block rounded-md bg-brand px-4 py-2.5 font-semibold text-white no-underline"
            >
              Download all documents (ZIP)
            </a>
            <DocumentList
              title="Invoices"
              total={invoices.totalCount}
              moreHref={`${base}/data/documents`}
              items={invoices.edges.map(({ node }) => ({
                id: node.id,
                href: node.downloadUrl,
                name: `invoice ${node.number}`,
                text: (
                  <>
                    <strong>{node.number}</strong> · {formatDay(node.issuedAt)}
                    {node.orderNumber ? ` · order ${node.orderNumber}` : ""} · {node.total.formatted}
                  </>
                ),
              }))}
            />
            <DocumentList
              title="Warranty certificates"
              total={certificates.totalCount}
              moreHref={`${base}/data/documents`}
              items={certificates.edges.map(({ node }) => ({
                id: node.id,
                href: node.downloadUrl,
                name: `certificate ${node.number}`,
                text: (
                  <>
                    <strong>{node.number}</strong> · {node.productName} · valid until {formatDay(node.validUntil)}
                  </>
                ),
              }))}
            />
          </>
        ) : (
          <p className="mt-1 text-sm text-slate-600">You have no invoices or warranty certificates with us.</p>
        )}
      </section>

      <section aria-labelledby="alternatives">
        <h2 id="alternatives" className="text-xl font-semibold">
          Other choices
        </h2>
        <ul className="mt-3 grid gap-3 sm:grid-cols-2">
          <li className="rounded-lg border border-slate-200 bg-white p-4">
            <Link href={`${base}/subscriptions`} className="font-semibold underline">
              Unsubscribe from everything instead
            </Link>
            <p className="mt-1 text-sm text-slate-600">
              Keep your account and your orders, and stop every marketing message, advertising and sharing.
            </p>
          </li>
          <li className="rounded-lg border border-slate-200 bg-white p-4">
            <Link href={`${base}/export`} className="font-semibold underline">
              Download your data first
            </Link>
            <p className="mt-1 text-sm text-slate-600">
              A copy of everything we hold about you, as JSON or CSV, to keep or take to another service.
            </p>
          </li>
        </ul>
      </section>

      {isOpenForRequest && (
        <section aria-labelledby="delete" className="rounded-lg border-2 border-red-700 bg-white p-5 shadow-sm sm:p-6">
          <h2 id="delete" className="text-xl font-semibold text-red-800">
            {status === "AWAITING_CONFIRMATION" ? "Ask for a new confirmation link" : "Delete my account"}
          </h2>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-700">
            <li>
              {hasPassword
                ? `Enter your password and type ${DELETION.confirmationWord}.`
                : `Type ${DELETION.confirmationWord} (your account has no password: if you have not signed in with a linked provider in the last 10 minutes, we ask you to confirm it's you first).`}{" "}
              We then email you a link to confirm (it works for 24 hours); nothing is deleted before you open it.
            </li>
            <li>{gracePeriodText(plan.gracePeriodDays)}</li>
            <li>{reRegisterText(plan.canReRegister, shop.name)}</li>
            <li>When it is done, we email you a receipt of what was deleted and what was kept.</li>
          </ul>
          <div className="mt-5">
            <DeletionForm
              action={requestDeletionAction.bind(null, shop.handle)}
              word={DELETION.confirmationWord}
              isAskingAgain={status === "AWAITING_CONFIRMATION"}
              hasPassword={hasPassword}
              confirmUrl={`/${shop.handle}/account/reauthenticate?next=${encodeURIComponent(`/${shop.handle}/account/privacy/delete`)}`}
            />
          </div>
        </section>
      )}
    </div>
  );
}

type DocumentItem = { id: string; href: string; name: string; text: ReactNode };

function DocumentList(props: { title: string; total: number; moreHref: string; items: DocumentItem[] }) {
  const { title, total, moreHref, items } = props;
  if (!total) return null;
  // Folded: an account can hold dozens of documents, and the page goes on after them.
  return (
    <details className="mt-4 rounded-lg border border-slate-200 bg-white">
      <summary className="cursor-pointer px-4 py-3 font-semibold">
        {title} <span className="font-normal text-slate-600">({total.toLocaleString("en-GB")})</span>
        <span className="font-normal text-slate-600"> · show each, with its download</span>
      </summary>
      <ul className="divide-y divide-slate-200 border-t border-slate-200">
        {items.map((item) => (
          <li key={item.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm">
            <span className="min-w-0">{item.text}</span>
            <a href={item.href} className="rounded-md border border-slate-300 px-3 py-1.5 font-medium no-underline">
              Download PDF<span className="sr-only"> of {item.name}</span>
            </a>
          </li>
        ))}
      </ul>
      {total > items.length && (
        <p className="border-t border-slate-200 px-4 py-3 text-sm">
          The {items.length} newest are listed here;{" "}
          <Link href={moreHref} className="underline">
            see all {total.toLocaleString("en-GB")} on the documents page
          </Link>
          .
        </p>
      )}
    </details>
  );
}
