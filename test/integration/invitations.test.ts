import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fromGlobalId, toGlobalId } from "@/graphql/global-id";
import { appUrl } from "@/server/app-url";
import { ANONYMOUS, type CustomerViewer, type Viewer } from "@/server/auth/viewer";
import { getPrisma } from "@/server/db";
import { runErasure, runRetentionSweep } from "@/server/erasure";
import { addSuppression, suppressionHash } from "@/server/erasure/suppression";
import { createExport, EXPORT_BUILD_JOB } from "@/server/export";
import { buildExport } from "@/server/export/build";
import { CANNOT_BE_INVITED, createInvitation, objectToInvitation } from "@/server/invitations";
import { signInvitationToken, verifyInvitationToken } from "@/server/invitations/token";
import { deliverPendingEmails } from "@/server/mail";
import { createWebhookEndpoint } from "@/server/webhooks/endpoints";
import { WEBHOOK_DELIVER_JOB } from "@/server/webhooks/events";
import { agentViewer, impersonating, shop, signedInViewer, TEST_PASSWORD, uniqueEmail } from "../factories";
import { expectOnlyRetained, scheduleErasure, signedIn } from "../support/erasure-fixtures";
import { findIdentifiers } from "../support/erasure-search";
import { exportValidator, standaloneJobContext, storedJson } from "../support/exports";
import { type GqlResult, gql } from "../support/graphql";
import { closedSmtpUrl, type SmtpSink, startSmtpSink } from "../support/smtp-sink";

// Invited friends (issue 14), through the GraphQL API and a real SMTP server: the one
// notice an emailed friend gets (GDPR Art. 14) and what it says; objection without an
// account, which deletes the friend's details at once and suppresses the address for
// every customer of the shop; withdrawal, erasing friends' details and expiry, each
// deleting the details; the limits; share links that hold nothing about anyone; sign-up
// accepting an invitation; the data map, export and erasure of the inviter; agents who
// may look but not act; webhook events and audit rows that never carry the friend.

const ERRORS = "userErrors { field code message }";
const FIELDS = "id channel status friendName friendEmail createdAt expiresAt closedAt detailsErasedAt link shareUrl";
const CREATE = `mutation($input: InvitationCreateInput!) { invitationCreate(input: $input) { invitation { ${FIELDS} } ${ERRORS} } }`;
const WITHDRAW = `mutation($id: ID!) { invitationWithdraw(id: $id) { invitation { ${FIELDS} } ${ERRORS} } }`;
const ERASE = `mutation { invitationsEraseFriendDetails { erasedCount ${ERRORS} } }`;
const OBJECT = `mutation($token: String!) { invitationObjection(input: { token: $token }) { shop { handle } isAlreadyObjected ${ERRORS} } }`;
const LINK = `query($token: String!) { invitationLink(token: $token) { shop { handle } channel status inviterName
  friendEmail friendName createdAt expiresAt retentionDays canObject canAccept } }`;
const LIST = `{ viewer { customer { invitations(first: 50) { totalCount channels retentionDays perDay remainingToday
  nextAllowedAt edges { node { ${FIELDS} } } } } } }`;
const SIGN_UP = `mutation($input: CustomerSignUpInput!) { customerSignUp(input: $input) { customer { id email } ${ERRORS} } }`;

const DAY = 86_400_000;
const INVITATION_EVENTS = [
  "invitation.created",
  "invitation.accepted",
  "invitation.objected",
  "invitation.withdrawn",
  "invitation.expired",
];

type UserError = { field: string[] | null; code: string; message: string };
type InvitationNode = {
  id: string;
  channel: string;
  status: string;
  friendName: string | null;
  friendEmail: string | null;
  createdAt: string;
  expiresAt: string;
  closedAt: string | null;
  detailsErasedAt: string | null;
  link: string | null;
  shareUrl: string | null;
};
type InvitationList = {
  totalCount: number;
  channels: string[];
  retentionDays: number;
  perDay: number;
  remainingToday: number | null;
  nextAllowedAt: string | null;
  edges: { node: InvitationNode }[];
};
type LinkView = {
  shop: { handle: string };
  channel: string;
  status: string;
  inviterName: string;
  friendEmail: string | null;
  friendName: string | null;
  createdAt: string;
  expiresAt: string;
  retentionDays: number;
  canObject: boolean;
  canAccept: boolean;
};
type Inviter = { viewer: CustomerViewer; name: string; email: string };

let sink: SmtpSink;
const savedSmtpUrl = process.env.SMTP_URL;
let endpointId: string;

beforeAll(async () => {
  sink = await startSmtpSink();
  process.env.SMTP_URL = sink.url;
  // The shop's own endpoint, subscribed to every invitation event: events are stored
  // only where an endpoint receives them.
  const officer = await agentViewer({ shop: "almaz", role: "PRIVACY_OFFICER" });
  const { webhookEndpoint } = await createWebhookEndpoint({
    viewer: officer,
    input: { url: "https://invitations-receiver.example/hooks", events: INVITATION_EVENTS },
  });
  endpointId = webhookEndpoint.id;
});

afterAll(async () => {
  if (savedSmtpUrl === undefined) delete process.env.SMTP_URL;
  else process.env.SMTP_URL = savedSmtpUrl;
  await sink.close();
  // Leave nothing that another file's job run would try to deliver.
  const prisma = getPrisma();
  await prisma.webhookEndpoint.update({ where: { id: endpointId }, data: { deletedAt: new Date() } });
  const deliveries = await prisma.webhookDelivery.findMany({ where: { endpointId }, select: { id: true } });
  await prisma.job.deleteMany({ where: { kind: WEBHOOK_DELIVER_JOB, key: { in: deliveries.map((d) => d.id) } } });
  await prisma.webhookDelivery.updateMany({
    where: { endpointId, status: "PENDING" },
    data: { status: "CANCELLED" },
  });
});

// --- helpers

function payloadOf<T>(result: GqlResult, field: string): T & { userErrors: UserError[] } {
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data?.[field] as T & { userErrors: UserError[] };
}

const tag = () =>
  randomUUID()
    .replace(/[^a-f]/g, "")
    .slice(0, 6)
    .padEnd(6, "q");

// A signed-in customer of the shop with names nobody else has.
async function inviter(shopHandle = "almaz"): Promise<Inviter> {
  const viewer = await signedInViewer({ shop: shopHandle });
  const t = tag();
  const customer = await getPrisma().customer.update({
    where: { id: viewer.customerId },
    data: { firstName: `Inviterfirst${t}`, lastName: `Inviterlast${t}` },
  });
  return { viewer, name: `${customer.firstName} ${customer.lastName}`, email: customer.email };
}

async function invite(viewer: Viewer, input: Record<string, unknown>) {
  return payloadOf<{ invitation: InvitationNode | null }>(await gql(CREATE, { input }, viewer), "invitationCreate");
}

// An invitation that must be made.
async function invited(viewer: Viewer, input: Record<string, unknown>): Promise<InvitationNode> {
  const result = await invite(viewer, input);
  expect(result.userErrors).toEqual([]);
  if (!result.invitation) throw new Error("no invitation");
  return result.invitation;
}

const emailInvitation = (viewer: Viewer, email: string, name: string | null = null) =>
  invited(viewer, { channel: "EMAIL", email, name, friendAgreed: true });

async function withdraw(viewer: Viewer, id: string) {
  return payloadOf<{ invitation: InvitationNode | null }>(await gql(WITHDRAW, { id }, viewer), "invitationWithdraw");
}

async function eraseDetails(viewer: Viewer) {
  return payloadOf<{ erasedCount: number | null }>(await gql(ERASE, {}, viewer), "invitationsEraseFriendDetails");
}

async function object(token: string) {
  return payloadOf<{ shop: { handle: string } | null; isAlreadyObjected: boolean | null }>(
    await gql(OBJECT, { token }, ANONYMOUS),
    "invitationObjection",
  );
}

