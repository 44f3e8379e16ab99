import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ANONYMOUS, type CustomerViewer, type Viewer } from "@/server/auth/viewer";
import { CONSENT_CONFIRMATION } from "@/server/consent/confirmation";
import { getPrisma } from "@/server/db";
import { signedInViewer, uniqueEmail } from "../factories";
import { gql } from "../support/graphql";
import { type SmtpSink, startSmtpSink } from "../support/smtp-sink";

// Double opt-in through the real GraphQL server, with mail delivered over SMTP to a
// local sink: the link is read from the real message and followed while signed out.

type UserError = { field: string[] | null; code: string; message: string };
type Consent = { purpose: { key: string }; state: string; optInLevel: string | null; source: string | null };

const UPDATE = `mutation($input: ConsentUpdateInput!) {
  consentUpdate(input: $input) {
    consents { purpose { key } state optInLevel source } isConfirmationSent userErrors { field code message }
  }
}`;
const LINK_QUERY = `query($token: String!) { consentConfirmationLink(token: $token) {
  shop { handle } status message purposes { key label } expiresAt
} }`;
const CONFIRM = `mutation($input: ConsentConfirmInput!) {
  consentConfirm(input: $input) { shop { handle } confirmedPurposes { key } userErrors { field code message } }
}`;
const LINK = /(\S+\/subscriptions\/confirm\?token=)([A-Za-z0-9_-]{43})/;

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

async function update(viewer: Viewer, changes: { key: string; state: string }[]) {
  const result = await gql(UPDATE, { input: { changes } }, viewer);
  expect(result.errors).toBeUndefined();
  return (
    result.data as {
      consentUpdate: { consents: Consent[] | null; isConfirmationSent: boolean | null; userErrors: UserError[] };
    }
  ).consentUpdate;
}

async function confirm(token: string, viewer: Viewer = ANONYMOUS) {
  const result = await gql(CONFIRM, { input: { token } }, viewer);
  expect(result.errors).toBeUndefined();
  return (
    result.data as {
      consentConfirm: {
        shop: { handle: string } | null;
        confirmedPurposes: { key: string }[] | null;
        userErrors: UserError[];
      };
    }
  ).consentConfirm;
}

async function linkOf(token: string) {
  const result = await gql(LINK_QUERY, { token });
  expect(result.errors).toBeUndefined();
  return (
    result.data as {
      consentConfirmationLink: {
        shop: { handle: string };
        status: string;
        message: string | null;
        purposes: { key: string; label: string }[];
        expiresAt: string;
      } | null;
    }
  ).consentConfirmationLink;
}

const emailOf = async (viewer: CustomerViewer) =>
  (await getPrisma().customer.findUniqueOrThrow({ where: { id: viewer.customerId } })).email;

function tokenSentTo(address: string): string {
  const text = sink.to(address).at(-1)?.parsed.text ?? "";
  const match = LINK.exec(text);
  if (!match) throw new Error(`no confirmation link in the message to ${address}`);
  return match[2];
}

