import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET, POST } from "@/app/api/unsubscribe/route";
import type { CustomerViewer } from "@/server/auth/viewer";
import { applyConsentChanges } from "@/server/consent";
import { sendMarketingEmail } from "@/server/consent/marketing";
import { consentPurposes } from "@/server/consent/purposes";
import { signUnsubscribeToken } from "@/server/consent/unsubscribe-token";
import { getPrisma } from "@/server/db";
import { deliverPendingEmails } from "@/server/mail";
import { signedInViewer } from "../factories";
import { gql } from "../support/graphql";
import { type SmtpSink, startSmtpSink } from "../support/smtp-sink";

// One-click unsubscribe (RFC 8058): marketing mail only with consent and always with
// List-Unsubscribe headers, read here from real messages; the POST route withdraws
// without signing in, replays are harmless, forged tokens change nothing; a GET changes
// nothing and leads to the confirmation page.

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

const PURPOSE = "marketing:email:offers";

// A customer whose consent to PURPOSE is in the given state (set through the ledger, as
// the seed or an import would).
async function customerWith(state: "GRANTED" | "WITHDRAWN" | "PENDING" | null, shop = "crystalline") {
  const viewer = await signedInViewer({ shop });
  if (state) {
    const purpose = consentPurposes(viewer.shop.profile).find((p) => p.key === PURPOSE);
    if (!purpose) throw new Error("no purpose");
    await getPrisma().consentRecord.create({
      data: {
        shopId: viewer.shop.id,
        customerId: viewer.customerId,
        purposeKey: PURPOSE,
        state,
        optInLevel: state === "GRANTED" ? "CONFIRMED" : "SINGLE",
        source: "IMPORT",
        actorType: "SYSTEM",
        policyVersion: viewer.shop.profile.policyVersion,
      },
    });
  }
  return viewer;
}

const send = (viewer: CustomerViewer, purposeKey = PURPOSE) =>
  sendMarketingEmail({
    shop: viewer.shop,
    customerId: viewer.customerId,
    purposeKey,
    subject: "Spring offers",
    text: "Our spring offers are here.",
  });

const emailOf = async (viewer: CustomerViewer) =>
  (await getPrisma().customer.findUniqueOrThrow({ where: { id: viewer.customerId } })).email;

