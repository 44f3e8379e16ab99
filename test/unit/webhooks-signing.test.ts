import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import {
  decryptSecret,
  encryptSecret,
  generateWebhookSecret,
  signatureHeader,
  signPayload,
  verifySignature,
} from "@/server/webhooks/signing";

// Our signatures against the reference receiver (the `standardwebhooks` package).
describe("webhook signing", () => {
  const id = "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W";
  const body = JSON.stringify({ type: "consent.updated", timestamp: "2026-12-07T10:00:00.000Z", data: { a: 1 } });

  it("makes whsec_ secrets of at least 24 random bytes", () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+={0,2}$/);
    expect(Buffer.from(secret.slice(6), "base64").length).toBeGreaterThanOrEqual(24);
    expect(generateWebhookSecret()).not.toBe(secret);
  });

  it("signs exactly as the standardwebhooks package verifies (and signs)", () => {
    const secret = generateWebhookSecret();
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = signPayload(secret, id, timestamp, body);
    expect(signature).toBe(new Webhook(secret).sign(id, new Date(timestamp * 1000), body));
    const headers = { "webhook-id": id, "webhook-timestamp": String(timestamp), "webhook-signature": signature };
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
    expect(() => new Webhook(secret).verify(`${body} `, headers)).toThrow();
    expect(() => new Webhook(generateWebhookSecret()).verify(body, headers)).toThrow();
  });

  it("carries one signature per secret after a rotation, each verifying on its own", () => {
    const [current, previous] = [generateWebhookSecret(), generateWebhookSecret()];
    const timestamp = Math.floor(Date.now() / 1000);
    const header = signatureHeader([current, previous], id, timestamp, body);
    expect(header.split(" ")).toHaveLength(2);
    const headers = { "webhook-id": id, "webhook-timestamp": String(timestamp), "webhook-signature": header };
    expect(new Webhook(current).verify(body, headers)).toBeTruthy();
    expect(new Webhook(previous).verify(body, headers)).toBeTruthy();
    expect(
      verifySignature({ secrets: [previous], id, timestamp: String(timestamp), signatureHeader: header, body }),
    ).toBe(true);
    expect(
      verifySignature({
        secrets: [generateWebhookSecret()],
        id,
        timestamp: String(timestamp),
        signatureHeader: header,
        body,
      }),
    ).toBe(false);
    // Too old: refused (replay protection), as standardwebhooks does.
    expect(
      verifySignature({ secrets: [current], id, timestamp: String(timestamp - 3600), signatureHeader: header, body }),
    ).toBe(false);
  });

  it("encrypts secrets at rest, bound to their endpoint", () => {
    const key = Buffer.alloc(32, 7);
    const secret = generateWebhookSecret();
    const stored = encryptSecret(key, secret, "endpoint-a");
    expect(stored).not.toContain(secret.slice(6, 20));
    expect(decryptSecret(key, stored, "endpoint-a")).toBe(secret);
    expect(() => decryptSecret(key, stored, "endpoint-b")).toThrow();
    expect(() => decryptSecret(Buffer.alloc(32, 8), stored, "endpoint-a")).toThrow();
  });
});
