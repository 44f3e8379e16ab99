import {
  endImpersonation,
  findSupportCustomer,
  getCurrentImpersonation,
  getSupportAccess,
  grantSupportAccess,
  revokeSupportAccess,
  type SupportCustomer,
  searchSupportCustomers,
  startImpersonation,
} from "@/server/impersonation";
import type { Resolvers } from "../generated/resolvers-types";
import { fromGlobalId, toGlobalId } from "../global-id";
import { mutate } from "../user-errors";
import { connection } from "./connection";

const customerId = (id: string) => {
  const decoded = fromGlobalId(id);
  return decoded?.type === "Customer" ? decoded.id : "";
};

const displayName = (c: Pick<SupportCustomer, "alias" | "firstName" | "lastName">) =>
  c.alias ?? `${c.firstName} ${c.lastName}`;

export const supportResolvers: Resolvers = {
  Viewer: {
    agent: (_parent, _args, { viewer }) => (viewer.kind === "agent" ? viewer.agent : null),
    impersonation: (_parent, _args, { viewer }) => getCurrentImpersonation({ viewer }),
  },
  Agent: {
    id: (agent) => toGlobalId("Agent", agent.id),
  },
  Impersonation: {
    id: (session) => toGlobalId("Impersonation", session.id),
    customer: (session, _args, { viewer }) => findSupportCustomer({ viewer, id: session.customerId }),
  },
  SupportCustomer: {
    id: (customer) => toGlobalId("Customer", customer.id),
    displayName: (customer) => displayName(customer),
    // Erased accounts are never listed.
    status: (customer) => (customer.status === "DELETION_SCHEDULED" ? "DELETION_SCHEDULED" : "ACTIVE"),
  },
  Customer: {
    supportAccess: (_customer, _args, { viewer }) => getSupportAccess({ viewer }),
  },
  Query: {
    supportCustomers: async (_parent, args, { viewer }) => {
      const page = await searchSupportCustomers({ viewer, ...args });
      return { ...connection(page), searchKind: page.kind };
    },
    supportCustomer: (_parent, { id }, { viewer }) => findSupportCustomer({ viewer, id: customerId(id) }),
  },
  Mutation: {
    impersonationStart: (_parent, { input }, { viewer }) =>
      mutate({ impersonation: null }, async () => ({
        impersonation: await startImpersonation({
          viewer,
          input: { ...input, customerId: customerId(input.customerId) },
        }),
      })),
    impersonationEnd: (_parent, _args, { viewer }) =>
      mutate({ impersonation: null }, async () => ({ impersonation: await endImpersonation({ viewer }) })),
    supportAccessGrant: (_parent, { input }, { viewer }) =>
      mutate({ supportAccess: null }, async () => ({ supportAccess: await grantSupportAccess({ viewer, input }) })),
    supportAccessRevoke: (_parent, _args, { viewer }) =>
      mutate({ supportAccess: null }, async () => ({ supportAccess: await revokeSupportAccess({ viewer }) })),
  },
};
