import type { Metadata } from "next";
import Link from "next/link";
import { AddressList } from "@/components/address-list";
import { execute } from "@/graphql/execute";
import { graphql } from "@/graphql/generated/client";
import { deleteAddressAction } from "./actions";

export const metadata: Metadata = { title: "Addresses" };

const AddressesPageQuery = graphql(`
  query AddressesPage {
    viewer {
      shop { handle name policy { recipients { key categories } } }
      customer {
        addresses {
          id
          label
          recipientName
          line1
          line2
          city
          region
          postalCode
          countryName
          phone
          isDefaultShipping
          isDefaultBilling
        }
      }
    }
  }
`);

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const NOTICES = {
  added: "The address was added.",
  saved: "The address was corrected.",
  unchanged: "Nothing was changed: the address already had these details.",
  deleted: "The address was deleted.",
} as const;

export default async function AddressesPage({ searchParams }: Props) {
  const query = await searchParams;
  const { viewer } = await execute(AddressesPageQuery, {});
  if (!viewer.customer || !viewer.shop) return null;
  const { shop, customer } = viewer;
  const base = `/${shop.handle}/account/privacy/data`;
  // Art. 19: the recipients that hold addresses are told about every change.
  const hasRecipients = shop.policy.recipients.some((r) => r.categories.includes("addresses"));
  const notice = (Object.keys(NOTICES) as (keyof typeof NOTICES)[]).find((key) => query[key] === "1");
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={base} className="underline">
          My data
        </Link>{" "}
        → Addresses
      </nav>
      <header>
        <h1 className="text-3xl font-bold">Addresses</h1>
        <p className="mt-2 text-slate-600">
          The delivery and billing addresses {shop.name} keeps for you. Correct one that is wrong, add a new one or
          delete one you no longer use. Every change is recorded in your account's history
          {hasRecipients ? ", and the companies that received your addresses from us are told about it" : ""}.
        </p>
      </header>
      {notice && (
        <p role="status" className="rounded-md border border-green-700 bg-green-50 px-4 py-3 text-sm text-green-900">
          <strong>{NOTICES[notice]}</strong>
          {notice !== "unchanged" && hasRecipients ? " Recipients of your data have been told." : ""}
        </p>
      )}
      <Link
        href={`${base}/addresses/new`}
        className="inline-block rounded-md bg-brand px-4 py-2.5 font-semibold text-white no-underline"
      >
        Add an address
      </Link>
      {customer.addresses.length ? (
        <AddressList
          addresses={customer.addresses}
          editHref={(id) => `${base}/addresses/${encodeURIComponent(id)}/edit`}
          deleteAction={(id) => deleteAddressAction.bind(null, id)}
        />
      ) : (
        <p className="rounded-lg border border-slate-200 bg-white p-5 text-slate-600">No addresses are stored.</p>
      )}
      <p className="text-sm">
        <Link href={`${base}/profile`} className="underline">
          Correct your name, date of birth and phone numbers
        </Link>
      </p>
    </div>
  );
}
