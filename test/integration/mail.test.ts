import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getPrisma } from "@/server/db";
import { deliverPendingEmails, enqueueEmail, MAIL, retryDelayMs } from "@/server/mail";
import { findMailboxMessages, getMailboxMessage } from "@/server/mail/mailbox";
import { closedSmtpUrl, type SmtpSink, startSmtpSink } from "../support/smtp-sink";

// The durable outbox: mail is queued in the transaction of the change that causes it and
// delivered after commit over SMTP_URL, retried with backoff, never sent twice by
// concurrent senders. Each test uses its own shop, and delivers only that shop's mail,
// so test files sharing a PostgreSQL database never deliver each other's messages.

let sink: SmtpSink;
const savedEnv = { SMTP_URL: process.env.SMTP_URL, MAIL_FROM: process.env.MAIL_FROM };

beforeAll(async () => {
  sink = await startSmtpSink({ rejectRecipient: (address) => address.startsWith("bounce-") });
});

afterEach(() => {
  process.env.SMTP_URL = savedEnv.SMTP_URL;
  process.env.MAIL_FROM = savedEnv.MAIL_FROM;
  if (savedEnv.SMTP_URL === undefined) delete process.env.SMTP_URL;
  if (savedEnv.MAIL_FROM === undefined) delete process.env.MAIL_FROM;
});

afterAll(async () => {
  await sink.close();
});

async function testShop() {
  const handle = `mail-${randomUUID().slice(0, 8)}`;
  return getPrisma().shop.create({ data: { handle, name: "Mail Test Shop" }, select: { id: true, handle: true } });
}

function address(prefix = "to") {
  return `${prefix}-${randomUUID().slice(0, 8)}@test.example`;
}

async function queue(shopId: string, overrides: Partial<Parameters<typeof enqueueEmail>[1]> = {}) {
  return getPrisma().$transaction((tx) =>
    enqueueEmail(tx, {
      shopId,
      customerId: null,
      to: address(),
      subject: "Hello from the outbox",
      text: "First line.\nSee https://example.test/path?x=1 for more.",
      kind: "test-message",
      ...overrides,
    }),
  );
}

const row = (id: string) => getPrisma().outboundEmail.findUniqueOrThrow({ where: { id } });

