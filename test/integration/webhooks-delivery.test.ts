import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPrisma } from "@/server/db";
import { findDevWebhooks, receiveDevWebhook } from "@/server/dev/webhook-inbox";
import { runDueJobs } from "@/server/jobs";
import {
  createWebhookEndpoint,
  queueWebhookEvent,
  replayWebhookDelivery,
  rotateWebhookEndpointSecret,
  WEBHOOK_DELIVER_JOB,
} from "@/server/webhooks";
import { agentViewer, shop, signedInViewer } from "../factories";
import { partnerKey } from "../factories/partner";
import { gql } from "../support/graphql";
import { type Answer, type Received, startReceiver } from "../support/webhook-receiver";

// Delivery against real HTTP listeners on loopback, verified with the `standardwebhooks`
// package (the receiver side of the scheme), not with our own signing code.

const endpointIds: string[] = [];
// This file's deliveries only: on PostgreSQL every test file shares one database, and the
// fault test's thousands of jobs are not this file's to run.
const mine = async () =>
  (
    await getPrisma().webhookDelivery.findMany({ where: { endpointId: { in: endpointIds } }, select: { id: true } })
  ).map((d) => d.id);
const run = async (limit = 500) => runDueJobs({ kinds: [WEBHOOK_DELIVER_JOB], limit, keys: await mine() });

beforeAll(() => {
  process.env.WEBHOOK_ALLOW_PRIVATE = "1";
  process.env.WEBHOOK_RETRY_SCHEDULE_MS = "0,0,0";
});

afterAll(async () => {
  // Leave nothing that another file's job run would pick up.
  const prisma = getPrisma();
  await prisma.webhookEndpoint.updateMany({ where: { id: { in: endpointIds } }, data: { deletedAt: new Date() } });
  const pending = await prisma.webhookDelivery.findMany({
    where: { endpointId: { in: endpointIds } },
    select: { id: true },
  });
  await prisma.job.deleteMany({ where: { kind: WEBHOOK_DELIVER_JOB, key: { in: pending.map((d) => d.id) } } });
  await prisma.webhookDelivery.updateMany({
    where: { endpointId: { in: endpointIds }, status: "PENDING" },
    data: { status: "CANCELLED" },
  });
});

async function endpointFor(answer: (r: Received, i: number) => Answer, events: string[], shopHandle = "almaz") {
  const receiver = await startReceiver(answer);
  const officer = await agentViewer({ shop: shopHandle, role: "PRIVACY_OFFICER" });
  const { webhookEndpoint, secret } = await createWebhookEndpoint({
    viewer: officer,
    input: { url: receiver.url(), events, description: "test" },
  });
  endpointIds.push(webhookEndpoint.id);
  return { receiver, endpoint: webhookEndpoint, secret, officer };
}

// The retry's time comes: the endpoint's pending deliveries and their jobs are due now.
async function timePasses(endpointId: string) {
  const prisma = getPrisma();
  const pending = await prisma.webhookDelivery.findMany({
    where: { endpointId, status: "PENDING" },
    select: { id: true },
  });
  await prisma.webhookDelivery.updateMany({
    where: { endpointId, status: "PENDING", nextAttemptAt: { not: null } },
    data: { nextAttemptAt: new Date() },
  });
  await prisma.job.updateMany({
    where: { kind: WEBHOOK_DELIVER_JOB, key: { in: pending.map((d) => d.id) }, status: "QUEUED" },
    data: { runAt: new Date() },
  });
}

