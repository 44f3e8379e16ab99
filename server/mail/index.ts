import "server-only";
import nodemailer from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";
import { z } from "zod";
import { isDemoMode } from "../auth/secret";
import { getPrisma, Prisma } from "../db";
import { logEvent } from "../log";

// Outgoing mail as a durable outbox (DESIGN.md property 5). A change that sends mail
// writes the message with enqueueEmail inside its own transaction, so a rolled-back
// change sends nothing and a committed one is never forgotten; deliverPendingEmails
// sends due rows after commit (the mutation that queued them calls it at once, and any
// later call retries what is still pending). Delivery is at least once: a crash between
// the SMTP server's "250 OK" and marking the row SENT sends that message again once the
// lease runs out; the Message-ID is the row's, so receivers can tell the copies apart.
//
// Configuration: SMTP_URL (smtp://user:pass@host:587, smtps://...) sends real mail;
// MAIL_FROM sets the sender ("privacy@shop.example" or "Shop <privacy@shop.example>").
// In demo mode without SMTP_URL messages are only marked SENT and stay readable in the
// outbox, which is the dev mailbox (/dev/mailbox); outside demo mode nothing is sent
// (and nothing is lost) until both are set.

export const MAIL = {
  maxAttempts: 5,
  // 1, 2, 4, 8 minutes between attempts, then FAILED.
  backoffBaseMs: 60_000,
  // How long a claimed row stays out of other senders' reach (beyond any SMTP timeout).
  leaseMs: 5 * 60_000,
  defaultBatch: 20,
  maxBatch: 100,
};

const HEADER_NAME = /^[A-Za-z0-9-]+$/;
// Headers the transport writes itself; extra headers may not replace them.
const RESERVED_HEADERS = new Set(["from", "to", "cc", "bcc", "subject", "message-id", "date", "sender", "reply-to"]);

const enqueueSchema = z.object({
  shopId: z.uuid(),
  customerId: z.uuid().nullable(),
  to: z.string().trim().toLowerCase().email().max(254),
  subject: z
    .string()
    .min(1)
    .max(300)
    .refine((s) => !/[\r\n]/.test(s), "A subject is one line."),
  text: z.string().min(1).max(100_000),
  html: z.string().max(500_000).nullish(),
  headers: z
    .record(
      z
        .string()
        .regex(HEADER_NAME)
        .refine((name) => !RESERVED_HEADERS.has(name.toLowerCase()), "Reserved header."),
      z
        .string()
        .max(2000)
        .refine((value) => !/[\r\n]/.test(value), "A header value is one line."),
    )
    .default({}),
  kind: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]*$/)
    .max(100),
});

export type EmailInput = z.input<typeof enqueueSchema>;

// Queues one message in the caller's transaction. Input is checked here (no header
// injection through a subject or a header value); a bad message is a programming error.
export async function enqueueEmail(tx: Prisma.TransactionClient, input: EmailInput): Promise<{ id: string }> {
  const email = enqueueSchema.parse(input);
  return tx.outboundEmail.create({
    data: {
      shopId: email.shopId,
      customerId: email.customerId,
      toAddress: email.to,
      subject: email.subject,
      textBody: email.text,
      htmlBody: email.html ?? null,
      headers: email.headers,
      kind: email.kind,
      status: "QUEUED",
      attempts: 0,
      nextAttemptAt: new Date(),
    },
    select: { id: true },
  });
}

export function retryDelayMs(attempts: number): number {
  return MAIL.backoffBaseMs * 2 ** Math.max(0, attempts - 1);
}

type MailConfig = { smtpUrl: string | null; from: string | null };

function mailConfig(): MailConfig | null {
  const smtpUrl = process.env.SMTP_URL?.trim() || null;
  const from = process.env.MAIL_FROM?.trim() || null;
  if (isDemoMode()) return { smtpUrl, from };
  // Outside demo mode both must be set; until then the queue waits.
  return smtpUrl && from ? { smtpUrl, from } : null;
}

function sender(config: MailConfig, shop: { handle: string; name: string }): { from: string; domain: string } {
  const fallback = `privacy@${shop.handle}.example`;
  const configured = config.from ?? fallback;
  const address = /<([^>]+)>/.exec(configured)?.[1] ?? configured;
  const domain = address.split("@")[1] ?? `${shop.handle}.example`;
  // A bare address gets the shop's name as display name.
  const from = configured.includes("<") ? configured : `"${shop.name.replace(/["\\]/g, "")}" <${address}>`;
  return { from, domain };
}

// The transport's error code and SMTP status only: the text of an SMTP reply can quote
// the recipient's address, and lastError must hold nothing personal.
export function describeMailError(error: unknown): { code: string; isPermanent: boolean } {
  const e = (error ?? {}) as { code?: unknown; responseCode?: unknown };
  const code = typeof e.code === "string" && /^[A-Z_]{2,40}$/.test(e.code) ? e.code : "ESEND";
  const status = typeof e.responseCode === "number" ? e.responseCode : null;
  // A refused recipient (5xx to RCPT TO) will be refused again; everything else
  // (connection, timeouts, 4xx, authentication) may work on a later attempt.
  const isPermanent = code === "EENVELOPE" && status !== null && status >= 500 && status < 600;
  return { code: status ? `${code} ${status}` : code, isPermanent };
}

