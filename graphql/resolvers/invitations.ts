import {
  createInvitation,
  eraseFriendDetails,
  getInvitationLink,
  listInvitations,
  objectToInvitation,
  withdrawInvitation,
} from "@/server/invitations";
import type { Resolvers } from "../generated/resolvers-types";
import { fromGlobalId, toGlobalId } from "../global-id";
import { mutate } from "../user-errors";
import { connection } from "./connection";

// A global id of an Invitation, or a value no row has (the service answers NOT_FOUND).
const invitationIdOf = (globalId: string): string => {
  const decoded = fromGlobalId(globalId);
  return decoded?.type === "Invitation" ? decoded.id : "-";
};

export const invitationsResolvers: Resolvers = {
  Customer: {
    invitations: async (customer, args, { viewer }) => {
      const list = await listInvitations({ viewer, customerId: customer.id, ...args });
      return {
        ...connection(list),
        channels: list.channels,
        retentionDays: list.retentionDays,
        perDay: list.perDay,
        remainingToday: list.remainingToday,
        nextAllowedAt: list.nextAllowedAt,
      };
    },
  },
  Invitation: {
    id: (invitation) => toGlobalId("Invitation", invitation.id),
  },
  Query: {
    invitationLink: (_parent, { token }) => getInvitationLink({ token }),
  },
  Mutation: {
    invitationCreate: (_parent, { input }, { viewer }) =>
      mutate({ invitation: null }, () => createInvitation({ viewer, input })),
    invitationWithdraw: (_parent, { id }, { viewer }) =>
      mutate({ invitation: null }, async () => ({
        invitation: await withdrawInvitation({ viewer, id: invitationIdOf(id) }),
      })),
    invitationsEraseFriendDetails: (_parent, _args, { viewer }) =>
      mutate({ erasedCount: null }, () => eraseFriendDetails({ viewer })),
    invitationObjection: (_parent, { input }) =>
      mutate({ shop: null, isAlreadyObjected: null }, () => objectToInvitation({ token: input.token })),
  },
};
