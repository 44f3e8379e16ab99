import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { throttleKeys } from "@/server/auth/throttle";
import { ANONYMOUS, type CustomerViewer } from "@/server/auth/viewer";
import { createCustomer } from "@/server/customers";
import { getDatabase, getPrisma } from "@/server/db";
import {
  cancelAccountDeletion,
  confirmAccountDeletion,
  DELETION,
  ERASURE_JOB,
  RECEIPT_RULE,
  requestAccountDeletion,
  runErasure,
  sweepRetention,
} from "@/server/erasure";
import { ERASURE } from "@/server/erasure/engine";
import { type ErasureAnchors, type RetentionRule, ruleUntilSql } from "@/server/erasure/plan";
import { isSuppressed } from "@/server/erasure/suppression";
import { AppError } from "@/server/errors";
import { runDueJobs } from "@/server/jobs";
import { addDuration } from "@/server/tenants/retention";
import { signedInViewer, TEST_PASSWORD, viewerWithHistory } from "../factories";
import { deletionToken, expectOnlyRetained, richCustomer, scheduleErasure } from "../support/erasure-fixtures";
import { findIdentifiers } from "../support/erasure-search";

// "Delete my account" from asking to erasure and after: every wrong way in is refused
// with a clear error and leaves nothing scheduled or erased; the grace period holds;
// the durable job erases once due; kept rows are purged exactly when their rule ends;
// the address can register again and stays off marketing until it does.

const DAY = 24 * 60 * 60 * 1000;
const ASK = { password: TEST_PASSWORD, confirmation: "DELETE" };

async function refusal(work: Promise<unknown>): Promise<AppError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected the service to refuse");
}

const ask = (viewer: CustomerViewer, input: unknown = ASK) => requestAccountDeletion({ viewer, input });
const confirm = (viewer: CustomerViewer, token: unknown) => confirmAccountDeletion({ viewer, input: { token } });

// Nothing is scheduled or erased for this customer: no erasure job, no request waiting
// for its date or running, the account as it was.
async function expectNothingScheduled(viewer: CustomerViewer) {
  const prisma = getPrisma();
  const requests = await prisma.deletionRequest.findMany({
    where: { customerId: viewer.customerId },
    select: { id: true, status: true },
  });
  expect(requests.filter((r) => r.status === "SCHEDULED" || r.status === "ERASING")).toEqual([]);
  expect(await prisma.job.count({ where: { kind: ERASURE_JOB, key: { in: requests.map((r) => r.id) } } })).toBe(0);
  const customer = await prisma.customer.findUniqueOrThrow({ where: { id: viewer.customerId } });
  expect(customer.status).toBe("ACTIVE");
  expect(customer.passwordHash).not.toBeNull();
  expect(customer.email).not.toMatch(/erased/);
  expect(await prisma.session.count({ where: { customerId: viewer.customerId, revokedAt: null } })).toBeGreaterThan(0);
}

const requestsOf = (viewer: CustomerViewer) =>
  getPrisma().deletionRequest.findMany({
    where: { customerId: viewer.customerId },
    orderBy: { createdAt: "asc" },
    select: { id: true, status: true },
  });

const emailOf = async (customerId: string) =>
  (await getPrisma().customer.findUniqueOrThrow({ where: { id: customerId }, select: { email: true } })).email;

