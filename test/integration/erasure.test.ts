import { describe, expect, it } from "vitest";
import { getPrisma } from "@/server/db";
import {
  cancelAccountDeletion,
  confirmAccountDeletion,
  ERASURE_JOB,
  getDeletionPlan,
  requestAccountDeletion,
  runErasure,
} from "@/server/erasure";
import { isSuppressed } from "@/server/erasure/suppression";
import { TEST_PASSWORD, viewerWithHistory } from "../factories";
import { deletionToken } from "../support/erasure-fixtures";

describe("delete my account", () => {
  it("requests, confirms, erases and sends a receipt", async () => {
    const viewer = await viewerWithHistory({ shop: "crystalline", orderCount: 5 });
    const before = await getPrisma().customer.findUniqueOrThrow({ where: { id: viewer.customerId } });
    const plan = await getDeletionPlan({ viewer });
    expect(plan.entries.map((e) => `${e.model}:${e.action}`)).toContain("Invoice:RETAIN");

    const request = await requestAccountDeletion({
      viewer,
      input: { password: TEST_PASSWORD, confirmation: "DELETE" },
    });
    expect(request.status).toBe("AWAITING_CONFIRMATION");
    const confirmed = await confirmAccountDeletion({
      viewer,
      input: { token: await deletionToken(viewer.customerId) },
    });
    expect(confirmed.status).toBe("SCHEDULED");
    // Due now, as if the grace period had passed.
    await getPrisma().deletionRequest.update({ where: { id: request.id }, data: { scheduledFor: new Date() } });
    expect(await runErasure({ requestId: request.id })).toBe("erased");
    expect(await runErasure({ requestId: request.id })).toBe("nothing-to-do");

    const after = await getPrisma().customer.findUniqueOrThrow({ where: { id: viewer.customerId } });
    expect(after.status).toBe("ERASED");
    expect(after.email).not.toBe(before.email);
    expect(after.passwordHash).toBeNull();
    const done = await getPrisma().deletionRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(done.status).toBe("COMPLETED");
    expect(done.receiptTo).toBeNull();
    const receipt = await getPrisma().outboundEmail.findFirstOrThrow({
      where: { toAddress: before.email, kind: "erasure-receipt" },
    });
    expect(receipt.customerId).toBeNull();
    expect(receipt.textBody).toContain("Deleted:");
    const invoices = await getPrisma().invoice.findMany({ where: { retentionRule: { not: null }, customerId: null } });
    expect(invoices.length).toBeGreaterThan(0);
    expect(await getPrisma().session.count({ where: { customerId: viewer.customerId } })).toBe(0);
    expect(await isSuppressed({ shopId: viewer.shop.id, email: before.email })).toBe(true);
    expect(await getPrisma().job.count({ where: { kind: ERASURE_JOB, key: request.id } })).toBe(1);
  });

  it("cancels a scheduled deletion", async () => {
    const viewer = await viewerWithHistory({ shop: "allegra", orderCount: 2 });
    await requestAccountDeletion({ viewer, input: { password: TEST_PASSWORD, confirmation: "delete" } });
    await confirmAccountDeletion({ viewer, input: { token: await deletionToken(viewer.customerId) } });
    const cancelled = await cancelAccountDeletion({ viewer });
    expect(cancelled.status).toBe("CANCELLED");
    const customer = await getPrisma().customer.findUniqueOrThrow({ where: { id: viewer.customerId } });
    expect(customer.status).toBe("ACTIVE");
  });
});
