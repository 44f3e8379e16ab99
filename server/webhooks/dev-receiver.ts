import "server-only";
import { getPrisma } from "../db";
import { webhookCipherKey } from "./deliver";
import { decryptSecret, verifySignature } from "./signing";

// The demo's webhook receiver (/api/dev/webhooks/<name>, shown at /dev/webhooks): it
// stands in for a partner's server so a newcomer sees the whole loop. It exists only in
// demo mode (PRIVACY_CENTRE_DEMO=1) and in tests. It verifies each delivery against the
// current and previous secret of the endpoint whose URL ends in its path, and keeps the
// last 200 in this process's memory (demo tooling: one process, nothing to share).

export function isDevReceiverEnabled(): boolean {
  return process.env.PRIVACY_CENTRE_DEMO === "1" || process.env.NODE_ENV === "test";
}

export type ReceivedWebhook = {
  receivedAt: Date;
  name: string;
  webhookId: string;
  type: string;
  isVerified: boolean;
  endpointId: string | null;
  payload: string;
};

const store = globalThis as unknown as { __devWebhooks?: ReceivedWebhook[] };
const KEEP = 200;
const NAME = /^[A-Za-z0-9_-]{1,64}$/;

export async function receiveDevWebhook(options: {
  name: string;
  headers: { id: string | null; timestamp: string | null; signature: string | null };
  body: string;
}): Promise<ReceivedWebhook | null> {
  if (!isDevReceiverEnabled() || !NAME.test(options.name)) return null;
  const now = new Date();
  const endpoints = await getPrisma().webhookEndpoint.findMany({
    where: { deletedAt: null, url: { endsWith: `/api/dev/webhooks/${options.name}` } },
    select: { id: true, secretCiphertext: true, previousSecretCiphertext: true, previousSecretExpiresAt: true },
  });
  const key = webhookCipherKey();
  let endpointId: string | null = null;
  for (const endpoint of endpoints) {
    const secrets = [decryptSecret(key, endpoint.secretCiphertext, endpoint.id)];
    if (
      endpoint.previousSecretCiphertext &&
      endpoint.previousSecretExpiresAt &&
      endpoint.previousSecretExpiresAt > now
    ) {
      secrets.push(decryptSecret(key, endpoint.previousSecretCiphertext, endpoint.id));
    }
    const isMatch =
      options.headers.id !== null &&
      options.headers.timestamp !== null &&
      options.headers.signature !== null &&
      verifySignature({
        secrets,
        id: options.headers.id,
        timestamp: options.headers.timestamp,
        signatureHeader: options.headers.signature,
        body: options.body,
      });
    if (isMatch) {
      endpointId = endpoint.id;
      break;
    }
  }
  let type = "(unreadable)";
  try {
    const parsed = JSON.parse(options.body) as { type?: unknown };
    if (typeof parsed.type === "string") type = parsed.type.slice(0, 100);
  } catch {}
  const received: ReceivedWebhook = {
    receivedAt: now,
    name: options.name,
    webhookId: (options.headers.id ?? "").slice(0, 100),
    type,
    isVerified: endpointId !== null,
    endpointId,
    payload: options.body.slice(0, 10_000),
  };
  store.__devWebhooks = [received, ...(store.__devWebhooks ?? [])].slice(0, KEEP);
  return received;
}

export function listDevWebhooks(): ReceivedWebhook[] {
  return isDevReceiverEnabled() ? [...(store.__devWebhooks ?? [])] : [];
}
