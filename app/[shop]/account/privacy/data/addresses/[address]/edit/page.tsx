import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AddressForm } from "@/components/address-form";
import { countryOptions } from "@/components/countries";
import { execute } from "@/graphql/execute";
import { graphql } from "@/graphql/generated/client";
import { correctAddressAction } from "../../actions";

export const metadata: Metadata = { title: "Correct an address" };

const EditAddressQuery = graphql(`
  query EditAddressPage($id: ID!) {
    viewer { shop { handle } }
    node(id: $id) {
      __typename
      ... on Address {
        id
        label
        recipientName
        line1
        line2
        city
        region
        postalCode
        country
        phone
        isDefaultShipping
        isDefaultBilling
        updatedAt
      }
    }
  }
`);

type Props = { params: Promise<{ address: string }> };

export default async function EditAddressPage({ params }: Props) {
  const { address: id } = await params;
  const { viewer, node } = await execute(EditAddressQuery, { id });
  if (!viewer.shop) return null;
  // Another customer's address, or any other kind of object, is simply not found.
  if (node?.__typename !== "Address") notFound();
  const list = `/${viewer.shop.handle}/account/privacy/data/addresses`;
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/${viewer.shop.handle}/account/privacy/data`} className="underline">
          My data
        </Link>{" "}
        →{" "}
        <Link href={list} className="underline">
          Addresses
        </Link>{" "}
        → Correct an address
      </nav>
      <h1 className="text-3xl font-bold">Correct {node.label ? `the address “${node.label}”` : "an address"}</h1>
      <div className="max-w-2xl rounded-lg border border-slate-200 bg-white p-5 shadow-sm sm:p-6">
        <AddressForm
          action={correctAddressAction.bind(null, node.id)}
          initial={{
            submission: 0,
            fieldErrors: {},
            formError: null,
            values: {
              label: node.label ?? "",
              recipientName: node.recipientName,
              line1: node.line1,
              line2: node.line2 ?? "",
              city: node.city,
              region: node.region ?? "",
              postalCode: node.postalCode,
              country: node.country,
              phone: node.phone ?? "",
              isDefaultShipping: node.isDefaultShipping,
              isDefaultBilling: node.isDefaultBilling,
            },
          }}
          countries={countryOptions()}
          submitLabel="Save address"
          cancelHref={list}
          updatedAt={node.updatedAt}
        />
      </div>
    </div>
  );
}
