import { setTimeout as sleep } from "node:timers/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { toGlobalId } from "@/graphql/global-id";
import { verifyAuditChain } from "@/server/audit";
import type { AgentViewer, CustomerViewer } from "@/server/auth/viewer";
import { getPrisma } from "@/server/db";
import { agentViewer, impersonating, TEST_PASSWORD, uniqueEmail, viewerWithHistory } from "../factories";
import { gql } from "../support/graphql";

// Every audit row and consent record written while an agent acts in a customer's
// account names the agent as the actor and the support session (DESIGN.md, "Who acts for
// whom"); what agents may not do is refused with FORBIDDEN and changes nothing.

const SHOP = "micro-image";

// The My data page's own query (app/[shop]/account/privacy/data/page.tsx, MyDataPage).
const MY_DATA = `query MyDataPage {
  viewer {
    shop {
      handle
      name
      policy {
        purposes { key label legalBasis legalBasisDetail }
        recipients { key name location isOutsideEEA }
      }
    }
    customer {
      dataCategories {
        key
        label
        description
        isDeclared
        sources
        purposes { key }
        recipients { key }
        retention { keptUntil explanation rule { key label keepOnErasure } }
        datasets { id label count isCountExact }
      }
    }
  }
}`;

const RECORDS = `query Records($id: ID!) {
  viewer { customer { dataset(id: $id) { id records(first: 5) { totalCount edges { node { id values { field value isMasked } } } } } } }
}`;
const ACCOUNT = `{ viewer { customer { id email firstName addresses { id city } orders(first: 3) { totalCount }
  consents { purpose { key } state } consentHistory(first: 3) { totalCount } exports { totalCount }
  deletionRequest { id } accessLog(first: 3) { totalCount } } } }`;
const ERRORS = "userErrors { field code message }";
const CUSTOMER_UPDATE = `mutation($input: CustomerUpdateInput!) { customerUpdate(input: $input) { customer { firstName } ${ERRORS} } }`;
const ADDRESS_CREATE = `mutation($input: AddressInput!) { addressCreate(input: $input) { address { id } ${ERRORS} } }`;
const ADDRESS_UPDATE = `mutation($id: ID!, $input: AddressUpdateInput!) { addressUpdate(id: $id, input: $input) { address { id city } ${ERRORS} } }`;
const ADDRESS_DELETE = `mutation($id: ID!) { addressDelete(id: $id) { deletedAddressId ${ERRORS} } }`;
const CONSENT_UPDATE = `mutation($input: ConsentUpdateInput!) { consentUpdate(input: $input) { consents { state } ${ERRORS} } }`;
const EMAIL_CHANGE = `mutation($input: CustomerEmailChangeRequestInput!) { customerEmailChangeRequest(input: $input) { pendingEmail ${ERRORS} } }`;
const EXPORT_CREATE = `mutation($input: ExportCreateInput!) { exportCreate(input: $input) { export { id } ${ERRORS} } }`;
const DELETION_REQUEST = `mutation($input: AccountDeletionRequestInput!) { accountDeletionRequest(input: $input) { deletionRequest { id } ${ERRORS} } }`;
const REVEAL = `mutation($input: DataRevealInput!) { dataReveal(input: $input) { value ${ERRORS} } }`;

type Payload = { userErrors: { field: string[] | null; code: string; message: string }[] } & Record<string, unknown>;

async function run(viewer: CustomerViewer | AgentViewer, query: string, variables: Record<string, unknown> = {}) {
  const result = await gql(query, variables, viewer);
  expect(result.errors, query).toBeUndefined();
  return result.data as Record<string, unknown>;
}

async function mutation(viewer: CustomerViewer | AgentViewer, query: string, variables: Record<string, unknown>) {
  const data = await run(viewer, query, variables);
  return Object.values(data)[0] as Payload;
}

const counts = (customerId: string) =>
  Promise.all([
    getPrisma().emailChangeRequest.count({ where: { customerId } }),
    getPrisma().export.count({ where: { customerId } }),
    getPrisma().deletionRequest.count({ where: { customerId } }),
  ]);

