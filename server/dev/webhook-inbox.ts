import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { isDemoMode } from "../auth/secret";
import { getPrisma } from "../db";
import { AppError } from "../errors";
import { webhookCipherKey } from "../webhooks";
import { decryptSecret } from "../webhooks/signing";

// The demo webhook receiver (/api/dev/webhooks/<name>, shown at /dev/webhooks): in demo
// mode it stands in for a partner's server so a newcomer sees the whole loop. It checks
// each request as a receiver would (Standard Webhooks: HMAC-SHA256 over
// "<webhook-id>.<webhook-timestamp>.<body>", 5 minutes' tolerance, constant-time compare),
// with the secrets of the endpoints that point at it (it may read them: it runs inside
// the app, which holds them). Developer tooling, refused outside demo mode. What it
// received is kept in this process's memory only (the newest 200), so it is empty again
// after a restart and each app instance has its own.

export const DEV_WEBHOOK_PATH = "/api/dev/webhooks/";
const KEEP = 200;
const TOLERANCE_SECONDS = 5 * 60;
const BODY_LIMIT = 64 * 1024;

export type ReceivedWebhook = {
  seq: number;
  receivedAt: Date;
  // The last part of the path: /api/dev/webhooks/<name>.
  name: string;
  webhookId: string;
  timestamp: string;
  eventType: string | null;
  body: string;
  // The status this receiver answered (?status=NNN chooses it, to try retries and 410).
  answeredStatus: number;
  verification: { isVerified: true; shopName: string; endpointId: string } | { isVerified: false; reason: string };
};

type Inbox = { seq: number; items: ReceivedWebhook[] };
// On globalThis: the route that receives and the page that lists may be separate bundles.
const holder = globalThis as { __devWebhookInbox?: Inbox };
holder.__devWebhookInbox ??= { seq: 0, items: [] };
const inbox: Inbox = holder.__devWebhookInbox;

function requireDemo(): void {
  if (!isDemoMode()) throw new AppError("NOT_FOUND", "Not found.");
}

export function isValidReceiverName(name: string): boolean {
  return /^[a-z0-9][a-z0-9-]{0,39}$/i.test(name);
}

// The status the receiver answers: 200 unless ?status= asks for another (200-599).
export function answerStatus(search: URLSearchParams): number {
  const asked = Number(search.get("status"));
  return Number.isInteger(asked) && asked >= 200 && asked <= 599 ? asked : 200;
}

function signaturesOf(header: string): Buffer[] {
  return header
    .split(" ")
    .filter((part) => part.startsWith("v1,"))
    .map((part) => Buffer.from(part.slice(3), "base64"));
}

function matches(secret: string, id: string, timestamp: string, body: string, signatures: Buffer[]): boolean {
  if (!secret.startsWith("whsec_")) return false;
  const expected = createHmac("sha256", Buffer.from(secret.slice(6), "base64"))
    .update(`${id}.${timestamp}.${body}`)
    .digest();
  return signatures.some((s) => s.length === expected.length && timingSafeEqual(s, expected));
}

// Checks a request's signature against every live endpoint whose URL has this path.
async function verify(
  path: string,
  headers: { id: string; timestamp: string; signature: string },
  body: string,
): Promise<ReceivedWebhook["verification"]> {
  if (!headers.id || !headers.timestamp || !headers.signature) {
    return { isVerified: false, reason: "A webhook-id, webhook-timestamp or webhook-signature header is missing." };
  }
  const seconds = Number(headers.timestamp);
  if (!Number.isInteger(seconds) || Math.abs(Date.now() / 1000 - seconds) > TOLERANCE_SECONDS) {
    return { isVerified: false, reason: "The webhook-timestamp is more than 5 minutes away from now." };
  }
  const signatures = signaturesOf(headers.signature);
  if (!signatures.length) return { isVerified: false, reason: "The webhook-signature header has no v1 signature." };
  const endpoints = await getPrisma().webhookEndpoint.findMany({
    where: { deletedAt: null, url: { contains: path } },
    select: {
      id: true,
      url: true,
      secretCiphertext: true,
      previousSecretCiphertext: true,
      previousSecretExpiresAt: true,
      shop: { select: { name: true } },
    },
  });
  const key = webhookCipherKey();
  const now = new Date();
  for (const endpoint of endpoints) {
    let pathname: string;
    try {
      pathname = new URL(endpoint.url).pathname;
    } catch {
      continue;
    }
    if (pathname !== path) continue;
    const stored = [endpoint.secretCiphertext];
    if (endpoint.previousSecretCiphertext && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > now)
      stored.push(endpoint.previousSecretCiphertext);
    for (const ciphertext of stored) {
      const secret = decryptSecret(key, ciphertext, endpoint.id);
      if (matches(secret, headers.id, headers.timestamp, body, signatures)) {
        return { isVerified: true, shopName: endpoint.shop.name, endpointId: endpoint.id };
      }
    }
  }
  return endpoints.length
    ? { isVerified: false, reason: "No signature matches the secret of an endpoint pointing here." }
    : { isVerified: false, reason: "No webhook endpoint points at this address." };
}

export async function receiveDevWebhook(input: {
  name: string;
  search: URLSearchParams;
  headers: Headers;
  body: string;
}): Promise<ReceivedWebhook> {
  requireDemo();
  const webhookHeaders = {
    id: input.headers.get("webhook-id") ?? "",
    timestamp: input.headers.get("webhook-timestamp") ?? "",
    signature: input.headers.get("webhook-signature") ?? "",
  };
  const body = input.body.slice(0, BODY_LIMIT);
  let eventType: string | null = null;
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed && typeof parsed === "object" && typeof (parsed as { type?: unknown }).type === "string") {
      eventType = (parsed as { type: string }).type;
    }
  } catch {
    // Not JSON: shown as it came.
  }
  const received: ReceivedWebhook = {
    seq: ++inbox.seq,
    receivedAt: new Date(),
    name: input.name,
    webhookId: webhookHeaders.id,
    timestamp: webhookHeaders.timestamp,
    eventType,
    body,
    answeredStatus: answerStatus(input.search),
    verification: await verify(`${DEV_WEBHOOK_PATH}${input.name}`, webhookHeaders, input.body),
  };
  inbox.items.unshift(received);
  inbox.items.length = Math.min(inbox.items.length, KEEP);
  return received;
}

// Newest first.
export function findDevWebhooks(): ReceivedWebhook[] {
  requireDemo();
  return [...inbox.items];
}
