import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  findWebhookDeliveries,
  findWebhookEndpoints,
  replayWebhookDeliveries,
  replayWebhookDelivery,
  rotateWebhookEndpointSecret,
  updateWebhookEndpoint,
  WEBHOOK_EVENT_TYPES,
  WEBHOOK_EVENTS,
} from "@/server/webhooks";
import type { Resolvers } from "../generated/resolvers-types";
import { fromGlobalId, toGlobalId } from "../global-id";
import { mutate } from "../user-errors";
import { connection } from "./connection";

// A global id of the given type, or a value no row has (the service answers NOT_FOUND).
const idOf = (type: string, globalId: string | null | undefined): string => {
  const decoded = globalId ? fromGlobalId(globalId) : null;
  return decoded?.type === type ? decoded.id : "-";
};

export const webhooksResolvers: Resolvers = {
  Query: {
    webhookEndpoints: (_parent, _args, { viewer }) => findWebhookEndpoints({ viewer }),
    // The viewer's endpoints are few (a shop's, or one key's): picked from that list, so
    // the same rule decides what may be seen.
    webhookEndpoint: async (_parent, { id }, { viewer }) => {
      const endpointId = idOf("WebhookEndpoint", id);
      return (await findWebhookEndpoints({ viewer })).find((e) => e.id === endpointId) ?? null;
    },
    webhookEventTypes: () =>
      WEBHOOK_EVENT_TYPES.map((type) => ({
        type,
        description: WEBHOOK_EVENTS[type].description,
        requiredScope: WEBHOOK_EVENTS[type].scope,
      })),
  },
  WebhookEndpoint: {
    id: (e) => toGlobalId("WebhookEndpoint", e.id),
    apiKeyId: (e) => (e.apiKeyId ? toGlobalId("ApiKey", e.apiKeyId) : null),
    isEnabled: (e) => e.disabledAt === null,
    disabledReason: (e) => (e.disabledAt ? (e.disabledReason as "GONE" | "FAILING" | "MANUAL" | null) : null),
    deliveries: async (e, args, { viewer }) =>
      connection(await findWebhookDeliveries({ viewer, endpointId: e.id, ...args })),
  },
  WebhookDelivery: {
    id: (d) => toGlobalId("WebhookDelivery", d.id),
    eventType: (d) => d.event.type,
    attemptCount: (d) => d.attempts,
    payload: (d) => JSON.stringify(d.event.payload),
    attempts: (d) => d.attemptsLog,
  },
  Mutation: {
    webhookEndpointCreate: (_parent, { input }, { viewer }) =>
      mutate({ webhookEndpoint: null, secret: null }, () =>
        createWebhookEndpoint({
          viewer,
          input: { ...input, apiKeyId: input.apiKeyId ? idOf("ApiKey", input.apiKeyId) : null },
        }),
      ),
    webhookEndpointUpdate: (_parent, { id, input }, { viewer }) =>
      mutate({ webhookEndpoint: null }, () =>
        updateWebhookEndpoint({ viewer, id: idOf("WebhookEndpoint", id), input }),
      ),
    webhookEndpointDelete: (_parent, { id }, { viewer }) =>
      mutate({ webhookEndpoint: null }, () => deleteWebhookEndpoint({ viewer, id: idOf("WebhookEndpoint", id) })),
    webhookEndpointRotateSecret: (_parent, { id }, { viewer }) =>
      mutate({ webhookEndpoint: null, secret: null }, () =>
        rotateWebhookEndpointSecret({ viewer, id: idOf("WebhookEndpoint", id) }),
      ),
    webhookDeliveryReplay: (_parent, { id }, { viewer }) =>
      mutate({ webhookDelivery: null }, () => replayWebhookDelivery({ viewer, id: idOf("WebhookDelivery", id) })),
    webhookDeliveriesReplay: (_parent, { input }, { viewer }) =>
      mutate({ webhookEndpoint: null, replayedCount: null }, () =>
        replayWebhookDeliveries({
          viewer,
          input: { endpointId: idOf("WebhookEndpoint", input.endpointId), since: input.since },
        }),
      ),
  },
};
