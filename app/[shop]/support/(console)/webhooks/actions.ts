"use server";

import { revalidatePath } from "next/cache";
import { fieldErrorsOf, utcFromLocalInput } from "@/components/form-errors";
import { execute } from "@/graphql/execute";
import { graphql } from "@/graphql/generated/client";

const WebhookEndpointCreateMutation = graphql(`
  mutation WebhookEndpointCreate($input: WebhookEndpointCreateInput!) {
    webhookEndpointCreate(input: $input) {
      webhookEndpoint { id url }
      secret
      userErrors { field code message }
    }
  }
`);

const WebhookEndpointUpdateMutation = graphql(`
  mutation WebhookEndpointUpdate($id: ID!, $input: WebhookEndpointUpdateInput!) {
    webhookEndpointUpdate(id: $id, input: $input) {
      webhookEndpoint { id isEnabled }
      userErrors { field code message }
    }
  }
`);

const WebhookEndpointRotateSecretMutation = graphql(`
  mutation WebhookEndpointRotateSecret($id: ID!) {
    webhookEndpointRotateSecret(id: $id) {
      webhookEndpoint { id url previousSecretExpiresAt }
      secret
      userErrors { field code message }
    }
  }
`);

const WebhookEndpointDeleteMutation = graphql(`
  mutation WebhookEndpointDelete($id: ID!) {
    webhookEndpointDelete(id: $id) {
      webhookEndpoint { id }
      userErrors { field code message }
    }
  }
`);

const WebhookDeliveryReplayMutation = graphql(`
  mutation WebhookDeliveryReplay($id: ID!) {
    webhookDeliveryReplay(id: $id) {
      webhookDelivery { id }
      userErrors { field code message }
    }
  }
`);

const WebhookDeliveriesReplayMutation = graphql(`
  mutation WebhookDeliveriesReplay($input: WebhookDeliveriesReplayInput!) {
    webhookDeliveriesReplay(input: $input) {
      replayedCount
      userErrors { field code message }
    }
  }
`);

// A signing secret the API returned this once: only in the form's action state (the
// browser's memory), never in a URL, a cookie or the page drawn on the server.
export type IssuedWebhookSecret = { url: string; secret: string };

export type WebhookCreateValues = { url: string; description: string; events: string[]; apiKeyId: string };

export type WebhookCreateState = {
  // Changes with every answer, so the form is rebuilt from `values`.
  submission: number;
  fieldErrors: Record<string, string>;
  formError: string | null;
  // What was typed, so a refused form keeps it (cleared after an endpoint is created).
  values: WebhookCreateValues;
  issued: IssuedWebhookSecret | null;
};

export type WebhookEditState = {
  submission: number;
  error: string | null;
  fieldErrors: Record<string, string>;
  done: string | null;
};
export type WebhookRotateState = { submission: number; error: string | null; issued: IssuedWebhookSecret | null };
export type WebhookDeleteState = { submission: number; error: string | null; isDeleted: boolean };
export type WebhookReplayState = { submission: number; error: string | null; done: string | null };

const text = (form: FormData, name: string) => String(form.get(name) ?? "");

const EMPTY_VALUES: WebhookCreateValues = { url: "", description: "", events: [], apiKeyId: "" };

const webhooksPath = (shop: string) => `/${shop}/support/webhooks`;

export async function createWebhookEndpointAction(
  shop: string,
  previous: WebhookCreateState,
  form: FormData,
): Promise<WebhookCreateState> {
  const values: WebhookCreateValues = {
    url: text(form, "url"),
    description: text(form, "description"),
    events: form.getAll("events").map(String),
    apiKeyId: text(form, "apiKeyId"),
  };
  const submission = previous.submission + 1;
  const { webhookEndpointCreate: result } = await execute(WebhookEndpointCreateMutation, {
    input: {
      url: values.url,
      events: values.events,
      description: values.description || null,
      apiKeyId: values.apiKeyId || null,
    },
  });
  if (!result.webhookEndpoint || !result.secret) {
    const { fieldErrors, formError } = fieldErrorsOf(result.userErrors);
    return {
      submission,
      fieldErrors,
      formError: formError ?? (Object.keys(fieldErrors).length ? null : "The endpoint was not created. Try again."),
      values,
      issued: null,
    };
  }
  revalidatePath(webhooksPath(shop));
  return {
    submission,
    fieldErrors: {},
    formError: null,
    values: EMPTY_VALUES,
    issued: { url: result.webhookEndpoint.url, secret: result.secret },
  };
}

