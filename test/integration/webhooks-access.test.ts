import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toGlobalId } from "@/graphql/global-id";
import type { Viewer } from "@/server/auth/viewer";
import { getPrisma } from "@/server/db";
import { agentViewer, impersonating, signedInViewer } from "../factories";
import { partnerKey } from "../factories/partner";
import { gql } from "../support/graphql";

// Who may manage webhooks, through the GraphQL API: a privacy officer in the console
// (every endpoint of the shop), a partner key with webhooks:manage (its own endpoints
// only). Refused: a key without the scope, another shop's key, another key of the same
// shop on this key's endpoint, a customer, a support agent, a privacy officer acting in
// a customer's account, nobody signed in. Refusals change nothing and reveal nothing.

const ERRORS = "userErrors { field code message }";
const CREATE = `mutation($input: WebhookEndpointCreateInput!) { webhookEndpointCreate(input: $input) { webhookEndpoint { id url apiKeyId } secret ${ERRORS} } }`;
const UPDATE = `mutation($id: ID!) { webhookEndpointUpdate(id: $id, input: { description: "changed" }) { webhookEndpoint { id description } ${ERRORS} } }`;
const ROTATE = `mutation($id: ID!) { webhookEndpointRotateSecret(id: $id) { webhookEndpoint { id } secret ${ERRORS} } }`;
const DELETE = `mutation($id: ID!) { webhookEndpointDelete(id: $id) { webhookEndpoint { id } ${ERRORS} } }`;
const LIST =
  "query { webhookEndpoints { id url description deliveries(first: 5) { totalCount edges { node { id } } } } }";

type Payload = {
  webhookEndpoint: { id: string; url: string; apiKeyId: string | null } | null;
  secret: string | null;
  userErrors: { code: string; field: string[] | null }[];
};

let partnerEndpointId: string;
let officerEndpointId: string;
let partner: Awaited<ReturnType<typeof partnerKey>>;
let officer: Viewer;
const created: string[] = [];

beforeAll(async () => {
  process.env.WEBHOOK_ALLOW_PRIVATE = "1";
  officer = await agentViewer({ shop: "allegra", role: "PRIVACY_OFFICER" });
  partner = await partnerKey({ shop: "allegra", scopes: ["webhooks:manage", "consents:read"] });
  const byPartner = await gql(
    CREATE,
    { input: { url: "https://partner.example/a", events: ["consent.updated"] } },
    partner.viewer,
  );
  const p = byPartner.data?.webhookEndpointCreate as Payload;
  expect(p.userErrors).toEqual([]);
  expect(p.secret).toMatch(/^whsec_/);
  expect(p.webhookEndpoint?.apiKeyId).toBe(toGlobalId("ApiKey", partner.apiKeyId));
  partnerEndpointId = p.webhookEndpoint?.id as string;
  const byOfficer = await gql(
    CREATE,
    { input: { url: "https://shop.example/b", events: ["customer.erased"], description: "Back office" } },
    officer,
  );
  const o = byOfficer.data?.webhookEndpointCreate as Payload;
  expect(o.userErrors).toEqual([]);
  expect(o.webhookEndpoint?.apiKeyId).toBeNull();
  officerEndpointId = o.webhookEndpoint?.id as string;
  created.push(partnerEndpointId, officerEndpointId);
});

afterAll(async () => {
  const ids = created.map((g) => Buffer.from(g, "base64url").toString().split(":")[1]);
  await getPrisma().webhookEndpoint.updateMany({ where: { id: { in: ids } }, data: { deletedAt: new Date() } });
});

const codes = (payload: unknown) => ((payload as Payload).userErrors ?? []).map((e) => e.code);

