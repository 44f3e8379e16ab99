import { describe, expect, it } from "vitest";
import { toGlobalId } from "@/graphql/global-id";
import { personalModels } from "@/server/data-map";
import { ownerWhere } from "@/server/data-map/view";
import { countQueries, getPrisma } from "@/server/db";
import { viewerWithHistory } from "../factories";
import { gql } from "../support/graphql";

const MY_DATA = `query MyData($after: String) {
  viewer { customer { dataCategories {
    key label isDeclared sources
    purposes { key legalBasis }
    recipients { key location }
    retention { keptUntil explanation rule { key text } }
    datasets { id label count fields { key source isSensitive }
      records(first: 100, after: $after) {
        totalCount pageInfo { hasNextPage endCursor }
        edges { node { id keptUntil values { field value isMasked } } }
      }
    }
  } } }
}`;

type Value = { field: string; value: string | null; isMasked: boolean };
type Dataset = {
  id: string;
  count: number;
  records: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean };
    edges: { node: { id: string; values: Value[] } }[];
  };
};
type Category = {
  key: string;
  isDeclared: boolean;
  purposes: { key: string; legalBasis: string }[];
  recipients: { key: string }[];
  retention: { explanation: string }[];
  datasets: Dataset[];
};

async function myData(viewer: Awaited<ReturnType<typeof viewerWithHistory>>): Promise<Category[]> {
  const { data, errors } = await gql(MY_DATA, {}, viewer);
  expect(errors).toBeUndefined();
  return (data as { viewer: { customer: { dataCategories: Category[] } } }).viewer.customer.dataCategories;
}

// What a raw stored value looks like on My data.
function shown(value: unknown, field: string): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "number" && field.endsWith("Cents")) return (value / 100).toFixed(2);
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