describe("asking to delete the account", () => {
  it("refuses a wrong password on the password field, creates nothing, and counts it like a failed sign-in", async () => {
    const viewer = await signedInViewer({ shop: "almaz" });
    const email = await emailOf(viewer.customerId);
    const error = await refusal(ask(viewer, { password: "not-the-password", confirmation: "DELETE" }));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.fieldErrors).toEqual([
      { field: ["input", "password"], code: "INVALID_INPUT", message: "The password is not right." },
    ]);
    expect(await requestsOf(viewer)).toEqual([]);
    expect(await getPrisma().outboundEmail.count({ where: { customerId: viewer.customerId } })).toBe(0);
    const [accountKey] = throttleKeys(viewer.shop.id, email, null);
    expect(await getPrisma().signInThrottle.findUnique({ where: { key: accountKey } })).toMatchObject({ failures: 1 });
    expect(
      await getPrisma().signInEvent.count({
        where: { customerId: viewer.customerId, method: "password-again", isSuccessful: false },
      }),
    ).toBe(1);
    await expectNothingScheduled(viewer);
  });

  it("refuses when the typed word is not DELETE, before looking at the password", async () => {
    const viewer = await signedInViewer({ shop: "crystalline" });
    const email = await emailOf(viewer.customerId);
    for (const confirmation of ["DELET", "delete it", "", 42, null]) {
      const error = await refusal(ask(viewer, { password: "wrong-too", confirmation }));
      expect(error.code).toBe("INVALID_INPUT");
      expect(error.fieldErrors.map((e) => e.field)).toEqual([["input", "confirmation"]]);
      expect(error.fieldErrors[0].message).toBe("Type DELETE to confirm.");
    }
    const missing = await refusal(ask(viewer, { confirmation: "DELETE" }));
    expect(missing.fieldErrors).toEqual([
      { field: ["input", "password"], code: "INVALID_INPUT", message: "Enter your password." },
    ]);
    expect(await requestsOf(viewer)).toEqual([]);
    const [accountKey] = throttleKeys(viewer.shop.id, email, null);
    expect(await getPrisma().signInThrottle.findUnique({ where: { key: accountKey } })).toBeNull();
    await expectNothingScheduled(viewer);
  });

  it("accepts the word in any case, and mails a single-use link that expires in 24 hours", async () => {
    const viewer = await signedInViewer({ shop: "allegra" });
    const before = Date.now();
    const request = await ask(viewer, { password: TEST_PASSWORD, confirmation: "  delete " });
    expect(request).toMatchObject({ status: "AWAITING_CONFIRMATION", confirmedAt: null, scheduledFor: null });
    expect(request.tokenExpiresAt?.getTime()).toBeGreaterThanOrEqual(before + DELETION.tokenTtlMs);
    expect(request.tokenExpiresAt?.getTime()).toBeLessThanOrEqual(Date.now() + DELETION.tokenTtlMs);
    const mail = await getPrisma().outboundEmail.findFirstOrThrow({
      where: { customerId: viewer.customerId, kind: "account-deletion-confirmation" },
    });
    expect(mail.toAddress).toBe(await emailOf(viewer.customerId));
    const token = await deletionToken(viewer.customerId);
    expect(mail.textBody).toContain(`/allegra/account/privacy/delete/confirm?token=${token}`);
    // Only the token's hash is stored.
    const row = await getPrisma().deletionRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(token);
    await expectNothingScheduled(viewer);
  });

  it("refuses a new request while one is scheduled", async () => {
    const viewer = await signedInViewer({ shop: "almaz" });
    await ask(viewer);
    const scheduled = await confirm(viewer, await deletionToken(viewer.customerId));
    const error = await refusal(ask(viewer));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(/already scheduled/);
    expect(await requestsOf(viewer)).toEqual([{ id: scheduled.id, status: "SCHEDULED" }]);
  });

  it("limits requests to 5 in 24 hours; older ones do not count", async () => {
    const viewer = await signedInViewer({ shop: "micro-image" });
    for (let i = 0; i < DELETION.maxPerWindow; i++) await ask(viewer);
    const error = await refusal(ask(viewer));
    expect(error.code).toBe("RATE_LIMITED");
    const requests = await requestsOf(viewer);
    expect(requests).toHaveLength(DELETION.maxPerWindow);
    // Each new request replaced the one before.
    expect(requests.map((r) => r.status)).toEqual([
      ...Array(DELETION.maxPerWindow - 1).fill("SUPERSEDED"),
      "AWAITING_CONFIRMATION",
    ]);
    expect(
      await getPrisma().outboundEmail.count({
        where: { customerId: viewer.customerId, kind: "account-deletion-confirmation" },
      }),
    ).toBe(DELETION.maxPerWindow);
    await expectNothingScheduled(viewer);
    await getPrisma().deletionRequest.updateMany({
      where: { customerId: viewer.customerId },
      data: { requestedAt: new Date(Date.now() - DELETION.windowMs - 60_000) },
    });
    expect((await ask(viewer)).status).toBe("AWAITING_CONFIRMATION");
  });
});

