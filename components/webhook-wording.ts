// The webhooks pages' statuses and codes in words.

type Badge = { label: string; badge: string; explanation: string };

const GREEN = "border-green-700 bg-green-50 text-green-900";
const AMBER = "border-amber-700 bg-amber-50 text-amber-900";
const RED = "border-red-700 bg-red-50 text-red-900";
const GREY = "border-slate-500 bg-slate-100 text-slate-800";

// An endpoint's state: enabled (healthy or failing) or disabled, and why.
export function endpointStatus(endpoint: {
  isEnabled: boolean;
  disabledReason?: string | null;
  failingSince?: string | null;
}): Badge {
  if (endpoint.isEnabled) {
    return endpoint.failingSince
      ? {
          label: "Failing",
          badge: AMBER,
          explanation:
            "Enabled, but every delivery has failed lately: they are retried, and after 5 days of failures the endpoint is disabled.",
        }
      : { label: "Enabled", badge: GREEN, explanation: "Enabled: events are delivered." };
  }
  switch (endpoint.disabledReason) {
    case "GONE":
      return {
        label: "Disabled",
        badge: RED,
        explanation: "Disabled because the receiver answered 410 Gone. Nothing is sent until it is enabled again.",
      };
    case "FAILING":
      return {
        label: "Disabled",
        badge: RED,
        explanation:
          "Disabled because every delivery failed for 5 days; the privacy officers were emailed. Nothing is sent until it is enabled again.",
      };
    default:
      return {
        label: "Disabled",
        badge: GREY,
        explanation: "Disabled by hand. Nothing is sent until it is enabled again.",
      };
  }
}

export const DELIVERY_STATUS: Record<string, Badge> = {
  PENDING: {
    label: "Waiting",
    badge: AMBER,
    explanation: "Not delivered yet: waiting for its next attempt, or for an earlier event about the same customer.",
  },
  SUCCEEDED: { label: "Delivered", badge: GREEN, explanation: "The receiver answered with a 2xx status." },
  FAILED: {
    label: "Failed",
    badge: RED,
    explanation: "Every attempt failed; it will not be tried again unless replayed.",
  },
  CANCELLED: {
    label: "Cancelled",
    badge: GREY,
    explanation: "Not sent: the endpoint was disabled or deleted first.",
  },
};

// Why an attempt got no answer (WebhookAttempt.error).
export const ATTEMPT_ERRORS: Record<string, string> = {
  TIMEOUT: "No answer in time",
  CONNECTION_REFUSED: "Connection refused",
  CONNECTION_RESET: "Connection dropped",
  DNS_FAILED: "The host name could not be looked up",
  TLS_ERROR: "The secure connection failed (certificate or TLS)",
  ADDRESS_NOT_ALLOWED: "The address is private or local, which is not allowed",
  NETWORK_ERROR: "Network error",
};

// One attempt's outcome, e.g. "200 OK: delivered" or "No answer: connection refused".
export function attemptOutcome(attempt: { statusCode?: number | null; error?: string | null }): string {
  const code = attempt.statusCode;
  if (code === null || code === undefined) {
    return `No answer: ${(ATTEMPT_ERRORS[attempt.error ?? ""] ?? attempt.error ?? "unknown error").toLowerCase()}`;
  }
  if (code >= 200 && code < 300) return `${code}: delivered`;
  if (code === 410) return "410 Gone: the endpoint was disabled";
  if (code >= 300 && code < 400) return `${code}: a redirect, which counts as a failure (redirects are not followed)`;
  return `${code}: failed`;
}

export const WEBHOOK_ACTIONS: Record<string, string> = {
  "webhook.endpoint-create": "Webhook endpoint created",
  "webhook.endpoint-update": "Webhook endpoint changed",
  "webhook.endpoint-delete": "Webhook endpoint deleted",
  "webhook.endpoint-rotate-secret": "Webhook signing secret rotated",
  "webhook.delivery-replay": "Webhook delivery replayed",
  "webhook.deliveries-replay": "Webhook deliveries replayed",
};