export type DeliveryReport = { claimed: number; sent: number; retrying: number; failed: number };

// Sends due QUEUED messages. Rows are claimed atomically (FOR UPDATE SKIP LOCKED) and
// leased by moving nextAttemptAt forward, so concurrent senders in any number of app
// instances never take the same row; a sender that dies leaves its rows to be claimed
// again when the lease ends. Each outcome is written with the claimed attempt number as
// a fence, so a sender whose lease ran out cannot overwrite a newer outcome.
export async function deliverPendingEmails(
  options: { limit?: number; shopId?: string; now?: Date } = {},
): Promise<DeliveryReport> {
  const report: DeliveryReport = { claimed: 0, sent: 0, retrying: 0, failed: 0 };
  const config = mailConfig();
  if (!config) {
    logEvent("warn", { event: "mail.not-configured", detail: "Set SMTP_URL and MAIL_FROM to send queued mail." });
    return report;
  }
  const limit = Math.min(Math.max(1, Math.trunc(options.limit ?? MAIL.defaultBatch)), MAIL.maxBatch);
  const now = options.now ?? new Date();
  const leaseUntil = new Date(now.getTime() + MAIL.leaseMs);
  const prisma = getPrisma();
  const byShop = options.shopId ? Prisma.sql`AND "shopId" = ${options.shopId}::uuid` : Prisma.empty;
  // Fresh messages first, so a backlog of failing ones cannot hold up a new one.
  const claimed = await prisma.$queryRaw<{ id: string; attempts: number }[]>`
    UPDATE "OutboundEmail" SET "attempts" = "attempts" + 1, "nextAttemptAt" = ${leaseUntil}::timestamptz
    WHERE "id" IN (
      SELECT "id" FROM "OutboundEmail"
      WHERE "status" = 'QUEUED' AND "nextAttemptAt" <= ${now}::timestamptz ${byShop}
      ORDER BY "attempts", "nextAttemptAt", "id"
      LIMIT ${limit}::int
      FOR UPDATE SKIP LOCKED
    )
    RETURNING "id", "attempts"`;
  report.claimed = claimed.length;
  if (!claimed.length) return report;

  const rows = await prisma.outboundEmail.findMany({
    where: { id: { in: claimed.map((c) => c.id) } },
    select: {
      id: true,
      toAddress: true,
      subject: true,
      textBody: true,
      htmlBody: true,
      headers: true,
      shop: { select: { handle: true, name: true } },
    },
    orderBy: { id: "asc" },
  });
  const attemptOf = new Map(claimed.map((c) => [c.id, Number(c.attempts)]));
  const transport = config.smtpUrl
    ? nodemailer.createTransport({
        url: config.smtpUrl,
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 30_000,
      } as SMTPTransport.Options)
    : null;

  try {
    for (const row of rows) {
      const attempts = attemptOf.get(row.id) ?? 1;
      const fence = { id: row.id, status: "QUEUED" as const, attempts };
      try {
        if (transport) {
          const { from, domain } = sender(config, row.shop);
          await transport.sendMail({
            from,
            to: row.toAddress,
            subject: row.subject,
            text: row.textBody,
            html: row.htmlBody ?? undefined,
            headers: extraHeaders(row.headers),
            messageId: `<${row.id}@${domain}>`,
          });
        }
        await prisma.outboundEmail.updateMany({
          where: fence,
          data: { status: "SENT", sentAt: new Date(), lastError: null },
        });
        report.sent++;
      } catch (error) {
        const { code, isPermanent } = describeMailError(error);
        const isFinal = isPermanent || attempts >= MAIL.maxAttempts;
        await prisma.outboundEmail.updateMany({
          where: fence,
          data: isFinal
            ? { status: "FAILED", lastError: code }
            : { lastError: code, nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)) },
        });
        if (isFinal) report.failed++;
        else report.retrying++;
        logEvent(isFinal ? "error" : "warn", { event: isFinal ? "mail.failed" : "mail.retry", code, count: attempts });
      }
    }
  } finally {
    transport?.close();
  }
  if (report.sent) logEvent("info", { event: "mail.sent", count: report.sent });
  return report;
}

function extraHeaders(value: Prisma.JsonValue): Record<string, string> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === "string"));
}

// After a transaction that queued mail: send now, best effort. A failure here loses
// nothing (the rows stay QUEUED for the next call) and is logged without personal data.
export async function tryDeliverPendingEmails(options: { shopId: string }): Promise<void> {
  try {
    await deliverPendingEmails({ shopId: options.shopId, limit: 10 });
  } catch (error) {
    logEvent("error", {
      event: "mail.delivery-error",
      errorName: error instanceof Error ? error.name : typeof error,
    });
  }
}