async function recordsOf(viewer: CustomerViewer) {
  return getPrisma().consentRecord.findMany({
    where: { customerId: viewer.customerId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { purposeKey: true, state: true, optInLevel: true, source: true, actorType: true, actorId: true },
  });
}

const stateOf = (consents: Consent[] | null, key: string) => consents?.find((c) => c.purpose.key === key);

describe("double opt-in", () => {
  it("records PENDING, mails one link for the topics chosen, and grants them CONFIRMED once followed signed out", async () => {
    const viewer = await signedInViewer({ shop: "almaz" });
    const address = await emailOf(viewer);
    const result = await update(viewer, [
      { key: "marketing:email:offers", state: "GRANTED" },
      { key: "marketing:email:news", state: "GRANTED" },
      // Post needs no confirmation.
      { key: "marketing:post:offers", state: "GRANTED" },
    ]);
    expect(result.userErrors).toEqual([]);
    expect(result.isConfirmationSent).toBe(true);
    expect(stateOf(result.consents, "marketing:email:offers")).toMatchObject({
      state: "PENDING",
      optInLevel: "SINGLE",
    });
    expect(stateOf(result.consents, "marketing:email:news")?.state).toBe("PENDING");
    expect(stateOf(result.consents, "marketing:post:offers")?.state).toBe("GRANTED");

    // One real message, to the customer's address, naming both topics.
    const messages = sink.to(address);
    expect(messages).toHaveLength(1);
    const [message] = messages;
    expect(message.parsed.subject).toBe("Confirm your subscription to ALMAZ emails");
    expect(message.parsed.text).toContain("Offers and personalised offers by E-mail");
    expect(message.parsed.text).toContain("News and updates by E-mail");
    expect(message.parsed.text).not.toContain("by Mail");
    const match = LINK.exec(message.parsed.text ?? "");
    expect(match?.[1]).toBe(
      `${process.env.NEXTAUTH_URL ?? "http://localhost:3000"}/almaz/subscriptions/confirm?token=`,
    );
    const token = tokenSentTo(address);

    // Only the token's hash is stored; the audit log does not hold it (nor the address).
    const stored = await getPrisma().consentConfirmation.findFirstOrThrow({ where: { customerId: viewer.customerId } });
    expect(stored.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect([...stored.purposeKeys].sort()).toEqual(["marketing:email:news", "marketing:email:offers"]);
    const days = (stored.expiresAt.getTime() - stored.createdAt.getTime()) / 86_400_000;
    expect(days).toBe(7);
    const audit = JSON.stringify(await getPrisma().auditEvent.findMany({ where: { customerId: viewer.customerId } }));
    expect(audit).not.toContain(token);
    expect(audit).not.toContain(address);

    // The page's query (a GET) shows what will be confirmed and changes nothing.
    const before = await recordsOf(viewer);
    const link = await linkOf(token);
    expect(link).toMatchObject({ shop: { handle: "almaz" }, status: "READY", message: null });
    expect(link?.purposes.map((p) => p.key).sort()).toEqual(["marketing:email:news", "marketing:email:offers"]);
    expect(await recordsOf(viewer)).toEqual(before);

    // Following it, signed out.
    const confirmed = await confirm(token);
    expect(confirmed.userErrors).toEqual([]);
    expect(confirmed.shop).toEqual({ handle: "almaz" });
    expect(confirmed.confirmedPurposes?.map((p) => p.key).sort()).toEqual([
      "marketing:email:news",
      "marketing:email:offers",
    ]);
    const records = await recordsOf(viewer);
    expect(records.slice(before.length)).toEqual(
      expect.arrayContaining([
        {
          purposeKey: "marketing:email:offers",
          state: "GRANTED",
          optInLevel: "CONFIRMED",
          source: "CONFIRMATION_LINK",
          actorType: "CUSTOMER",
          actorId: viewer.customerId,
        },
        {
          purposeKey: "marketing:email:news",
          state: "GRANTED",
          optInLevel: "CONFIRMED",
          source: "CONFIRMATION_LINK",
          actorType: "CUSTOMER",
          actorId: viewer.customerId,
        },
      ]),
    );
    expect(records).toHaveLength(before.length + 2);
    const consents = (await update(viewer, [{ key: "marketing:email:offers", state: "GRANTED" }])).consents;
    expect(stateOf(consents, "marketing:email:offers")).toMatchObject({
      state: "GRANTED",
      optInLevel: "CONFIRMED",
      source: "CONFIRMATION_LINK",
    });
    const event = await getPrisma().auditEvent.findFirstOrThrow({
      where: { customerId: viewer.customerId, details: { path: ["source"], equals: "CONFIRMATION_LINK" } },
    });
    expect(event).toMatchObject({ action: "consent.update", actorType: "CUSTOMER", actorId: viewer.customerId });

    // A link works once.
    const again = await confirm(token);
    expect(again).toEqual({
      shop: null,
      confirmedPurposes: null,
      userErrors: [{ field: ["input", "token"], code: "INVALID_INPUT", message: "This link was already used." }],
    });
    expect((await linkOf(token))?.status).toBe("USED");
    expect(await recordsOf(viewer)).toHaveLength(before.length + 2);
  });

  it("sends nothing again while the pending grant has a working link", async () => {
    const viewer = await signedInViewer({ shop: "crystalline" });
    const address = await emailOf(viewer);
    await update(viewer, [{ key: "marketing:email:offers", state: "GRANTED" }]);
    const records = (await recordsOf(viewer)).length;
    const again = await update(viewer, [{ key: "marketing:email:offers", state: "GRANTED" }]);
    expect(again.isConfirmationSent).toBe(false);
    expect(stateOf(again.consents, "marketing:email:offers")?.state).toBe("PENDING");
    expect(sink.to(address)).toHaveLength(1);
    expect(await recordsOf(viewer)).toHaveLength(records);
  });

  it("withdraws a pending grant at once; its link then confirms nothing and writes nothing", async () => {
    const viewer = await signedInViewer({ shop: "micro-image" });
    const address = await emailOf(viewer);
    await update(viewer, [{ key: "marketing:email:offers", state: "GRANTED" }]);
    const token = tokenSentTo(address);
    const withdrawn = await update(viewer, [{ key: "marketing:email:offers", state: "WITHDRAWN" }]);
    expect(withdrawn.isConfirmationSent).toBe(false);
    expect(stateOf(withdrawn.consents, "marketing:email:offers")?.state).toBe("WITHDRAWN");
    const records = await recordsOf(viewer);
    expect(records.map((r) => r.state)).toEqual(["PENDING", "WITHDRAWN"]);

    expect(await linkOf(token)).toMatchObject({ status: "NOTHING_TO_CONFIRM" });
    const result = await confirm(token);
    expect(result.userErrors[0]).toMatchObject({ code: "INVALID_INPUT", field: ["input", "token"] });
    expect(result.userErrors[0].message).toMatch(/nothing left to confirm/);
    expect(await recordsOf(viewer)).toEqual(records);
    // Nothing was used up either.
    const row = await getPrisma().consentConfirmation.findFirstOrThrow({ where: { customerId: viewer.customerId } });
    expect(row.confirmedAt).toBeNull();
  });

  it("replaces an older link with a newer one covering everything pending", async () => {
    const viewer = await signedInViewer({ shop: "almaz" });
    const address = await emailOf(viewer);
    await update(viewer, [{ key: "marketing:email:news", state: "GRANTED" }]);
    const first = tokenSentTo(address);
    await update(viewer, [{ key: "marketing:email:vip-client", state: "GRANTED" }]);
    const second = tokenSentTo(address);
    expect(second).not.toBe(first);
    expect(sink.to(address).at(-1)?.parsed.text).toContain("News and updates by E-mail");

    expect(await linkOf(first)).toMatchObject({ status: "REPLACED" });
    const old = await confirm(first);
    expect(old.userErrors[0].message).toMatch(/newer confirmation link replaced this one/);
    const records = (await recordsOf(viewer)).length;

    const confirmed = await confirm(second);
    expect(confirmed.confirmedPurposes?.map((p) => p.key).sort()).toEqual([
      "marketing:email:news",
      "marketing:email:vip-client",
    ]);
    expect(await recordsOf(viewer)).toHaveLength(records + 2);
  });

  it("refuses expired, forged and malformed tokens, writing nothing", async () => {
    const viewer = await signedInViewer({ shop: "almaz" });
    const address = await emailOf(viewer);
    await update(viewer, [{ key: "marketing:email:offers", state: "GRANTED" }]);
    const token = tokenSentTo(address);
    const records = await recordsOf(viewer);

    for (const bad of ["", "not-a-token", "A".repeat(43), `${token.slice(0, 42)}${token[42] === "A" ? "B" : "A"}`]) {
      const result = await confirm(bad);
      expect(result.userErrors, bad).toEqual([
        {
          field: ["input", "token"],
          code: "NOT_FOUND",
          message: "This link is not valid. Open the whole link from the newest email we sent you.",
        },
      ]);
      expect(await linkOf(bad)).toBeNull();
    }

    await getPrisma().consentConfirmation.updateMany({
      where: { customerId: viewer.customerId },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await linkOf(token)).toMatchObject({ status: "EXPIRED" });
    const expired = await confirm(token);
    expect(expired.userErrors).toEqual([
      {
        field: ["input", "token"],
        code: "INVALID_INPUT",
        message: "This link has expired. Subscribe again in your account to get a new one.",
      },
    ]);
    expect(await recordsOf(viewer)).toEqual(records);

    // Granting again sends a fresh link (the state stays PENDING: no new record).
    const again = await update(viewer, [{ key: "marketing:email:offers", state: "GRANTED" }]);
    expect(again.isConfirmationSent).toBe(true);
    expect(await recordsOf(viewer)).toEqual(records);
    expect((await confirm(tokenSentTo(address))).confirmedPurposes?.map((p) => p.key)).toEqual([
      "marketing:email:offers",
    ]);
  });

  it("confirms once when the link is followed twice at the same time", async () => {
    const viewer = await signedInViewer({ shop: "allegra" });
    const address = await emailOf(viewer);
    await update(viewer, [{ key: "marketing:email:private-sales", state: "GRANTED" }]);
    const token = tokenSentTo(address);
    const results = await Promise.all([confirm(token), confirm(token)]);
    expect(results.filter((r) => r.confirmedPurposes).length).toBe(1);
    expect(results.filter((r) => r.userErrors[0]?.code === "INVALID_INPUT").length).toBe(1);
    const grants = (await recordsOf(viewer)).filter((r) => r.state === "GRANTED");
    expect(grants).toHaveLength(1);
  });

  it("limits confirmation emails per day, refusing the grant that would send one more", async () => {
    const viewer = await signedInViewer({ shop: "almaz" });
    const address = await emailOf(viewer);
    for (let i = 0; i < CONSENT_CONFIRMATION.maxPerWindow; i++) {
      const granted = await update(viewer, [{ key: "marketing:email:news", state: "GRANTED" }]);
      expect(granted.isConfirmationSent).toBe(true);
      await update(viewer, [{ key: "marketing:email:news", state: "WITHDRAWN" }]);
    }
    const records = await recordsOf(viewer);
    const refused = await update(viewer, [{ key: "marketing:email:news", state: "GRANTED" }]);
    expect(refused.consents).toBeNull();
    expect(refused.userErrors[0]).toMatchObject({ code: "RATE_LIMITED" });
    expect(await recordsOf(viewer)).toEqual(records);
    expect(sink.to(address)).toHaveLength(CONSENT_CONFIRMATION.maxPerWindow);
    // Withdrawing is never limited.
    expect((await update(viewer, [{ key: "marketing:email:offers", state: "WITHDRAWN" }])).userErrors).toEqual([]);
  });

  it("starts at sign-up: email marketing ticked on the form stays PENDING until confirmed", async () => {
    const email = uniqueEmail("doi-signup");
    const result = await gql(
      `mutation($input: CustomerSignUpInput!) { customerSignUp(input: $input) { customer { id } userErrors { message } } }`,
      {
        input: {
          shop: "allegra",
          email,
          password: "a-long-password-1",
          firstName: "Eleni",
          lastName: "Papadaki",
          consents: [{ key: "marketing:email:new-collections", state: "GRANTED" }],
        },
      },
    );
    expect(result.errors).toBeUndefined();
    const customer = await getPrisma().customer.findFirstOrThrow({ where: { email } });
    const before = await getPrisma().consentRecord.findMany({ where: { customerId: customer.id } });
    expect(before.map((r) => [r.purposeKey, r.state, r.source])).toEqual([
      ["marketing:email:new-collections", "PENDING", "SIGN_UP"],
    ]);
    const confirmed = await confirm(tokenSentTo(email));
    expect(confirmed.confirmedPurposes).toEqual([{ key: "marketing:email:new-collections" }]);
  });
});

describe("denied access", () => {
  it("a link of one customer confirms only that customer's purposes, whoever follows it", async () => {
    const owner = await signedInViewer({ shop: "almaz" });
    const other = await signedInViewer({ shop: "crystalline" });
    await update(owner, [{ key: "marketing:email:offers", state: "GRANTED" }]);
    const token = tokenSentTo(await emailOf(owner));
    const result = await confirm(token, other);
    expect(result.shop).toEqual({ handle: "almaz" });
    expect(await getPrisma().consentRecord.count({ where: { customerId: other.customerId } })).toBe(0);
    const granted = await getPrisma().consentRecord.findFirstOrThrow({
      where: { customerId: owner.customerId, state: "GRANTED" },
    });
    expect(granted).toMatchObject({ actorId: owner.customerId, shopId: owner.shop.id });
  });
});
