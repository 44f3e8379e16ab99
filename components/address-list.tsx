import Link from "next/link";
import { AddressDeleteButton } from "./address-delete-button";

export type AddressCard = {
  id: string;
  label?: string | null;
  recipientName: string;
  line1: string;
  line2?: string | null;
  city: string;
  region?: string | null;
  postalCode: string;
  countryName: string;
  phone?: string | null;
  isDefaultShipping: boolean;
  isDefaultBilling: boolean;
};

type DeleteAction = Parameters<typeof AddressDeleteButton>[0]["action"];

type Props = {
  addresses: AddressCard[];
  editHref: (id: string) => string;
  deleteAction: (id: string) => DeleteAction;
};

function Badge({ children }: { children: string }) {
  return (
    <span className="rounded-full bg-slate-800 px-2.5 py-0.5 text-xs font-medium whitespace-nowrap text-white">
      {children}
    </span>
  );
}

export function AddressList({ addresses, editHref, deleteAction }: Props) {
  return (
    <ul className="grid gap-4 md:grid-cols-2">
      {addresses.map((address, i) => {
        const name = address.label ?? address.line1;
        return (
          <li key={address.id} className="flex">
            <article
              aria-labelledby={`address-${i}`}
              className="flex w-full flex-col rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
            >
              <div className="flex flex-wrap items-start justify-between gap-2">
                <h2 id={`address-${i}`} className="text-lg font-semibold break-words">
                  {address.label ?? "Address"}
                </h2>
                {(address.isDefaultShipping || address.isDefaultBilling) && (
                  <p className="flex flex-wrap gap-1.5">
                    {address.isDefaultShipping && <Badge>Default for delivery</Badge>}
                    {address.isDefaultBilling && <Badge>Default for billing</Badge>}
                  </p>
                )}
              </div>
              <p className="mt-2 text-slate-800 break-words">
                {address.recipientName}
                <br />
                {address.line1}
                {address.line2 && (
                  <>
                    <br />
                    {address.line2}
                  </>
                )}
                <br />
                {address.postalCode} {address.city}
                {address.region && (
                  <>
                    <br />
                    {address.region}
                  </>
                )}
                <br />
                {address.countryName}
              </p>
              {address.phone && (
                <p className="mt-2 text-sm text-slate-700">
                  Phone for the courier: <span className="whitespace-nowrap">{address.phone}</span>
                </p>
              )}
              <div className="mt-auto flex flex-wrap items-start gap-3 pt-4">
                <Link
                  href={editHref(address.id)}
                  className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 no-underline"
                >
                  Edit<span className="sr-only"> {name}</span>
                </Link>
                <AddressDeleteButton action={deleteAction(address.id)} name={name} />
              </div>
            </article>
          </li>
        );
      })}
    </ul>
  );
}
