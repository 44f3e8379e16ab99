import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/graphql/route";
import { toGlobalId } from "@/graphql/global-id";
import { getAccessLog } from "@/server/access-log";
import { createApiKey, revokeApiKey, rotateApiKey } from "@/server/api-keys";
import { API_SCOPES } from "@/server/api-keys/scopes";
import { getPrisma } from "@/server/db";
import { agentViewer, createCustomer, signedInViewer, viewerWithHistory } from "../factories";
import { partnerKey } from "../factories/partner";
import { gql } from "../support/graphql";

const URL = "http://localhost/api/graphql";

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read as untyped JSON
type Body = { data?: Record<string, any>; errors?: { message: string; extensions: { code: string } }[] };

async function call(
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Headers; body: Body }> {
  const response = await POST(
    new NextRequest(URL, {
      method: "POST",
      body: JSON.stringify({ query, variables }),
      headers: { "content-type": "application/json", ...headers },
    }),
  );
  return { status: response.status, headers: response.headers, body: await response.json() };
}

const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

const CONSENTS = `query($id: ID!) { customer(id: $id) { id consents { purpose { key } state optInLevel source } } }`;
const UPDATE = `mutation($input: ConsentUpdateInput!) {
  consentUpdate(input: $input) { consents { purpose { key } state optInLevel source } isConfirmationSent userErrors { field code message } }
}`;

