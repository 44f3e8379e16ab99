import { createAddress, deleteAddress, listAddresses, updateAddress } from "@/server/addresses";
import { countryName } from "@/server/addresses/countries";
import type { Viewer } from "@/server/auth/viewer";
import { type CorrectableCustomer, getCorrectableCustomer, updateCustomer } from "@/server/customers/update";
import type { Resolvers } from "../generated/resolvers-types";
import { fromGlobalId, toGlobalId } from "../global-id";
import type { CustomerParent } from "../mappers";
import { payloadErrors } from "../user-errors";

// The Customer fields added here are read once per Customer object, however many of
// them the operation selects.
const loaded = new WeakMap<CustomerParent, Promise<CorrectableCustomer>>();
function correctable(customer: CustomerParent, viewer: Viewer): Promise<CorrectableCustomer> {
  // customerUpdate's payload already carries them.
  if ("phones" in customer) return Promise.resolve(customer as CorrectableCustomer);
  let found = loaded.get(customer);
  if (!found) {
    found = getCorrectableCustomer({ viewer });
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
    // A Customer object is only ever the viewer themself (viewer.customer, node(id:) for
    // self, customerUpdate); the services read the viewer's own rows in any case.
    addresses: (_customer, _args, { viewer }) => listAddresses({ viewer }),
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
    customerUpdate: async (_parent, { input }, { viewer }) => {
      try {
        return { customer: await updateCustomer({ viewer, input }), userErrors: [] };
      } catch (error) {
        return { customer: null, userErrors: payloadErrors(error) };
      }
    },
    addressCreate: async (_parent, { input }, { viewer }) => {
      try {
        return { address: await createAddress({ viewer, input }), userErrors: [] };
      } catch (error) {
        return { address: null, userErrors: payloadErrors(error) };
      }
    },
    addressUpdate: async (_parent, { id, input }, { viewer }) => {
      try {
        return { address: await updateAddress({ viewer, id: addressId(id), input }), userErrors: [] };
      } catch (error) {
        return { address: null, userErrors: payloadErrors(error) };
      }
    },
    addressDelete: async (_parent, { id }, { viewer }) => {
      try {
        const { deletedId } = await deleteAddress({ viewer, id: addressId(id) });
        return { deletedAddressId: toGlobalId("Address", deletedId), userErrors: [] };
      } catch (error) {
        return { deletedAddressId: null, userErrors: payloadErrors(error) };
      }
    },
  },
};
