import "server-only";
import { getPrisma } from "../db";
import { enqueueJob, registerJobHandler } from "../jobs";

// Events sent to partners are kept as a delivery log for 30 days after they were
// created and every delivery of theirs has finished (succeeded, failed or cancelled);
// then the event goes, with its deliveries and attempts (ON DELETE CASCADE). They hold
// ids and the names of what changed, never a personal value (server/data-map).
export const WEBHOOK_SWEEP_JOB = "webhook.sweep";
export const WEBHOOK_LOG_DAYS = 30;
const SWEEP_EVERY_MS = 6 * 3600_000;
const BATCH = 1_000;

export async function sweepWebhookEvents(now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - WEBHOOK_LOG_DAYS * 86_400_000);
  let total = 0;
  for (;;) {
    const deleted = await getPrisma().$executeRaw`
      DELETE FROM "WebhookEvent" WHERE "id" IN (
        SELECT e."id" FROM "WebhookEvent" e
        WHERE e."createdAt" < ${before}::timestamptz
          AND NOT EXISTS (SELECT 1 FROM "WebhookDelivery" d WHERE d."eventId" = e."id" AND d."status" = 'PENDING')
        LIMIT ${BATCH})`;
    total += deleted;
    if (deleted < BATCH) return total;
  }
}

registerJobHandler(WEBHOOK_SWEEP_JOB, {
  async run() {
    await sweepWebhookEvents();
  },
  nextRunAt: (now) => new Date(now.getTime() + SWEEP_EVERY_MS),
});

export async function scheduleWebhookSweep(): Promise<void> {
  await enqueueJob(getPrisma(), { kind: WEBHOOK_SWEEP_JOB, key: "all" });
}