describe("who may manage webhook endpoints", () => {
  it("a privacy officer sees every endpoint of the shop; a key only its own", async () => {
    const asOfficer = await gql(LIST, {}, officer);
    const officerIds = ((asOfficer.data ?? {}) as { webhookEndpoints: { id: string }[] }).webhookEndpoints.map(
      (e) => e.id,
    );
    expect(officerIds).toEqual(expect.arrayContaining([partnerEndpointId, officerEndpointId]));
    const asPartner = await gql(LIST, {}, partner.viewer);
    expect(
      ((asPartner.data ?? {}) as { webhookEndpoints: { id: string }[] }).webhookEndpoints.map((e) => e.id),
    ).toEqual([partnerEndpointId]);
    // The officer may change the key's endpoint too.
    const updated = await gql(UPDATE, { id: partnerEndpointId }, officer);
    expect(codes(updated.data?.webhookEndpointUpdate)).toEqual([]);
  });

  it("refuses everyone else and changes nothing", async () => {
    const noScope = await partnerKey({ shop: "allegra", scopes: ["consents:read"] });
    const sameShopOtherKey = await partnerKey({ shop: "allegra", scopes: ["webhooks:manage"] });
    const otherShopKey = await partnerKey({ shop: "almaz", scopes: ["webhooks:manage"] });
    const customer = await signedInViewer({ shop: "allegra" });
    const support = await agentViewer({ shop: "allegra" });
    const actingOfficer = await impersonating(
      await agentViewer({ shop: "allegra", role: "PRIVACY_OFFICER" }),
      customer.customerId,
    );
    const otherShopOfficer = await agentViewer({ shop: "almaz", role: "PRIVACY_OFFICER" });
    const before = await getPrisma().webhookEndpoint.findMany({
      where: { shopId: officer.kind === "agent" ? officer.shop.id : "" },
      orderBy: { id: "asc" },
    });
    const callers: [string, Viewer, string[]][] = [
      ["a key without webhooks:manage", noScope.viewer, ["FORBIDDEN"]],
      ["another key of the shop", sameShopOtherKey.viewer, ["NOT_FOUND"]],
      ["another shop's key", otherShopKey.viewer, ["NOT_FOUND"]],
      ["another shop's privacy officer", otherShopOfficer, ["NOT_FOUND"]],
      ["a customer", customer, ["FORBIDDEN"]],
      ["a support agent", support, ["FORBIDDEN"]],
      ["a privacy officer acting in a customer's account", actingOfficer, ["FORBIDDEN"]],
      [
        "nobody",
        { kind: "anonymous", subjectId: null, request: { ip: null, userAgent: null, source: "web" } },
        ["UNAUTHENTICATED"],
      ],
    ];
    for (const [who, viewer, expected] of callers) {
      for (const id of [partnerEndpointId, officerEndpointId]) {
        for (const [name, query] of [
          ["webhookEndpointUpdate", UPDATE],
          ["webhookEndpointRotateSecret", ROTATE],
          ["webhookEndpointDelete", DELETE],
        ] as const) {
          const result = await gql(query, { id }, viewer);
          const payload = result.data?.[name] as Payload;
          expect(codes(payload), `${who} ${name}`).toEqual(expected);
          expect(payload.webhookEndpoint, `${who} ${name}`).toBeNull();
          expect(JSON.stringify(result)).not.toContain("whsec_");
        }
      }
      const listed = await gql(LIST, {}, viewer);
      const visible = (listed.data?.webhookEndpoints as { id: string }[] | null) ?? [];
      expect(
        visible.map((e) => e.id),
        who,
      ).not.toContain(officerEndpointId);
      if (viewer.kind !== "partner" || viewer !== sameShopOtherKey.viewer) {
        expect(
          visible.map((e) => e.id),
          who,
        ).not.toContain(partnerEndpointId);
      }
    }
    // A key cannot attach an endpoint to another key.
    const attach = await gql(
      CREATE,
      {
        input: {
          url: "https://x.example/h",
          events: ["consent.updated"],
          apiKeyId: toGlobalId("ApiKey", partner.apiKeyId),
        },
      },
      sameShopOtherKey.viewer,
    );
    expect(codes(attach.data?.webhookEndpointCreate)).toEqual(["FORBIDDEN"]);
    const after = await getPrisma().webhookEndpoint.findMany({
      where: { shopId: officer.kind === "agent" ? officer.shop.id : "" },
      orderBy: { id: "asc" },
    });
    expect(after).toEqual(before);
  });

  it("checks the input field by field", async () => {
    const bad = async (input: Record<string, unknown>) =>
      (
        (await gql(CREATE, { input: { url: "https://ok.example/h", events: ["consent.updated"], ...input } }, officer))
          .data as { webhookEndpointCreate: Payload }
      ).webhookEndpointCreate.userErrors.map((e) => e.field?.join("."));
    expect(await bad({ url: "ftp://x.example/h" })).toEqual(["input.url"]);
    expect(await bad({ url: "https://user:pass@x.example/h" })).toEqual(["input.url"]);
    expect(await bad({ url: `https://x.example/${"a".repeat(2100)}` })).toEqual(["input.url"]);
    expect(await bad({ url: "not a url" })).toEqual(["input.url"]);
    expect(await bad({ events: ["customer.unknown"] })).toEqual(["input.events.0"]);
    expect(await bad({ events: [] })).toEqual(["input.events"]);
    expect(await bad({ description: "d".repeat(201) })).toEqual(["input.description"]);
    expect(await bad({ description: "bell\u0007" })).toEqual(["input.description"]);
    // Outside demo and tests, and without WEBHOOK_ALLOW_PRIVATE, http and private addresses are refused.
    const saved = { env: process.env.NODE_ENV, allow: process.env.WEBHOOK_ALLOW_PRIVATE };
    try {
      Object.assign(process.env, { NODE_ENV: "production" });
      delete process.env.WEBHOOK_ALLOW_PRIVATE;
      expect(await bad({ url: "http://x.example/h" })).toEqual(["input.url"]);
      expect(await bad({ url: "https://127.0.0.1/h" })).toEqual(["input.url"]);
      expect(await bad({ url: "https://[::ffff:10.0.0.1]/h" })).toEqual(["input.url"]);
      expect(await bad({ url: "https://localhost/h" })).toEqual(["input.url"]);
    } finally {
      Object.assign(process.env, { NODE_ENV: saved.env, WEBHOOK_ALLOW_PRIVATE: saved.allow });
    }
    expect(await getPrisma().webhookEndpoint.count({ where: { url: { contains: "x.example" } } })).toBe(0);
  });

  it("lists the event types for anyone", async () => {
    const result = await gql("{ webhookEventTypes { type requiredScope description } }");
    const types = ((result.data ?? {}) as { webhookEventTypes: { type: string }[] }).webhookEventTypes.map(
      (t) => t.type,
    );
    expect(types).toContain("consent.updated");
    expect(types).toContain("customer.recipient_notice");
  });
});