describe("confirming with the emailed link", () => {
  async function pending(shop = "crystalline") {
    const viewer = await signedInViewer({ shop });
    const request = await ask(viewer);
    return { viewer, request, token: await deletionToken(viewer.customerId) };
  }

  async function expectTokenRefused(viewer: CustomerViewer, token: unknown, message: RegExp | string) {
    const error = await refusal(confirm(viewer, token));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.fieldErrors).toHaveLength(1);
    expect(error.fieldErrors[0]).toMatchObject({ field: ["input", "token"], code: "INVALID_INPUT" });
    expect(error.fieldErrors[0].message).toMatch(message);
  }

  it("refuses a forged or malformed token", async () => {
    const { viewer, request } = await pending();
    const forged = randomBytes(32).toString("base64url");
    for (const token of [forged, "abc", "", `${forged}x`, "!".repeat(43), 42, null, undefined, { token: forged }]) {
      await expectTokenRefused(viewer, token, /not valid for your account/);
    }
    expect(await requestsOf(viewer)).toEqual([{ id: request.id, status: "AWAITING_CONFIRMATION" }]);
    await expectNothingScheduled(viewer);
  });

  it("refuses an expired link", async () => {
    const { viewer, request, token } = await pending();
    await getPrisma().deletionRequest.update({
      where: { id: request.id },
      data: { tokenExpiresAt: new Date(Date.now() - 1000) },
    });
    await expectTokenRefused(viewer, token, /expired/);
    expect(await requestsOf(viewer)).toEqual([{ id: request.id, status: "AWAITING_CONFIRMATION" }]);
    await expectNothingScheduled(viewer);
  });

  it("works once: the same link again is refused and schedules nothing more", async () => {
    const { viewer, request, token } = await pending();
    expect((await confirm(viewer, token)).status).toBe("SCHEDULED");
    await expectTokenRefused(viewer, token, /already used/);
    expect(await getPrisma().job.count({ where: { kind: ERASURE_JOB, key: request.id } })).toBe(1);
  });

  it("confirms once when the link is opened twice at the same time", async () => {
    const { viewer, request, token } = await pending("allegra");
    const results = await Promise.allSettled([confirm(viewer, token), confirm(viewer, token)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(rejected).toHaveLength(1);
    expect(rejected[0].reason).toMatchObject({ code: "INVALID_INPUT" });
    expect(await getPrisma().job.count({ where: { kind: ERASURE_JOB, key: request.id } })).toBe(1);
    const events = await getPrisma().auditEvent.count({
      where: { customerId: viewer.customerId, action: "account.deletion-confirmed" },
    });
    expect(events).toBe(1);
  });

  it("refuses another customer's link, of this shop or another, and leaves it working for its owner", async () => {
    const { viewer, request, token } = await pending("almaz");
    const neighbour = await signedInViewer({ shop: "almaz" });
    const elsewhere = await signedInViewer({ shop: "crystalline" });
    // The owner's account id in another shop's session (a forged viewer).
    const crossed: CustomerViewer = { ...viewer, shop: elsewhere.shop };
    for (const other of [neighbour, elsewhere, crossed]) {
      await expectTokenRefused(other, token, /not valid for your account/);
    }
    await expectNothingScheduled(neighbour);
    await expectNothingScheduled(elsewhere);
    expect(await requestsOf(viewer)).toEqual([{ id: request.id, status: "AWAITING_CONFIRMATION" }]);
    await expectNothingScheduled(viewer);
    expect((await confirm(viewer, token)).status).toBe("SCHEDULED");
  });

  it("refuses the link of a cancelled request", async () => {
    const { viewer, request, token } = await pending();
    expect((await cancelAccountDeletion({ viewer })).status).toBe("CANCELLED");
    await expectTokenRefused(viewer, token, /was cancelled/);
    expect(await requestsOf(viewer)).toEqual([{ id: request.id, status: "CANCELLED" }]);
    await expectNothingScheduled(viewer);
  });

  it("refuses the link of a request a newer one replaced; the newer link works", async () => {
    const { viewer, request, token } = await pending();
    const newer = await ask(viewer);
    const newerToken = await deletionToken(viewer.customerId);
    expect(newerToken).not.toBe(token);
    await expectTokenRefused(viewer, token, /newer confirmation link/);
    await expectNothingScheduled(viewer);
    expect((await confirm(viewer, newerToken)).id).toBe(newer.id);
    expect(await requestsOf(viewer)).toEqual([
      { id: request.id, status: "SUPERSEDED" },
      { id: newer.id, status: "SCHEDULED" },
    ]);
  });
});

describe("cancelling", () => {
  it("answers NOT_FOUND when nothing is open", async () => {
    const viewer = await signedInViewer();
    const error = await refusal(cancelAccountDeletion({ viewer }));
    expect(error.code).toBe("NOT_FOUND");
    await expectNothingScheduled(viewer);
  });

  it("cancels a scheduled deletion: job removed, account active again, a notice sent", async () => {
    const viewer = await signedInViewer({ shop: "micro-image" });
    const request = await ask(viewer);
    await confirm(viewer, await deletionToken(viewer.customerId));
    expect(await getPrisma().job.count({ where: { kind: ERASURE_JOB, key: request.id } })).toBe(1);
    const cancelled = await cancelAccountDeletion({ viewer });
    expect(cancelled).toMatchObject({ id: request.id, status: "CANCELLED" });
    await expectNothingScheduled(viewer);
    expect(
      await getPrisma().outboundEmail.count({
        where: { customerId: viewer.customerId, kind: "account-deletion-cancelled" },
      }),
    ).toBe(1);
    // Nothing left to run: the erasure does nothing even when forced.
    expect(await runErasure({ requestId: request.id, now: new Date(Date.now() + 30 * DAY) })).toBe("nothing-to-do");
    await expectNothingScheduled(viewer);
  });

  it("is refused once erasure has started, which then finishes", async () => {
    const viewer = await viewerWithHistory({ shop: "crystalline", orderCount: 2 });
    const requestId = await scheduleErasure(viewer);
    let attempt: AppError | null = null;
    ERASURE.testHooks.afterStep = async (step) => {
      if (step !== "files" || attempt) return;
      attempt = await refusal(cancelAccountDeletion({ viewer }));
    };
    try {
      expect(await runErasure({ requestId })).toBe("erased");
    } finally {
      ERASURE.testHooks.afterStep = null;
    }
    expect(attempt).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/already started/) });
    const request = await getPrisma().deletionRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect(request.status).toBe("COMPLETED");
  });
});

