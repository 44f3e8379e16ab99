import "server-only";
import { scheduleAuditCheckpoints } from "../audit/checkpoint";
import { isDemoMode } from "../auth/secret";
import { getPrisma } from "../db";
import { scheduleRetentionSweep } from "../erasure";
import { scheduleExportSweep } from "../export";
import { expireImpersonations } from "../impersonation/sessions";
import { logEvent } from "../log";
import { deliverPendingEmails } from "../mail";
// Registers "webhook.deliver" (several deliveries at once per worker: WEBHOOK_CONCURRENCY).
import { scheduleWebhookSweep } from "../webhooks";
import { enqueueJob, registerJobHandler, startJobWorker } from "./index";

// Every kind of job the app runs, registered in one place (importing a capability's
// module registers its handlers), and the recurring ones scheduled at start.

export const MAIL_DELIVERY_JOB = "mail.deliver";
const MAIL_EVERY_MS = 30_000;

registerJobHandler(MAIL_DELIVERY_JOB, {
  // Retries what an earlier send could not deliver (mutations send at once after commit).
  async run() {
    await deliverPendingEmails({ limit: 50 });
  },
  nextRunAt: (now) => new Date(now.getTime() + MAIL_EVERY_MS),
});

export const IMPERSONATION_EXPIRY_JOB = "impersonation.expire";
const IMPERSONATION_EVERY_MS = 60_000;

registerJobHandler(IMPERSONATION_EXPIRY_JOB, {
  // Writes down the end of support sessions whose time ran out (they stop acting at
  // expiry whether or not this has run).
  async run() {
    await expireImpersonations();
  },
  nextRunAt: (now) => new Date(now.getTime() + IMPERSONATION_EVERY_MS),
});

export async function scheduleRecurringJobs(): Promise<void> {
  await enqueueJob(getPrisma(), { kind: IMPERSONATION_EXPIRY_JOB, key: "all" });
  await scheduleExportSweep();
  await scheduleRetentionSweep();
  await scheduleAuditCheckpoints();
  await scheduleWebhookSweep();
  // Without SMTP outside demo mode nothing can be sent: no point in waking up for it.
  if (process.env.SMTP_URL || isDemoMode()) {
    await enqueueJob(getPrisma(), { kind: MAIL_DELIVERY_JOB, key: "all" });
  }
}

// Started by instrumentation.ts when the server starts (JOB_WORKER=off to leave a
// process without one, e.g. when a separate worker process runs them).
export async function startBackgroundJobs(): Promise<void> {
  if (process.env.JOB_WORKER === "off") return;
  try {
    await scheduleRecurringJobs();
  } catch (error) {
    logEvent("error", { event: "job.schedule-error", errorName: error instanceof Error ? error.name : "unknown" });
  }
  startJobWorker();
  logEvent("info", { event: "job.worker-started" });
}