describe("My data", () => {
  it("shows every personal value stored for the customer, and nothing of anyone else", async () => {
    const viewer = await viewerWithHistory({ shop: "almaz", orderCount: 8, isDemo: true });
    const neighbour = await viewerWithHistory({ shop: "almaz", orderCount: 3 });
    const elsewhere = await viewerWithHistory({ shop: "micro-image", orderCount: 3 });
    const categories = await myData(viewer);

    const shownValues = new Map<string, Value>();
    for (const category of categories) {
      for (const dataset of category.datasets) {
        expect(dataset.records.pageInfo.hasNextPage, dataset.id).toBe(false);
        for (const edge of dataset.records.edges) {
          for (const value of edge.node.values) shownValues.set(`${edge.node.id}.${value.field}`, value);
        }
      }
    }

    let checked = 0;
    const prisma = getPrisma() as unknown as Record<
      string,
      { findMany(a: object): Promise<Record<string, unknown>[]> }
    >;
    for (const entry of personalModels()) {
      const rows = await prisma[entry.model.charAt(0).toLowerCase() + entry.model.slice(1)].findMany({
        where: ownerWhere(entry, viewer),
      });
      for (const row of rows) {
        for (const [field, spec] of Object.entries(entry.fields)) {
          if (row[field] === null || row[field] === undefined) continue;
          const value = shownValues.get(`${toGlobalId(entry.model, String(row.id))}.${field}`);
          expect(value, `${entry.model}.${field}`).toBeDefined();
          if (spec.isSensitive) {
            expect(value?.isMasked, `${entry.model}.${field}`).toBe(true);
          } else if (field === "dateOfBirth") {
            expect(value?.value).toBe((row[field] as Date).toISOString().slice(0, 10));
          } else {
            expect(value?.value, `${entry.model}.${field}`).toContain(shown(row[field], field));
          }
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(300);

    const everything = JSON.stringify(categories);
    for (const other of [neighbour, elsewhere]) {
      const customer = await getPrisma().customer.findUniqueOrThrow({ where: { id: other.customerId } });
      expect(everything).not.toContain(customer.email);
      expect(everything).not.toContain(toGlobalId("Customer", other.customerId));
    }
  });

  it("explains each category with the profile's purposes, recipients and retention", async () => {
    const viewer = await viewerWithHistory({ shop: "crystalline", orderCount: 4 });
    const categories = await myData(viewer);
    const profile = viewer.shop.profile;
    expect(categories.filter((c) => c.isDeclared).map((c) => c.key)).toEqual(profile.dataCategories.map((c) => c.key));
    const orders = categories.find((c) => c.key === "orders");
    expect(orders?.purposes.length).toBeGreaterThan(0);
    expect(orders?.purposes.every((p) => /^[A-Z_]+$/.test(p.legalBasis))).toBe(true);
    expect(orders?.retention.some((r) => r.explanation.startsWith("10 years"))).toBe(true);
    const documents = categories.find((c) => c.key === "documents");
    expect(documents?.datasets.find((d) => d.id === "Invoice:documents")?.count).toBeGreaterThan(0);
  });

  it("masks sensitive values", async () => {
    const viewer = await viewerWithHistory({ shop: "micro-image", orderCount: 2, isDemo: true });
    const customer = await getPrisma().customer.findUniqueOrThrow({ where: { id: viewer.customerId } });
    const categories = await myData(viewer);
    const json = JSON.stringify(categories);
    expect(customer.nationalId).toBeTruthy();
    expect(json).not.toContain(customer.nationalId);
    const phones = await getPrisma().customerPhone.findMany({ where: { customerId: viewer.customerId } });
    for (const phone of phones) expect(json).not.toContain(phone.number);
  });

  it("runs a fixed number of SQL statements, whatever the number of orders or addresses", async () => {
    const small = await viewerWithHistory({ shop: "almaz", orderCount: 2 });
    const large = await viewerWithHistory({ shop: "almaz", orderCount: 40 });
    await getPrisma().address.createMany({
      data: Array.from({ length: 6 }, (_, i) => ({
        customerId: large.customerId,
        recipientName: "Extra",
        line1: `Strada ${i}`,
        city: "Cluj",
        postalCode: "400000",
        country: "RO",
      })),
    });
    const { queries: forSmall } = await countQueries(() => myData(small));
    const { queries: forLarge } = await countQueries(() => myData(large));
    expect(forSmall).toBeGreaterThan(0);
    expect(forLarge).toBe(forSmall);
  });
});

describe("orders, invoices and warranty certificates", () => {
  const ORDERS = `query($first: Int, $after: String) { viewer { customer {
    orders(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor }
      edges { node { id number placedAt total { cents formatted } items { productName quantity unitPrice { cents } } } } }
  } } }`;

  it("pages orders newest first without gaps or repeats", async () => {
    const viewer = await viewerWithHistory({ shop: "allegra", orderCount: 12 });
    const seen: { number: string; placedAt: string }[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page++) {
      const { data } = await gql(ORDERS, { first: 5, after }, viewer);
      const orders = (
        data as {
          viewer: {
            customer: {
              orders: {
                totalCount: number;
                pageInfo: { hasNextPage: boolean; endCursor: string };
                edges: { node: { number: string; placedAt: string } }[];
              };
            };
          };
        }
      ).viewer.customer.orders;
      expect(orders.totalCount).toBe(12);
      seen.push(...orders.edges.map((e) => e.node));
      if (!orders.pageInfo.hasNextPage) break;
      after = orders.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(12);
    expect(new Set(seen.map((o) => o.number)).size).toBe(12);
    const dates = seen.map((o) => o.placedAt);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it("refuses page sizes above 100 and foreign cursors show nothing foreign", async () => {
    const viewer = await viewerWithHistory({ shop: "allegra", orderCount: 3 });
    const other = await viewerWithHistory({ shop: "allegra", orderCount: 3 });
    const big = await gql(ORDERS, { first: 101 }, viewer);
    expect(big.errors?.[0]).toMatchObject({ extensions: { code: "INVALID_INPUT" } });
    const otherOrder = await getPrisma().order.findFirstOrThrow({ where: { customerId: other.customerId } });
    const cursor = Buffer.from(otherOrder.id).toString("base64url");
    const result = await gql(ORDERS, { first: 10, after: cursor }, viewer);
    expect(JSON.stringify(result)).not.toContain(otherOrder.number);
    const garbage = await gql(ORDERS, { first: 10, after: "not-a-cursor" }, viewer);
    expect(garbage.errors?.[0]).toMatchObject({ extensions: { code: "INVALID_INPUT" } });
  });

  it("lists invoices and certificates with download links for their owner", async () => {
    const viewer = await viewerWithHistory({ shop: "micro-image", orderCount: 6 });
    const { data } = await gql(
      `{ viewer { customer {
        invoices(first: 100) { totalCount edges { node { id number total { cents } downloadUrl } } }
        warrantyCertificates(first: 100) { totalCount edges { node { id number validUntil downloadUrl } } }
      } } }`,
      {},
      viewer,
    );
    const customer = (
      data as {
        viewer: {
          customer: { invoices: { totalCount: number; edges: { node: { id: string; downloadUrl: string } }[] } };
        };
      }
    ).viewer.customer;
    const count = await getPrisma().invoice.count({ where: { customerId: viewer.customerId } });
    expect(customer.invoices.totalCount).toBe(count);
    for (const { node } of customer.invoices.edges) expect(node.downloadUrl).toBe(`/api/documents/${node.id}`);
  });
});

describe("denied access", () => {
  it("gives a signed-out caller no customer and no data", async () => {
    const { data, errors } = await gql("{ viewer { customer { dataCategories { key } orders { totalCount } } } }");
    expect(errors).toBeUndefined();
    expect(data).toEqual({ viewer: { customer: null } });
  });
});

describe("revealing a masked value", () => {
  const REVEAL = `mutation($input: DataRevealInput!) { dataReveal(input: $input) { value userErrors { field code message } } }`;

  it("shows the value to its owner and records the reveal without the value", async () => {
    const viewer = await viewerWithHistory({ shop: "micro-image", orderCount: 1, isDemo: true });
    const customer = await getPrisma().customer.findUniqueOrThrow({ where: { id: viewer.customerId } });
    const recordId = toGlobalId("Customer", viewer.customerId);
    const { data } = await gql(REVEAL, { input: { recordId, field: "nationalId" } }, viewer);
    expect(data?.dataReveal).toEqual({ value: customer.nationalId, userErrors: [] });
    const events = await getPrisma().auditEvent.findMany({
      where: { customerId: viewer.customerId, action: "data.reveal" },
    });
    expect(events).toHaveLength(1);
    expect(events[0].details).toEqual({ model: "Customer", recordId: viewer.customerId, field: "nationalId" });
    expect(JSON.stringify(events[0])).not.toContain(String(customer.nationalId));
  });

  it("refuses fields that are not masked, other people's records and signed-out callers, recording nothing", async () => {
    const viewer = await viewerWithHistory({ shop: "almaz", orderCount: 1 });
    const neighbour = await viewerWithHistory({ shop: "almaz", orderCount: 1 });
    const elsewhere = await viewerWithHistory({ shop: "allegra", orderCount: 1 });
    const cases: [Record<string, string>, typeof viewer | undefined, string][] = [
      [{ recordId: toGlobalId("Customer", viewer.customerId), field: "firstName" }, viewer, "INVALID_INPUT"],
      [{ recordId: toGlobalId("Customer", neighbour.customerId), field: "dateOfBirth" }, viewer, "NOT_FOUND"],
      [{ recordId: toGlobalId("Customer", elsewhere.customerId), field: "dateOfBirth" }, viewer, "NOT_FOUND"],
      [{ recordId: toGlobalId("Shop", viewer.shop.id), field: "handle" }, viewer, "NOT_FOUND"],
      [{ recordId: "garbage", field: "dateOfBirth" }, viewer, "NOT_FOUND"],
      [{ recordId: toGlobalId("Customer", viewer.customerId), field: "dateOfBirth" }, undefined, "UNAUTHENTICATED"],
    ];
    for (const [input, asViewer, code] of cases) {
      const { data } = await gql(REVEAL, { input }, asViewer);
      const payload = (data as { dataReveal: { value: unknown; userErrors: { code: string }[] } }).dataReveal;
      expect(payload.value, JSON.stringify(input)).toBeNull();
      expect(payload.userErrors[0].code, JSON.stringify(input)).toBe(code);
    }
    const ids = [viewer.customerId, neighbour.customerId, elsewhere.customerId];
    expect(await getPrisma().auditEvent.count({ where: { action: "data.reveal", customerId: { in: ids } } })).toBe(0);
  });
});

describe("node(id:) for orders and documents", () => {
  it("resolves the owner's order and hides everyone else's", async () => {
    const viewer = await viewerWithHistory({ shop: "almaz", orderCount: 2 });
    const other = await viewerWithHistory({ shop: "almaz", orderCount: 2 });
    const mine = await getPrisma().order.findFirstOrThrow({ where: { customerId: viewer.customerId } });
    const theirs = await getPrisma().order.findFirstOrThrow({ where: { customerId: other.customerId } });
    const NODE = "query($id: ID!) { node(id: $id) { __typename ... on Order { number } } }";
    expect((await gql(NODE, { id: toGlobalId("Order", mine.id) }, viewer)).data?.node).toEqual({
      __typename: "Order",
      number: mine.number,
    });
    expect((await gql(NODE, { id: toGlobalId("Order", theirs.id) }, viewer)).data?.node).toBeNull();
    expect((await gql(NODE, { id: toGlobalId("Order", mine.id) })).data?.node).toBeNull();
  });
});

describe("paging a data set", () => {
  const DATASET = `query($after: String) { viewer { customer { dataset(id: "Order:orders") {
    count records(first: 4, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id values { field value } } } }
  } } } }`;
  type Result = {
    viewer: {
      customer: {
        dataset: {
          count: number;
          records: {
            pageInfo: { hasNextPage: boolean; endCursor: string };
            edges: { node: { id: string; values: { field: string; value: string }[] } }[];
          };
        };
      };
    };
  };

  it("walks every record once, newest first, and ignores a foreign cursor", async () => {
    const viewer = await viewerWithHistory({ shop: "crystalline", orderCount: 10 });
    const other = await viewerWithHistory({ shop: "crystalline", orderCount: 3 });
    const ids: string[] = [];
    const dates: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 5; i++) {
      const { data } = await gql(DATASET, { after }, viewer);
      const { records, count } = (data as Result).viewer.customer.dataset;
      expect(count).toBe(10);
      for (const { node } of records.edges) {
        ids.push(node.id);
        dates.push(node.values.find((v) => v.field === "placedAt")?.value ?? "");
      }
      if (!records.pageInfo.hasNextPage) break;
      after = records.pageInfo.endCursor;
    }
    expect(new Set(ids).size).toBe(10);
    expect(dates).toEqual([...dates].sort().reverse());
    const foreign = await getPrisma().order.findFirstOrThrow({ where: { customerId: other.customerId } });
    const { data } = await gql(DATASET, { after: Buffer.from(foreign.id).toString("base64url") }, viewer);
    expect((data as Result).viewer.customer.dataset.records.edges).toEqual([]);
  });
});

describe("large accounts", () => {
  it("counts up to 1,000 and says when there are more, while paging still reaches every record", async () => {
    const viewer = await viewerWithHistory({ shop: "almaz", orderCount: 1 });
    const { generateOrders } = await import("@/prisma/seed/index");
    const customer = await getPrisma().customer.findUniqueOrThrow({ where: { id: viewer.customerId } });
    await generateOrders(getPrisma(), {
      shopHandle: "almaz",
      email: customer.email,
      orders: 1001,
      log: () => undefined,
    });
    const { data } = await gql(
      `{ viewer { customer {
        dataset(id: "Order:orders") { count isCountExact }
        addresses: dataset(id: "Address:addresses") { count isCountExact }
        orders(first: 1) { totalCount }
      } } }`,
      {},
      viewer,
    );
    const result = (data as { viewer: { customer: Record<string, unknown> } }).viewer.customer;
    expect(result.dataset).toEqual({ count: 1000, isCountExact: false });
    expect((result.addresses as { isCountExact: boolean }).isCountExact).toBe(true);
    expect(result.orders).toEqual({
      totalCount: await getPrisma().order.count({ where: { customerId: viewer.customerId } }),
    });
  });
});