describe("webhook delivery", () => {
  it("signs per Standard Webhooks and carries no personal values", async () => {
    const { receiver, secret } = await endpointFor(() => ({ status: 204 }), ["customer.rectified", "consent.updated"]);
    const customer = await signedInViewer({ shop: "almaz" });
    const customerRow = await getPrisma().customer.findUniqueOrThrow({ where: { id: customer.customerId } });
    const result = await gql(
      `mutation($input: CustomerUpdateInput!) { customerUpdate(input: $input) { userErrors { field message } } }`,
      { input: { firstName: "Reginald", hometown: "Cluj" } },
      customer,
    );
    expect(JSON.stringify(result)).not.toContain('errors":[{');
    await run();
    const mine = receiver.received.filter((r) => r.body.includes(customer.customerId));
    expect(mine).toHaveLength(1);
    const [request] = mine;
    const payload = new Webhook(secret).verify(request.body, request.headers) as {
      type: string;
      data: Record<string, unknown>;
    };
    expect(payload.type).toBe("customer.rectified");
    expect(payload.data).toMatchObject({ shop: "almaz", customerId: customer.customerId, subject: "customer" });
    expect((payload.data.fields as string[]).sort()).toEqual(["firstName", "hometown"]);
    expect(request.headers["content-type"]).toBe("application/json");
    for (const value of ["Reginald", "Cluj", customerRow.email, customerRow.lastName]) {
      expect(request.body).not.toContain(value);
    }
    // A wrong secret does not verify.
    expect(() =>
      new Webhook(`whsec_${Buffer.alloc(32, 1).toString("base64")}`).verify(request.body, request.headers),
    ).toThrow();
    await receiver.close();
  });

  it("after a rotation signs with both secrets for 24 hours", async () => {
    const {
      receiver,
      secret: oldSecret,
      endpoint,
      officer,
    } = await endpointFor(() => ({ status: 200 }), ["customer.data_requested"]);
    const { secret: newSecret } = await rotateWebhookEndpointSecret({ viewer: officer, id: endpoint.id });
    expect(newSecret).not.toBe(oldSecret);
    expect(newSecret).toMatch(/^whsec_[A-Za-z0-9+/]{32,}={0,2}$/);
    expect(Buffer.from(newSecret.slice(6), "base64").length).toBeGreaterThanOrEqual(24);
    const s = await shop("almaz");
    await getPrisma().$transaction((tx) =>
      queueWebhookEvent(tx, {
        shopId: s.id,
        customerId: null,
        type: "customer.data_requested",
        data: { exportId: "x" },
      }),
    );
    await run();
    const [request] = receiver.received;
    expect(request.headers["webhook-signature"].split(" ")).toHaveLength(2);
    expect(new Webhook(newSecret).verify(request.body, request.headers)).toBeTruthy();
    expect(new Webhook(oldSecret).verify(request.body, request.headers)).toBeTruthy();
    // After the 24 hours only the new secret signs.
    await getPrisma().webhookEndpoint.update({
      where: { id: endpoint.id },
      data: { previousSecretExpiresAt: new Date(Date.now() - 1000) },
    });
    await getPrisma().$transaction((tx) =>
      queueWebhookEvent(tx, {
        shopId: s.id,
        customerId: null,
        type: "customer.data_requested",
        data: { exportId: "y" },
      }),
    );
    await run();
    const second = receiver.received[1];
    expect(second.headers["webhook-signature"].split(" ")).toHaveLength(1);
    expect(() => new Webhook(oldSecret).verify(second.body, second.headers)).toThrow();
    expect(new Webhook(newSecret).verify(second.body, second.headers)).toBeTruthy();
    await receiver.close();
  });

  it("disables the endpoint on 410 and sends it nothing afterwards", async () => {
    const { receiver, endpoint } = await endpointFor(() => ({ status: 410 }), ["customer.support_session"], "allegra");
    const s = await shop("allegra");
    const customerId = crypto.randomUUID();
    await getPrisma().$transaction(async (tx) => {
      for (let i = 0; i < 3; i++) {
        await queueWebhookEvent(tx, { shopId: s.id, customerId, type: "customer.support_session", data: { i } });
      }
    });
    await run();
    expect(receiver.received).toHaveLength(1);
    const row = await getPrisma().webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(row.disabledReason).toBe("GONE");
    expect(row.disabledAt).not.toBeNull();
    const statuses = await getPrisma().webhookDelivery.findMany({
      where: { endpointId: endpoint.id },
      orderBy: { sequence: "asc" },
      select: { status: true },
    });
    expect(statuses.map((d) => d.status)).toEqual(["FAILED", "CANCELLED", "CANCELLED"]);
    const id = await getPrisma().$transaction((tx) =>
      queueWebhookEvent(tx, { shopId: s.id, customerId, type: "customer.support_session", data: {} }),
    );
    await run();
    expect(receiver.received).toHaveLength(1);
    if (id)
      expect(await getPrisma().webhookDelivery.count({ where: { eventId: id, endpointId: endpoint.id } })).toBe(0);
    await receiver.close();
  });

  it("treats a redirect as a failure and does not follow it", async () => {
    const { receiver, endpoint } = await endpointFor(
      (_r, i) => (i === 0 ? { status: 302, headers: { location: "http://127.0.0.1:1/elsewhere" } } : { status: 200 }),
      ["customer.erased"],
      "crystalline",
    );
    const s = await shop("crystalline");
    await getPrisma().$transaction((tx) =>
      queueWebhookEvent(tx, { shopId: s.id, customerId: null, type: "customer.erased", data: {} }),
    );
    await run(1);
    const delivery = await getPrisma().webhookDelivery.findFirstOrThrow({
      where: { endpointId: endpoint.id },
      include: { attemptsLog: true },
    });
    expect(delivery.status).toBe("PENDING");
    expect(delivery.attemptsLog[0].statusCode).toBe(302);
    expect(
      (await getPrisma().webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).failingSince,
    ).not.toBeNull();
    await run();
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received.every((r) => r.headers["webhook-id"] === delivery.eventId)).toBe(true);
    const done = await getPrisma().webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } });
    expect(done.status).toBe("SUCCEEDED");
    expect(
      (await getPrisma().webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).failingSince,
    ).toBeNull();
    await receiver.close();
  });

  it("delivers in order per customer without holding up other customers, and replays", async () => {
    let failFirstOfA = true;
    const customerA = crypto.randomUUID();
    const customerB = crypto.randomUUID();
    const { receiver, officer, endpoint, secret } = await endpointFor(
      (r) => {
        const { data } = JSON.parse(r.body) as { data: { n: number; customerId: string } };
        if (failFirstOfA && data.n === 1 && data.customerId === customerA) return { status: 500 };
        return { status: 200 };
      },
      ["consent.updated"],
      "micro-image",
    );
    const s = await shop("micro-image");
    await getPrisma().$transaction(async (tx) => {
      for (let n = 1; n <= 3; n++) {
        await queueWebhookEvent(tx, { shopId: s.id, customerId: customerA, type: "consent.updated", data: { n } });
        await queueWebhookEvent(tx, { shopId: s.id, customerId: customerB, type: "consent.updated", data: { n } });
      }
    });
    // Retries are set far away: A's first delivery fails and A waits, B goes on.
    process.env.WEBHOOK_RETRY_SCHEDULE_MS = "60000,60000";
    await run();
    const seen = () =>
      receiver.received
        .filter((r) => r.body.includes(customerA))
        .map((r) => (JSON.parse(r.body) as { data: { n: number } }).data.n);
    const seenB = receiver.received
      .filter((r) => r.body.includes(customerB))
      .map((r) => (JSON.parse(r.body) as { data: { n: number } }).data.n);
    expect(seenB).toEqual([1, 2, 3]);
    expect(seen()).toEqual([1]);
    // The retry comes due; then A's others follow, in order.
    failFirstOfA = false;
    process.env.WEBHOOK_RETRY_SCHEDULE_MS = "0,0,0";
    await timePasses(endpoint.id);
    await run();
    expect(seen()).toEqual([1, 1, 2, 3]);
    for (const r of receiver.received) expect(new Webhook(secret).verify(r.body, r.headers)).toBeTruthy();

    // Replay one delivery: the same event (same webhook-id) once more.
    const last = await getPrisma().webhookDelivery.findFirstOrThrow({
      where: { endpointId: endpoint.id, customerId: customerB, status: "SUCCEEDED" },
      orderBy: { sequence: "desc" },
      include: { event: true },
    });
    const { webhookDelivery } = await replayWebhookDelivery({ viewer: officer, id: last.id });
    expect(webhookDelivery.status).toBe("PENDING");
    await run();
    expect(receiver.received.at(-1)?.headers["webhook-id"]).toBe(last.eventId);

    // Replay since a time: only what did not succeed goes again.
    await getPrisma().webhookDelivery.updateMany({
      where: { endpointId: endpoint.id, customerId: customerB },
      data: { status: "FAILED" },
    });
    const before = receiver.received.length;
    const replayed = await gql(
      `mutation($input: WebhookDeliveriesReplayInput!) { webhookDeliveriesReplay(input: $input) { replayedCount userErrors { code message } } }`,
      {
        input: {
          endpointId: Buffer.from(`WebhookEndpoint:${endpoint.id}`).toString("base64url"),
          since: new Date(Date.now() - 3600_000).toISOString(),
        },
      },
      officer,
    );
    expect(replayed.data?.webhookDeliveriesReplay).toEqual({ replayedCount: 3, userErrors: [] });
    await run();
    expect(receiver.received.length - before).toBe(3);
    await receiver.close();
  });

  it("turns Art. 19 notices into webhooks to the recipient's key and marks them delivered", async () => {
    const receiver = await startReceiver(() => ({ status: 200 }));
    const partner = await partnerKey({ shop: "almaz", recipientKey: "carriers", scopes: ["webhooks:manage"] });
    // Subscribed to nothing relevant: a legal notice comes anyway.
    const { webhookEndpoint, secret } = await createWebhookEndpoint({
      viewer: partner.viewer,
      input: { url: receiver.url("carrier"), events: ["customer.erased"] },
    });
    endpointIds.push(webhookEndpoint.id);
    expect(webhookEndpoint.apiKeyId).toBe(partner.apiKeyId);
    const customer = await signedInViewer({ shop: "almaz" });
    const created = await gql(
      `mutation($input: AddressInput!) { addressCreate(input: $input) { address { id } userErrors { field message } } }`,
      {
        input: {
          recipientName: "Ana Pop",
          line1: "Strada Lungă 5",
          city: "Brașov",
          postalCode: "500001",
          country: "RO",
        },
      },
      customer,
    );
    expect(created.data?.addressCreate).toMatchObject({ userErrors: [] });
    await run();
    const mine = receiver.received.filter((r) => r.body.includes(customer.customerId));
    expect(mine).toHaveLength(1);
    const payload = new Webhook(secret).verify(mine[0].body, mine[0].headers) as {
      type: string;
      data: Record<string, unknown>;
    };
    expect(payload.type).toBe("customer.recipient_notice");
    expect(payload.data).toMatchObject({ recipient: "carriers", kind: "RECTIFICATION", subject: "address" });
    for (const value of ["Ana Pop", "Strada", "Brașov", "500001"]) expect(mine[0].body).not.toContain(value);
    const notice = await getPrisma().recipientNotification.findFirstOrThrow({
      where: { customerId: customer.customerId, recipientKey: "carriers" },
    });
    expect(notice.status).toBe("DELIVERED");
    expect(notice.deliveredAt).not.toBeNull();
    await receiver.close();
  });

  it("refuses private addresses at delivery time unless allowed (resolved before connecting)", async () => {
    const { receiver, endpoint } = await endpointFor(() => ({ status: 200 }), ["customer.erased"], "micro-image");
    const s = await shop("micro-image");
    process.env.WEBHOOK_ALLOW_PRIVATE = "0";
    try {
      await getPrisma().$transaction((tx) =>
        queueWebhookEvent(tx, { shopId: s.id, customerId: null, type: "customer.erased", data: {} }),
      );
      await run(1);
    } finally {
      process.env.WEBHOOK_ALLOW_PRIVATE = "1";
    }
    expect(receiver.received).toHaveLength(0);
    const delivery = await getPrisma().webhookDelivery.findFirstOrThrow({
      where: { endpointId: endpoint.id },
      include: { attemptsLog: true },
    });
    expect(delivery.attemptsLog[0]).toMatchObject({ statusCode: null, error: "ADDRESS_NOT_ALLOWED" });
    await run();
    expect(receiver.received).toHaveLength(1);
    await receiver.close();
  });

  it("shows verified deliveries in the demo receiver", async () => {
    const name = `demo${Date.now()}`;
    let port = 0;
    // The demo receiver's service behind a loopback listener, as the route handler runs it.
    const receiver = await startReceiver((r) => {
      void receiveDevWebhook({
        name,
        search: new URLSearchParams(),
        body: r.body,
        headers: new Headers({
          "webhook-id": String(r.headers["webhook-id"]),
          "webhook-timestamp": String(r.headers["webhook-timestamp"]),
          "webhook-signature": String(r.headers["webhook-signature"]),
        }),
      });
      return { status: 204 };
    });
    port = Number(new URL(receiver.url()).port);
    const officer = await agentViewer({ shop: "allegra", role: "PRIVACY_OFFICER" });
    const { webhookEndpoint } = await createWebhookEndpoint({
      viewer: officer,
      input: { url: `http://127.0.0.1:${port}/api/dev/webhooks/${name}`, events: ["customer.data_requested"] },
    });
    endpointIds.push(webhookEndpoint.id);
    const s = await shop("allegra");
    await getPrisma().$transaction((tx) =>
      queueWebhookEvent(tx, {
        shopId: s.id,
        customerId: null,
        type: "customer.data_requested",
        data: { exportId: "e1" },
      }),
    );
    await run();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const shown = findDevWebhooks().filter((w) => w.name === name);
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({
      eventType: "customer.data_requested",
      verification: { isVerified: true, endpointId: webhookEndpoint.id },
    });
    // A forged delivery is shown as not verified.
    await receiveDevWebhook({
      name,
      search: new URLSearchParams(),
      body: shown[0].body,
      headers: new Headers({
        "webhook-id": shown[0].webhookId,
        "webhook-timestamp": String(Math.floor(Date.now() / 1000)),
        "webhook-signature": "v1,Zm9yZ2Vk",
      }),
    });
    expect(findDevWebhooks().filter((w) => w.name === name)[0].verification.isVerified).toBe(false);
    await receiver.close();
  });

  it("disables an endpoint that keeps failing and tells the shop's privacy officers", async () => {
    const { receiver, endpoint, officer } = await endpointFor(() => ({ status: 503 }), ["customer.erased"], "allegra");
    const s = await shop("allegra");
    // 5 days, shortened: the second failure comes after the whole window.
    process.env.WEBHOOK_FAILING_DISABLE_MS = "1";
    try {
      await getPrisma().$transaction((tx) =>
        queueWebhookEvent(tx, { shopId: s.id, customerId: null, type: "customer.erased", data: {} }),
      );
      await run(1);
      await new Promise((resolve) => setTimeout(resolve, 5));
      await run(1);
    } finally {
      delete process.env.WEBHOOK_FAILING_DISABLE_MS;
    }
    const row = await getPrisma().webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(row.disabledReason).toBe("FAILING");
    expect(receiver.received).toHaveLength(2);
    const mail = await getPrisma().outboundEmail.findMany({
      where: { kind: "webhook.endpoint-disabled", toAddress: officer.kind === "agent" ? officer.agent.email : "" },
    });
    expect(mail).toHaveLength(1);
    expect(mail[0].textBody).toContain(endpoint.id);
    expect(await getPrisma().webhookDelivery.count({ where: { endpointId: endpoint.id, status: "PENDING" } })).toBe(0);
    await receiver.close();
  });
});
