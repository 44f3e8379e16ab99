import "server-only";
import type { DataCategoryKey } from "../data-map/categories";
import type { Prisma } from "../db";
import type { RecipientNotificationKind } from "../db/generated/enums";
import type { ShopRef } from "../tenants";
import { queueWebhookEvent } from "../webhooks/events";
import type { JsonObject } from "./chain";

export type ChangedField = { field: string; category: DataCategoryKey };

// GDPR Art. 19: every recipient of the shop's profile that holds a category touched by
// the change is told which of its fields changed (names only: the recipient asks for
// the values through the partner API, which checks what it may see). Runs in the
// caller's transaction, so the queue and the change commit together.
export async function queueRecipientNotifications(
  tx: Prisma.TransactionClient,
  options: {
    shop: ShopRef;
    customerId: string;
    kind: RecipientNotificationKind;
    changes: ChangedField[];
    // What the change was about, e.g. { subject: "address", addressId }.
    payload: JsonObject;
  },
): Promise<string[]> {
  const rows = options.shop.profile.recipients.flatMap((recipient) => {
    const fields = options.changes.filter((c) => recipient.categories.includes(c.category)).map((c) => c.field);
    if (!fields.length) return [];
    return [
      {
        shopId: options.shop.id,
        customerId: options.customerId,
        recipientKey: recipient.key,
        kind: options.kind,
        payload: { ...options.payload, fields },
      },
    ];
  });
  if (!rows.length) return [];
  const created = await tx.recipientNotification.createManyAndReturn({
    data: rows,
    select: { id: true, recipientKey: true, kind: true },
  });
  // Recipients that are partners with a key get the notice as a webhook.
  for (const notice of created) {
    await queueWebhookEvent(tx, {
      shopId: options.shop.id,
      customerId: options.customerId,
      type: "customer.recipient_notice",
      recipientKey: notice.recipientKey,
      data: {
        notificationId: notice.id,
        recipient: notice.recipientKey,
        kind: notice.kind,
        ...(rows.find((r) => r.recipientKey === notice.recipientKey)?.payload ?? {}),
      },
    });
  }
  return rows.map((r) => r.recipientKey);
}