// Saves the description and events (the form sends both), or enables the endpoint again
// (a form with only enable=1).
export async function updateWebhookEndpointAction(
  shop: string,
  id: string,
  previous: WebhookEditState,
  form: FormData,
): Promise<WebhookEditState> {
  const submission = previous.submission + 1;
  const isEnabling = text(form, "enable") === "1";
  const input = isEnabling
    ? { isEnabled: true }
    : { description: text(form, "description"), events: form.getAll("events").map(String) };
  const { webhookEndpointUpdate: result } = await execute(WebhookEndpointUpdateMutation, { id, input });
  if (!result.webhookEndpoint) {
    const { fieldErrors, formError } = fieldErrorsOf(result.userErrors);
    return {
      submission,
      fieldErrors,
      error: formError ?? (Object.keys(fieldErrors).length ? null : "Nothing was changed. Try again."),
      done: null,
    };
  }
  revalidatePath(webhooksPath(shop));
  return {
    submission,
    fieldErrors: {},
    error: null,
    done: isEnabling
      ? "Enabled again: new events are delivered. Replay what it missed from its delivery log."
      : "Saved.",
  };
}

export async function rotateWebhookSecretAction(
  shop: string,
  id: string,
  previous: WebhookRotateState,
): Promise<WebhookRotateState> {
  const submission = previous.submission + 1;
  const { webhookEndpointRotateSecret: result } = await execute(WebhookEndpointRotateSecretMutation, { id });
  if (!result.webhookEndpoint || !result.secret) {
    return {
      submission,
      error: result.userErrors[0]?.message ?? "The secret was not rotated. Try again.",
      issued: null,
    };
  }
  revalidatePath(webhooksPath(shop));
  return { submission, error: null, issued: { url: result.webhookEndpoint.url, secret: result.secret } };
}

export async function deleteWebhookEndpointAction(
  shop: string,
  id: string,
  previous: WebhookDeleteState,
): Promise<WebhookDeleteState> {
  const submission = previous.submission + 1;
  const { webhookEndpointDelete: result } = await execute(WebhookEndpointDeleteMutation, { id });
  if (!result.webhookEndpoint) {
    return {
      submission,
      error: result.userErrors[0]?.message ?? "The endpoint was not deleted. Try again.",
      isDeleted: false,
    };
  }
  revalidatePath(webhooksPath(shop));
  return { submission, error: null, isDeleted: true };
}

export async function replayDeliveryAction(
  shop: string,
  endpointId: string,
  deliveryId: string,
  previous: WebhookReplayState,
): Promise<WebhookReplayState> {
  const submission = previous.submission + 1;
  const { webhookDeliveryReplay: result } = await execute(WebhookDeliveryReplayMutation, { id: deliveryId });
  if (!result.webhookDelivery) {
    return { submission, error: result.userErrors[0]?.message ?? "It was not replayed. Try again.", done: null };
  }
  revalidatePath(`${webhooksPath(shop)}/${encodeURIComponent(endpointId)}`);
  return { submission, error: null, done: "Queued again: it is listed at the top as a new delivery." };
}

export async function replaySinceAction(
  shop: string,
  endpointId: string,
  previous: WebhookReplayState,
  form: FormData,
): Promise<WebhookReplayState> {
  const submission = previous.submission + 1;
  const since = text(form, "since").trim();
  if (!since || Number.isNaN(new Date(utcFromLocalInput(since)).getTime())) {
    return { submission, error: "Give a date and time, e.g. 2027-01-31 18:00.", done: null };
  }
  const { webhookDeliveriesReplay: result } = await execute(WebhookDeliveriesReplayMutation, {
    input: { endpointId, since: utcFromLocalInput(since) },
  });
  if (result.replayedCount === null || result.replayedCount === undefined) {
    return { submission, error: result.userErrors[0]?.message ?? "Nothing was replayed. Try again.", done: null };
  }
  revalidatePath(`${webhooksPath(shop)}/${encodeURIComponent(endpointId)}`);
  const n = result.replayedCount;
  return {
    submission,
    error: null,
    done:
      n === 0
        ? "Nothing to replay: every event since then was delivered or is still waiting."
        : `${n} event${n === 1 ? "" : "s"} queued again, oldest first.`,
  };
}
