import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/server/audit";
import { signInWithPassword } from "@/server/auth/sign-in";
import { ANONYMOUS, type CustomerViewer, type Viewer } from "@/server/auth/viewer";
import { getPrisma } from "@/server/db";
import { createCustomer, signedInViewer, TEST_PASSWORD, uniqueEmail } from "../factories";
import { auditValuesOf } from "../support/audit";
import { gql } from "../support/graphql";
import { type SmtpSink, startSmtpSink } from "../support/smtp-sink";

// GDPR Art. 16 for the email address, through the real GraphQL server, with mail
// delivered over SMTP to a local sink: the link is read from the real message.

type UserError = { field: string[] | null; code: string; message: string };
type RequestPayload = { pendingEmail: string | null; expiresAt: string | null; userErrors: UserError[] };
type ConfirmPayload = { customer: { id: string; email: string } | null; userErrors: UserError[] };

const REQUEST = `mutation($input: CustomerEmailChangeRequestInput!) {
  customerEmailChangeRequest(input: $input) { pendingEmail expiresAt userErrors { field code message } }
}`;
const CONFIRM = `mutation($input: CustomerEmailChangeConfirmInput!) {
  customerEmailChangeConfirm(input: $input) { customer { id email } userErrors { field code message } }
}`;
const PENDING = "{ viewer { customer { email pendingEmailChange { newEmail expiresAt } } } }";
const CLIENT = { ip: "203.0.113.7", userAgent: "vitest", source: "web" as const };
const LINK = /(\S+\/account\/email\/confirm\?token=)([A-Za-z0-9_-]{43})/;

let sink: SmtpSink;
const saved = process.env.SMTP_URL;

beforeAll(async () => {
  sink = await startSmtpSink();
  process.env.SMTP_URL = sink.url;
});

afterAll(async () => {
  if (saved === undefined) delete process.env.SMTP_URL;
  else process.env.SMTP_URL = saved;
  await sink.close();
});

async function mutate<T>(query: string, input: Record<string, unknown>, viewer: Viewer): Promise<T> {
  const result = await gql(query, { input }, viewer);
  expect(result.errors).toBeUndefined();
  return Object.values(result.data ?? {})[0] as T;
}

const requestChange = (viewer: Viewer, newEmail: string, password = TEST_PASSWORD) =>
  mutate<RequestPayload>(REQUEST, { newEmail, password }, viewer);
const confirmChange = (viewer: Viewer, token: string) => mutate<ConfirmPayload>(CONFIRM, { token }, viewer);

const emailOf = async (viewer: CustomerViewer) =>
  (await getPrisma().customer.findUniqueOrThrow({ where: { id: viewer.customerId } })).email;

// The token from the confirmation link in the newest real message sent to this address.
function tokenSentTo(address: string): string {
  const messages = sink.to(address);
  const text = messages.at(-1)?.parsed.text ?? "";
  const match = LINK.exec(text);
  if (!match) throw new Error(`no confirmation link in the message to ${address}`);
  return match[2];
}

async function snapshot(viewer: CustomerViewer) {
  const prisma = getPrisma();
  const where = { customerId: viewer.customerId };
  return {
    customer: await prisma.customer.findUniqueOrThrow({
      where: { id: viewer.customerId },
      select: { email: true, emailVerifiedAt: true, updatedAt: true },
    }),
    confirmed: await prisma.emailChangeRequest.count({ where: { ...where, confirmedAt: { not: null } } }),
    audits: await prisma.auditEvent.count({ where }),
    notifications: await prisma.recipientNotification.count({ where }),
    emails: await prisma.outboundEmail.count({ where }),
  };
}

