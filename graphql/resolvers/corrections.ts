import { createAddress, deleteAddress, listAddresses, updateAddress } from "@/server/addresses";
import { countryName } from "@/server/addresses/countries";
import type { Viewer } from "@/server/auth/viewer";
import { type CorrectableCustomer, getCorrectableCustomer, updateCustomer } from "@/server/customers/update";
import type { Resolvers } from "../generated/resolvers-types";
import { fromGlobalId, toGlobalId } from "../global-id";
import type { CustomerParent } from "../mappers";
import { mutate } from "../user-errors";

// The Customer fields added here are read once per Customer object, however many of
// them the operation selects.
const loaded = new WeakMap<CustomerParent, Promise<CorrectableCustomer>>();
function correctable(customer: CustomerParent, viewer: Viewer): Promise<CorrectableCustomer> {
  // customerUpdate's payload already carries them.
  if ("phones" in customer) return Promise.resolve(customer as CorrectableCustomer);
  let found = loaded.get(customer);
  if (!found) {
    found = getCorrectableCustomer({ viewer, customerId: customer.id });
    loaded.set(customer, found);
  }
  return found;
}

// A global ID of another type never names an address: the service then finds nothing.
const addressId = (id: string) => {
  const decoded = fromGlobalId(id);
  return decoded?.type === "Address" ? decoded.id : "";
};

export const correctionsResolvers: Resolvers = {
  Customer: {
    addresses: (customer, _args, { viewer }) => listAddresses({ viewer, customerId: customer.id }),
    phones: async (customer, _args, { viewer }) => (await correctable(customer, viewer)).phones,
    dateOfBirth: async (customer, _args, { viewer }) =>
      (await correctable(customer, viewer)).dateOfBirth?.toISOString().slice(0, 10) ?? null,
    gender: async (customer, _args, { viewer }) => (await correctable(customer, viewer)).gender,
    hometown: async (customer, _args, { viewer }) => (await correctable(customer, viewer)).hometown,
  },
  Address: {
    id: (address) => toGlobalId("Address", address.id),
    countryName: (address) => countryName(address.country),
  },
  Mutation: {
    customerUpdate: (_parent, { input }, { viewer }) =>
      mutate({ customer: null }, async () => ({ customer: await updateCustomer({ viewer, input }) })),
    addressCreate: (_parent, { input }, { viewer }) =>
      mutate({ address: null }, async () => ({ address: await createAddress({ viewer, input }) })),
    addressUpdate: (_parent, { id, input }, { viewer }) =>
      mutate({ address: null }, async () => ({ address: await updateAddress({ viewer, id: addressId(id), input }) })),
    addressDelete: (_parent, { id }, { viewer }) =>
      mutate({ deletedAddressId: null }, async () => {
        const { deletedId } = await deleteAddress({ viewer, id: addressId(id) });
        return { deletedAddressId: toGlobalId("Address", deletedId) };
      }),
  },
};
