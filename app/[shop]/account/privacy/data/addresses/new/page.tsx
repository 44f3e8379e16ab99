import type { Metadata } from "next";
import Link from "next/link";
import { AddressForm } from "@/components/address-form";
import { countryOptions } from "@/components/countries";
import { execute } from "@/graphql/execute";
import { graphql } from "@/graphql/generated/client";
import { addAddressAction } from "../actions";

export const metadata: Metadata = { title: "Add an address" };

const NewAddressQuery = graphql(`
  query NewAddressPage {
    viewer {
      shop { handle policy { controllers { country } } }
      customer { firstName lastName }
    }
  }
`);

export default async function NewAddressPage() {
  const { viewer } = await execute(NewAddressQuery, {});
  if (!viewer.customer || !viewer.shop) return null;
  const { shop, customer } = viewer;
  const list = `/${shop.handle}/account/privacy/data/addresses`;
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/${shop.handle}/account/privacy/data`} className="underline">
          My data
        </Link>{" "}
        →{" "}
        <Link href={list} className="underline">
          Addresses
        </Link>{" "}
        → Add an address
      </nav>
      <h1 className="text-3xl font-bold">Add an address</h1>
      <div className="max-w-2xl rounded-lg border border-slate-200 bg-white p-5 shadow-sm sm:p-6">
        <AddressForm
          action={addAddressAction}
          initial={{
            submission: 0,
            fieldErrors: {},
            formError: null,
            values: {
              label: "",
              recipientName: `${customer.firstName} ${customer.lastName}`,
              line1: "",
              line2: "",
              city: "",
              region: "",
              postalCode: "",
              country: shop.policy.controllers[0]?.country ?? "",
              phone: "",
              isDefaultShipping: false,
              isDefaultBilling: false,
            },
          }}
          countries={countryOptions()}
          submitLabel="Add address"
          cancelHref={list}
        />
      </div>
    </div>
  );
}