describe("partner keys on /api/graphql", () => {
  it("a key is a partner viewer with its name and scopes; cookies are ignored", async () => {
    const { secret } = await partnerKey({ name: "Acme Marketing", scopes: ["consents:read"] });
    const result = await call(
      `{ viewer { isSignedIn customer { id } partner { name scopes } } }`,
      {},
      {
        ...bearer(secret),
        cookie: "privacy-centre.session-token=whatever",
      },
    );
    expect(result.status).toBe(200);
    expect(result.body.data?.viewer).toEqual({
      isSignedIn: false,
      customer: null,
      partner: { name: "Acme Marketing", scopes: ["consents:read"] },
    });
  });

  it("a bad, unknown, revoked, expired or rotated-out key is 401 with one message", async () => {
    const dpo = await agentViewer({ role: "PRIVACY_OFFICER" });
    const revoked = await createApiKey({ viewer: dpo, input: { name: "Old", scopes: ["policy:read"] } });
    await revokeApiKey({ viewer: dpo, id: revoked.apiKey.id });
    const expired = await partnerKey();
    await getPrisma().apiKey.update({
      where: { id: expired.apiKeyId },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const rotated = await createApiKey({ viewer: dpo, input: { name: "Rotating", scopes: ["policy:read"] } });
    await rotateApiKey({ viewer: dpo, id: rotated.apiKey.id, input: { previousSecretExpiresAt: new Date() } });
    const valid = await partnerKey();
    const tampered = `${valid.secret.slice(0, -1)}${valid.secret.endsWith("A") ? "B" : "A"}`;
    const messages = new Set<string>();
    for (const authorization of [
      "Bearer nonsense",
      `Bearer ${tampered}`,
      `Bearer ${revoked.secret}`,
      `Bearer ${expired.secret}`,
      `Bearer ${rotated.secret}`,
      "Bearer ",
    ]) {
      const result = await call(`{ viewer { isSignedIn } }`, {}, { authorization });
      expect(result.status, authorization).toBe(401);
      expect(result.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect(result.body.errors?.[0].extensions.code).toBe("UNAUTHENTICATED");
      expect(result.body.data).toBeUndefined();
      messages.add(String(result.body.errors?.[0].message));
    }
    expect(messages.size).toBe(1);
  });

  it("other schemes (a proxy's Basic credentials) are not keys: the request is simply not a partner's", async () => {
    const result = await call(
      `{ viewer { isSignedIn partner { name } } }`,
      {},
      {
        authorization: `Basic ${Buffer.from("a:b").toString("base64")}`,
      },
    );
    expect(result.status).toBe(200);
    expect(result.body.data?.viewer).toEqual({ isSignedIn: false, partner: null });
  });

  it("rotation: old and new secrets both work until the chosen time", async () => {
    const dpo = await agentViewer({ role: "PRIVACY_OFFICER" });
    const created = await createApiKey({ viewer: dpo, input: { name: "Rotating", scopes: ["policy:read"] } });
    const rotated = await rotateApiKey({ viewer: dpo, id: created.apiKey.id });
    expect(rotated.secret).not.toBe(created.secret);
    for (const secret of [created.secret, rotated.secret]) {
      expect((await call(`{ viewer { partner { name } } }`, {}, bearer(secret))).status).toBe(200);
    }
    expect(rotated.apiKey.secrets).toHaveLength(2);
    const old = rotated.apiKey.secrets.find((s) => created.secret.startsWith(s.prefix));
    expect(old?.expiresAt?.getTime()).toBeGreaterThan(Date.now() + 23 * 3600_000);
    expect(await getPrisma().apiKeySecret.count({ where: { secretHash: created.secret } })).toBe(0);
  });

  it("reads and updates a customer's consents with source PARTNER_API and the opt-in level given", async () => {
    const { secret, apiKeyId } = await partnerKey({ name: "Acme Marketing" });
    const customer = await createCustomer();
    const id = toGlobalId("Customer", customer.id);
    const read = await call(CONSENTS, { id }, bearer(secret));
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data?.customer.consents.length).toBeGreaterThan(0);
    const update = await call(
      UPDATE,
      {
        input: {
          customerId: id,
          changes: [{ key: "marketing:email:offers", state: "GRANTED", optInLevel: "CONFIRMED" }],
        },
      },
      bearer(secret),
    );
    expect(update.body.data?.consentUpdate.userErrors).toEqual([]);
    const offers = update.body.data?.consentUpdate.consents.find(
      (c: { purpose: { key: string } }) => c.purpose.key === "marketing:email:offers",
    );
    expect(offers).toMatchObject({ state: "GRANTED", optInLevel: "CONFIRMED", source: "PARTNER_API" });
    const record = await getPrisma().consentRecord.findFirst({
      where: { customerId: customer.id },
      orderBy: { createdAt: "desc" },
    });
    expect(record).toMatchObject({ actorType: "PARTNER", actorId: apiKeyId, source: "PARTNER_API" });
    // The customer sees the partner, by name, in their access log.
    const me = await signedInViewer();
    const log = await getAccessLog({
      viewer: { ...me, customerId: customer.id, subjectId: customer.id },
    });
    const partner = log.nodes.filter((entry) => entry.kind === "PARTNER");
    expect(partner.map((e) => [e.actorName, e.action])).toEqual(
      expect.arrayContaining([
        ["Acme Marketing", "consent.update"],
        ["Acme Marketing", "partner.read"],
      ]),
    );
  });

  it("a partner must name the customer; customers may not state an opt-in level", async () => {
    const { secret } = await partnerKey();
    const missing = await call(
      UPDATE,
      { input: { changes: [{ key: "profiling", state: "WITHDRAWN" }] } },
      bearer(secret),
    );
    expect(missing.body.data?.consentUpdate.userErrors[0]).toMatchObject({ field: ["input", "customerId"] });
    const me = await signedInViewer();
    const own = await gql(
      UPDATE,
      { input: { changes: [{ key: "marketing:email:offers", state: "GRANTED", optInLevel: "CONFIRMED" }] } },
      me,
    );
    expect((own.data?.consentUpdate as { userErrors: unknown[] } | undefined)?.userErrors[0]).toMatchObject({
      field: ["input", "changes", "0", "optInLevel"],
    });
  });

  it("never sees another shop's customer, by id or by email", async () => {
    const { secret } = await partnerKey({ shop: "almaz" });
    const other = await createCustomer({ shop: "allegra" });
    const byId = await call(CONSENTS, { id: toGlobalId("Customer", other.id) }, bearer(secret));
    expect(byId.body.data?.customer).toBeNull();
    const byEmail = await call(
      `query($e: String!) { customerByEmail(email: $e) { id } }`,
      { e: other.email },
      bearer(secret),
    );
    expect(byEmail.body.data?.customerByEmail).toBeNull();
    const write = await call(
      UPDATE,
      { input: { customerId: toGlobalId("Customer", other.id), changes: [{ key: "profiling", state: "WITHDRAWN" }] } },
      bearer(secret),
    );
    expect(write.body.data?.consentUpdate.userErrors[0].code).toBe("NOT_FOUND");
    expect(await getPrisma().consentRecord.count({ where: { customerId: other.id } })).toBe(0);
  });

  it("customerByEmail matches the exact address of this shop, case aside", async () => {
    const { secret } = await partnerKey({ scopes: ["customers:read"] });
    const customer = await createCustomer();
    const q = `query($e: String!) { customerByEmail(email: $e) { id email } }`;
    const found = await call(q, { e: customer.email.toUpperCase() }, bearer(secret));
    expect(found.body.data?.customerByEmail.id).toBe(toGlobalId("Customer", customer.id));
    const prefix = await call(q, { e: customer.email.slice(0, -3) }, bearer(secret));
    expect(prefix.body.data?.customerByEmail).toBeNull();
    const nul = await call(q, { e: "a\u0000b@test.example" }, bearer(secret));
    expect(nul.body.errors?.[0].extensions.code).toBe("INVALID_INPUT");
  });

  it("a key without the scope is told which scope it lacks", async () => {
    const { secret } = await partnerKey({ scopes: ["policy:read"] });
    const customer = await createCustomer();
    const result = await call(CONSENTS, { id: toGlobalId("Customer", customer.id) }, bearer(secret));
    expect(result.body.errors?.[0]).toMatchObject({ extensions: { code: "FORBIDDEN" } });
    expect(result.body.errors?.[0].message).toMatch(/customers:read/);
  });

  it("even with every scope, a key reads no addresses, orders, documents or exports, and cannot delete", async () => {
    const { viewer } = await partnerKey({ scopes: [...API_SCOPES] });
    const owner = await viewerWithHistory({ orderCount: 1 });
    const address = await getPrisma().address.create({
      data: {
        customerId: owner.customerId,
        recipientName: "O",
        line1: "Strada 1",
        city: "Iași",
        postalCode: "700001",
        country: "RO",
      },
    });
    const order = await getPrisma().order.findFirstOrThrow({ where: { customerId: owner.customerId } });
    const id = toGlobalId("Customer", owner.customerId);
    const result = await gql(
      `query($id: ID!, $a: ID!, $o: ID!) {
        customer(id: $id) { id }
        a: node(id: $a) { id }
        o: node(id: $o) { id }
      }`,
      { id, a: toGlobalId("Address", address.id), o: toGlobalId("Order", order.id) },
      viewer,
    );
    expect(result.data?.customer).toEqual({ id });
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(["FORBIDDEN", "FORBIDDEN"]);
    for (const field of [
      "addresses { id }",
      "orders(first: 1) { edges { node { id } } }",
      "exports { edges { node { id } } }",
      "accessLog { totalCount }",
    ]) {
      const denied = await gql(`query($id: ID!) { customer(id: $id) { ${field} } }`, { id }, viewer);
      expect(denied.errors?.[0].extensions?.code, field).toBe("FORBIDDEN");
    }
    const deletion = await gql(
      `mutation { accountDeletionRequest(input: { password: "x", confirmation: "DELETE" }) { userErrors { code } } }`,
      {},
      viewer,
    );
    expect(
      (deletion.data?.accountDeletionRequest as { userErrors: { code: string }[] } | undefined)?.userErrors[0].code,
    ).toBe("FORBIDDEN");
  });
});