describe("changing the email address", () => {
  it("sends a link to the new address, a notice to the old one, and changes the address once confirmed", async () => {
    const viewer = await signedInViewer({ shop: "micro-image" });
    const oldEmail = await emailOf(viewer);
    const newEmail = uniqueEmail("new");
    const before = Date.now();

    const requested = await requestChange(viewer, `  ${newEmail.toUpperCase()} `);
    expect(requested.userErrors).toEqual([]);
    expect(requested.pendingEmail).toBe(newEmail);
    const expiresAt = new Date(requested.expiresAt ?? 0).getTime();
    expect(expiresAt - before).toBeGreaterThanOrEqual(24 * 3600_000 - 1000);
    expect(expiresAt - Date.now()).toBeLessThanOrEqual(24 * 3600_000);

    const pending = await gql(PENDING, {}, viewer);
    expect(pending.data).toEqual({
      viewer: { customer: { email: oldEmail, pendingEmailChange: { newEmail, expiresAt: requested.expiresAt } } },
    });

    // The confirmation went to the new address, with the link; nothing changed yet.
    const [confirmation, ...moreToNew] = sink.to(newEmail);
    expect(moreToNew).toHaveLength(0);
    expect(confirmation.parsed.subject).toBe("Confirm your new email address for Micro-Image");
    expect(confirmation.parsed.from?.address).toBe("privacy@micro-image.example");
    const match = LINK.exec(confirmation.parsed.text ?? "");
    expect(match?.[1]).toBe(
      `${process.env.NEXTAUTH_URL ?? "http://localhost:3000"}/micro-image/account/email/confirm?token=`,
    );
    const token = tokenSentTo(newEmail);
    expect(await emailOf(viewer)).toBe(oldEmail);

    // The old address is told, without the link.
    const [notice, ...moreToOld] = sink.to(oldEmail);
    expect(moreToOld).toHaveLength(0);
    expect(notice.parsed.subject).toContain("change of your email address");
    expect(notice.raw.toString()).not.toContain(token);
    expect(notice.parsed.text).not.toMatch(/token=|https?:\/\//);
    expect(notice.parsed.text).not.toContain(newEmail);

    // Only the token's hash is stored, and the audit log does not hold the token.
    const request = await getPrisma().emailChangeRequest.findFirstOrThrow({ where: { customerId: viewer.customerId } });
    expect(request.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(request)).not.toContain(token);
    const requestedEvent = await getPrisma().auditEvent.findFirstOrThrow({
      where: { customerId: viewer.customerId, action: "email.change-requested" },
    });
    expect(requestedEvent.details).toEqual({
      requestId: request.id,
      expiresAt: requested.expiresAt,
      valuesDigest: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(await auditValuesOf(requestedEvent)).toEqual({ newEmail });
    expect(JSON.stringify(requestedEvent)).not.toContain(token);
    expect(JSON.stringify(requestedEvent)).not.toContain(newEmail);

    const confirmed = await confirmChange(viewer, token);
    expect(confirmed.userErrors).toEqual([]);
    expect(confirmed.customer?.email).toBe(newEmail);

    const customer = await getPrisma().customer.findUniqueOrThrow({ where: { id: viewer.customerId } });
    expect(customer.email).toBe(newEmail);
    expect(customer.emailVerifiedAt).toBeInstanceOf(Date);
    expect(
      (await getPrisma().emailChangeRequest.findUniqueOrThrow({ where: { id: request.id } })).confirmedAt,
    ).toBeInstanceOf(Date);

    const update = await getPrisma().auditEvent.findFirstOrThrow({
      where: { customerId: viewer.customerId, action: "customer.update" },
    });
    expect(update).toMatchObject({ actorType: "CUSTOMER", actorId: viewer.customerId });
    expect(update.details).toEqual({
      fields: ["email"],
      emailChangeRequestId: request.id,
      valuesDigest: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(await auditValuesOf(update)).toEqual({ changes: [{ field: "email", from: oldEmail, to: newEmail }] });
    expect(JSON.stringify(update.details)).not.toContain(oldEmail);
    expect(JSON.stringify(update.details)).not.toContain(newEmail);
    expect((await verifyAuditChain({ shopId: viewer.shop.id })).isValid).toBe(true);

    const holders = viewer.shop.profile.recipients.filter((r) => r.categories.includes("contact")).map((r) => r.key);
    expect(holders.length).toBeGreaterThan(0);
    const notifications = await getPrisma().recipientNotification.findMany({
      where: { customerId: viewer.customerId },
    });
    expect(notifications.map((n) => n.recipientKey).sort()).toEqual([...holders].sort());
    for (const n of notifications) {
      expect(n).toMatchObject({ kind: "RECTIFICATION", status: "PENDING", shopId: viewer.shop.id });
      expect(n.payload).toEqual({ subject: "customer", fields: ["email"] });
    }

    expect((await gql(PENDING, {}, viewer)).data).toEqual({
      viewer: { customer: { email: newEmail, pendingEmailChange: null } },
    });

    // Sign-in follows the address.
    const withNew = await signInWithPassword({ shop: "micro-image", email: newEmail, password: TEST_PASSWORD }, CLIENT);
    expect(withNew).toMatchObject({ ok: true, customerId: viewer.customerId });
    const withOld = await signInWithPassword({ shop: "micro-image", email: oldEmail, password: TEST_PASSWORD }, CLIENT);
    expect(withOld).toEqual({ ok: false, reason: "INVALID_CREDENTIALS" });

    // The link works once.
    const again = await confirmChange(viewer, token);
    expect(again.customer).toBeNull();
    expect(again.userErrors).toEqual([
      { field: ["input", "token"], code: "INVALID_INPUT", message: "This link was already used." },
    ]);
  });

  it("changes the address once when the link is opened twice at the same time", async () => {
    const viewer = await signedInViewer({ shop: "almaz" });
    const newEmail = uniqueEmail("twice");
    await requestChange(viewer, newEmail);
    const token = tokenSentTo(newEmail);
    const results = await Promise.all([confirmChange(viewer, token), confirmChange(viewer, token)]);
    expect(results.filter((r) => r.customer).length).toBe(1);
    expect(results.filter((r) => r.userErrors[0]?.code === "INVALID_INPUT").length).toBe(1);
    expect(
      await getPrisma().auditEvent.count({ where: { customerId: viewer.customerId, action: "customer.update" } }),
    ).toBe(1);
  });
});

describe("refused requests change nothing and send nothing", () => {
  it("needs the current password", async () => {
    const viewer = await signedInViewer();
    const before = await snapshot(viewer);
    const result = await requestChange(viewer, uniqueEmail(), "not-the-password");
    expect(result).toMatchObject({ pendingEmail: null, expiresAt: null });
    expect(result.userErrors).toEqual([
      { field: ["input", "password"], code: "INVALID_INPUT", message: "The password is not right." },
    ]);
    expect(await snapshot(viewer)).toEqual(before);
    expect(await getPrisma().emailChangeRequest.count({ where: { customerId: viewer.customerId } })).toBe(0);
  });

  it("counts wrong passwords toward the sign-in lock-out", async () => {
    const viewer = await signedInViewer();
    const email = await emailOf(viewer);
    for (let i = 0; i < 5; i++) {
      expect((await requestChange(viewer, uniqueEmail(), `wrong-${i}-password`)).userErrors[0].code).toBe(
        "INVALID_INPUT",
      );
    }
    const locked = await requestChange(viewer, uniqueEmail());
    expect(locked.userErrors[0]).toMatchObject({ code: "RATE_LIMITED" });
    expect(await signInWithPassword({ shop: "almaz", email, password: TEST_PASSWORD }, CLIENT)).toEqual({
      ok: false,
      reason: "RATE_LIMITED",
    });
  });

  it("refuses the current address, in any case", async () => {
    const viewer = await signedInViewer();
    const email = await emailOf(viewer);
    const before = await snapshot(viewer);
    const result = await requestChange(viewer, email.toUpperCase());
    expect(result.userErrors).toEqual([
      { field: ["input", "newEmail"], code: "INVALID_INPUT", message: "This is already your email address." },
    ]);
    expect(await snapshot(viewer)).toEqual(before);
  });

  it("refuses a malformed address and a missing password", async () => {
    const viewer = await signedInViewer();
    const before = await snapshot(viewer);
    const result = await requestChange(viewer, "not an email", "");
    expect(result.userErrors.map((e) => [e.field, e.code])).toEqual([
      [["input", "newEmail"], "INVALID_INPUT"],
      [["input", "password"], "INVALID_INPUT"],
    ]);
    expect(await snapshot(viewer)).toEqual(before);
  });

  it("refuses an address another customer of the shop uses, but not one used in another shop", async () => {
    const viewer = await signedInViewer({ shop: "almaz" });
    const taken = uniqueEmail("taken");
    await createCustomer({ shop: "almaz", email: taken });
    const before = await snapshot(viewer);
    const result = await requestChange(viewer, taken);
    expect(result.userErrors).toEqual([
      {
        field: ["input", "newEmail"],
        code: "CONFLICT",
        message: "This email address is already used by an account in this shop. Choose another one.",
      },
    ]);
    expect(await snapshot(viewer)).toEqual(before);
    expect(sink.to(taken)).toHaveLength(0);

    const elsewhere = uniqueEmail("elsewhere");
    await createCustomer({ shop: "allegra", email: elsewhere });
    expect((await requestChange(viewer, elsewhere)).pendingEmail).toBe(elsewhere);
  });

  it("refuses signed-out callers", async () => {
    const request = await requestChange(ANONYMOUS, uniqueEmail());
    expect(request.userErrors).toEqual([{ field: null, code: "UNAUTHENTICATED", message: "Sign in to continue." }]);
    const confirm = await confirmChange(ANONYMOUS, randomBytes(32).toString("base64url"));
    expect(confirm.userErrors).toEqual([{ field: null, code: "UNAUTHENTICATED", message: "Sign in to continue." }]);
  });

  it("allows at most 5 requests a day", async () => {
    const viewer = await signedInViewer();
    for (let i = 0; i < 5; i++) expect((await requestChange(viewer, uniqueEmail())).userErrors).toEqual([]);
    const before = await snapshot(viewer);
    const sixth = uniqueEmail("sixth");
    const result = await requestChange(viewer, sixth);
    expect(result.userErrors).toEqual([
      {
        field: null,
        code: "RATE_LIMITED",
        message: "You can ask for at most 5 email changes in 24 hours. Try again tomorrow.",
      },
    ]);
    expect(await snapshot(viewer)).toEqual(before);
    expect(sink.to(sixth)).toHaveLength(0);
    expect(await getPrisma().emailChangeRequest.count({ where: { customerId: viewer.customerId } })).toBe(5);
    // Only the newest of them is open.
    expect(
      await getPrisma().emailChangeRequest.count({ where: { customerId: viewer.customerId, cancelledAt: null } }),
    ).toBe(1);
  });
});

describe("refused confirmations change nothing", () => {
  async function pendingChange(options: { shop?: string } = {}) {
    const viewer = await signedInViewer(options);
    const newEmail = uniqueEmail("pending");
    expect((await requestChange(viewer, newEmail)).userErrors).toEqual([]);
    return { viewer, newEmail, token: tokenSentTo(newEmail) };
  }

  async function expectRefused(viewer: CustomerViewer, token: string, error: Partial<UserError>) {
    const before = await snapshot(viewer);
    const result = await confirmChange(viewer, token);
    expect(result.customer).toBeNull();
    expect(result.userErrors).toHaveLength(1);
    expect(result.userErrors[0]).toMatchObject(error);
    expect(await snapshot(viewer)).toEqual(before);
  }

  it("refuses malformed and forged tokens", async () => {
    const { viewer } = await pendingChange();
    for (const token of ["", "abc", `${"A".repeat(42)}=`, "../../etc/passwd", "x".repeat(5000)]) {
      await expectRefused(viewer, token, { code: "INVALID_INPUT", field: ["input", "token"] });
    }
    await expectRefused(viewer, randomBytes(32).toString("base64url"), {
      code: "NOT_FOUND",
      field: ["input", "token"],
    });
  });

  it("refuses an expired link", async () => {
    const { viewer, token } = await pendingChange();
    await getPrisma().emailChangeRequest.updateMany({
      where: { customerId: viewer.customerId },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await expectRefused(viewer, token, {
      code: "INVALID_INPUT",
      message: "This link has expired. Ask for the change again.",
    });
    expect((await gql(PENDING, {}, viewer)).data).toMatchObject({ viewer: { customer: { pendingEmailChange: null } } });
  });

  it("refuses a link replaced by a newer request, and takes the newer one", async () => {
    const { viewer, token: first } = await pendingChange();
    const newer = uniqueEmail("newer");
    await requestChange(viewer, newer);
    await expectRefused(viewer, first, {
      code: "INVALID_INPUT",
      message: "A newer request replaced this link. Open the link in the newest email we sent.",
    });
    const result = await confirmChange(viewer, tokenSentTo(newer));
    expect(result.customer?.email).toBe(newer);
  });

  it("refuses a link opened while signed in as another customer of the shop, or of another shop", async () => {
    const { viewer, newEmail, token } = await pendingChange({ shop: "almaz" });
    const neighbour = await signedInViewer({ shop: "almaz" });
    const elsewhere = await signedInViewer({ shop: "crystalline" });
    for (const other of [neighbour, elsewhere]) {
      await expectRefused(other, token, { code: "NOT_FOUND", field: ["input", "token"] });
    }
    expect(await emailOf(viewer)).not.toBe(newEmail);
    // The owner's link still works.
    expect((await confirmChange(viewer, token)).customer?.email).toBe(newEmail);
  });

  it("refuses the change when another account took the address in the meantime", async () => {
    const { viewer, newEmail, token } = await pendingChange({ shop: "almaz" });
    await createCustomer({ shop: "almaz", email: newEmail });
    await expectRefused(viewer, token, { code: "CONFLICT", field: ["input", "token"] });
    expect(
      await getPrisma().emailChangeRequest.count({ where: { customerId: viewer.customerId, confirmedAt: null } }),
    ).toBe(1);
  });
});
