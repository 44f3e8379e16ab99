import { describe, expect, it } from "vitest";
import { getPrisma } from "@/server/db";
import { createWebhookEndpoint } from "@/server/webhooks/endpoints";
import { sweepWebhookEvents, WEBHOOK_LOG_DAYS } from "@/server/webhooks/sweep";
import { agentViewer, shop } from "../factories";

describe("webhook event log retention", () => {
  it("deletes finished events older than 30 days with their deliveries and attempts, keeps the rest", async () => {
    process.env.WEBHOOK_ALLOW_PRIVATE = "1";
    const s = await shop("crystalline");
    const officer = await agentViewer({ shop: "crystalline", role: "PRIVACY_OFFICER" });
    const { webhookEndpoint } = await createWebhookEndpoint({
      viewer: officer,
      input: { url: "https://sweep-receiver.example/hooks", events: ["consent.updated"] },
    });
    const prisma = getPrisma();
    const now = new Date();
    const old = new Date(now.getTime() - (WEBHOOK_LOG_DAYS + 1) * 86_400_000);
    const recent = new Date(now.getTime() - (WEBHOOK_LOG_DAYS - 1) * 86_400_000);
    const event = async (createdAt: Date, status: "SUCCEEDED" | "PENDING" | "FAILED") => {
      const e = await prisma.webhookEvent.create({
        data: { shopId: s.id, type: "consent.updated", payload: {}, createdAt },
      });
      const d = await prisma.webhookDelivery.create({
        data: { eventId: e.id, endpointId: webhookEndpoint.id, status, attempts: 1, createdAt },
      });
      await prisma.webhookAttempt.create({ data: { deliveryId: d.id, statusCode: 200, latencyMs: 3 } });
      return e.id;
    };
    const oldDone = await event(old, "SUCCEEDED");
    const oldFailed = await event(old, "FAILED");
    const oldPending = await event(old, "PENDING");
    const recentDone = await event(recent, "SUCCEEDED");
    // Pending deliveries must not be picked up by another file's job run.
    await prisma.webhookEndpoint.update({ where: { id: webhookEndpoint.id }, data: { disabledAt: now } });
    expect(await sweepWebhookEvents(now)).toBeGreaterThanOrEqual(2);
    const left = await prisma.webhookEvent.findMany({
      where: { id: { in: [oldDone, oldFailed, oldPending, recentDone] } },
      select: { id: true },
    });
    expect(left.map((e) => e.id).sort()).toEqual([oldPending, recentDone].sort());
    expect(await prisma.webhookDelivery.count({ where: { eventId: { in: [oldDone, oldFailed] } } })).toBe(0);
    await prisma.webhookDelivery.updateMany({ where: { eventId: oldPending }, data: { status: "CANCELLED" } });
  });
});
