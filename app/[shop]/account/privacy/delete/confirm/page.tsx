import type { Metadata } from "next";
import Link from "next/link";
import { formatMoment } from "@/components/dates";
import { execute } from "@/graphql/execute";
import { graphql } from "@/graphql/generated/client";
import { cancelDeletionAction, confirmDeletionAction } from "../actions";
import { gracePeriodText, reRegisterText } from "../wording";
import { ConfirmDeletionForm } from "./confirm-form";

// The link's token must not travel on in a Referer header.
export const metadata: Metadata = { title: "Confirm deleting your account", referrer: "no-referrer" };

const DeletionConfirmPageQuery = graphql(`
  query DeletionConfirmPage {
    viewer {
      shop { handle name policy { deletion { gracePeriodDays canReRegister } } }
      customer { email deletionRequest { status scheduledFor } }
    }
  }
`);

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// The emailed link opens this page. A signed-out visitor is sent to sign in first and
// back here by the privacy layout (the token travels in the path it hands over). The
// GET only shows a button; confirming is the POST of a server action, so mail scanners
// and link previews that open the link change nothing.
export default async function ConfirmDeletionPage({ searchParams }: Props) {
  const query = await searchParams;
  const token = typeof query.token === "string" ? query.token : "";
  const { viewer } = await execute(DeletionConfirmPageQuery, {});
  if (!viewer.customer || !viewer.shop) return null;
  const { shop, customer } = viewer;
  const { gracePeriodDays, canReRegister } = shop.policy.deletion;
  const deletePage = `/${shop.handle}/account/privacy/delete`;
  const cancel = cancelDeletionAction.bind(null, shop.handle);
  const request = customer.deletionRequest;

  if (!token) {
    return (
      <div className="max-w-2xl space-y-6">
        <h1 className="text-3xl font-bold">We could not use this link</h1>
        <div role="alert" className="rounded-md border-2 border-red-700 bg-red-50 px-4 py-3 text-red-900">
          <p>This link is not complete, and your account was not deleted. Open the whole link from the email.</p>
          <p className="mt-2">
            <Link href={deletePage} className="underline">
              Go to Delete my account
            </Link>
          </p>
        </div>
      </div>
    );
  }
  // Confirming draws the page again (the account area shows the scheduled deletion), with
  // the request now open: the form stays in place and keeps its answer.
  const scheduledFor = request?.status === "SCHEDULED" && request.scheduledFor ? request.scheduledFor : null;
  const isErasing = request?.status === "ERASING";
  return (
    <div className="max-w-2xl">
      <h1 className="text-3xl font-bold">Confirm deleting your account</h1>
      {!scheduledFor && !isErasing && (
        <>
          <p className="mt-3 text-slate-700">
            You asked to delete your {shop.name} account <strong>{customer.email}</strong>. Press the button to confirm.
          </p>
          <ul className="mt-3 list-disc space-y-1 pl-5 text-slate-700">
            <li>{gracePeriodText(gracePeriodDays)}</li>
            <li>
              What is deleted, and what the shop must keep and until when, is listed on{" "}
              <Link href={deletePage} className="underline">
                Delete my account
              </Link>
              , with your invoices and warranty certificates to download first.
            </li>
            <li>{reRegisterText(canReRegister, shop.name)}</li>
          </ul>
        </>
      )}
      <ConfirmDeletionForm
        token={token}
        deletePage={deletePage}
        action={confirmDeletionAction.bind(null, shop.handle)}
        cancel={cancel}
        scheduledFor={scheduledFor ? formatMoment(scheduledFor) : null}
        isErasing={isErasing}
      />
    </div>
  );
}
