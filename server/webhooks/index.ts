import "server-only";

// Webhooks (issue 12, section 3): endpoints, events and their signed, retried delivery.
// Importing this module registers the "webhook.deliver" and "webhook.sweep" job handlers.
export * from "./deliver";
export * from "./endpoints";
export * from "./events";
export * from "./sweep";
