import {
  addRequestInformation,
  addRequestNote,
  assignRequest,
  createRightsRequest,
  decideRequest,
  extendRequest,
  findRightsRequest,
  getRequestMetrics,
  getRequestQueue,
  liftRestriction,
  listCustomerRequests,
  listRequestsForPartner,
  requestEvents,
  restrictionOf,
  verifyRequest,
  withdrawRequest,
} from "@/server/requests/requests";
import type { Resolvers } from "../generated/resolvers-types";
import { fromGlobalId, toGlobalId } from "../global-id";
import { mutate } from "../user-errors";
import { connection } from "./connection";

// A global id of the given type, or a value no row has (the service answers NOT_FOUND).
const idOf = (type: string, globalId: string | null | undefined): string => {
  if (!globalId) return "-";
  const decoded = fromGlobalId(globalId);
  return decoded?.type === type ? decoded.id : "-";
};

const requestId = (globalId: string) => idOf("RightsRequest", globalId);

export const requestsResolvers: Resolvers = {
  Customer: {
    rightsRequests: async (customer, args, { viewer }) => {
      const list = await listCustomerRequests({ viewer, customerId: customer.id, ...args });
      return { ...list, requests: connection(list.requests) };
    },
    restrictedAt: (customer, _args, { viewer }) => restrictionOf({ viewer, customerId: customer.id }),
  },
  RightsRequest: {
    id: (request) => toGlobalId("RightsRequest", request.id),
    events: (request, _args, { viewer }) => requestEvents(viewer, request),
  },
  RightsRequestCustomer: {
    id: (customer) => toGlobalId("Customer", customer.id),
  },
  Shop: {
    requestMetrics: (shop, { year }, { viewer }) => getRequestMetrics({ viewer, shop, year }),
  },
  Query: {
    rightsRequestQueue: async (_parent, { filter, first, after }, { viewer }) => {
      const queue = await getRequestQueue({
        viewer,
        filter: filter && {
          ...filter,
          assignedToId: filter.assignedToId ? idOf("Agent", filter.assignedToId) : null,
        },
        first,
        after,
      });
      // The queue pages by due date, so its cursors are its own.
      const page = connection(queue.requests);
      page.edges.forEach((edge, i) => {
        edge.cursor = queue.cursors[i];
      });
      page.pageInfo.startCursor = page.edges[0]?.cursor ?? null;
      page.pageInfo.endCursor = page.edges.at(-1)?.cursor ?? null;
      return { ...queue, requests: page };
    },
    rightsRequest: (_parent, { id }, { viewer }) => findRightsRequest({ viewer, id: requestId(id) }),
    customerRightsRequests: async (_parent, { customerId, first, after }, { viewer }) =>
      connection(await listRequestsForPartner({ viewer, customerId: idOf("Customer", customerId), first, after })),
  },
  Mutation: {
    rightsRequestCreate: (_parent, { input }, { viewer }) =>
      mutate({ request: null }, () =>
        createRightsRequest({
          viewer,
          input: { ...input, customerId: input.customerId ? idOf("Customer", input.customerId) : null },
        }),
      ),
    rightsRequestAddInformation: (_parent, { input }, { viewer }) =>
      mutate({ request: null }, () => addRequestInformation({ viewer, input: { ...input, id: requestId(input.id) } })),
    rightsRequestWithdraw: (_parent, { id }, { viewer }) =>
      mutate({ request: null }, () => withdrawRequest({ viewer, id: requestId(id) })),
    rightsRequestAssign: (_parent, { input }, { viewer }) =>
      mutate({ request: null }, () =>
        assignRequest({
          viewer,
          input: { id: requestId(input.id), agentId: input.agentId ? idOf("Agent", input.agentId) : null },
        }),
      ),
    rightsRequestAddNote: (_parent, { input }, { viewer }) =>
      mutate({ request: null }, () => addRequestNote({ viewer, input: { ...input, id: requestId(input.id) } })),
    rightsRequestExtend: (_parent, { input }, { viewer }) =>
      mutate({ request: null }, () => extendRequest({ viewer, input: { ...input, id: requestId(input.id) } })),
    rightsRequestDecide: (_parent, { input }, { viewer }) =>
      mutate({ request: null }, () => decideRequest({ viewer, input: { ...input, id: requestId(input.id) } })),
    rightsRequestVerify: (_parent, { input }, { viewer }) =>
      mutate({ request: null }, () => verifyRequest({ viewer, input: { ...input, id: requestId(input.id) } })),
    restrictionLift: (_parent, { input }, { viewer }) =>
      mutate({ request: null }, () => liftRestriction({ viewer, input: { ...input, id: requestId(input.id) } })),
  },
};
