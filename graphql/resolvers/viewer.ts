import { shopOf } from "@/server/auth/viewer";
import { createCustomer, getCustomer } from "@/server/customers";
import type { Resolvers } from "../generated/resolvers-types";
import { toGlobalId } from "../global-id";
import { mutate } from "../user-errors";

export const viewerResolvers: Resolvers = {
  Viewer: {
    isSignedIn: (_parent, _args, { viewer }) => viewer.kind === "customer" || viewer.kind === "agent",
    // The request's subject: the signed-in customer, or the customer a support agent is
    // acting for; null otherwise (signed out, or an agent in the console).
    customer: (_parent, _args, { viewer }) => (viewer.subjectId ? getCustomer({ viewer }) : null),
    shop: (_parent, _args, { viewer }) => shopOf(viewer),
  },
  Customer: {
    id: (customer) => toGlobalId("Customer", customer.id),
    displayName: (customer) => customer.alias ?? `${customer.firstName} ${customer.lastName}`,
  },
  Mutation: {
    customerSignUp: (_parent, { input }, { viewer, globalPrivacyControl }) =>
      mutate({ customer: null }, async () => ({
        customer: await createCustomer({ viewer, input, globalPrivacyControl }),
      })),
  },
};