describe("enqueueEmail", () => {
  it("queues nothing when the caller's transaction rolls back", async () => {
    process.env.SMTP_URL = sink.url;
    const shop = await testShop();
    const to = address();
    await expect(
      getPrisma().$transaction(async (tx) => {
        await enqueueEmail(tx, { shopId: shop.id, customerId: null, to, subject: "Never", text: "x", kind: "test" });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await getPrisma().outboundEmail.count({ where: { shopId: shop.id } })).toBe(0);
    expect(await deliverPendingEmails({ shopId: shop.id })).toMatchObject({ claimed: 0, sent: 0 });
    expect(sink.to(to)).toHaveLength(0);
  });

  it("refuses header injection through the subject or extra headers", async () => {
    const shop = await testShop();
    await expect(queue(shop.id, { subject: "Hi\r\nBcc: victim@test.example" })).rejects.toThrow();
    await expect(queue(shop.id, { headers: { "X-Test": "a\r\nBcc: victim@test.example" } })).rejects.toThrow();
    await expect(queue(shop.id, { headers: { From: "someone@test.example" } })).rejects.toThrow();
    await expect(queue(shop.id, { to: "not an address" })).rejects.toThrow();
    expect(await getPrisma().outboundEmail.count({ where: { shopId: shop.id } })).toBe(0);
  });
});

describe("deliverPendingEmails", () => {
  it("delivers the real message over SMTP and marks it SENT", async () => {
    process.env.SMTP_URL = sink.url;
    delete process.env.MAIL_FROM;
    const shop = await testShop();
    const to = address("Ana");
    const { id } = await queue(shop.id, {
      to,
      subject: "Confirm your address – ăîșț",
      html: "<p>Hello <strong>there</strong></p>",
      headers: { "List-Unsubscribe": "<https://example.test/unsubscribe/abc>" },
    });
    expect((await row(id)).status).toBe("QUEUED");

    const report = await deliverPendingEmails({ shopId: shop.id });
    expect(report).toEqual({ claimed: 1, sent: 1, retrying: 0, failed: 0 });

    const [message, ...others] = sink.to(to);
    expect(others).toHaveLength(0);
    expect(message.envelope.to).toEqual([to.toLowerCase()]);
    expect(message.parsed.to?.map((a) => ("address" in a ? a.address : null))).toEqual([to.toLowerCase()]);
    expect(message.parsed.from).toMatchObject({ name: "Mail Test Shop", address: `privacy@${shop.handle}.example` });
    expect(message.parsed.subject).toBe("Confirm your address – ăîșț");
    expect(message.parsed.text).toContain("See https://example.test/path?x=1 for more.");
    expect(message.parsed.html).toContain("<strong>there</strong>");
    expect(message.parsed.messageId).toBe(`<${id}@${shop.handle}.example>`);
    const unsubscribe = message.parsed.headers.find((h) => h.key === "list-unsubscribe");
    expect(unsubscribe?.value).toBe("<https://example.test/unsubscribe/abc>");

    const sent = await row(id);
    expect(sent).toMatchObject({ status: "SENT", attempts: 1, lastError: null });
    expect(sent.sentAt).toBeInstanceOf(Date);
    // Nothing is sent twice.
    expect(await deliverPendingEmails({ shopId: shop.id })).toMatchObject({ claimed: 0 });
    expect(sink.to(to)).toHaveLength(1);
  });

  it("uses MAIL_FROM when it is set", async () => {
    process.env.SMTP_URL = sink.url;
    process.env.MAIL_FROM = "Privacy Team <privacy@mail.test.example>";
    const shop = await testShop();
    const to = address();
    const { id } = await queue(shop.id, { to });
    await deliverPendingEmails({ shopId: shop.id });
    const [message] = sink.to(to);
    expect(message.parsed.from).toMatchObject({ name: "Privacy Team", address: "privacy@mail.test.example" });
    expect(message.parsed.messageId).toBe(`<${id}@mail.test.example>`);
  });

  it("retries a failing SMTP server with backoff, then gives up, never marking the message SENT", async () => {
    process.env.SMTP_URL = await closedSmtpUrl();
    const shop = await testShop();
    const to = address();
    const { id } = await queue(shop.id, { to });
    let now = new Date(Date.now() + 1000);

    for (let attempt = 1; attempt <= MAIL.maxAttempts; attempt++) {
      const report = await deliverPendingEmails({ shopId: shop.id, now });
      expect(report.claimed, `attempt ${attempt}`).toBe(1);
      expect(report.sent).toBe(0);
      const current = await row(id);
      expect(current.attempts).toBe(attempt);
      expect(current.lastError).toMatch(/^[A-Z_]+( \d{3})?$/);
      expect(current.lastError).not.toContain(to);
      expect(current.sentAt).toBeNull();
      if (attempt < MAIL.maxAttempts) {
        expect(current.status).toBe("QUEUED");
        expect(current.nextAttemptAt.getTime()).toBe(now.getTime() + retryDelayMs(attempt));
        // Not due yet: the next call leaves it alone.
        const early = new Date(current.nextAttemptAt.getTime() - 1000);
        expect(await deliverPendingEmails({ shopId: shop.id, now: early })).toMatchObject({ claimed: 0 });
        now = current.nextAttemptAt;
      } else {
        expect(current.status).toBe("FAILED");
      }
    }
    expect(retryDelayMs(1)).toBe(60_000);
    expect(retryDelayMs(4)).toBe(8 * 60_000);
    // FAILED is final.
    process.env.SMTP_URL = sink.url;
    expect(await deliverPendingEmails({ shopId: shop.id, now: new Date(Date.now() + 86_400_000) })).toMatchObject({
      claimed: 0,
    });
    expect(sink.to(to)).toHaveLength(0);
  });

  it("recovers once the SMTP server is back", async () => {
    process.env.SMTP_URL = await closedSmtpUrl();
    const shop = await testShop();
    const to = address();
    const { id } = await queue(shop.id, { to });
    expect(await deliverPendingEmails({ shopId: shop.id })).toMatchObject({ retrying: 1 });
    process.env.SMTP_URL = sink.url;
    const later = new Date(Date.now() + retryDelayMs(1) + 1000);
    expect(await deliverPendingEmails({ shopId: shop.id, now: later })).toMatchObject({ sent: 1 });
    expect(await row(id)).toMatchObject({ status: "SENT", attempts: 2, lastError: null });
    expect(sink.to(to)).toHaveLength(1);
  });

  it("gives up at once on a recipient the server refuses permanently", async () => {
    process.env.SMTP_URL = sink.url;
    const shop = await testShop();
    const to = address("bounce");
    const { id } = await queue(shop.id, { to });
    expect(await deliverPendingEmails({ shopId: shop.id })).toMatchObject({ failed: 1 });
    const failed = await row(id);
    expect(failed).toMatchObject({ status: "FAILED", attempts: 1, lastError: "EENVELOPE 550" });
    expect(sink.to(to)).toHaveLength(0);
  });

  it("never sends a message twice when two senders run at once", async () => {
    process.env.SMTP_URL = sink.url;
    const shop = await testShop();
    const ids = new Set<string>();
    for (let i = 0; i < 12; i++) ids.add((await queue(shop.id, { subject: `Message ${i}` })).id);
    const reports = [];
    for (let round = 0; round < 10; round++) {
      const pair = await Promise.all([
        deliverPendingEmails({ shopId: shop.id, limit: 5 }),
        deliverPendingEmails({ shopId: shop.id, limit: 5 }),
      ]);
      reports.push(...pair);
      if (pair.every((r) => r.claimed === 0)) break;
    }
    expect(reports.reduce((n, r) => n + r.sent, 0)).toBe(12);
    const received = sink.messages.filter((m) => ids.has(/^<([^@]+)@/.exec(m.parsed.messageId ?? "")?.[1] ?? ""));
    expect(received).toHaveLength(12);
    expect(new Set(received.map((m) => m.parsed.messageId)).size).toBe(12);
    const rows = await getPrisma().outboundEmail.findMany({ where: { shopId: shop.id } });
    expect(rows.every((r) => r.status === "SENT" && r.attempts === 1)).toBe(true);
  });

  it("takes a message whose sender died once its lease has run out", async () => {
    process.env.SMTP_URL = sink.url;
    const shop = await testShop();
    const to = address();
    const { id } = await queue(shop.id, { to });
    // A sender claims the row and dies before sending: the row is leased, not lost.
    await getPrisma().outboundEmail.update({
      where: { id },
      data: { attempts: 1, nextAttemptAt: new Date(Date.now() + MAIL.leaseMs) },
    });
    expect(await deliverPendingEmails({ shopId: shop.id })).toMatchObject({ claimed: 0 });
    const afterLease = new Date(Date.now() + MAIL.leaseMs + 1000);
    expect(await deliverPendingEmails({ shopId: shop.id, now: afterLease })).toMatchObject({ sent: 1 });
    expect(await row(id)).toMatchObject({ status: "SENT", attempts: 2 });
    expect(sink.to(to)).toHaveLength(1);
  });
});

describe("demo mode", () => {
  it("without SMTP_URL marks mail SENT and keeps it readable in the dev mailbox", async () => {
    delete process.env.SMTP_URL;
    const shop = await testShop();
    const to = address();
    const { id } = await queue(shop.id, {
      to,
      subject: "Read me in the mailbox",
      headers: { "List-Unsubscribe": "<https://example.test/u?token=t>" },
    });
    expect(await deliverPendingEmails({ shopId: shop.id })).toMatchObject({ sent: 1 });
    expect(await row(id)).toMatchObject({ status: "SENT" });
    expect(sink.to(to)).toHaveLength(0);
    const list = await findMailboxMessages({ limit: 500 });
    expect(list.find((m) => m.id === id)).toMatchObject({ toAddress: to, subject: "Read me in the mailbox" });
    const one = await getMailboxMessage({ id });
    expect(one?.textBody).toContain("https://example.test/path?x=1");
    // The extra headers too, for the mailbox page's one-click unsubscribe button.
    expect(one?.headers).toEqual({ "List-Unsubscribe": "<https://example.test/u?token=t>" });
    expect(await getMailboxMessage({ id: "not-an-id" })).toBeNull();
  });

  it("outside demo mode sends nothing until SMTP is configured, and hides the mailbox", async () => {
    const saved = { nodeEnv: process.env.NODE_ENV, demo: process.env.PRIVACY_CENTRE_DEMO };
    const shop = await testShop();
    const { id } = await queue(shop.id);
    try {
      delete process.env.SMTP_URL;
      delete process.env.PRIVACY_CENTRE_DEMO;
      Object.assign(process.env, { NODE_ENV: "production" });
      expect(await deliverPendingEmails({ shopId: shop.id })).toMatchObject({ claimed: 0 });
      expect(await row(id)).toMatchObject({ status: "QUEUED", attempts: 0 });
      await expect(findMailboxMessages()).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(getMailboxMessage({ id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    } finally {
      Object.assign(process.env, { NODE_ENV: saved.nodeEnv });
      if (saved.demo !== undefined) process.env.PRIVACY_CENTRE_DEMO = saved.demo;
    }
  });
});
