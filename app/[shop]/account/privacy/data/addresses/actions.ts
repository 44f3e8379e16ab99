"use server";

import { redirect } from "next/navigation";
import type { AddressValues } from "@/components/correction-options";
import { execute } from "@/graphql/execute";
import { graphql } from "@/graphql/generated/client";

const AddressCreateMutation = graphql(`
  mutation AddAddress($input: AddressInput!) {
    addressCreate(input: $input) {
      address { id }
      userErrors { field code message }
    }
  }
`);

const AddressUpdateMutation = graphql(`
  mutation CorrectAddress($id: ID!, $input: AddressUpdateInput!) {
    addressUpdate(id: $id, input: $input) {
      address { id updatedAt }
      userErrors { field code message }
    }
  }
`);

const AddressDeleteMutation = graphql(`
  mutation DeleteAddress($id: ID!) {
    addressDelete(id: $id) {
      deletedAddressId
      userErrors { field code message }
    }
  }
`);

// The shop comes from the session, never from the browser: the way back is built from it.
const AddressesPathQuery = graphql(`
  query AddressesPath {
    viewer { shop { handle } }
  }
`);

export type AddressFormState = {
  // Changes with every answer, so the form is rebuilt from `values`.
  submission: number;
  fieldErrors: Record<string, string>;
  formError: string | null;
  // What was typed, so a refused form keeps it.
  values: AddressValues;
};

export type AddressDeleteState = { error: string | null };

type UserError = { field?: readonly string[] | null; message: string };

const text = (form: FormData, name: string) => String(form.get(name) ?? "");

function readAddress(form: FormData): AddressValues {
  return {
    label: text(form, "label"),
    recipientName: text(form, "recipientName"),
    line1: text(form, "line1"),
    line2: text(form, "line2"),
    city: text(form, "city"),
    region: text(form, "region"),
    postalCode: text(form, "postalCode"),
    country: text(form, "country"),
    phone: text(form, "phone"),
    isDefaultShipping: form.get("isDefaultShipping") === "on",
    isDefaultBilling: form.get("isDefaultBilling") === "on",
  };
}

// Paths name the GraphQL argument, e.g. ["input", "phone"]; anything else concerns the
// whole form (e.g. ["id"] for an address that is gone).
function refusal(previous: AddressFormState, values: AddressValues, errors: readonly UserError[]): AddressFormState {
  const fieldErrors: Record<string, string> = {};
  let formError: string | null = null;
  for (const e of errors) {
    const field = e.field?.[0] === "input" ? e.field[1] : undefined;
    if (field && !fieldErrors[field]) fieldErrors[field] = e.message;
    else if (!field) formError = e.message;
  }
  return { submission: previous.submission + 1, fieldErrors, formError, values };
}

async function addressesPath(): Promise<string> {
  const { viewer } = await execute(AddressesPathQuery, {});
  if (!viewer.shop) throw new Error("Signed out while saving an address.");
  return `/${viewer.shop.handle}/account/privacy/data/addresses`;
}

export async function addAddressAction(previous: AddressFormState, form: FormData): Promise<AddressFormState> {
  const values = readAddress(form);
  const { addressCreate } = await execute(AddressCreateMutation, { input: values });
  if (!addressCreate.address) return refusal(previous, values, addressCreate.userErrors);
  redirect(`${await addressesPath()}?added=1`);
}

export async function correctAddressAction(
  id: string,
  previous: AddressFormState,
  form: FormData,
): Promise<AddressFormState> {
  const values = readAddress(form);
  const { addressUpdate } = await execute(AddressUpdateMutation, { id, input: values });
  if (!addressUpdate.address) return refusal(previous, values, addressUpdate.userErrors);
  // The form carries when the address was last changed: the same time means nothing changed.
  const isUnchanged = addressUpdate.address.updatedAt === text(form, "updatedAt");
  redirect(`${await addressesPath()}?${isUnchanged ? "unchanged" : "saved"}=1`);
}

export async function deleteAddressAction(
  id: string,
  _previous: AddressDeleteState,
  _form: FormData,
): Promise<AddressDeleteState> {
  const { addressDelete } = await execute(AddressDeleteMutation, { id });
  if (!addressDelete.deletedAddressId) {
    return { error: addressDelete.userErrors[0]?.message ?? "The address could not be deleted." };
  }
  redirect(`${await addressesPath()}?deleted=1`);
}
