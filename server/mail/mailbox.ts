import "server-only";
import { isDemoMode } from "../auth/secret";
import { getPrisma } from "../db";
import type { OutboundEmailStatus } from "../db/generated/enums";
import { AppError } from "../errors";

// The dev mailbox: in demo mode, the outbox itself is where "sent" mail can be read
// (/dev/mailbox). Developer tooling, not part of the customer API: it is not scoped to a
// viewer and is refused outside demo mode, here as well as in the pages.

export type MailboxSummary = {
  id: string;
  toAddress: string;
  subject: string;
  kind: string;
  status: OutboundEmailStatus;
  createdAt: Date;
  sentAt: Date | null;
  shop: { handle: string; name: string };
};

export type MailboxMessage = MailboxSummary & {
  textBody: string;
  attempts: number;
  lastError: string | null;
  // The extra headers the message carries (List-Unsubscribe and the like), by name.
  headers: Record<string, string>;
};

function requireDemo(): void {
  if (!isDemoMode()) throw new AppError("NOT_FOUND", "The dev mailbox exists only in demo mode.");
}

const summarySelect = {
  id: true,
  toAddress: true,
  subject: true,
  kind: true,
  status: true,
  createdAt: true,
  sentAt: true,
  shop: { select: { handle: true, name: true } },
} as const;

// Newest first.
export async function findMailboxMessages(options: { limit?: number } = {}): Promise<MailboxSummary[]> {
  requireDemo();
  const take = Math.min(Math.max(1, options.limit ?? 100), 500);
  return getPrisma().outboundEmail.findMany({
    select: summarySelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
  });
}

export async function getMailboxMessage(options: { id: string }): Promise<MailboxMessage | null> {
  requireDemo();
  if (!/^[0-9a-f-]{36}$/i.test(options.id)) return null;
  const row = await getPrisma().outboundEmail.findUnique({
    where: { id: options.id },
    select: { ...summarySelect, textBody: true, attempts: true, lastError: true, headers: true },
  });
  if (!row) return null;
  const headers =
    row.headers && typeof row.headers === "object" && !Array.isArray(row.headers)
      ? Object.fromEntries(
          Object.entries(row.headers).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
        )
      : {};
  return { ...row, headers };
}
