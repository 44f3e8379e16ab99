import { createCustomer, getCustomer } from "@/server/customers";
import type { Resolvers } from "../generated/resolvers-types";
import { toGlobalId } from "../global-id";
import { payloadErrors } from "../user-errors";

export const viewerResolvers: Resolvers = {
  Viewer: {
    isSignedIn: (_parent, _args, { viewer }) => viewer.kind === "customer",
    customer: (_parent, _args, { viewer }) => (viewer.kind === "customer" ? getCustomer({ viewer }) : null),
    shop: (_parent, _args, { viewer }) => (viewer.kind === "customer" ? viewer.shop : null),
  },
  Customer: {
    id: (customer) => toGlobalId("Customer", customer.id),
    displayName: (customer) => customer.alias ?? `${customer.firstName} ${customer.lastName}`,
  },
  Mutation: {
    customerSignUp: async (_parent, { input }, { viewer }) => {
      try {
        return { customer: await createCustomer({ viewer, input }), userErrors: [] };
      } catch (error) {
        return { customer: null, userErrors: payloadErrors(error) };
      }
    },
  },
};