async function linkView(token: string): Promise<LinkView | null> {
  const result = await gql(LINK, { token }, ANONYMOUS);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return (result.data as { invitationLink: LinkView | null }).invitationLink;
}

async function list(viewer: Viewer): Promise<InvitationList> {
  const result = await gql(LIST, {}, viewer);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return (result.data as { viewer: { customer: { invitations: InvitationList } } }).viewer.customer.invitations;
}

async function signUp(input: { shop?: string; email: string; invitationToken?: string | null }) {
  return payloadOf<{ customer: { id: string; email: string } | null }>(
    await gql(
      SIGN_UP,
      {
        input: {
          shop: input.shop ?? "almaz",
          email: input.email,
          password: TEST_PASSWORD,
          firstName: "Newfriend",
          lastName: "Joined",
          invitationToken: input.invitationToken ?? null,
        },
      },
      ANONYMOUS,
    ),
    "customerSignUp",
  );
}

const rowIdOf = (globalId: string): string => {
  const decoded = fromGlobalId(globalId);
  if (decoded?.type !== "Invitation") throw new Error(`not an Invitation id: ${globalId}`);
  return decoded.id;
};
const rowIdOfCustomer = (globalId: string): string => {
  const decoded = fromGlobalId(globalId);
  if (decoded?.type !== "Customer") throw new Error(`not a Customer id: ${globalId}`);
  return decoded.id;
};
const rowOf = (globalId: string) => getPrisma().invitation.findUniqueOrThrow({ where: { id: rowIdOf(globalId) } });
const rowsOf = (customerId: string) =>
  getPrisma().invitation.findMany({ where: { customerId }, orderBy: { id: "asc" } });

// The one notice the friend got, and the token of the link in it.
function noticeTo(address: string) {
  const messages = sink.to(address);
  expect(messages, `messages to ${address}`).toHaveLength(1);
  const text = messages[0].parsed.text ?? "";
  const match = /\/almaz\/invitation\?token=([A-Za-z0-9_.%-]+)/.exec(text);
  if (!match) throw new Error(`no invitation link in:\n${text}`);
  return { message: messages[0], text, token: decodeURIComponent(match[1]) };
}

// Friends' notices the sink received (on a shared database another file's delivery run
// may send its own mail through this file's sink: those are not counted).
const noticesSent = () => sink.messages.filter((m) => m.parsed.subject?.endsWith(" invited you to ALMAZ")).length;

const tokenOfLink = (link: string) => new URL(link).searchParams.get("token") ?? "";

const noticeCopies = (address: string) =>
  getPrisma().outboundEmail.count({ where: { toAddress: address, kind: "invitation-notice" } });

const auditOf = (customerId: string, action: string) =>
  getPrisma().auditEvent.findMany({
    where: { customerId, action },
    orderBy: { sequence: "asc" },
    select: { action: true, actorType: true, actorId: true, impersonationId: true, details: true },
  });

