import { describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/server/audit";
import { ANONYMOUS, type CustomerViewer, type Viewer } from "@/server/auth/viewer";
import { recordConsent } from "@/server/consent/ledger";
import { consentPurposes } from "@/server/consent/purposes";
import { deriveConsentStates } from "@/server/consent/state";
import { getDatabase, getPrisma } from "@/server/db";
import { createCustomer, shop, signedInViewer, uniqueEmail, viewerWithHistory } from "../factories";
import { gql } from "../support/graphql";

// The consent ledger through the real GraphQL server: current state per purpose, the
// history, all-or-nothing updates from the account page, sign-up choices, records from
// the seed (import), the database's refusal to change records, and denied access.

type UserError = { field: string[] | null; code: string; message: string };
type Consent = {
  purpose: { key: string; kind: string; isRequired: boolean };
  state: string;
  recordedState: string;
  optInLevel: string | null;
  source: string | null;
  updatedAt: string | null;
  isOverriddenByGlobalPrivacyControl: boolean;
};
type UpdatePayload = { consents: Consent[] | null; isConfirmationSent: boolean | null; userErrors: UserError[] };

const CONSENT_FIELDS = `purpose { key kind isRequired } state recordedState optInLevel source updatedAt isOverriddenByGlobalPrivacyControl`;
const CONSENTS = `{ viewer { customer { consents { ${CONSENT_FIELDS} } } } }`;
const UPDATE = `mutation($input: ConsentUpdateInput!) {
  consentUpdate(input: $input) { consents { ${CONSENT_FIELDS} } isConfirmationSent userErrors { field code message } }
}`;
const HISTORY = `query($first: Int, $after: String) { viewer { customer { consentHistory(first: $first, after: $after) {
  totalCount
  pageInfo { hasNextPage endCursor }
  edges { cursor node { id purposeKey purpose { key label } state optInLevel source actorType policyVersion createdAt } }
} } } }`;

async function consentsOf(viewer: Viewer): Promise<Consent[]> {
  const result = await gql(CONSENTS, {}, viewer);
  expect(result.errors).toBeUndefined();
  return (result.data as { viewer: { customer: { consents: Consent[] } } }).viewer.customer.consents;
}

const stateOf = (consents: Consent[], key: string) => consents.find((c) => c.purpose.key === key)?.state;

async function update(viewer: Viewer, changes: unknown[]): Promise<UpdatePayload> {
  const result = await gql(UPDATE, { input: { changes } }, viewer);
  expect(result.errors).toBeUndefined();
  return (result.data as { consentUpdate: UpdatePayload }).consentUpdate;
}

async function ledger(viewer: CustomerViewer) {
  const prisma = getPrisma();
  return {
    records: await prisma.consentRecord.count({ where: { customerId: viewer.customerId } }),
    audits: await prisma.auditEvent.count({ where: { customerId: viewer.customerId } }),
    emails: await prisma.outboundEmail.count({ where: { customerId: viewer.customerId } }),
  };
}

describe("current consents", () => {
  it("list every purpose the shop offers, NOT_GIVEN until chosen, strictly necessary cookies on", async () => {
    const viewer = await signedInViewer({ shop: "almaz" });
    const consents = await consentsOf(viewer);
    const purposes = consentPurposes(viewer.shop.profile);
    expect(consents.map((c) => c.purpose.key)).toEqual(purposes.map((p) => p.key));
    // almaz: 2 channels x 4 topics, profiling, third-party marketing, 5 cookie categories.
    expect(consents).toHaveLength(15);
    for (const c of consents) {
      expect(c.state, c.purpose.key).toBe(c.purpose.isRequired ? "GRANTED" : "NOT_GIVEN");
      expect(c).toMatchObject({ recordedState: "NOT_GIVEN", source: null, updatedAt: null, optInLevel: null });
      expect(c.isOverriddenByGlobalPrivacyControl).toBe(false);
    }
    expect(consents.find((c) => c.purpose.key === "cookies:strictly-necessary")?.purpose).toEqual({
      key: "cookies:strictly-necessary",
      kind: "COOKIES",
      isRequired: true,
    });
    expect(consents.find((c) => c.purpose.key === "third-party-marketing")?.purpose.kind).toBe("THIRD_PARTY_MARKETING");
  });

  it("are public as the shop's purposes", async () => {
    const result = await gql(
      `{ shop(handle: "crystalline") { policy { honoursGlobalPrivacyControl consentPurposes {
        key kind label description channel topic isRequired requiresConfirmation isCoveredByGlobalPrivacyControl
      } } } }`,
    );
    expect(result.errors).toBeUndefined();
    const policy = (result.data as { shop: { policy: { consentPurposes: Record<string, unknown>[] } } }).shop.policy;
    const profile = (await shop("crystalline")).profile;
    expect(policy).toMatchObject({ honoursGlobalPrivacyControl: false });
    expect(policy.consentPurposes.map((p) => p.key)).toEqual(consentPurposes(profile).map((p) => p.key));
    expect(policy.consentPurposes.find((p) => p.key === "marketing:messaging:offers")).toEqual({
      key: "marketing:messaging:offers",
      kind: "MARKETING",
      label: "Offers and promotions by Viber",
      description: null,
      channel: "messaging",
      topic: "offers",
      isRequired: false,
      requiresConfirmation: false,
      isCoveredByGlobalPrivacyControl: false,
    });
    expect(policy.consentPurposes.find((p) => p.key === "marketing:email:offers")?.requiresConfirmation).toBe(true);
    const analytics = policy.consentPurposes.find((p) => p.key === "cookies:analytics");
    expect(analytics).toMatchObject({ kind: "COOKIES", channel: null, isRequired: false });
    expect(String(analytics?.description).length).toBeGreaterThan(10);
  });
});

describe("consentUpdate from the account page", () => {
  it("records each change with source, actor and policy version, and audits it without the email address", async () => {
    const viewer = await signedInViewer({ shop: "almaz" });
    const email = (await getPrisma().customer.findUniqueOrThrow({ where: { id: viewer.customerId } })).email;
    const result = await update(viewer, [
      { key: "marketing:post:offers", state: "GRANTED" },
      { key: "profiling", state: "GRANTED" },
      { key: "cookies:targeting", state: "WITHDRAWN" },
    ]);
    expect(result.userErrors).toEqual([]);
    expect(result.isConfirmationSent).toBe(false);
    const after = result.consents ?? [];
    expect(stateOf(after, "marketing:post:offers")).toBe("GRANTED");
    expect(stateOf(after, "profiling")).toBe("GRANTED");
    expect(stateOf(after, "cookies:targeting")).toBe("WITHDRAWN");
    expect(stateOf(after, "marketing:post:news")).toBe("NOT_GIVEN");
    expect(after.find((c) => c.purpose.key === "profiling")).toMatchObject({
      optInLevel: "SINGLE",
      source: "ACCOUNT_PAGE",
    });
    expect(await consentsOf(viewer)).toEqual(after);

    const records = await getPrisma().consentRecord.findMany({
      where: { customerId: viewer.customerId },
      orderBy: { createdAt: "asc" },
    });
    expect(records.map((r) => [r.purposeKey, r.state])).toEqual([
      ["marketing:post:offers", "GRANTED"],
      ["profiling", "GRANTED"],
      ["cookies:targeting", "WITHDRAWN"],
    ]);
    for (const r of records) {
      expect(r).toMatchObject({
        shopId: viewer.shop.id,
        source: "ACCOUNT_PAGE",
        actorType: "CUSTOMER",
        actorId: viewer.customerId,
        policyVersion: viewer.shop.profile.policyVersion,
        optInLevel: "SINGLE",
      });
    }

    const audit = await getPrisma().auditEvent.findMany({ where: { customerId: viewer.customerId } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "consent.update", actorType: "CUSTOMER", actorId: viewer.customerId });
    expect(audit[0].details).toEqual({
      source: "ACCOUNT_PAGE",
      changes: [
        { purpose: "marketing:post:offers", from: "NOT_GIVEN", to: "GRANTED" },
        { purpose: "profiling", from: "NOT_GIVEN", to: "GRANTED" },
        { purpose: "cookies:targeting", from: "NOT_GIVEN", to: "WITHDRAWN" },
      ],
    });
    expect(JSON.stringify(audit)).not.toContain(email);
    expect((await verifyAuditChain({ shopId: viewer.shop.id })).isValid).toBe(true);

    // Withdrawing takes effect at once.
    const withdrawn = await update(viewer, [{ key: "marketing:post:offers", state: "WITHDRAWN" }]);
    expect(stateOf(withdrawn.consents ?? [], "marketing:post:offers")).toBe("WITHDRAWN");
  });

  it("writes nothing for a change to the current state", async () => {
    const viewer = await signedInViewer({ shop: "almaz" });
    await update(viewer, [
      { key: "profiling", state: "GRANTED" },
      { key: "third-party-marketing", state: "WITHDRAWN" },
    ]);
    const before = await ledger(viewer);
    const again = await update(viewer, [
      { key: "profiling", state: "GRANTED" },
      { key: "third-party-marketing", state: "WITHDRAWN" },
      // Strictly necessary cookies are on already, without any record.
      { key: "cookies:strictly-necessary", state: "GRANTED" },
    ]);
    expect(again.userErrors).toEqual([]);
    expect(stateOf(again.consents ?? [], "profiling")).toBe("GRANTED");
    expect(await ledger(viewer)).toEqual(before);
  });

  it("applies all changes or none: every bad change is named by its index and nothing is written", async () => {
    const viewer = await signedInViewer({ shop: "almaz" });
    await update(viewer, [{ key: "profiling", state: "GRANTED" }]);
    const before = await ledger(viewer);
    const result = await update(viewer, [
      { key: "profiling", state: "WITHDRAWN" },
      { key: "marketing:fax:news", state: "GRANTED" },
      { key: "marketing:sms:news", state: "GRANTED" },
      { key: "profiling", state: "GRANTED" },
      { key: "third-party-marketing", state: "PENDING" },
      { key: "third-party-marketing", state: "NOT_GIVEN" },
      { key: "cookies:strictly-necessary", state: "WITHDRAWN" },
      { key: "Robert'); DROP TABLE", state: "GRANTED" },
    ]);
    expect(result.consents).toBeNull();
    expect(result.isConfirmationSent).toBeNull();
    const byField = Object.fromEntries(result.userErrors.map((e) => [(e.field ?? []).join("."), e]));
    expect(Object.keys(byField).sort()).toEqual(
      [
        "input.changes.1.key",
        "input.changes.2.key",
        "input.changes.3.key",
        "input.changes.4.state",
        "input.changes.5.state",
        "input.changes.6.state",
        "input.changes.7.key",
      ].sort(),
    );
    // marketing:fax:news has the shape of a key, but almaz has no fax channel.
    expect(byField["input.changes.1.key"]).toMatchObject({
      code: "NOT_FOUND",
      message: 'ALMAZ does not offer "marketing:fax:news".',
    });
    expect(byField["input.changes.2.key"].message).toBe('ALMAZ does not offer "marketing:sms:news".');
    expect(byField["input.changes.3.key"].message).toMatch(/already change 1\. Send one change per purpose/);
    expect(byField["input.changes.4.state"].message).toMatch(/Choose GRANTED or WITHDRAWN/);
    expect(byField["input.changes.6.state"].message).toMatch(/always on\. The site cannot work without these cookies/);
    expect(byField["input.changes.7.key"].message).toMatch(/is not a purpose key/);
    expect(await ledger(viewer)).toEqual(before);
    expect(stateOf(await consentsOf(viewer), "profiling")).toBe("GRANTED");
  });

  it("refuses an empty or oversized list", async () => {
    const viewer = await signedInViewer();
    const empty = await update(viewer, []);
    expect(empty.userErrors).toEqual([
      { field: ["input", "changes"], code: "INVALID_INPUT", message: "Send at least one change." },
    ]);
    const many = Array.from({ length: 101 }, (_, i) => ({ key: `cookies:c${i}`, state: "GRANTED" }));
    const tooMany = await update(viewer, many);
    expect(tooMany.userErrors[0]).toMatchObject({ field: ["input", "changes"], code: "INVALID_INPUT" });
    expect((await ledger(viewer)).records).toBe(0);
  });

  it("refuses to switch off strictly necessary cookies, with a clear message", async () => {
    const viewer = await signedInViewer({ shop: "micro-image" });
    const result = await update(viewer, [{ key: "cookies:strictly-necessary", state: "WITHDRAWN" }]);
    expect(result.userErrors).toEqual([
      {
        field: ["input", "changes", "0", "state"],
        code: "INVALID_INPUT",
        message:
          "Strictly necessary: always on. The site cannot work without these cookies, so they cannot be switched off.",
      },
    ]);
    expect((await ledger(viewer)).records).toBe(0);
  });
});

describe("consent history", () => {
  it("pages through every record, newest first, with source, actor, state and policy version", async () => {
    const viewer = await signedInViewer({ shop: "crystalline" });
    await update(viewer, [{ key: "profiling", state: "GRANTED" }]);
    await update(viewer, [{ key: "marketing:sms:offers", state: "GRANTED" }]);
    await update(viewer, [{ key: "profiling", state: "WITHDRAWN" }]);
    await update(viewer, [{ key: "cookies:analytics", state: "GRANTED" }]);

    type Page = {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: { cursor: string; node: Record<string, unknown> & { id: string; purposeKey: string; state: string } }[];
    };
    const page = async (first: number, after?: string | null) => {
      const result = await gql(HISTORY, { first, after }, viewer);
      expect(result.errors).toBeUndefined();
      return (result.data as { viewer: { customer: { consentHistory: Page } } }).viewer.customer.consentHistory;
    };
    const one = await page(3);
    expect(one.totalCount).toBe(4);
    expect(one.pageInfo.hasNextPage).toBe(true);
    expect(one.edges.map((e) => [e.node.purposeKey, e.node.state])).toEqual([
      ["cookies:analytics", "GRANTED"],
      ["profiling", "WITHDRAWN"],
      ["marketing:sms:offers", "GRANTED"],
    ]);
    expect(one.edges[1].node).toMatchObject({
      purpose: { key: "profiling", label: "Personalised advertising and profiling" },
      optInLevel: "SINGLE",
      source: "ACCOUNT_PAGE",
      actorType: "CUSTOMER",
      policyVersion: "2018-05",
    });
    const two = await page(3, one.pageInfo.endCursor);
    expect(two.pageInfo.hasNextPage).toBe(false);
    expect(two.edges.map((e) => [e.node.purposeKey, e.node.state])).toEqual([["profiling", "GRANTED"]]);

    // Relay: every record is a node, for its owner only.
    const nodeQuery = `query($id: ID!) { node(id: $id) { ... on ConsentRecord { purposeKey state } } }`;
    const own = await gql(nodeQuery, { id: two.edges[0].node.id }, viewer);
    expect(own.data).toEqual({ node: { purposeKey: "profiling", state: "GRANTED" } });
    const stranger = await signedInViewer({ shop: "crystalline" });
    expect((await gql(nodeQuery, { id: two.edges[0].node.id }, stranger)).data).toEqual({ node: null });
    expect((await gql(nodeQuery, { id: two.edges[0].node.id })).data).toEqual({ node: null });

    // Another customer's cursor is refused, as is a page over 100.
    const foreign = await gql(HISTORY, { first: 5, after: one.pageInfo.endCursor }, stranger);
    expect(foreign.errors?.[0]).toMatchObject({
      message: "The `after` cursor is not valid.",
      extensions: { code: "INVALID_INPUT" },
    });
    const big = await gql(HISTORY, { first: 101 }, viewer);
    expect(big.errors?.[0].extensions?.code).toBe("INVALID_INPUT");
  });
});

describe("sign-up choices", () => {
  const SIGN_UP = `mutation($input: CustomerSignUpInput!) {
    customerSignUp(input: $input) { customer { id email } userErrors { field code message } }
  }`;
  const base = (email: string) => ({
    shop: "almaz",
    email,
    password: "a-long-password-1",
    firstName: "Maria",
    lastName: "Ionescu",
  });

  it("records the choices ticked on the form with the source SIGN_UP, in the same transaction", async () => {
    const email = uniqueEmail("signup");
    const result = await gql(SIGN_UP, {
      input: {
        ...base(email),
        consents: [
          { key: "marketing:post:news", state: "GRANTED" },
          { key: "cookies:performance", state: "WITHDRAWN" },
        ],
      },
    });
    expect(result.errors).toBeUndefined();
    const payload = (result.data as { customerSignUp: { customer: { id: string } | null; userErrors: UserError[] } })
      .customerSignUp;
    expect(payload.userErrors).toEqual([]);
    const customer = await getPrisma().customer.findFirstOrThrow({ where: { email } });
    const records = await getPrisma().consentRecord.findMany({
      where: { customerId: customer.id },
      orderBy: { purposeKey: "asc" },
    });
    expect(records.map((r) => [r.purposeKey, r.state, r.source, r.actorType, r.actorId])).toEqual([
      ["cookies:performance", "WITHDRAWN", "SIGN_UP", "CUSTOMER", customer.id],
      ["marketing:post:news", "GRANTED", "SIGN_UP", "CUSTOMER", customer.id],
    ]);
    const audit = await getPrisma().auditEvent.findFirstOrThrow({ where: { customerId: customer.id } });
    expect(audit.details).toMatchObject({ source: "SIGN_UP" });
  });

  it("opens no account when a choice is not valid", async () => {
    const email = uniqueEmail("signup-bad");
    const result = await gql(SIGN_UP, {
      input: { ...base(email), consents: [{ key: "marketing:sms:news", state: "GRANTED" }] },
    });
    const payload = (result.data as { customerSignUp: { customer: unknown; userErrors: UserError[] } }).customerSignUp;
    expect(payload.customer).toBeNull();
    expect(payload.userErrors).toEqual([
      {
        field: ["input", "consents", "0", "key"],
        code: "NOT_FOUND",
        message: 'ALMAZ does not offer "marketing:sms:news".',
      },
    ]);
    expect(await getPrisma().customer.count({ where: { email } })).toBe(0);
  });
});

describe("records from the seed (import)", () => {
  it("are read back as the current state and the history", async () => {
    // A fixed "now", seed and address: the history the seed generates (and whether a
    // grant is still pending) depends on all three.
    const viewer = await viewerWithHistory({
      email: "consent-import@test.example",
      shop: "almaz",
      orderCount: 2,
      isDemo: true,
      seed: "consent-import",
      now: new Date("2026-11-01T12:00:00Z"),
    });
    const rows = await getPrisma().consentRecord.findMany({ where: { customerId: viewer.customerId } });
    expect(rows.length).toBeGreaterThan(5);
    const expected = deriveConsentStates(rows);
    const consents = await consentsOf(viewer);
    for (const c of consents) {
      const derived = expected.get(c.purpose.key);
      expect(c.recordedState, c.purpose.key).toBe(derived?.state ?? "NOT_GIVEN");
      expect(c.source, c.purpose.key).toBe(derived?.source ?? null);
    }
    // The seed's demo customer has a grant still waiting for its confirmation.
    expect(consents.some((c) => c.state === "PENDING")).toBe(true);
    const history = await gql(
      `{ viewer { customer { consentHistory(first: 100) { totalCount edges { node { createdAt } } } } } }`,
      {},
      viewer,
    );
    const connection = (
      history.data as {
        viewer: { customer: { consentHistory: { totalCount: number; edges: { node: { createdAt: string } }[] } } };
      }
    ).viewer.customer.consentHistory;
    expect(connection.totalCount).toBe(rows.length);
    const times = connection.edges.map((e) => Date.parse(e.node.createdAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it("can be appended with the source IMPORT by the system, validated against the shop's purposes", async () => {
    const customer = await createCustomer({ shop: "micro-image" });
    const s = await shop("micro-image");
    const prisma = getPrisma();
    const record = await prisma.$transaction((tx) =>
      recordConsent(tx, {
        shop: s,
        customerId: customer.id,
        purposeKey: "marketing:sms:offers",
        state: "GRANTED",
        optInLevel: "SINGLE",
        source: "IMPORT",
        actor: { type: "SYSTEM", id: null },
      }),
    );
    const stored = await prisma.consentRecord.findUniqueOrThrow({ where: { id: record.id } });
    expect(stored).toMatchObject({ source: "IMPORT", actorType: "SYSTEM", actorId: null, policyVersion: "2024-01" });
    // micro-image offers no profiling.
    await expect(
      prisma.$transaction((tx) =>
        recordConsent(tx, {
          shop: s,
          customerId: customer.id,
          purposeKey: "profiling",
          state: "GRANTED",
          optInLevel: "SINGLE",
          source: "IMPORT",
          actor: { type: "SYSTEM", id: null },
        }),
      ),
    ).rejects.toThrow('Micro-Image does not offer "profiling".');
    expect(await prisma.consentRecord.count({ where: { customerId: customer.id } })).toBe(1);
  });
});

describe("the database", () => {
  it("refuses UPDATE, DELETE and TRUNCATE of consent records", async () => {
    const viewer = await signedInViewer({ shop: "almaz" });
    await update(viewer, [{ key: "profiling", state: "GRANTED" }]);
    const { raw } = getDatabase();
    const [row] = await raw.query<{ id: string }>(`SELECT "id" FROM "ConsentRecord" WHERE "customerId" = $1`, [
      viewer.customerId,
    ]);
    await expect(
      raw.query(`UPDATE "ConsentRecord" SET "state" = 'WITHDRAWN' WHERE "id" = $1`, [row.id]),
    ).rejects.toThrow(/append-only \(UPDATE refused\)/);
    await expect(raw.query(`DELETE FROM "ConsentRecord" WHERE "id" = $1`, [row.id])).rejects.toThrow(
      /append-only \(DELETE refused\)/,
    );
    await expect(raw.exec(`TRUNCATE "ConsentRecord" CASCADE`)).rejects.toThrow(/append-only \(TRUNCATE refused\)/);
    const after = await raw.query<{ state: string }>(
      `SELECT "state"::text AS "state" FROM "ConsentRecord" WHERE "id" = $1`,
      [row.id],
    );
    expect(after).toEqual([{ state: "GRANTED" }]);
  });
});

describe("denied access", () => {
  it("signed out: no consents, no history, no changes", async () => {
    const result = await gql(`{ viewer { isSignedIn customer { id consents { state } } } }`);
    expect(result.data).toEqual({ viewer: { isSignedIn: false, customer: null } });
    const changed = await update(ANONYMOUS, [{ key: "profiling", state: "GRANTED" }]);
    expect(changed).toEqual({
      consents: null,
      isConfirmationSent: null,
      userErrors: [{ field: null, code: "UNAUTHENTICATED", message: "Sign in to continue." }],
    });
    const gpc = await gql(
      `mutation { consentApplyGlobalPrivacyControl { consents { state } withdrawnPurposes { key } userErrors { code } } }`,
      {},
      ANONYMOUS,
      { globalPrivacyControl: true },
    );
    expect(gpc.data).toEqual({
      consentApplyGlobalPrivacyControl: {
        consents: null,
        withdrawnPurposes: null,
        userErrors: [{ code: "UNAUTHENTICATED" }],
      },
    });
  });

  it("another customer: nothing of theirs is readable or changeable", async () => {
    const owner = await signedInViewer({ shop: "almaz" });
    await update(owner, [{ key: "profiling", state: "GRANTED" }]);
    const other = await signedInViewer({ shop: "almaz" });
    // Their Customer node is not reachable, so neither are its consents.
    const ownerId = Buffer.from(`Customer:${owner.customerId}`).toString("base64url");
    const node = await gql(
      `query($id: ID!) { node(id: $id) { ... on Customer { consents { state } consentHistory { totalCount } } } }`,
      { id: ownerId },
      other,
    );
    expect(node.data).toEqual({ node: null });
    // Their own view shows their own (empty) ledger.
    expect(stateOf(await consentsOf(other), "profiling")).toBe("NOT_GIVEN");
    await update(other, [{ key: "profiling", state: "WITHDRAWN" }]);
    expect(stateOf(await consentsOf(owner), "profiling")).toBe("GRANTED");
  });

  it("another shop: a purpose of another shop is refused, and records stay in their shop", async () => {
    const viewer = await signedInViewer({ shop: "micro-image" });
    const result = await update(viewer, [{ key: "profiling", state: "GRANTED" }]);
    expect(result.userErrors).toEqual([
      {
        field: ["input", "changes", "0", "key"],
        code: "NOT_FOUND",
        message: 'Micro-Image does not offer "profiling".',
      },
    ]);
    expect((await ledger(viewer)).records).toBe(0);
    // A customer of another shop with the same email address has a separate ledger.
    const email = (await getPrisma().customer.findUniqueOrThrow({ where: { id: viewer.customerId } })).email;
    const twin = await signedInViewer({ shop: "almaz", email });
    await update(twin, [{ key: "profiling", state: "GRANTED" }]);
    expect((await ledger(viewer)).records).toBe(0);
    expect(
      await getPrisma().consentRecord.count({ where: { customerId: twin.customerId, shopId: twin.shop.id } }),
    ).toBe(1);
  });
});