describe("the grace period", () => {
  it("schedules erasure the shop's number of days after confirming, and runs it only then", async () => {
    const viewer = await viewerWithHistory({ shop: "micro-image", orderCount: 3 });
    const grace = viewer.shop.profile.deletion.gracePeriodDays;
    expect(grace).toBeGreaterThan(0);
    const request = await ask(viewer);
    const confirmed = await confirm(viewer, await deletionToken(viewer.customerId));
    expect(confirmed.status).toBe("SCHEDULED");
    expect(confirmed.scheduledFor?.getTime()).toBe((confirmed.confirmedAt?.getTime() ?? 0) + grace * DAY);
    const prisma = getPrisma();
    expect((await prisma.customer.findUniqueOrThrow({ where: { id: viewer.customerId } })).status).toBe(
      "DELETION_SCHEDULED",
    );
    const job = await prisma.job.findUniqueOrThrow({ where: { kind_key: { kind: ERASURE_JOB, key: request.id } } });
    expect(job).toMatchObject({ status: "QUEUED", runAt: confirmed.scheduledFor });
    expect(
      await prisma.outboundEmail.count({
        where: { customerId: viewer.customerId, kind: "account-deletion-scheduled" },
      }),
    ).toBe(1);

    // Before its date, erasure does nothing, whoever calls it.
    const before = await prisma.customer.findUniqueOrThrow({ where: { id: viewer.customerId } });
    const early = new Date((confirmed.scheduledFor?.getTime() ?? 0) - 1);
    expect(await runErasure({ requestId: request.id })).toBe("nothing-to-do");
    expect(await runErasure({ requestId: request.id, now: early })).toBe("nothing-to-do");
    expect(await prisma.customer.findUniqueOrThrow({ where: { id: viewer.customerId } })).toEqual(before);
    expect((await prisma.deletionRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("SCHEDULED");
    expect(await prisma.session.count({ where: { customerId: viewer.customerId, revokedAt: null } })).toBe(1);

    // The grace period passes (its dates are moved back): the job queue erases.
    const due = new Date(Date.now() - 1000);
    await prisma.deletionRequest.update({ where: { id: request.id }, data: { scheduledFor: due } });
    await prisma.job.update({ where: { id: job.id }, data: { runAt: due } });
    const report = await runDueJobs({ kinds: [ERASURE_JOB] });
    expect(report.succeeded).toBeGreaterThanOrEqual(1);
    expect(report.failed).toBe(0);
    expect(await prisma.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ status: "SUCCEEDED" });
    expect(await prisma.deletionRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({
      status: "COMPLETED",
      receiptTo: null,
    });
    expect(await prisma.customer.findUniqueOrThrow({ where: { id: viewer.customerId } })).toMatchObject({
      status: "ERASED",
      passwordHash: null,
    });
    // The job delivered the receipt (in demo mode, to the outbox: marked SENT).
    const receipt = await prisma.outboundEmail.findFirstOrThrow({
      where: { toAddress: before.email, kind: RECEIPT_RULE },
    });
    expect(receipt.status).toBe("SENT");
    expect(await runErasure({ requestId: request.id })).toBe("nothing-to-do");
  });

  it("with no grace period, schedules erasure for the moment of confirming and sends no reminder", async () => {
    const base = await signedInViewer({ shop: "allegra" });
    const viewer: CustomerViewer = {
      ...base,
      shop: {
        ...base.shop,
        profile: { ...base.shop.profile, deletion: { ...base.shop.profile.deletion, gracePeriodDays: 0 } },
      },
    };
    await ask(viewer);
    const confirmed = await confirm(viewer, await deletionToken(viewer.customerId));
    expect(confirmed.scheduledFor?.getTime()).toBe(confirmed.confirmedAt?.getTime());
    const confirmation = await getPrisma().outboundEmail.findFirstOrThrow({
      where: { customerId: viewer.customerId, kind: "account-deletion-confirmation" },
    });
    expect(confirmation.textBody).toContain("deleted at once");
    expect(
      await getPrisma().outboundEmail.count({
        where: { customerId: viewer.customerId, kind: "account-deletion-scheduled" },
      }),
    ).toBe(0);
    expect(await runErasure({ requestId: confirmed.id })).toBe("erased");
  });
});

describe("after erasure", () => {
  it("lets the same address open a new account, which marketing may reach again", async () => {
    const viewer = await viewerWithHistory({ shop: "crystalline", orderCount: 2 });
    expect(viewer.shop.profile.deletion.canReRegister).toBe(true);
    const email = await emailOf(viewer.customerId);
    // Another shop's account of the same address is not this shop's business.
    const elsewhere = await createCustomerOf("allegra", email);
    const requestId = await scheduleErasure(viewer);
    await runErasure({ requestId });
    expect(await isSuppressed({ shopId: viewer.shop.id, email })).toBe(true);
    expect(await isSuppressed({ shopId: viewer.shop.id, email: `  ${email.toUpperCase()} ` })).toBe(true);
    expect(await isSuppressed({ shopId: elsewhere.shopId, email })).toBe(false);

    const again = await createCustomer({
      viewer: ANONYMOUS,
      input: { shop: "crystalline", email, password: "another-password-123", firstName: "Nou", lastName: "Client" },
    });
    expect(again.id).not.toBe(viewer.customerId);
    const created = await getPrisma().customer.findUniqueOrThrow({ where: { id: again.id } });
    expect(created).toMatchObject({ email, status: "ACTIVE" });
    // The erased address stays suppressed as such; the new account, opened later by the
    // person's own choice, is not.
    expect(await isSuppressed({ shopId: viewer.shop.id, email, accountCreatedAt: created.createdAt })).toBe(false);
    expect(
      await isSuppressed({
        shopId: viewer.shop.id,
        email,
        accountCreatedAt: new Date(created.createdAt.getTime() - DAY),
      }),
    ).toBe(true);
    // The other shop's account was never touched.
    expect(await getPrisma().customer.findUniqueOrThrow({ where: { id: elsewhere.id } })).toMatchObject({
      email,
      status: "ACTIVE",
    });
  });

  it("tells each of the shop's recipients holding the erased categories (GDPR Art. 19)", async () => {
    const viewer = await viewerWithHistory({ shop: "micro-image", orderCount: 4 });
    const requestId = await scheduleErasure(viewer);
    await runErasure({ requestId });
    const request = await getPrisma().deletionRequest.findUniqueOrThrow({ where: { id: requestId } });
    const categories = [
      ...new Set(
        (request.plan as { category: string; count: number }[]).filter((e) => e.count > 0).map((e) => e.category),
      ),
    ];
    const expected = viewer.shop.profile.recipients
      .filter((r) => r.categories.some((c) => categories.includes(c)))
      .map((r) => r.key)
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    const notices = await getPrisma().recipientNotification.findMany({
      where: { customerId: viewer.customerId },
      orderBy: { recipientKey: "asc" },
    });
    expect(notices.map((n) => n.recipientKey)).toEqual(expected);
    for (const notice of notices) {
      const recipient = viewer.shop.profile.recipients.find((r) => r.key === notice.recipientKey);
      expect(notice).toMatchObject({ kind: "ERASURE", status: "PENDING", shopId: viewer.shop.id });
      expect(notice.payload).toEqual({
        subject: "account",
        action: "erase",
        requestId,
        fields: categories.filter((c) => recipient?.categories.includes(c as never)),
      });
    }
  });
});

async function createCustomerOf(shop: string, email: string) {
  const viewer = await signedInViewer({ shop, email });
  return { id: viewer.customerId, shopId: viewer.shop.id };
}

// Kept rows are purged when their rule ends. The customers here live in the 1990s: the
// sweep is global, and on a shared database it must never reach rows other test files
// keep (every other fixture's dates are far later).
describe("the retention sweep", () => {
  const prisma = () => getPrisma();

  async function keptRows(ids: { orders: string[]; invoices: string[]; warranties: string[] }) {
    const [orders, invoices, warranties] = await Promise.all([
      prisma().order.findMany({ where: { id: { in: ids.orders } }, orderBy: { id: "asc" } }),
      prisma().invoice.findMany({ where: { id: { in: ids.invoices } }, orderBy: { id: "asc" } }),
      prisma().warrantyCertificate.findMany({ where: { id: { in: ids.warranties } }, orderBy: { id: "asc" } }),
    ]);
    return { orders, invoices, warranties };
  }

  async function idsOf(customerId: string) {
    const [orders, invoices, warranties] = await Promise.all([
      prisma().order.findMany({ where: { customerId }, select: { id: true } }),
      prisma().invoice.findMany({ where: { customerId }, select: { id: true } }),
      prisma().warrantyCertificate.findMany({ where: { customerId }, select: { id: true } }),
    ]);
    return {
      orders: orders.map((r) => r.id),
      invoices: invoices.map((r) => r.id),
      warranties: warranties.map((r) => r.id),
    };
  }

  const minus = (date: Date, ms: number) => new Date(date.getTime() - ms);

  it("purges each kept row on its own date, the receipt after 30 days, and leaves nothing of the person", async () => {
    const closedAt = new Date("1996-02-01T09:30:00.000Z");
    const rich = await richCustomer({ shop: "crystalline", historyNow: new Date("1996-01-15T00:00:00.000Z") });
    const ids = await idsOf(rich.viewer.customerId);
    expect(ids.invoices.length).toBeGreaterThan(0);
    const requestId = await scheduleErasure(rich.viewer, minus(closedAt, DAY));
    expect(await runErasure({ requestId, now: closedAt })).toBe("erased");

    const kept = await keptRows(ids);
    const all = [...kept.orders, ...kept.invoices, ...kept.warranties];
    // Ten years from each document's date: all still kept after closing.
    expect(all).toHaveLength(ids.orders.length + ids.invoices.length + ids.warranties.length);
    for (const row of [...kept.invoices, ...kept.warranties]) {
      expect(row).toMatchObject({ customerId: null, retentionRule: "key-customer-data-ten-years" });
      expect(row.retainedUntil).toEqual(addDuration(row.issuedAt, { years: 10 }));
    }
    for (const row of kept.orders) expect(row.retainedUntil).toEqual(addDuration(row.placedAt, { years: 10 }));

    // The receipt: kept 30 days from the erasure, then deleted.
    const receiptUntil = new Date(closedAt.getTime() + DELETION.receiptKeepMs);
    const receipt = await prisma().outboundEmail.findFirstOrThrow({
      where: { toAddress: rich.emails.current, kind: RECEIPT_RULE },
    });
    expect(receipt.retainedUntil).toEqual(receiptUntil);
    await sweepRetention({ now: minus(receiptUntil, 1) });
    expect(await prisma().outboundEmail.count({ where: { id: receipt.id } })).toBe(1);
    await sweepRetention({ now: receiptUntil });
    expect(await prisma().outboundEmail.count({ where: { id: receipt.id } })).toBe(0);
    expect(await keptRows(ids)).toEqual(kept);

    // On the first document's date: the rows due by then are purged, the others untouched.
    const dates = [...new Set(all.map((r) => r.retainedUntil?.getTime() ?? 0))].sort((a, b) => a - b);
    const cut = new Date(Math.min(...kept.invoices.map((r) => r.retainedUntil?.getTime() ?? 0)));
    expect(cut.getTime()).toBeLessThan(dates[dates.length - 1]);
    await sweepRetention({ now: cut });
    const half = await keptRows(ids);
    const isDue = (r: { retainedUntil: Date | null }) => (r.retainedUntil?.getTime() ?? 0) <= cut.getTime();
    expect(half.invoices).toEqual(kept.invoices.filter((r) => !isDue(r)));
    expect(half.warranties).toEqual(kept.warranties.filter((r) => !isDue(r)));
    expect(half.orders.filter((o) => kept.orders.some((k) => k.id === o.id && !isDue(k)))).toEqual(
      kept.orders.filter((r) => !isDue(r)),
    );
    for (const order of half.orders.filter((o) => kept.orders.some((k) => k.id === o.id && isDue(k)))) {
      const before = kept.orders.find((k) => k.id === order.id);
      // An anonymous sales record: the amounts and dates stay, nobody is named.
      expect(order).toEqual({
        ...before,
        shippingName: "[erased]",
        shippingAddress: "[erased]",
        billingName: "[erased]",
        billingAddress: "[erased]",
        retentionRule: null,
        retainedUntil: null,
      });
    }
    expect(half.invoices.length).toBeLessThan(kept.invoices.length);
    expect(half.invoices.length + half.orders.filter((o) => o.retentionRule).length).toBeGreaterThan(0);

    // Past every date.
    await sweepRetention({ now: new Date(dates[dates.length - 1]) });
    const end = await keptRows(ids);
    expect(end.invoices).toEqual([]);
    expect(end.warranties).toEqual([]);
    expect(end.orders).toHaveLength(ids.orders.length);
    expect(end.orders.every((o) => o.retentionRule === null && o.billingName === "[erased]")).toBe(true);

    // Nothing anywhere names the person any more: not even a kept row.
    const hits = await findIdentifiers([...rich.identifiers.strict, ...rich.identifiers.shared]);
    const retained = await expectOnlyRetained(hits, {
      erasedId: rich.viewer.customerId,
      shared: rich.identifiers.shared,
    });
    // On a database shared with other test files, a row kept for someone else erased
    // there may hold the same common string (a phone number or an address line the
    // generator gives many people); none of this person's rows is kept.
    const own = new Set([...ids.orders, ...ids.invoices, ...ids.warranties]);
    const shared = new Set(rich.identifiers.shared);
    expect(retained.filter((h) => own.has(String(h.row.id)) || !h.needles.every((n) => shared.has(n)))).toEqual([]);
  });

  it("purges almaz's orders and documents exactly 5 years after the account closed", async () => {
    const closedAt = new Date("1993-07-10T16:45:12.345Z");
    const viewer = await viewerWithHistory({ shop: "almaz", orderCount: 6, now: new Date("1993-06-01T00:00:00Z") });
    const ids = await idsOf(viewer.customerId);
    expect(ids.invoices.length).toBeGreaterThan(0);
    const requestId = await scheduleErasure(viewer, minus(closedAt, DAY));
    await runErasure({ requestId, now: closedAt });
    const request = await prisma().deletionRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect((request.anchors as ErasureAnchors).closedAt).toBe(closedAt.toISOString());

    const fiveYears = new Date("1998-07-10T16:45:12.345Z");
    const kept = await keptRows(ids);
    for (const row of [...kept.orders, ...kept.invoices, ...kept.warranties]) {
      expect(row).toMatchObject({ customerId: null, retentionRule: "legal-requirements", retainedUntil: fiveYears });
    }
    await sweepRetention({ now: minus(fiveYears, 1) });
    expect(await keptRows(ids)).toEqual(kept);
    await sweepRetention({ now: fiveYears });
    const end = await keptRows(ids);
    expect(end.invoices).toEqual([]);
    expect(end.warranties).toEqual([]);
    expect(end.orders.map((o) => [o.retentionRule, o.retainedUntil, o.billingName])).toEqual(
      kept.orders.map(() => [null, null, "[erased]"]),
    );
  });

  it("computes dates in the database as the app does in words and dates (UTC calendar, leap days)", async () => {
    const rule: RetentionRule = {
      key: "t",
      label: "t",
      categories: ["documents"],
      duration: { years: 10 },
      trigger: "document-issued",
      basis: "t",
      keepOnErasure: true,
    };
    const anchors: ErasureAnchors = {
      closedAt: "2024-02-29T23:30:00.000Z",
      lastOrderAt: null,
      lastReturnAt: null,
      lastActivityAt: "2024-02-29T23:30:00.000Z",
    };
    const cases: [RetentionRule, string][] = [
      [rule, "2024-02-29T12:00:00.000Z"],
      [rule, "2023-12-31T23:59:59.999Z"],
      [{ ...rule, duration: { years: 4 } }, "2024-02-29T00:00:00.000Z"],
      [{ ...rule, duration: { months: 1, days: 1 } }, "2024-01-31T22:00:00.000Z"],
      [{ ...rule, duration: { months: 18 } }, "2025-08-31T05:00:00.000Z"],
      [{ ...rule, trigger: "account-closed", duration: { years: 5 } }, "2020-01-01T00:00:00.000Z"],
    ];
    for (const [r, issuedAt] of cases) {
      const sql = ruleUntilSql("Invoice", r, anchors);
      const [row] = await getDatabase().raw.query<{ until: Date | string }>(
        `SELECT ${sql} AS "until" FROM (SELECT $1::timestamptz AS "issuedAt") b`,
        [issuedAt],
      );
      const from = r.trigger === "account-closed" ? new Date(anchors.closedAt) : new Date(issuedAt);
      const expected = addDuration(from, r.duration ?? {});
      expect(new Date(row.until).toISOString(), `${issuedAt} + ${JSON.stringify(r.duration)}`).toBe(
        expected.toISOString(),
      );
    }
  });
});