describe("acting in a customer's account", () => {
  let customer: CustomerViewer;
  let agent: AgentViewer;
  let acting: AgentViewer;
  let since: Date;
  let purposeKey: string;
  let before: number[];

  beforeAll(async () => {
    customer = await viewerWithHistory({ shop: SHOP, orderCount: 2, isDemo: true });
    const { viewer } = (await run(
      customer,
      `{ viewer { shop { policy { consentPurposes { key isRequired requiresConfirmation } } } } }`,
    )) as {
      viewer: {
        shop: { policy: { consentPurposes: { key: string; isRequired: boolean; requiresConfirmation: boolean }[] } };
      };
    };
    const purpose = viewer.shop.policy.consentPurposes.find((p) => !p.isRequired && !p.requiresConfirmation);
    if (!purpose) throw new Error("the shop offers no purpose to grant in one step");
    purposeKey = purpose.key;
    // The customer grants it themself, before the support session.
    expect(
      (await mutation(customer, CONSENT_UPDATE, { input: { changes: [{ key: purposeKey, state: "GRANTED" }] } }))
        .userErrors,
    ).toEqual([]);
    before = await counts(customer.customerId);
    agent = await agentViewer({ shop: SHOP, role: "SUPPORT" });
    await sleep(5);
    since = new Date();
    acting = await impersonating(agent, customer.customerId);
  });

  it("shows the agent the same My data as the customer", async () => {
    const first = await run(acting, MY_DATA);
    const asCustomer = await run(customer, MY_DATA);
    // Once the agent's views are recorded, reading again writes nothing that could change a count.
    const asAgent = await run(acting, MY_DATA);
    expect(asAgent).toEqual(asCustomer);
    expect(first).toMatchObject({ viewer: { shop: { handle: SHOP } } });
    const categories = (asAgent.viewer as { customer: { dataCategories: { datasets: { id: string }[] }[] } }).customer
      .dataCategories;
    expect(categories.length).toBeGreaterThan(0);
    const dataset = categories.flatMap((c) => c.datasets)[0];
    if (!dataset) throw new Error("no data set");
    expect(await run(acting, RECORDS, { id: dataset.id })).toEqual(await run(customer, RECORDS, { id: dataset.id }));
    const account = await run(acting, ACCOUNT);
    expect((account.viewer as { customer: { id: string } }).customer.id).toBe(
      toGlobalId("Customer", customer.customerId),
    );
  });

  it("lets the agent correct details, addresses, and withdraw a consent", async () => {
    expect((await mutation(acting, CUSTOMER_UPDATE, { input: { firstName: "Corrected" } })).userErrors).toEqual([]);
    const created = await mutation(acting, ADDRESS_CREATE, {
      input: {
        recipientName: "Ana Popescu",
        line1: "Strada Lipscani 12",
        city: "București",
        postalCode: "030031",
        country: "RO",
      },
    });
    expect(created.userErrors).toEqual([]);
    const id = (created.address as { id: string }).id;
    expect((await mutation(acting, ADDRESS_UPDATE, { id, input: { city: "Cluj-Napoca" } })).userErrors).toEqual([]);
    expect((await mutation(acting, ADDRESS_DELETE, { id })).userErrors).toEqual([]);
    const withdrawn = await mutation(acting, CONSENT_UPDATE, {
      input: { changes: [{ key: purposeKey, state: "WITHDRAWN" }] },
    });
    expect(withdrawn.userErrors).toEqual([]);
  });

  it("refuses what only the customer may do, with FORBIDDEN, changing nothing", async () => {
    const refused: [string, string, Record<string, unknown>][] = [
      [
        "customerEmailChangeRequest",
        EMAIL_CHANGE,
        { input: { newEmail: uniqueEmail("new"), password: TEST_PASSWORD } },
      ],
      ["exportCreate", EXPORT_CREATE, { input: { format: "JSON" } }],
      ["accountDeletionRequest", DELETION_REQUEST, { input: { password: TEST_PASSWORD, confirmation: "DELETE" } }],
      ["consentUpdate (grant)", CONSENT_UPDATE, { input: { changes: [{ key: purposeKey, state: "GRANTED" }] } }],
      [
        "dataReveal (SUPPORT)",
        REVEAL,
        { input: { recordId: toGlobalId("Customer", customer.customerId), field: "nationalId" } },
      ],
    ];
    for (const [name, query, variables] of refused) {
      const payload = await mutation(acting, query, variables);
      expect(
        payload.userErrors.map((e) => e.code),
        name,
      ).toEqual(["FORBIDDEN"]);
      for (const [key, value] of Object.entries(payload)) if (key !== "userErrors") expect(value, name).toBeNull();
    }
    expect(await counts(customer.customerId)).toEqual(before);
    const row = await getPrisma().customer.findUniqueOrThrow({ where: { id: customer.customerId } });
    expect(row.status).toBe("ACTIVE");
    const state = await getPrisma().consentRecord.findFirstOrThrow({
      where: { customerId: customer.customerId, purposeKey },
      orderBy: { createdAt: "desc" },
    });
    expect(state.state).toBe("WITHDRAWN");
    const refusals = await getPrisma().auditEvent.findMany({
      where: { customerId: customer.customerId, action: "impersonation.refused", createdAt: { gte: since } },
    });
    expect(refusals.map((r) => (r.details as { attempted: string }).attempted).sort()).toEqual(
      ["consent.grant", "data.reveal", "deletion.request", "email.change", "export.create"].sort(),
    );
  });

  it("lets a privacy officer reveal a masked value", async () => {
    const officer = await impersonating(
      await agentViewer({ shop: SHOP, role: "PRIVACY_OFFICER" }),
      customer.customerId,
    );
    const row = await getPrisma().customer.findUniqueOrThrow({ where: { id: customer.customerId } });
    expect(row.nationalId).toBeTruthy();
    const payload = await mutation(officer, REVEAL, {
      input: { recordId: toGlobalId("Customer", customer.customerId), field: "nationalId" },
    });
    expect(payload).toEqual({ value: row.nationalId, userErrors: [] });
    const reveal = await getPrisma().auditEvent.findFirstOrThrow({
      where: { customerId: customer.customerId, action: "data.reveal" },
    });
    expect(reveal).toMatchObject({
      actorType: "AGENT",
      actorId: officer.agent.id,
      impersonationId: officer.impersonation?.id,
    });
  });

  it("every audit row written while impersonating names the agent as actor", async () => {
    const sessions = await getPrisma().impersonation.findMany({
      where: { customerId: customer.customerId },
      select: { id: true, agentId: true },
    });
    const sessionOf = new Map(sessions.map((s) => [s.agentId, s.id]));
    expect(sessionOf.get(agent.agent.id)).toBe(acting.impersonation?.id);

    const events = await getPrisma().auditEvent.findMany({
      where: { customerId: customer.customerId, createdAt: { gte: since } },
      orderBy: { sequence: "asc" },
    });
    const actions = new Set(events.map((e) => e.action));
    for (const expected of ["impersonation.start", "impersonation.view", "impersonation.refused", "data.reveal"]) {
      expect(actions, expected).toContain(expected);
    }
    // The corrections, address changes and the withdrawal are audited too.
    expect(events.length).toBeGreaterThanOrEqual(14);
    for (const event of events) {
      const where = `${event.action} #${event.sequence}`;
      expect(event.actorType, where).toBe("AGENT");
      expect(event.actorId === agent.agent.id || sessionOf.has(event.actorId ?? ""), where).toBe(true);
      expect(event.impersonationId, where).toBe(sessionOf.get(event.actorId ?? ""));
    }
    // The SUPPORT agent's rows name their own session.
    const ofSupport = events.filter((e) => e.actorId === agent.agent.id);
    expect(ofSupport.length).toBeGreaterThanOrEqual(12);
    expect(new Set(ofSupport.map((e) => e.impersonationId))).toEqual(new Set([acting.impersonation?.id]));

    const records = await getPrisma().consentRecord.findMany({
      where: { customerId: customer.customerId, createdAt: { gte: since } },
    });
    expect(records).toHaveLength(1);
    for (const record of records) {
      expect(record).toMatchObject({
        actorType: "AGENT",
        actorId: agent.agent.id,
        impersonationId: acting.impersonation?.id,
        state: "WITHDRAWN",
        source: "SUPPORT_AGENT",
      });
    }
  });

  it("leaves the shop's audit chain intact", async () => {
    const shopId = customer.shop.id;
    const report = await verifyAuditChain({ shopId });
    expect(report.isValid, JSON.stringify(report.reason)).toBe(true);
    expect(report.checked).toBeGreaterThan(0);
  });
});