async function recordsOf(viewer: CustomerViewer) {
  return getPrisma().consentRecord.findMany({
    where: { customerId: viewer.customerId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { purposeKey: true, state: true, source: true, actorType: true, actorId: true },
  });
}

// Sends a newsletter over SMTP and returns the List-Unsubscribe URL of the real message.
async function newsletterLink(viewer: CustomerViewer): Promise<{ url: string; token: string }> {
  await send(viewer);
  await deliverPendingEmails({ shopId: viewer.shop.id });
  const message = sink.to(await emailOf(viewer)).at(-1);
  if (!message) throw new Error("no message");
  const header = message.parsed.headers.find((h) => h.key === "list-unsubscribe")?.value ?? "";
  const url = /^<([^>]+)>$/.exec(header)?.[1];
  if (!url) throw new Error(`no List-Unsubscribe URL in "${header}"`);
  return { url, token: new URL(url).searchParams.get("token") ?? "" };
}

const post = (token: string | null, body = "List-Unsubscribe=One-Click") =>
  POST(
    new NextRequest(`http://localhost/api/unsubscribe${token === null ? "" : `?token=${encodeURIComponent(token)}`}`, {
      method: "POST",
      body,
      headers: { "content-type": "application/x-www-form-urlencoded" },
    }),
  );

const get = (token: string) =>
  GET(new NextRequest(`http://localhost/api/unsubscribe?token=${encodeURIComponent(token)}`));

describe("marketing email", () => {
  it("is sent only with consent GRANTED now, with one-click unsubscribe headers and a link in the text", async () => {
    const viewer = await customerWith("GRANTED");
    const address = await emailOf(viewer);
    const { url, token } = await newsletterLink(viewer);
    const [message] = sink.to(address);
    expect(message.parsed.subject).toBe("Spring offers");
    const headers = Object.fromEntries(message.parsed.headers.map((h) => [h.key, h.value]));
    expect(headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    expect(url).toBe(`${process.env.NEXTAUTH_URL ?? "http://localhost:3000"}/api/unsubscribe?token=${token}`);
    expect(message.parsed.text).toContain(`Unsubscribe: ${url}`);
    expect(message.parsed.text).toContain("/crystalline/account/privacy/subscriptions");
    const row = await getPrisma().outboundEmail.findFirstOrThrow({ where: { customerId: viewer.customerId } });
    expect(row.kind).toBe("marketing");
  });

  it("is refused without consent: not given, pending confirmation, withdrawn", async () => {
    for (const state of [null, "PENDING", "WITHDRAWN"] as const) {
      const viewer = await customerWith(state);
      await expect(send(viewer), String(state)).rejects.toMatchObject({ code: "FORBIDDEN" });
      expect(await getPrisma().outboundEmail.count({ where: { customerId: viewer.customerId } })).toBe(0);
    }
  });

  it("is refused for a purpose that is not email marketing, or a customer of another shop", async () => {
    const viewer = await customerWith("GRANTED");
    await expect(send(viewer, "marketing:sms:offers")).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(send(viewer, "profiling")).rejects.toMatchObject({ code: "INVALID_INPUT" });
    const elsewhere = await customerWith("GRANTED", "almaz");
    await expect(
      sendMarketingEmail({
        shop: viewer.shop,
        customerId: elsewhere.customerId,
        purposeKey: PURPOSE,
        subject: "x",
        text: "x",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("POST /api/unsubscribe (one click)", () => {
  it("withdraws the list without signing in; a replay answers 200 and writes nothing", async () => {
    const viewer = await customerWith("GRANTED");
    const { token } = await newsletterLink(viewer);
    const response = await post(token);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({
      unsubscribed: true,
      isAlreadyWithdrawn: false,
      shop: "crystalline",
      purpose: { key: PURPOSE, label: "Offers and promotions by E-mail" },
      message: 'You are unsubscribed from "Offers and promotions by E-mail" emails from Crystalline.',
    });
    const records = await recordsOf(viewer);
    expect(records.at(-1)).toEqual({
      purposeKey: PURPOSE,
      state: "WITHDRAWN",
      source: "UNSUBSCRIBE_LINK",
      actorType: "CUSTOMER",
      actorId: viewer.customerId,
    });
    const audit = await getPrisma().auditEvent.findFirstOrThrow({ where: { customerId: viewer.customerId } });
    expect(audit.details).toEqual({
      source: "UNSUBSCRIBE_LINK",
      changes: [{ purpose: PURPOSE, from: "GRANTED", to: "WITHDRAWN" }],
    });

    const replay = await post(token);
    expect(replay.status).toBe(200);
    expect((await replay.json()).isAlreadyWithdrawn).toBe(true);
    expect(await recordsOf(viewer)).toEqual(records);
    expect(await getPrisma().auditEvent.count({ where: { customerId: viewer.customerId } })).toBe(1);

    // No more mail for that list.
    await expect(send(viewer)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("works whatever the body (mail clients differ), and cancels a pending grant", async () => {
    const viewer = await customerWith("PENDING");
    const token = signUnsubscribeToken({ shopId: viewer.shop.id, customerId: viewer.customerId, purposeKey: PURPOSE });
    const response = await post(token, "");
    expect(response.status).toBe(200);
    expect((await recordsOf(viewer)).map((r) => r.state)).toEqual(["PENDING", "WITHDRAWN"]);
  });

  it("refuses forged, altered, moved and missing tokens with 400 and writes nothing", async () => {
    const viewer = await customerWith("GRANTED");
    const other = await customerWith("GRANTED");
    const { token } = await newsletterLink(viewer);
    const [payload, mac] = token.split(".");
    const bytes = Buffer.from(payload, "base64url");
    // The same MAC over the other customer's id.
    const moved = Buffer.concat([
      bytes.subarray(0, 17),
      Buffer.from(other.customerId.replace(/-/g, ""), "hex"),
      bytes.subarray(33),
    ]);
    const otherPurpose = Buffer.concat([bytes.subarray(0, 33), Buffer.from("marketing:email:competitions")]);
    const before = [await recordsOf(viewer), await recordsOf(other)];
    for (const bad of [
      `${payload}.${"A".repeat(43)}`,
      `${moved.toString("base64url")}.${mac}`,
      `${otherPurpose.toString("base64url")}.${mac}`,
      "garbage",
      "",
      null,
    ]) {
      const response = await post(bad);
      expect(response.status, String(bad)).toBe(400);
      expect(await response.json()).toEqual({
        error: {
          code: "INVALID_TOKEN",
          message:
            "This unsubscribe link is not valid. Use the whole link from the email, or change your subscriptions in your account.",
        },
      });
    }
    expect([await recordsOf(viewer), await recordsOf(other)]).toEqual(before);
  });

  it("answers 404 for a genuine token whose list the shop no longer offers", async () => {
    const viewer = await customerWith("GRANTED");
    const token = signUnsubscribeToken({
      shopId: viewer.shop.id,
      customerId: viewer.customerId,
      purposeKey: "marketing:email:discontinued",
    });
    const response = await post(token);
    expect(response.status).toBe(404);
    expect((await response.json()).error.message).toBe(
      "Crystalline no longer sends these emails, so there is nothing to unsubscribe from.",
    );
  });
});

describe("GET /api/unsubscribe", () => {
  it("changes nothing and leads to the shop's confirmation page", async () => {
    const viewer = await customerWith("GRANTED");
    const { token } = await newsletterLink(viewer);
    const before = await recordsOf(viewer);
    const response = await get(token);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(
      `${process.env.NEXTAUTH_URL ?? "http://localhost:3000"}/crystalline/unsubscribe?token=${encodeURIComponent(token)}`,
    );
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(await recordsOf(viewer)).toEqual(before);
    // Another last character (whatever the signature ended with).
    const bad = await get(`${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`);
    expect(bad.status).toBe(400);
  });
});

describe("the unsubscribe page's API", () => {
  const LINK = `query($token: String!) { consentUnsubscribeLink(token: $token) { shop { handle } purpose { key label } state } }`;
  const UNSUBSCRIBE = `mutation($input: ConsentUnsubscribeInput!) {
    consentUnsubscribe(input: $input) { shop { handle } purpose { key } isAlreadyWithdrawn userErrors { field code message } }
  }`;

  it("shows the list and unsubscribes signed out, once", async () => {
    const viewer = await customerWith("GRANTED");
    const { token } = await newsletterLink(viewer);
    const link = await gql(LINK, { token });
    expect(link.data).toEqual({
      consentUnsubscribeLink: {
        shop: { handle: "crystalline" },
        purpose: { key: PURPOSE, label: "Offers and promotions by E-mail" },
        state: "GRANTED",
      },
    });
    const first = await gql(UNSUBSCRIBE, { input: { token } });
    expect(first.data).toEqual({
      consentUnsubscribe: {
        shop: { handle: "crystalline" },
        purpose: { key: PURPOSE },
        isAlreadyWithdrawn: false,
        userErrors: [],
      },
    });
    const second = await gql(UNSUBSCRIBE, { input: { token } });
    expect(
      (second.data as { consentUnsubscribe: { isAlreadyWithdrawn: boolean } }).consentUnsubscribe.isAlreadyWithdrawn,
    ).toBe(true);
    expect((await gql(LINK, { token })).data).toMatchObject({ consentUnsubscribeLink: { state: "WITHDRAWN" } });
    expect((await recordsOf(viewer)).filter((r) => r.state === "WITHDRAWN")).toHaveLength(1);
  });

  it("says nothing about a forged token and changes nothing", async () => {
    const viewer = await customerWith("GRANTED");
    const token = signUnsubscribeToken({ shopId: viewer.shop.id, customerId: viewer.customerId, purposeKey: PURPOSE });
    const forged = `${token.split(".")[0]}.${"B".repeat(43)}`;
    expect((await gql(LINK, { token: forged })).data).toEqual({ consentUnsubscribeLink: null });
    const result = await gql(UNSUBSCRIBE, { input: { token: forged } });
    expect(result.data).toMatchObject({
      consentUnsubscribe: {
        shop: null,
        purpose: null,
        userErrors: [{ field: ["input", "token"], code: "INVALID_INPUT" }],
      },
    });
    expect((await recordsOf(viewer)).map((r) => r.state)).toEqual(["GRANTED"]);
  });
});

describe("denied access", () => {
  it("a signed-in customer cannot use their session to unsubscribe someone else: only the token counts", async () => {
    const victim = await customerWith("GRANTED");
    const attacker = await customerWith("GRANTED");
    const attackerToken = signUnsubscribeToken({
      shopId: attacker.shop.id,
      customerId: attacker.customerId,
      purposeKey: PURPOSE,
    });
    const result = await gql(
      `mutation($input: ConsentUnsubscribeInput!) { consentUnsubscribe(input: $input) { userErrors { code } } }`,
      { input: { token: attackerToken } },
      victim,
    );
    expect(result.data).toEqual({ consentUnsubscribe: { userErrors: [] } });
    // The token's customer (the attacker) was unsubscribed, not the signed-in victim.
    expect((await recordsOf(victim)).map((r) => r.state)).toEqual(["GRANTED"]);
    expect((await recordsOf(attacker)).map((r) => r.state)).toEqual(["GRANTED", "WITHDRAWN"]);
  });

  it("a token of one shop is no token of another", async () => {
    const viewer = await customerWith("GRANTED");
    const almaz = await customerWith(null, "almaz");
    // Claims naming the almaz shop with the crystalline customer: no such customer there.
    const mixed = signUnsubscribeToken({ shopId: almaz.shop.id, customerId: viewer.customerId, purposeKey: PURPOSE });
    const response = await post(mixed);
    expect(response.status).toBe(404);
    expect((await recordsOf(viewer)).map((r) => r.state)).toEqual(["GRANTED"]);
  });
});

describe("the account page and the link", () => {
  it("write to the same ledger", async () => {
    const viewer = await customerWith(null);
    const sms = consentPurposes(viewer.shop.profile).find((p) => p.key === "marketing:sms:offers");
    if (!sms) throw new Error("no sms purpose");
    await getPrisma().$transaction((tx) =>
      applyConsentChanges(tx, {
        shop: viewer.shop,
        customerId: viewer.customerId,
        changes: [{ purpose: sms, state: "GRANTED" }],
        source: "ACCOUNT_PAGE",
        actor: { type: "CUSTOMER", id: viewer.customerId },
      }),
    );
    const token = signUnsubscribeToken({ shopId: viewer.shop.id, customerId: viewer.customerId, purposeKey: sms.key });
    expect((await post(token)).status).toBe(200);
    expect((await recordsOf(viewer)).map((r) => [r.purposeKey, r.state, r.source])).toEqual([
      ["marketing:sms:offers", "GRANTED", "ACCOUNT_PAGE"],
      ["marketing:sms:offers", "WITHDRAWN", "UNSUBSCRIBE_LINK"],
    ]);
  });
});