const eventsOf = (customerId: string) =>
  getPrisma().webhookEvent.findMany({
    where: { customerId, type: { startsWith: "invitation." } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { type: true, payload: true },
  });

const day = (iso: string | Date) => new Date(iso).toISOString().slice(0, 10);

// ---------------------------------------------------------------------------------

describe("the friend's notice", () => {
  it("is exactly one message, naming the inviter, what we hold, for how long, the controller, where to complain and the objection link", async () => {
    const { viewer, name } = await inviter();
    const friend = uniqueEmail("friend");
    const before = noticesSent();
    const invitation = await emailInvitation(viewer, friend, "Bogdana");
    expect(invitation).toMatchObject({
      channel: "EMAIL",
      status: "SENT",
      friendEmail: friend,
      friendName: "Bogdana",
      closedAt: null,
      detailsErasedAt: null,
      // An emailed invitation has no link for the customer to send.
      link: null,
      shareUrl: null,
    });
    expect(new Date(invitation.expiresAt).getTime() - new Date(invitation.createdAt).getTime()).toBe(30 * DAY);

    // One message over SMTP, to the friend only.
    expect(noticesSent() - before).toBe(1);
    const { message, text, token } = noticeTo(friend);
    expect(message.envelope.to).toEqual([friend]);
    expect(message.parsed.subject).toBe(`${name} invited you to ALMAZ`);
    expect(text).toContain("Hello Bogdana,");
    expect(text).toContain(`${name}, a customer of ALMAZ, asked us to invite you`);
    expect(text).toContain(`${name} gave it to us on ${day(invitation.createdAt)}`);
    expect(text).toContain('your name as they gave it ("Bogdana")');
    expect(text).toContain(`For how long: 30 days, until ${day(invitation.expiresAt)}.`);
    expect(text).toContain("ALMAZ DESIGN MANAGEMENT S.R.L., 49-57 Grigore Gafencu Street");
    expect(text).toContain("HOW TO COMPLAIN");
    expect(text).toContain(
      "Autoritatea Națională de Supraveghere a Prelucrării Datelor cu Caracter Personal (ANSPDCP)",
    );
    expect(text).toContain("https://www.dataprotection.ro");
    expect(text).toContain("Don't contact me again");
    expect(text).toContain(appUrl(`/almaz/invitation?token=${encodeURIComponent(token)}`));
    expect(text).toContain(appUrl("/almaz/privacy-policy"));
    // The link names this invitation of this shop.
    const almaz = await shop("almaz");
    expect(verifyInvitationToken(token)).toEqual({ shopId: almaz.id, invitationId: rowIdOf(invitation.id) });

    // The outbox holds the one copy, sent.
    const copies = await getPrisma().outboundEmail.findMany({ where: { toAddress: friend } });
    expect(copies.map((c) => [c.kind, c.status])).toEqual([["invitation-notice", "SENT"]]);

    // The link's page shows the friend what we hold, without signing in.
    expect(await linkView(token)).toMatchObject({
      shop: { handle: "almaz" },
      channel: "EMAIL",
      status: "SENT",
      inviterName: name,
      friendEmail: friend,
      friendName: "Bogdana",
      retentionDays: 30,
      canObject: true,
      canAccept: true,
    });
  });

  it("greets without a name when none was given, and each invitation gets exactly one message", async () => {
    const { viewer } = await inviter();
    const friends = [uniqueEmail("friend"), uniqueEmail("friend")];
    const before = noticesSent();
    for (const friend of friends) await emailInvitation(viewer, friend);
    expect(noticesSent() - before).toBe(2);
    for (const friend of friends) {
      const { text } = noticeTo(friend);
      expect(text.startsWith("Hello,\n")).toBe(true);
      expect(text).not.toContain("your name as they gave it");
    }
  });

  it("is sent for an inviter whose stored name holds a line break, with a one-line subject", async () => {
    const { viewer } = await inviter();
    const t = tag();
    // Forms refuse such names now; an account stored before may still hold one.
    await getPrisma().customer.update({ where: { id: viewer.customerId }, data: { firstName: `Ana\nMaria${t}` } });
    const friend = uniqueEmail("friend");
    const result = await gql(CREATE, { input: { channel: "EMAIL", email: friend, friendAgreed: true } }, viewer);
    const created = payloadOf<{ invitation: InvitationNode | null }>(result, "invitationCreate");
    expect(created.userErrors).toEqual([]);
    const { message, text } = noticeTo(friend);
    expect(message.parsed.subject).not.toMatch(/[\r\n]/);
    expect(message.parsed.subject).toContain(`Maria${t}`);
    expect(text).toContain(`Maria${t}`);
  });

  it('needs "friend agreed": without it nothing is stored and nothing is sent', async () => {
    const { viewer } = await inviter();
    const friend = uniqueEmail("friend");
    const before = noticesSent();
    for (const agreed of [false, null, undefined]) {
      const input: Record<string, unknown> = { channel: "EMAIL", email: friend, name: "Bogdana" };
      if (agreed !== undefined) input.friendAgreed = agreed;
      const result = await invite(viewer, input);
      expect(result.invitation, String(agreed)).toBeNull();
      expect(result.userErrors, String(agreed)).toEqual([
        expect.objectContaining({ field: ["input", "friendAgreed"], code: "INVALID_INPUT" }),
      ]);
    }
    // An address is needed too.
    const noAddress = await invite(viewer, { channel: "EMAIL", friendAgreed: true });
    expect(noAddress.userErrors).toEqual([
      expect.objectContaining({ field: ["input", "email"], code: "INVALID_INPUT" }),
    ]);
    expect(await rowsOf(viewer.customerId)).toEqual([]);
    expect(await getPrisma().outboundEmail.count({ where: { toAddress: friend } })).toBe(0);
    expect(noticesSent()).toBe(before);
    expect(await auditOf(viewer.customerId, "invitation.create")).toEqual([]);
  });

  it("is not sent when the invitation is withdrawn before it went out", async () => {
    const { viewer } = await inviter();
    const friend = uniqueEmail("friend");
    // The mail server is down: the notice stays queued.
    process.env.SMTP_URL = await closedSmtpUrl();
    let invitation: InvitationNode;
    try {
      invitation = await emailInvitation(viewer, friend);
    } finally {
      process.env.SMTP_URL = sink.url;
    }
    const queued = await getPrisma().outboundEmail.findMany({ where: { toAddress: friend } });
    expect(queued.map((q) => q.status)).toEqual(["QUEUED"]);
    const withdrawn = await withdraw(viewer, invitation.id);
    expect(withdrawn.userErrors).toEqual([]);
    // The mail server is back and the retry is due: nothing goes to the friend.
    await deliverPendingEmails({ shopId: viewer.shop.id, now: new Date(Date.now() + DAY) });
    expect(sink.to(friend)).toEqual([]);
    expect(await getPrisma().outboundEmail.count({ where: { toAddress: friend } })).toBe(0);
  });
});

describe("objection, without signing in", () => {
  it("deletes the friend's details at once, closes the invitation and suppresses the address; a replay changes nothing", async () => {
    const { viewer, name } = await inviter();
    const friend = uniqueEmail("friend");
    const invitation = await emailInvitation(viewer, friend, "Bogdana");
    const { token } = noticeTo(friend);
    const almaz = await shop("almaz");

    const answer = await object(token);
    expect(answer).toEqual({ shop: { handle: "almaz" }, isAlreadyObjected: false, userErrors: [] });
    const row = await rowOf(invitation.id);
    expect(row).toMatchObject({ status: "OBJECTED", friendEmail: null, friendName: null });
    expect(row.closedAt).not.toBeNull();
    expect(row.detailsErasedAt).not.toBeNull();
    const entries = await getPrisma().suppressionEntry.findMany({
      where: { shopId: almaz.id, emailHash: suppressionHash(friend) },
    });
    expect(entries.map((e) => e.reason)).toEqual(["invitation-objection"]);
    // The copy of the notice held the address and the name: gone too.
    expect(await noticeCopies(friend)).toBe(0);
    const audits = await auditOf(viewer.customerId, "invitation.objected");
    expect(audits).toEqual([
      {
        action: "invitation.objected",
        actorType: "SYSTEM",
        actorId: null,
        impersonationId: null,
        details: { invitationId: row.id, via: "friend-notice-link" },
      },
    ]);
    const events = (await eventsOf(viewer.customerId)).filter((e) => e.type === "invitation.objected");
    expect(events).toHaveLength(1);

    // The page now says what is left: nothing about the friend.
    expect(await linkView(token)).toMatchObject({
      status: "OBJECTED",
      inviterName: name,
      friendEmail: null,
      friendName: null,
      canObject: false,
      canAccept: false,
    });

    // Pressing it again: harmless, nothing new recorded.
    const sequence = await getPrisma().auditEvent.aggregate({ _max: { sequence: true }, where: { shopId: almaz.id } });
    const replay = await object(token);
    expect(replay).toEqual({ shop: { handle: "almaz" }, isAlreadyObjected: true, userErrors: [] });
    expect(await auditOf(viewer.customerId, "invitation.objected")).toHaveLength(1);
    expect(
      await getPrisma().auditEvent.count({
        where: { customerId: viewer.customerId, sequence: { gt: sequence._max.sequence ?? 0 } },
      }),
    ).toBe(0);
    expect((await eventsOf(viewer.customerId)).filter((e) => e.type === "invitation.objected")).toHaveLength(1);
    expect(await getPrisma().suppressionEntry.count({ where: { emailHash: suppressionHash(friend) } })).toBe(1);
    expect(await rowOf(invitation.id)).toEqual(row);
    // The friend got no further message.
    expect(sink.to(friend)).toHaveLength(1);
  });

  it("records one objection when the friend presses twice at once", async () => {
    const { viewer } = await inviter();
    const friend = uniqueEmail("friend");
    const invitation = await emailInvitation(viewer, friend, "Bogdana");
    const { token } = noticeTo(friend);
    // Straight to the service, so that the presses really overlap (on PostgreSQL; the
    // embedded database runs one transaction at a time).
    const answers = await Promise.allSettled(Array.from({ length: 8 }, () => objectToInvitation({ token })));
    expect(answers.filter((a) => a.status === "rejected").map((a) => String(a.reason))).toEqual([]);
    const flags = answers.map((a) => (a.status === "fulfilled" ? a.value.isAlreadyObjected : null));
    expect(flags.filter((flag) => flag === false)).toHaveLength(1);
    expect(flags.filter((flag) => flag === true)).toHaveLength(7);
    expect(await rowOf(invitation.id)).toMatchObject({ status: "OBJECTED", friendEmail: null });
    expect(await auditOf(viewer.customerId, "invitation.objected")).toHaveLength(1);
    expect((await eventsOf(viewer.customerId)).filter((e) => e.type === "invitation.objected")).toHaveLength(1);
    expect(await getPrisma().suppressionEntry.count({ where: { emailHash: suppressionHash(friend) } })).toBe(1);
  });

  it("closes every open invitation of the shop to that address, whoever made it", async () => {
    const a = await inviter();
    const b = await inviter();
    const friend = uniqueEmail("friend");
    const first = await emailInvitation(a.viewer, friend, "Bogdana");
    const second = await emailInvitation(b.viewer, friend, "Bobo");
    expect(sink.to(friend)).toHaveLength(2);
    const token = /\/almaz\/invitation\?token=([A-Za-z0-9_.%-]+)/.exec(
      sink.to(friend).find((m) => m.parsed.text?.includes(a.name))?.parsed.text ?? "",
    )?.[1];
    expect(token).toBeTruthy();
    expect((await object(decodeURIComponent(token ?? ""))).userErrors).toEqual([]);
    for (const [invitation, who] of [
      [first, a],
      [second, b],
    ] as const) {
      expect(await rowOf(invitation.id)).toMatchObject({ status: "OBJECTED", friendEmail: null, friendName: null });
      expect(await auditOf(who.viewer.customerId, "invitation.objected")).toHaveLength(1);
    }
    expect(await noticeCopies(friend)).toBe(0);
  });

  it("refuses a forged or altered token, and changes nothing", async () => {
    const { viewer } = await inviter();
    const friend = uniqueEmail("friend");
    const invitation = await emailInvitation(viewer, friend);
    const { token } = noticeTo(friend);
    const before = await rowOf(invitation.id);
    const almaz = await shop("almaz");
    const [payload, mac] = token.split(".");
    const flip = (text: string, at: number) =>
      `${text.slice(0, at)}${text[at] === "A" ? "B" : "A"}${text.slice(at + 1)}`;
    const forged = [
      flip(token, 10),
      `${payload}.${flip(mac, 5)}`,
      `${payload}.${"A".repeat(43)}`,
      // Genuine layout, signed with a secret that is not the app's.
      signInvitationToken({ shopId: almaz.id, invitationId: before.id }, "not-the-app-secret-0123456789abcdefghij"),
      // Another invitation's genuine MAC.
      `${signInvitationToken({ shopId: almaz.id, invitationId: randomUUID() }).split(".")[0]}.${mac}`,
      "not-a-token",
      "",
      `${token}x`,
    ];
    for (const bad of forged) {
      const answer = await object(bad);
      expect(answer.shop, bad).toBeNull();
      expect(answer.isAlreadyObjected, bad).toBeNull();
      expect(answer.userErrors, bad).toEqual([
        expect.objectContaining({ field: ["input", "token"], code: "INVALID_INPUT" }),
      ]);
      expect(await linkView(bad), bad).toBeNull();
    }
    expect(await rowOf(invitation.id)).toEqual(before);
    expect(await getPrisma().suppressionEntry.count({ where: { emailHash: suppressionHash(friend) } })).toBe(0);
    expect(await auditOf(viewer.customerId, "invitation.objected")).toEqual([]);
    expect(await noticeCopies(friend)).toBe(1);
  });

  it("does not let a token of one shop's invitation work in another shop", async () => {
    const { viewer } = await inviter();
    const friend = uniqueEmail("friend");
    const invitation = await emailInvitation(viewer, friend);
    const share = await invited(viewer, { channel: "LINK" });
    const before = await rowsOf(viewer.customerId);
    const allegra = await shop("allegra");
    // Genuinely signed (the app's secret), but naming another shop with this shop's invitations.
    for (const id of [invitation.id, share.id]) {
      const moved = signInvitationToken({ shopId: allegra.id, invitationId: rowIdOf(id) });
      const answer = await object(moved);
      expect(answer.shop).toBeNull();
      expect(answer.userErrors).toEqual([expect.objectContaining({ field: ["input", "token"], code: "NOT_FOUND" })]);
      expect(await linkView(moved)).toBeNull();
    }
    // Signing up in the other shop, with the share link's own token or with the invited
    // address, accepts nothing here.
    const viaLink = await signUp({
      shop: "allegra",
      email: uniqueEmail("joiner"),
      invitationToken: tokenOfLink(share.link ?? ""),
    });
    expect(viaLink.userErrors).toEqual([]);
    const viaAddress = await signUp({ shop: "allegra", email: friend });
    expect(viaAddress.userErrors).toEqual([]);
    expect(await rowsOf(viewer.customerId)).toEqual(before);
    expect(await getPrisma().suppressionEntry.count({ where: { emailHash: suppressionHash(friend) } })).toBe(0);
  });

  it("is refused for a share link (it holds nothing about anyone) and for an accepted invitation", async () => {
    const { viewer } = await inviter();
    const share = await invited(viewer, { channel: "LINK" });
    const shareToken = tokenOfLink(share.link ?? "");
    const refused = await object(shareToken);
    expect(refused.userErrors).toEqual([expect.objectContaining({ field: ["input", "token"], code: "INVALID_INPUT" })]);
    expect(await rowOf(share.id)).toMatchObject({ status: "SENT" });
    expect(await linkView(shareToken)).toMatchObject({ channel: "LINK", canObject: false, canAccept: true });

    const friend = uniqueEmail("friend");
    const invitation = await emailInvitation(viewer, friend);
    const { token } = noticeTo(friend);
    expect((await signUp({ email: friend })).userErrors).toEqual([]);
    const accepted = await object(token);
    expect(accepted.userErrors).toEqual([
      expect.objectContaining({ field: ["input", "token"], code: "INVALID_INPUT" }),
    ]);
    expect(await rowOf(invitation.id)).toMatchObject({ status: "ACCEPTED" });
    expect(await getPrisma().suppressionEntry.count({ where: { emailHash: suppressionHash(friend) } })).toBe(0);
  });

  it("still works after the invitation was withdrawn, and suppresses the address", async () => {
    const { viewer } = await inviter();
    const friend = uniqueEmail("friend");
    const invitation = await emailInvitation(viewer, friend);
    const { token } = noticeTo(friend);
    expect((await withdraw(viewer, invitation.id)).userErrors).toEqual([]);
    expect(await linkView(token)).toMatchObject({ status: "WITHDRAWN", friendEmail: null, canObject: true });
    expect(await object(token)).toEqual({ shop: { handle: "almaz" }, isAlreadyObjected: false, userErrors: [] });
    expect(await rowOf(invitation.id)).toMatchObject({ status: "OBJECTED", friendEmail: null });
    expect(await getPrisma().suppressionEntry.count({ where: { emailHash: suppressionHash(friend) } })).toBe(1);
    const other = await inviter();
    const again = await invite(other.viewer, { channel: "EMAIL", email: friend, friendAgreed: true });
    expect(again.userErrors).toEqual([{ field: ["input", "email"], code: "CONFLICT", message: CANNOT_BE_INVITED }]);
  });
});

describe("who can be invited", () => {
  async function expectRefused(who: Inviter, email: string, message = CANNOT_BE_INVITED) {
    const before = noticesSent();
    const rows = await rowsOf(who.viewer.customerId);
    const result = await invite(who.viewer, { channel: "EMAIL", email, name: "Bogdana", friendAgreed: true });
    expect(result.invitation, email).toBeNull();
    expect(result.userErrors, email).toEqual([{ field: ["input", "email"], code: "CONFLICT", message }]);
    expect(await rowsOf(who.viewer.customerId)).toEqual(rows);
    expect(noticesSent()).toBe(before);
    expect(await noticeCopies(email.toLowerCase())).toBe(0);
  }

  it("not an address whose owner objected to another customer's invitation", async () => {
    const a = await inviter();
    const b = await inviter();
    const friend = uniqueEmail("friend");
    await emailInvitation(a.viewer, friend);
    const { token } = noticeTo(friend);
    expect((await object(token)).userErrors).toEqual([]);
    await expectRefused(b, friend);
    // Whatever its case or spacing.
    await expectRefused(b, `  ${friend.toUpperCase()} `);
  });

  it("not an address on the suppression list after an erasure, added directly or by erasing a real account", async () => {
    const b = await inviter();
    const listed = uniqueEmail("erased");
    await getPrisma().$transaction((tx) =>
      addSuppression(tx, { shopId: b.viewer.shop.id, email: listed, reason: "erasure" }),
    );
    await expectRefused(b, listed);

    // A customer who deleted their account.
    const gone = await signedInViewer({ shop: "almaz" });
    const address = (await getPrisma().customer.findUniqueOrThrow({ where: { id: gone.customerId } })).email;
    const requestId = await scheduleErasure(gone);
    expect(await runErasure({ requestId })).toBe("erased");
    expect(
      await getPrisma().customer.count({ where: { email: { equals: address, mode: "insensitive" } } }),
      "the erased account no longer holds the address",
    ).toBe(0);
    await expectRefused(b, address);
  });

  it("not an address that has an account in the shop, nor the inviter's own, while another shop's customer may be invited", async () => {
    const b = await inviter();
    const customer = await signedInViewer({ shop: "almaz" });
    const existing = (await getPrisma().customer.findUniqueOrThrow({ where: { id: customer.customerId } })).email;
    await expectRefused(b, existing);
    await expectRefused(b, existing.toUpperCase());
    await expectRefused(b, b.email, "This is your own address.");
    await expectRefused(b, b.email.toUpperCase(), "This is your own address.");
    // A customer of another shop is nobody here.
    const elsewhere = await signedInViewer({ shop: "allegra" });
    const theirs = (await getPrisma().customer.findUniqueOrThrow({ where: { id: elsewhere.customerId } })).email;
    await emailInvitation(b.viewer, theirs);
    expect(sink.to(theirs)).toHaveLength(1);
  });
});

describe("limits", () => {
  it("refuses the sixth invitation within 24 hours (almaz: 5 a day), whatever the channel", async () => {
    const { viewer } = await inviter();
    expect(await list(viewer)).toMatchObject({ perDay: 5, remainingToday: 5, nextAllowedAt: null });
    const made: InvitationNode[] = [];
    for (const channel of ["LINK", "FACEBOOK", "TWITTER", "LINK"]) made.push(await invited(viewer, { channel }));
    made.push(await emailInvitation(viewer, uniqueEmail("friend")));
    const before = noticesSent();
    for (const input of [{ channel: "LINK" }, { channel: "EMAIL", email: uniqueEmail("friend"), friendAgreed: true }]) {
      const result = await invite(viewer, input);
      expect(result.invitation).toBeNull();
      expect(result.userErrors).toEqual([
        expect.objectContaining({ field: ["input", "channel"], code: "RATE_LIMITED" }),
      ]);
    }
    expect(noticesSent()).toBe(before);
    expect(await rowsOf(viewer.customerId)).toHaveLength(5);
    const listed = await list(viewer);
    expect(listed.remainingToday).toBe(0);
    const oldest = Math.min(...made.map((m) => new Date(m.createdAt).getTime()));
    expect(listed.nextAllowedAt).toBe(new Date(oldest + DAY).toISOString());
    // Withdrawing does not give the day's invitations back.
    expect((await withdraw(viewer, made[0].id)).userErrors).toEqual([]);
    expect((await invite(viewer, { channel: "LINK" })).userErrors).toEqual([
      expect.objectContaining({ code: "RATE_LIMITED" }),
    ]);
    // A day after the oldest, one more may be made.
    const later = await createInvitation({ viewer, input: { channel: "LINK" }, now: new Date(oldest + DAY + 1) });
    expect(later.invitation.status).toBe("SENT");
  });

  it("holds the limit and the one invitation per address when requests arrive at once", async () => {
    const { viewer } = await inviter();
    const links = await Promise.all(Array.from({ length: 8 }, () => invite(viewer, { channel: "LINK" })));
    expect(links.filter((r) => r.userErrors.length === 0)).toHaveLength(5);
    for (const refused of links.filter((r) => r.userErrors.length > 0)) {
      expect(refused.userErrors).toEqual([
        expect.objectContaining({ field: ["input", "channel"], code: "RATE_LIMITED" }),
      ]);
    }
    expect(await rowsOf(viewer.customerId)).toHaveLength(5);

    const other = await inviter();
    const friend = uniqueEmail("friend");
    const same = await Promise.all(
      Array.from({ length: 3 }, () => invite(other.viewer, { channel: "EMAIL", email: friend, friendAgreed: true })),
    );
    expect(same.filter((r) => r.userErrors.length === 0)).toHaveLength(1);
    for (const refused of same.filter((r) => r.userErrors.length > 0)) {
      expect(refused.userErrors).toEqual([
        { field: ["input", "email"], code: "CONFLICT", message: "You have already invited this address." },
      ]);
    }
    expect(await rowsOf(other.viewer.customerId)).toHaveLength(1);
    expect(await noticeCopies(friend)).toBe(1);
    expect(sink.to(friend)).toHaveLength(1);
  });

  it("refuses inviting the same address twice, in any case, and sends nothing more", async () => {
    const { viewer } = await inviter();
    const friend = uniqueEmail("friend");
    await emailInvitation(viewer, friend);
    for (const again of [friend, friend.toUpperCase()]) {
      const result = await invite(viewer, { channel: "EMAIL", email: again, friendAgreed: true });
      expect(result.userErrors).toEqual([
        { field: ["input", "email"], code: "CONFLICT", message: "You have already invited this address." },
      ]);
    }
    expect(await rowsOf(viewer.customerId)).toHaveLength(1);
    expect(sink.to(friend)).toHaveLength(1);
    expect(await noticeCopies(friend)).toBe(1);
  });

  it("refuses a channel the shop does not offer (crystalline has no invitations)", async () => {
    const { viewer } = await inviter("crystalline");
    const listed = await list(viewer);
    expect(listed).toMatchObject({ channels: [], remainingToday: null, totalCount: 0 });
    for (const input of [{ channel: "LINK" }, { channel: "EMAIL", email: uniqueEmail("friend"), friendAgreed: true }]) {
      const result = await invite(viewer, input);
      expect(result.invitation).toBeNull();
      expect(result.userErrors).toEqual([expect.objectContaining({ field: ["input", "channel"], code: "FORBIDDEN" })]);
    }
    expect(await rowsOf(viewer.customerId)).toEqual([]);
    const almaz = await list((await inviter()).viewer);
    expect(almaz.channels).toEqual(["LINK", "FACEBOOK", "TWITTER", "EMAIL"]);
    expect(almaz.retentionDays).toBe(30);
  });
});

describe("share links", () => {
  it("store nothing about the friend, and give the link and the platform's share page", async () => {
    const { viewer } = await inviter();
    const almaz = await shop("almaz");
    const before = noticesSent();
    for (const channel of ["LINK", "FACEBOOK", "TWITTER"]) {
      const invitation = await invited(viewer, { channel });
      const row = await rowOf(invitation.id);
      expect(row, channel).toMatchObject({ channel, status: "SENT", friendEmail: null, friendName: null });
      expect(row.friendEmailHash, channel).toBeNull();
      expect(invitation.friendEmail).toBeNull();
      const link = invitation.link ?? "";
      expect(link, channel).toContain("/almaz/invitation?token=");
      expect(link.startsWith(appUrl("/almaz/invitation?token="))).toBe(true);
      expect(verifyInvitationToken(tokenOfLink(link))).toEqual({ shopId: almaz.id, invitationId: row.id });
      if (channel === "LINK") expect(invitation.shareUrl).toBeNull();
      if (channel === "FACEBOOK") {
        expect(invitation.shareUrl?.startsWith("https://www.facebook.com/sharer/")).toBe(true);
        expect(new URL(invitation.shareUrl ?? "").searchParams.get("u")).toBe(link);
      }
      if (channel === "TWITTER") {
        expect(invitation.shareUrl?.startsWith("https://twitter.com/intent/tweet")).toBe(true);
        expect(new URL(invitation.shareUrl ?? "").searchParams.get("url")).toBe(link);
      }
      expect(await linkView(tokenOfLink(link))).toMatchObject({
        channel,
        status: "SENT",
        friendEmail: null,
        friendName: null,
        canObject: false,
        canAccept: true,
      });
    }
    expect(noticesSent()).toBe(before);
    // The list shows the links again (nothing secret is stored).
    const listed = await list(viewer);
    expect(listed.edges.map((e) => Boolean(e.node.link))).toEqual([true, true, true]);
  });

  it("take no address and no name", async () => {
    const { viewer } = await inviter();
    const friend = uniqueEmail("friend");
    const withEmail = await invite(viewer, { channel: "LINK", email: friend });
    expect(withEmail.invitation).toBeNull();
    expect(withEmail.userErrors).toEqual([
      expect.objectContaining({ field: ["input", "email"], code: "INVALID_INPUT" }),
    ]);
    const withName = await invite(viewer, { channel: "FACEBOOK", name: "Bogdana" });
    expect(withName.userErrors).toEqual([expect.objectContaining({ field: ["input", "name"], code: "INVALID_INPUT" })]);
    const agreedOnly = await invite(viewer, { channel: "TWITTER", email: friend, friendAgreed: true });
    expect(agreedOnly.userErrors).toEqual([
      expect.objectContaining({ field: ["input", "email"], code: "INVALID_INPUT" }),
    ]);
    expect(await rowsOf(viewer.customerId)).toEqual([]);
    expect(sink.to(friend)).toEqual([]);
  });
});

describe("accepting at sign-up", () => {
  it("accepts a share link's invitation when the account is opened through it", async () => {
    const { viewer } = await inviter();
    const share = await invited(viewer, { channel: "FACEBOOK" });
    const token = tokenOfLink(share.link ?? "");
    const joined = await signUp({ email: uniqueEmail("joiner"), invitationToken: token });
    expect(joined.userErrors).toEqual([]);
    const row = await rowOf(share.id);
    expect(row.status).toBe("ACCEPTED");
    expect(row.closedAt).not.toBeNull();
    expect(await linkView(token)).toMatchObject({ status: "ACCEPTED", canAccept: false, canObject: false });
    // An accepted share link is no longer offered.
    const listed = await list(viewer);
    expect(listed.edges[0].node).toMatchObject({ status: "ACCEPTED", link: null, shareUrl: null });
    const audits = await auditOf(viewer.customerId, "invitation.accepted");
    expect(audits).toEqual([expect.objectContaining({ actorType: "SYSTEM", details: { invitationId: row.id } })]);
    // A second account through the same link accepts nothing more.
    expect((await signUp({ email: uniqueEmail("joiner"), invitationToken: token })).userErrors).toEqual([]);
    expect(await auditOf(viewer.customerId, "invitation.accepted")).toHaveLength(1);
  });

  it("accepts an emailed invitation when the invited address opens an account, without the link", async () => {
    const { viewer } = await inviter();
    const friend = uniqueEmail("friend");
    const invitation = await emailInvitation(viewer, friend, "Bogdana");
    const joined = await signUp({ email: friend.toUpperCase() });
    expect(joined.userErrors).toEqual([]);
    const row = await rowOf(invitation.id);
    expect(row.status).toBe("ACCEPTED");
    expect(row.closedAt).not.toBeNull();
    // The friend's details leave the inviter's record: their own account holds them now.
    expect(row).toMatchObject({ friendEmail: null, friendName: null });
    expect(row.detailsErasedAt).not.toBeNull();
    expect(await noticeCopies(friend)).toBe(0);
  });

  it("does not accept a withdrawn or expired invitation", async () => {
    const { viewer } = await inviter();
    const prisma = getPrisma();
    const withdrawnShare = await invited(viewer, { channel: "LINK" });
    expect((await withdraw(viewer, withdrawnShare.id)).userErrors).toEqual([]);
    const expiredShare = await invited(viewer, { channel: "TWITTER" });
    const withdrawnFriend = uniqueEmail("friend");
    const withdrawnEmail = await emailInvitation(viewer, withdrawnFriend);
    expect((await withdraw(viewer, withdrawnEmail.id)).userErrors).toEqual([]);
    const expiredFriend = uniqueEmail("friend");
    const expiredEmail = await emailInvitation(viewer, expiredFriend);
    // Past their time, before the sweep has run.
    await prisma.invitation.updateMany({
      where: { id: { in: [rowIdOf(expiredShare.id), rowIdOf(expiredEmail.id)] } },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await linkView(tokenOfLink(withdrawnShare.link ?? ""))).toMatchObject({
      status: "WITHDRAWN",
      canAccept: false,
    });
    expect(await linkView(tokenOfLink(expiredShare.link ?? ""))).toMatchObject({ status: "SENT", canAccept: false });
    const before = await rowsOf(viewer.customerId);
    for (const input of [
      { email: uniqueEmail("joiner"), invitationToken: tokenOfLink(withdrawnShare.link ?? "") },
      { email: uniqueEmail("joiner"), invitationToken: tokenOfLink(expiredShare.link ?? "") },
      { email: withdrawnFriend },
      { email: expiredFriend },
    ]) {
      expect((await signUp(input)).userErrors).toEqual([]);
    }
    expect(await rowsOf(viewer.customerId)).toEqual(before);
    expect(await auditOf(viewer.customerId, "invitation.accepted")).toEqual([]);
  });
});

describe("withdrawing", () => {
  it("closes the invitation, deletes the friend's details and the notice's copy; the link accepts no more", async () => {
    const { viewer } = await inviter();
    const friend = uniqueEmail("friend");
    const invitation = await emailInvitation(viewer, friend, "Bogdana");
    const { token } = noticeTo(friend);
    expect(await noticeCopies(friend)).toBe(1);

    const result = await withdraw(viewer, invitation.id);
    expect(result.userErrors).toEqual([]);
    expect(result.invitation).toMatchObject({
      id: invitation.id,
      status: "WITHDRAWN",
      friendEmail: null,
      friendName: null,
      link: null,
    });
    const row = await rowOf(invitation.id);
    expect(row).toMatchObject({ status: "WITHDRAWN", friendEmail: null, friendName: null });
    expect(row.closedAt).not.toBeNull();
    expect(row.detailsErasedAt).not.toBeNull();
    expect(await noticeCopies(friend)).toBe(0);
    expect(await linkView(token)).toMatchObject({
      status: "WITHDRAWN",
      friendEmail: null,
      friendName: null,
      canAccept: false,
    });

    // Again: a conflict, nothing changes.
    const again = await withdraw(viewer, invitation.id);
    expect(again.invitation).toBeNull();
    expect(again.userErrors).toEqual([
      { field: ["id"], code: "CONFLICT", message: "This invitation is already withdrawn." },
    ]);
    expect(await rowOf(invitation.id)).toEqual(row);
    expect(await auditOf(viewer.customerId, "invitation.withdraw")).toHaveLength(1);
  });

  it("withdraws a share link: its link stops opening an account", async () => {
    const { viewer } = await inviter();
    const share = await invited(viewer, { channel: "LINK" });
    const token = tokenOfLink(share.link ?? "");
    const result = await withdraw(viewer, share.id);
    expect(result.invitation).toMatchObject({ status: "WITHDRAWN", link: null, shareUrl: null, detailsErasedAt: null });
    expect(await linkView(token)).toMatchObject({ status: "WITHDRAWN", canAccept: false });
  });

  it("answers NOT_FOUND for another customer's invitation, or an id that is not an invitation's, and changes nothing", async () => {
    const owner = await inviter();
    const friend = uniqueEmail("friend");
    const invitation = await emailInvitation(owner.viewer, friend);
    const share = await invited(owner.viewer, { channel: "LINK" });
    const before = await rowsOf(owner.viewer.customerId);
    const sameShop = await inviter();
    const otherShop = await inviter("allegra");
    for (const who of [sameShop, otherShop]) {
      for (const id of [invitation.id, share.id]) {
        const result = await withdraw(who.viewer, id);
        expect(result.invitation).toBeNull();
        expect(result.userErrors).toEqual([{ field: ["id"], code: "NOT_FOUND", message: "Invitation not found." }]);
      }
    }
    for (const id of [toGlobalId("Customer", owner.viewer.customerId), toGlobalId("Invitation", "nope"), "x"]) {
      expect((await withdraw(owner.viewer, id)).userErrors).toEqual([expect.objectContaining({ code: "NOT_FOUND" })]);
    }
    expect(await rowsOf(owner.viewer.customerId)).toEqual(before);
    expect(await noticeCopies(friend)).toBe(1);
    expect(await auditOf(sameShop.viewer.customerId, "invitation.withdraw")).toEqual([]);
  });
});

describe("erasing friends' details", () => {
  it("deletes every name and address, withdraws open email invitations and leaves open share links alone", async () => {
    const { viewer } = await inviter();
    const friends = [uniqueEmail("friend"), uniqueEmail("friend"), uniqueEmail("friend")];
    const open1 = await emailInvitation(viewer, friends[0], "Bogdana");
    const open2 = await emailInvitation(viewer, friends[1]);
    const accepted = await emailInvitation(viewer, friends[2], "Cezar");
    expect((await signUp({ email: friends[2] })).userErrors).toEqual([]);
    // Accepting already took the friend's details out of the record.
    expect(await rowOf(accepted.id)).toMatchObject({ friendEmail: null, friendName: null });
    const share = await invited(viewer, { channel: "TWITTER" });
    const shareBefore = await rowOf(share.id);

    const result = await eraseDetails(viewer);
    expect(result).toEqual({ erasedCount: 2, userErrors: [] });
    const rows = await rowsOf(viewer.customerId);
    expect(rows.every((r) => r.friendEmail === null && r.friendName === null)).toBe(true);
    expect(await rowOf(open1.id)).toMatchObject({ status: "WITHDRAWN" });
    expect(await rowOf(open2.id)).toMatchObject({ status: "WITHDRAWN" });
    expect(await rowOf(accepted.id)).toMatchObject({ status: "ACCEPTED" });
    for (const id of [open1.id, open2.id, accepted.id]) {
      expect((await rowOf(id)).detailsErasedAt).not.toBeNull();
    }
    expect(await rowOf(share.id)).toEqual(shareBefore);
    for (const friend of friends) expect(await noticeCopies(friend)).toBe(0);
    // The share link still works and is still shown.
    const listed = await list(viewer);
    expect(listed.edges.find((e) => e.node.id === share.id)?.node.link).toBeTruthy();
    const events = await eventsOf(viewer.customerId);
    expect(events.filter((e) => e.type === "invitation.withdrawn")).toHaveLength(2);
    expect(await auditOf(viewer.customerId, "invitation.erase-details")).toEqual([
      expect.objectContaining({ actorType: "CUSTOMER", actorId: viewer.customerId }),
    ]);
    // Nothing left: a second time erases nothing.
    expect(await eraseDetails(viewer)).toEqual({ erasedCount: 0, userErrors: [] });
  });
});

describe("expiry in the retention sweep", () => {
  it("expires open invitations once their time has come and deletes the friend's details, not a moment before", async () => {
    const { viewer } = await inviter();
    const prisma = getPrisma();
    const friend = uniqueEmail("friend");
    const invitation = await emailInvitation(viewer, friend, "Bogdana");
    const share = await invited(viewer, { channel: "LINK" });
    const { token } = noticeTo(friend);
    // Due in a minute (the sweep's `now` stays close to the real one, so that a shared
    // database's other rows are swept as they would be anyway).
    const dueAt = new Date(Date.now() + 60_000);
    await prisma.invitation.updateMany({
      where: { id: { in: [rowIdOf(invitation.id), rowIdOf(share.id)] } },
      data: { expiresAt: dueAt },
    });
    const before = await rowsOf(viewer.customerId);
    await runRetentionSweep({ now: new Date(dueAt.getTime() - 1) });
    expect(await rowsOf(viewer.customerId)).toEqual(before);
    expect(await noticeCopies(friend)).toBe(1);

    await runRetentionSweep({ now: dueAt });
    const row = await rowOf(invitation.id);
    expect(row).toMatchObject({ status: "EXPIRED", friendEmail: null, friendName: null });
    expect(row.closedAt?.toISOString()).toBe(dueAt.toISOString());
    expect(row.detailsErasedAt?.toISOString()).toBe(dueAt.toISOString());
    expect(await rowOf(share.id)).toMatchObject({ status: "EXPIRED", detailsErasedAt: null });
    expect(await noticeCopies(friend)).toBe(0);
    expect(await linkView(token)).toMatchObject({ status: "EXPIRED", friendEmail: null, canAccept: false });
    const events = (await eventsOf(viewer.customerId)).filter((e) => e.type === "invitation.expired");
    expect(events).toHaveLength(2);
    // Swept again: nothing more.
    await runRetentionSweep({ now: dueAt });
    expect((await eventsOf(viewer.customerId)).filter((e) => e.type === "invitation.expired")).toHaveLength(2);
  });
});

describe("the inviter's data", () => {
  const MY_DATA = `{ viewer { customer { dataCategories { key label isDeclared
    datasets { id count records(first: 100) { edges { node { id values { field value } } } } } } } } }`;
  type Category = {
    key: string;
    isDeclared: boolean;
    datasets: {
      id: string;
      count: number;
      records: { edges: { node: { id: string; values: { field: string; value: string | null }[] } }[] };
    }[];
  };

  it("My data shows the invitations with the friend's address, and nobody else's", async () => {
    const { viewer } = await inviter();
    const neighbour = await inviter();
    const friend = uniqueEmail("friend");
    const theirFriend = uniqueEmail("friend");
    await emailInvitation(viewer, friend, "Bogdana");
    await invited(viewer, { channel: "LINK" });
    await emailInvitation(neighbour.viewer, theirFriend, "Someoneelse");
    const result = await gql(MY_DATA, {}, viewer);
    expect(result.errors).toBeUndefined();
    const categories = (result.data as { viewer: { customer: { dataCategories: Category[] } } }).viewer.customer
      .dataCategories;
    const category = categories.find((c) => c.key === "invitations");
    expect(category?.isDeclared).toBe(true);
    const dataset = category?.datasets.find((d) => d.id.startsWith("Invitation"));
    expect(dataset?.count).toBe(2);
    const values = dataset?.records.edges.flatMap((e) => e.node.values) ?? [];
    expect(values).toContainEqual({ field: "friendEmail", value: friend });
    expect(values).toContainEqual({ field: "friendName", value: "Bogdana" });
    // Nothing that only serves the code: the address's hash is not shown.
    expect(values.map((v) => v.field)).not.toContain("friendEmailHash");
    const text = JSON.stringify(result);
    expect(text).not.toContain(theirFriend);
    expect(text).not.toContain(suppressionHash(friend));
  });

  it("the export holds the invitations", async () => {
    const { viewer } = await inviter();
    const friend = uniqueEmail("friend");
    const invitation = await emailInvitation(viewer, friend, "Bogdana");
    const created = await createExport({ viewer, input: { format: "JSON" } });
    // Built here rather than by the job queue, which other files may run on a shared database.
    await getPrisma().job.deleteMany({ where: { kind: EXPORT_BUILD_JOB, key: created.export.id } });
    await buildExport({ exportId: created.export.id, context: standaloneJobContext(created.export.id) });
    const { text, document } = await storedJson(created.export.id);
    const validate = exportValidator();
    expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
    const category = document.categories.find((c) => c.key === "invitations");
    const dataset = category?.datasets.find((d) => d.key === "invitations");
    expect(dataset?.records).toEqual([
      expect.objectContaining({
        id: rowIdOf(invitation.id),
        friendEmail: friend,
        friendName: "Bogdana",
        channel: "EMAIL",
      }),
    ]);
    expect(text).not.toContain(suppressionHash(friend));
  });

  it("the inviter's erasure deletes their invitations and the notices' copies", async () => {
    const { viewer } = await inviter();
    const friend = uniqueEmail("friend");
    await emailInvitation(viewer, friend, "Bogdana");
    await invited(viewer, { channel: "LINK" });
    expect(await rowsOf(viewer.customerId)).toHaveLength(2);
    const requestId = await scheduleErasure(viewer);
    expect(await runErasure({ requestId })).toBe("erased");
    expect(await rowsOf(viewer.customerId)).toEqual([]);
    expect(await getPrisma().invitation.count({ where: { friendEmail: friend } })).toBe(0);
    expect(await noticeCopies(friend)).toBe(0);
  });
});

describe("the friend's own data", () => {
  it("once the friend opened an account and erased it, nothing of theirs is left in the inviter's records", async () => {
    const { viewer } = await inviter();
    const friend = uniqueEmail("friend");
    const friendName = `Friendname${tag()}`;
    const invitation = await emailInvitation(viewer, friend, friendName);
    const joined = await signUp({ email: friend });
    expect(joined.userErrors).toEqual([]);
    expect(await rowOf(invitation.id)).toMatchObject({ status: "ACCEPTED" });
    const friendId = rowIdOfCustomer(joined.customer?.id ?? "");
    const friendViewer = await signedIn(viewer.shop, friendId);
    const requestId = await scheduleErasure(friendViewer);
    expect(await runErasure({ requestId })).toBe("erased");
    // The address and the name the inviter gave are the friend's personal data: only
    // what a retention rule keeps (the erasure receipt to the address) may remain.
    const hits = await findIdentifiers([friend, friendName]);
    await expectOnlyRetained(hits, { erasedId: friendId, shared: [] });
  });
});

describe("support agents in the account", () => {
  it("see the list without links, and may not invite, withdraw or erase friends' details (each refusal audited)", async () => {
    const { viewer } = await inviter();
    const friend = uniqueEmail("friend");
    const invitation = await emailInvitation(viewer, friend, "Bogdana");
    const share = await invited(viewer, { channel: "FACEBOOK" });
    const agent = await impersonating(await agentViewer({ shop: "almaz" }), viewer.customerId);
    const before = await rowsOf(viewer.customerId);

    const listed = await list(agent);
    expect(listed.totalCount).toBe(2);
    expect(listed.remainingToday).toBeNull();
    expect(listed.nextAllowedAt).toBeNull();
    for (const { node } of listed.edges) {
      expect(node.link).toBeNull();
      expect(node.shareUrl).toBeNull();
    }
    expect(listed.edges.find((e) => e.node.id === invitation.id)?.node.friendEmail).toBe(friend);
    expect(JSON.stringify(listed)).not.toContain(tokenOfLink(share.link ?? ""));

    const sequence = await getPrisma().auditEvent.aggregate({
      _max: { sequence: true },
      where: { shopId: viewer.shop.id },
    });
    const attempts: [string, GqlResult, string][] = [
      ["invitationCreate", await gql(CREATE, { input: { channel: "LINK" } }, agent), "invitation.send"],
      [
        "invitationCreate",
        await gql(CREATE, { input: { channel: "EMAIL", email: uniqueEmail("friend"), friendAgreed: true } }, agent),
        "invitation.send",
      ],
      ["invitationWithdraw", await gql(WITHDRAW, { id: invitation.id }, agent), "invitation.manage"],
      ["invitationsEraseFriendDetails", await gql(ERASE, {}, agent), "invitation.manage"],
    ];
    for (const [field, result, _action] of attempts) {
      const answer = payloadOf<Record<string, unknown>>(result, field);
      expect(answer.userErrors, field).toEqual([expect.objectContaining({ code: "FORBIDDEN" })]);
      for (const [key, value] of Object.entries(answer)) if (key !== "userErrors") expect(value, key).toBeNull();
    }
    expect(await rowsOf(viewer.customerId)).toEqual(before);
    const recorded = await getPrisma().auditEvent.findMany({
      where: { customerId: viewer.customerId, sequence: { gt: sequence._max.sequence ?? 0 } },
      orderBy: { sequence: "asc" },
      select: { action: true, actorType: true, actorId: true, impersonationId: true, details: true },
    });
    expect(recorded).toEqual(
      attempts.map(([, , action]) => ({
        action: "impersonation.refused",
        actorType: "AGENT",
        actorId: agent.kind === "agent" ? agent.agent.id : null,
        impersonationId: agent.kind === "agent" ? (agent.impersonation?.id ?? null) : null,
        details: { attempted: action, reason: "NOT_ALLOWED" },
      })),
    );
    expect(sink.to(friend)).toHaveLength(1);
  });
});

describe("webhooks and audit", () => {
  it("queue an event for each change, none carrying the friend's address or name; audit rows name the real actor", async () => {
    const { viewer, name, email } = await inviter();
    const prisma = getPrisma();
    const friends = {
      objecting: uniqueEmail("friend"),
      withdrawn: uniqueEmail("friend"),
      accepting: uniqueEmail("friend"),
    };
    const expiring = uniqueEmail("friend");
    const objecting = await emailInvitation(viewer, friends.objecting, "Objectingfriend");
    const withdrawn = await emailInvitation(viewer, friends.withdrawn, "Withdrawnfriend");
    const accepting = await emailInvitation(viewer, friends.accepting, "Acceptingfriend");
    const expired = await emailInvitation(viewer, expiring, "Expiringfriend");
    const share = await invited(viewer, { channel: "LINK" });

    expect((await object(noticeTo(friends.objecting).token)).userErrors).toEqual([]);
    expect((await withdraw(viewer, withdrawn.id)).userErrors).toEqual([]);
    expect((await signUp({ email: friends.accepting })).userErrors).toEqual([]);
    const dueAt = new Date(Date.now() + 60_000);
    await prisma.invitation.update({ where: { id: rowIdOf(expired.id) }, data: { expiresAt: dueAt } });
    await runRetentionSweep({ now: dueAt });

    const events = await eventsOf(viewer.customerId);
    const byType = (type: string) =>
      events
        .filter((e) => e.type === type)
        .map((e) => (e.payload as { data: { invitationId: string } }).data.invitationId)
        .sort();
    const ids = (...nodes: InvitationNode[]) => nodes.map((n) => rowIdOf(n.id)).sort();
    expect(byType("invitation.created")).toEqual(ids(objecting, withdrawn, accepting, expired, share));
    expect(byType("invitation.objected")).toEqual(ids(objecting));
    expect(byType("invitation.withdrawn")).toEqual(ids(withdrawn));
    expect(byType("invitation.accepted")).toEqual(ids(accepting));
    expect(byType("invitation.expired")).toEqual(ids(expired));
    for (const event of events) {
      const payload = event.payload as { type: string; data: Record<string, unknown> };
      expect(payload.type).toBe(event.type);
      expect(payload.data).toMatchObject({ shop: "almaz", customerId: viewer.customerId });
      expect(Object.keys(payload.data).sort()).toEqual(["channel", "customerId", "invitationId", "shop"]);
    }
    const text = JSON.stringify(events);
    for (const secret of [
      ...Object.values(friends),
      expiring,
      "Objectingfriend",
      "Withdrawnfriend",
      "Acceptingfriend",
      "Expiringfriend",
      name,
      email,
    ]) {
      expect(text, secret).not.toContain(secret);
    }
    // Each event went to the endpoint subscribed to it.
    const deliveries = await prisma.webhookDelivery.count({ where: { endpointId, customerId: viewer.customerId } });
    expect(deliveries).toBe(events.length);

    // Audit: the inviter's own actions as CUSTOMER, the friend's objection as SYSTEM.
    const creates = await auditOf(viewer.customerId, "invitation.create");
    expect(creates).toHaveLength(5);
    for (const row of creates) {
      expect(row).toMatchObject({ actorType: "CUSTOMER", actorId: viewer.customerId, impersonationId: null });
    }
    expect(creates.map((c) => (c.details as { invitationId: string }).invitationId).sort()).toEqual(
      ids(objecting, withdrawn, accepting, expired, share),
    );
    expect(await auditOf(viewer.customerId, "invitation.withdraw")).toEqual([
      {
        action: "invitation.withdraw",
        actorType: "CUSTOMER",
        actorId: viewer.customerId,
        impersonationId: null,
        details: { invitationId: rowIdOf(withdrawn.id), channel: "EMAIL" },
      },
    ]);
    expect(await auditOf(viewer.customerId, "invitation.objected")).toEqual([
      expect.objectContaining({ actorType: "SYSTEM", actorId: null, details: expect.any(Object) }),
    ]);
    const audits = await prisma.auditEvent.findMany({
      where: { customerId: viewer.customerId, action: { startsWith: "invitation." } },
      select: { details: true },
    });
    const auditText = JSON.stringify(audits);
    for (const secret of [...Object.values(friends), expiring, "Objectingfriend", "Withdrawnfriend"]) {
      expect(auditText, secret).not.toContain(secret);
    }
  });
});
