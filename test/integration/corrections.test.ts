import { describe, expect, it } from "vitest";
import { toGlobalId } from "@/graphql/global-id";
import { recordAuditEvent, verifyAuditChain } from "@/server/audit";
import { ANONYMOUS, type CustomerViewer, type Viewer } from "@/server/auth/viewer";
import type { DataCategoryKey } from "@/server/data-map/categories";
import { getDatabase, getPrisma } from "@/server/db";
import type { ShopRef } from "@/server/tenants";
import { signedInViewer } from "../factories";
import { auditValuesOf } from "../support/audit";
import { gql } from "../support/graphql";

// GDPR Art. 16 "Correct my data" through the real GraphQL server: customerUpdate and
// the address book, with the audit log and the Art. 19 recipient queue they feed.

type UserError = { field: string[] | null; code: string; message: string };
type Phone = { kind: string; number: string; isPrimary: boolean };
type CustomerResult = {
  id: string;
  firstName: string;
  lastName: string;
  alias: string | null;
  displayName: string;
  dateOfBirth: string | null;
  gender: string | null;
  hometown: string | null;
  phones: Phone[];
};
type AddressResult = {
  id: string;
  label: string | null;
  recipientName: string;
  line1: string;
  line2: string | null;
  city: string;
  region: string | null;
  postalCode: string;
  country: string;
  countryName: string;
  phone: string | null;
  isDefaultShipping: boolean;
  isDefaultBilling: boolean;
  createdAt: string;
  updatedAt: string;
};

const CUSTOMER_FIELDS =
  "id firstName lastName alias displayName dateOfBirth gender hometown phones { kind number isPrimary }";
const ADDRESS_FIELDS =
  "id label recipientName line1 line2 city region postalCode country countryName phone isDefaultShipping isDefaultBilling createdAt updatedAt";
const ERRORS = "userErrors { field code message }";

const CUSTOMER_UPDATE = `mutation($input: CustomerUpdateInput!) {
  customerUpdate(input: $input) { customer { ${CUSTOMER_FIELDS} } ${ERRORS} }
}`;
const ADDRESS_CREATE = `mutation($input: AddressInput!) {
  addressCreate(input: $input) { address { ${ADDRESS_FIELDS} } ${ERRORS} }
}`;
const ADDRESS_UPDATE = `mutation($id: ID!, $input: AddressUpdateInput!) {
  addressUpdate(id: $id, input: $input) { address { ${ADDRESS_FIELDS} } ${ERRORS} }
}`;
const ADDRESS_DELETE = `mutation($id: ID!) { addressDelete(id: $id) { deletedAddressId ${ERRORS} } }`;
const ME = `{ viewer { customer { ${CUSTOMER_FIELDS} addresses { ${ADDRESS_FIELDS} } } } }`;
const NODE = "query($id: ID!) { node(id: $id) { id ... on Address { city } } }";

async function mutate<T>(query: string, variables: Record<string, unknown>, viewer: Viewer) {
  const result = await gql(query, variables, viewer);
  expect(result.errors).toBeUndefined();
  const [payload] = Object.values(result.data ?? {});
  return payload as T & { userErrors: UserError[] };
}

const updateCustomer = (input: Record<string, unknown>, viewer: Viewer) =>
  mutate<{ customer: CustomerResult | null }>(CUSTOMER_UPDATE, { input }, viewer);
const createAddress = (input: Record<string, unknown>, viewer: Viewer) =>
  mutate<{ address: AddressResult | null }>(ADDRESS_CREATE, { input }, viewer);
const updateAddress = (id: string, input: Record<string, unknown>, viewer: Viewer) =>
  mutate<{ address: AddressResult | null }>(ADDRESS_UPDATE, { id, input }, viewer);
const deleteAddress = (id: string, viewer: Viewer) =>
  mutate<{ deletedAddressId: string | null }>(ADDRESS_DELETE, { id }, viewer);

async function me(viewer: Viewer) {
  const result = await gql(ME, {}, viewer);
  expect(result.errors).toBeUndefined();
  const data = result.data as { viewer: { customer: (CustomerResult & { addresses: AddressResult[] }) | null } };
  return data.viewer.customer;
}

const addressInput = (overrides: Record<string, unknown> = {}) => ({
  label: "Home",
  recipientName: "Ana Popescu",
  line1: "Strada Lipscani 12",
  city: "București",
  postalCode: "030031",
  country: "RO",
  ...overrides,
});

async function addAddress(viewer: CustomerViewer, overrides: Record<string, unknown> = {}) {
  const payload = await createAddress(addressInput(overrides), viewer);
  expect(payload.userErrors).toEqual([]);
  if (!payload.address) throw new Error("no address");
  return payload.address;
}

const rawId = (globalId: string) => Buffer.from(globalId, "base64url").toString("utf8").split(":")[1];

// Everything a correction could touch for one customer, to show that a refused one
// touched nothing.
async function stateOf(customerId: string) {
  const prisma = getPrisma();
  const [customer, phones, addresses, auditEvents, notifications] = await Promise.all([
    prisma.customer.findUniqueOrThrow({ where: { id: customerId } }),
    prisma.customerPhone.findMany({ where: { customerId }, orderBy: { id: "asc" } }),
    prisma.address.findMany({ where: { customerId }, orderBy: { id: "asc" } }),
    prisma.auditEvent.count({ where: { customerId } }),
    prisma.recipientNotification.count({ where: { customerId } }),
  ]);
  return { customer, phones, addresses, auditEvents, notifications };
}

const auditEventsOf = (customerId: string) =>
  getPrisma().auditEvent.findMany({ where: { customerId }, orderBy: { sequence: "asc" } });
const notificationsOf = (customerId: string) =>
  getPrisma().recipientNotification.findMany({ where: { customerId }, orderBy: { recipientKey: "asc" } });

const holding = (shop: ShopRef, category: DataCategoryKey) =>
  shop.profile.recipients
    .filter((r) => r.categories.includes(category))
    .map((r) => r.key)
    .sort();

function isoDay(offsetYears: number, offsetDays = 0): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear() + offsetYears, now.getUTCMonth(), now.getUTCDate() + offsetDays))
    .toISOString()
    .slice(0, 10);
}

async function expectChainValid(shopId: string) {
  const report = await verifyAuditChain({ shopId });
  expect(report).toMatchObject({ isValid: true, firstBrokenSequence: null, reason: null });
  expect(report.checked).toBeGreaterThan(0);
}

describe("customerUpdate", () => {
  it("corrects names, alias, date of birth, gender and hometown", async () => {
    const viewer = await signedInViewer({ shop: "almaz" });
    const payload = await updateCustomer(
      {
        firstName: "  Anna ",
        lastName: "Ionescu",
        alias: "Ani",
        dateOfBirth: "1990-04-17",
        gender: "FEMALE",
        hometown: "Cluj-Napoca",
      },
      viewer,
    );
    expect(payload.userErrors).toEqual([]);
    const expected = {
      id: toGlobalId("Customer", viewer.customerId),
      firstName: "Anna",
      lastName: "Ionescu",
      alias: "Ani",
      displayName: "Ani",
      dateOfBirth: "1990-04-17",
      gender: "FEMALE",
      hometown: "Cluj-Napoca",
      phones: [],
    };
    expect(payload.customer).toEqual(expected);
    expect(await me(viewer)).toEqual({ ...expected, addresses: [] });
    const row = await getPrisma().customer.findUniqueOrThrow({ where: { id: viewer.customerId } });
    expect(row.dateOfBirth?.toISOString()).toBe("1990-04-17T00:00:00.000Z");
  });

  it("changes only the fields sent; null and blank clear optional ones", async () => {
    const viewer = await signedInViewer();
    await updateCustomer({ alias: "Ani", hometown: "Iași", dateOfBirth: "1985-12-31", gender: "UNDISCLOSED" }, viewer);
    const payload = await updateCustomer({ alias: null, hometown: "  ", gender: null }, viewer);
    expect(payload.userErrors).toEqual([]);
    expect(payload.customer).toMatchObject({
      firstName: "Ana",
      lastName: "Popescu",
      alias: null,
      displayName: "Ana Popescu",
      hometown: null,
      gender: null,
      dateOfBirth: "1985-12-31",
    });
    expect((await updateCustomer({ dateOfBirth: null }, viewer)).customer?.dateOfBirth).toBeNull();
  });

  it("stores phones in E.164 (read in the shop's country) and replaces the whole set", async () => {
    const viewer = await signedInViewer({ shop: "almaz" });
    const first = await updateCustomer(
      {
        phones: [
          { kind: "MOBILE", number: "0712 345 678" },
          { kind: "WORK", number: "+44 20 7946 0958", isPrimary: true },
        ],
      },
      viewer,
    );
    expect(first.userErrors).toEqual([]);
    expect(first.customer?.phones).toEqual([
      { kind: "WORK", number: "+442079460958", isPrimary: true },
      { kind: "MOBILE", number: "+40712345678", isPrimary: false },
    ]);

    // Without a main number the first one is.
    const second = await updateCustomer({ phones: [{ kind: "HOME", number: "021 312 3456" }] }, viewer);
    expect(second.customer?.phones).toEqual([{ kind: "HOME", number: "+40213123456", isPrimary: true }]);
    expect(await getPrisma().customerPhone.count({ where: { customerId: viewer.customerId } })).toBe(1);

    const third = await updateCustomer({ phones: [] }, viewer);
    expect(third.customer?.phones).toEqual([]);
    expect(await getPrisma().customerPhone.count({ where: { customerId: viewer.customerId } })).toBe(0);
  });

  it("reads numbers without a prefix as numbers of the shop's country", async () => {
    const viewer = await signedInViewer({ shop: "allegra" });
    const payload = await updateCustomer({ phones: [{ kind: "MOBILE", number: "691 234 5678" }] }, viewer);
    expect(payload.userErrors).toEqual([]);
    expect(payload.customer?.phones).toEqual([{ kind: "MOBILE", number: "+306912345678", isPrimary: true }]);
  });

  it("records one audit event with old and new values, keeping the shop's chain valid", async () => {
    const viewer = await signedInViewer({ shop: "almaz" });
    await updateCustomer({ firstName: "Anna", phones: [{ kind: "MOBILE", number: "0712345678" }] }, viewer);
    const events = await auditEventsOf(viewer.customerId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      shopId: viewer.shop.id,
      actorType: "CUSTOMER",
      actorId: viewer.customerId,
      action: "customer.update",
      // The chain names the fields; the values are kept apart, under a salted digest.
      details: { fields: ["firstName", "phones"], valuesDigest: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
    expect(Object.keys(events[0].details as object).sort()).toEqual(["fields", "valuesDigest"]);
    expect(await auditValuesOf(events[0])).toEqual({
      changes: [
        { field: "firstName", from: "Ana", to: "Anna" },
        { field: "phones", from: [], to: [{ kind: "MOBILE", number: "+40712345678", isPrimary: true }] },
      ],
    });
    expect(JSON.stringify(events[0].details)).not.toMatch(/Ana|Anna|712345678/);
    expect(events[0].hash).toMatch(/^[0-9a-f]{64}$/);
    await expectChainValid(viewer.shop.id);
  });

  it("queues a rectification notice for each recipient holding a changed category, naming only its fields", async () => {
    const viewer = await signedInViewer({ shop: "almaz" });
    const identity = holding(viewer.shop, "identity");
    const contact = holding(viewer.shop, "contact");
    // Meaningful only if some recipients hold neither.
    const either = [...new Set([...identity, ...contact])].sort();
    expect(either.length).toBeGreaterThan(0);
    expect(either.length).toBeLessThan(viewer.shop.profile.recipients.length);

    await updateCustomer({ lastName: "Ionescu", phones: [{ kind: "MOBILE", number: "0712345678" }] }, viewer);
    const notifications = await notificationsOf(viewer.customerId);
    expect(notifications.map((n) => n.recipientKey)).toEqual(either);
    for (const n of notifications) {
      expect(n).toMatchObject({ shopId: viewer.shop.id, kind: "RECTIFICATION", status: "PENDING", deliveredAt: null });
      const fields = [
        ...(identity.includes(n.recipientKey) ? ["lastName"] : []),
        ...(contact.includes(n.recipientKey) ? ["phones"] : []),
      ];
      expect(n.payload).toEqual({ subject: "customer", fields });
    }
    // Names only: no value of the change reaches the queue.
    expect(JSON.stringify(notifications.map((n) => n.payload))).not.toMatch(/Ionescu|712345678/);
  });

  it("writes and records nothing when nothing actually changes", async () => {
    const viewer = await signedInViewer();
    await updateCustomer({ phones: [{ kind: "MOBILE", number: "+40712345678" }] }, viewer);
    const before = await stateOf(viewer.customerId);
    const payload = await updateCustomer(
      { firstName: "Ana", lastName: " Popescu ", alias: null, phones: [{ kind: "MOBILE", number: "0712 345 678" }] },
      viewer,
    );
    expect(payload.userErrors).toEqual([]);
    expect(payload.customer?.firstName).toBe("Ana");
    expect(await stateOf(viewer.customerId)).toEqual(before);
  });

  it.each([
    ["a date that does not exist", { dateOfBirth: "2023-02-30" }, ["input", "dateOfBirth"], /does not exist/],
    ["a date of birth in the future", { dateOfBirth: isoDay(0, 1) }, ["input", "dateOfBirth"], /future/],
    ["an age under 13", { dateOfBirth: isoDay(-5) }, ["input", "dateOfBirth"], /13/],
    ["an age over 120", { dateOfBirth: isoDay(-130) }, ["input", "dateOfBirth"], /120/],
    ["a date in another format", { dateOfBirth: "17.04.1990" }, ["input", "dateOfBirth"], /YYYY-MM-DD/],
    ["a blank first name", { firstName: "   " }, ["input", "firstName"], /Enter a name/],
    ["a first name of null", { firstName: null }, ["input", "firstName"], /Enter a name/],
    ["a last name that is too long", { lastName: "x".repeat(101) }, ["input", "lastName"], /100/],
    ["a first name on two lines", { firstName: "Ana\nMaria" }, ["input", "firstName"], /one line/],
    [
      "an invalid phone number",
      {
        phones: [
          { kind: "MOBILE", number: "0712345678" },
          { kind: "HOME", number: "12" },
        ],
      },
      ["input", "phones", "1", "number"],
      /valid phone number/,
    ],
    [
      "two main numbers",
      {
        phones: [
          { kind: "MOBILE", number: "0712345678", isPrimary: true },
          { kind: "HOME", number: "0213123456", isPrimary: true },
        ],
      },
      ["input", "phones", "1", "isPrimary"],
      /Only one/,
    ],
    [
      "the same number twice",
      {
        phones: [
          { kind: "MOBILE", number: "0712345678" },
          { kind: "WORK", number: "+40 712 345 678" },
        ],
      },
      ["input", "phones", "1", "number"],
      /already/,
    ],
  ])("refuses %s with a field error and changes nothing", async (_case, input, field, message) => {
    const viewer = await signedInViewer();
    const before = await stateOf(viewer.customerId);
    // A valid change alongside the invalid one is not applied either.
    const payload = await updateCustomer({ hometown: "Brașov", ...input }, viewer);
    expect(payload.customer).toBeNull();
    expect(payload.userErrors).toEqual([{ field, code: "INVALID_INPUT", message: expect.stringMatching(message) }]);
    expect(await stateOf(viewer.customerId)).toEqual(before);
  });
});

describe("address book", () => {
  it("adds an address with its phone in E.164 and a country name, and lists it", async () => {
    const viewer = await signedInViewer({ shop: "almaz" });
    const address = await addAddress(viewer, {
      line2: "Ap. 4",
      region: "Sector 3",
      country: "ro",
      phone: "0712 345 678",
    });
    expect(address).toMatchObject({
      label: "Home",
      recipientName: "Ana Popescu",
      line1: "Strada Lipscani 12",
      line2: "Ap. 4",
      city: "București",
      region: "Sector 3",
      postalCode: "030031",
      country: "RO",
      countryName: "Romania",
      phone: "+40712345678",
      isDefaultShipping: false,
      isDefaultBilling: false,
    });
    expect(rawId(address.id)).toMatch(/^[0-9a-f-]{36}$/);
    expect(address.id).toBe(toGlobalId("Address", rawId(address.id)));
    expect((await me(viewer))?.addresses).toEqual([address]);
    expect((await gql(NODE, { id: address.id }, viewer)).data?.node).toEqual({ id: address.id, city: "București" });
  });

  it("reads a delivery phone in the address's country", async () => {
    const viewer = await signedInViewer({ shop: "almaz" });
    const address = await addAddress(viewer, { country: "GB", city: "London", phone: "020 7946 0958" });
    expect(address).toMatchObject({ phone: "+442079460958", countryName: "United Kingdom" });
  });

  it("corrects only the fields sent and records old and new values", async () => {
    const viewer = await signedInViewer({ shop: "almaz" });
    const address = await addAddress(viewer, { line2: "Ap. 4" });
    const payload = await updateAddress(address.id, { city: "Cluj-Napoca", line2: null }, viewer);
    expect(payload.userErrors).toEqual([]);
    expect(payload.address).toEqual({
      ...address,
      city: "Cluj-Napoca",
      line2: null,
      updatedAt: expect.any(String),
    });
    const events = await auditEventsOf(viewer.customerId);
    expect(events.map((e) => e.action)).toEqual(["address.create", "address.update"]);
    expect(events[1].details).toEqual({
      addressId: rawId(address.id),
      fields: ["line2", "city"],
      valuesDigest: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(await auditValuesOf(events[1])).toEqual({
      changes: [
        { field: "line2", from: "Ap. 4", to: null },
        { field: "city", from: "București", to: "Cluj-Napoca" },
      ],
    });
    // Creating an address records which fields were set, without their values.
    expect(await getPrisma().auditEventValue.count({ where: { auditEventId: events[0].id } })).toBe(0);
    expect(JSON.stringify(events[0].details)).not.toMatch(/Lipscani|București/);
    await expectChainValid(viewer.shop.id);
  });

  it("moves the default flags from the other addresses", async () => {
    const viewer = await signedInViewer();
    const home = await addAddress(viewer, { isDefaultShipping: true, isDefaultBilling: true });
    const work = await addAddress(viewer, { label: "Work", isDefaultShipping: true });
    const flags = async () =>
      Object.fromEntries(
        ((await me(viewer))?.addresses ?? []).map((a) => [a.label, [a.isDefaultShipping, a.isDefaultBilling]]),
      );
    expect(await flags()).toEqual({ Home: [false, true], Work: [true, false] });
    expect(work.isDefaultShipping).toBe(true);

    await updateAddress(home.id, { isDefaultShipping: true }, viewer);
    expect(await flags()).toEqual({ Home: [true, true], Work: [false, false] });
    await updateAddress(work.id, { isDefaultBilling: true }, viewer);
    expect(await flags()).toEqual({ Home: [true, false], Work: [false, true] });
  });

  it("deletes an address, recording it and queueing erasure notices", async () => {
    const viewer = await signedInViewer({ shop: "crystalline" });
    const address = await addAddress(viewer, { country: "BG", city: "Sofia", postalCode: "1000" });
    const payload = await deleteAddress(address.id, viewer);
    expect(payload).toEqual({ deletedAddressId: address.id, userErrors: [] });
    expect(await getPrisma().address.count({ where: { customerId: viewer.customerId } })).toBe(0);
    const events = await auditEventsOf(viewer.customerId);
    expect(events.map((e) => e.action)).toEqual(["address.create", "address.delete"]);
    // The log says which address went, not what it said.
    expect(JSON.stringify(events[1].details)).not.toMatch(/Sofia|Lipscani/);
    const erasures = (await notificationsOf(viewer.customerId)).filter((n) => n.kind === "ERASURE");
    expect(erasures.map((n) => n.recipientKey)).toEqual(holding(viewer.shop, "addresses"));
    expect(erasures[0].payload).toMatchObject({ subject: "address", action: "delete", addressId: rawId(address.id) });
    expect((await deleteAddress(address.id, viewer)).userErrors).toMatchObject([{ field: ["id"], code: "NOT_FOUND" }]);
    await expectChainValid(viewer.shop.id);
  });

  it("notifies only the recipients that hold addresses", async () => {
    const viewer = await signedInViewer({ shop: "almaz" });
    const addresses = holding(viewer.shop, "addresses");
    expect(addresses.length).toBeLessThan(viewer.shop.profile.recipients.length);
    const address = await addAddress(viewer);
    await updateAddress(address.id, { postalCode: "030032" }, viewer);
    const notifications = await notificationsOf(viewer.customerId);
    const updates = notifications.filter((n) => (n.payload as { action: string }).action === "update");
    expect(updates.map((n) => n.recipientKey)).toEqual(addresses);
    expect(updates[0]).toMatchObject({
      kind: "RECTIFICATION",
      status: "PENDING",
      payload: { subject: "address", action: "update", addressId: rawId(address.id), fields: ["postalCode"] },
    });
    expect(notifications).toHaveLength(addresses.length * 2);
  });

  it("writes and records nothing when an update changes nothing", async () => {
    const viewer = await signedInViewer();
    const address = await addAddress(viewer, { phone: "+40712345678" });
    const before = await stateOf(viewer.customerId);
    const payload = await updateAddress(address.id, { city: " București ", phone: "0712 345 678" }, viewer);
    expect(payload).toEqual({ address, userErrors: [] });
    expect(await stateOf(viewer.customerId)).toEqual(before);
  });

  it("keeps at most 20 addresses per customer", async () => {
    const viewer = await signedInViewer();
    await getPrisma().address.createMany({
      data: Array.from({ length: 20 }, (_, i) => ({
        customerId: viewer.customerId,
        recipientName: "Ana Popescu",
        line1: `Strada ${i}`,
        city: "București",
        postalCode: "030031",
        country: "RO",
      })),
    });
    const before = await stateOf(viewer.customerId);
    const payload = await createAddress(addressInput(), viewer);
    expect(payload.address).toBeNull();
    expect(payload.userErrors).toEqual([{ field: null, code: "CONFLICT", message: expect.stringMatching(/20/) }]);
    expect(await stateOf(viewer.customerId)).toEqual(before);
  });

  const badAddresses: [string, Record<string, unknown>, string[], RegExp][] = [
    ["an unknown country", { country: "XX" }, ["input", "country"], /country/],
    ["a three-letter country code", { country: "ROU" }, ["input", "country"], /country/],
    ["an invalid phone number", { phone: "12" }, ["input", "phone"], /valid phone number/],
    ["an empty recipient name", { recipientName: "" }, ["input", "recipientName"], /name/],
    ["a postal code that is too long", { postalCode: "1".repeat(21) }, ["input", "postalCode"], /20/],
  ];

  it.each(badAddresses)("refuses to add one with %s and adds nothing", async (_case, input, field, message) => {
    const viewer = await signedInViewer();
    const before = await stateOf(viewer.customerId);
    const payload = await createAddress(addressInput(input), viewer);
    expect(payload.address).toBeNull();
    expect(payload.userErrors).toEqual([{ field, code: "INVALID_INPUT", message: expect.stringMatching(message) }]);
    expect(await stateOf(viewer.customerId)).toEqual(before);
  });

  it.each(badAddresses)("refuses to correct one with %s and changes nothing", async (_case, input, field, message) => {
    const viewer = await signedInViewer();
    const address = await addAddress(viewer);
    const before = await stateOf(viewer.customerId);
    const payload = await updateAddress(address.id, { label: "Changed", ...input }, viewer);
    expect(payload.address).toBeNull();
    expect(payload.userErrors).toEqual([{ field, code: "INVALID_INPUT", message: expect.stringMatching(message) }]);
    expect(await stateOf(viewer.customerId)).toEqual(before);
  });

  it("refuses to clear a required field on correction", async () => {
    const viewer = await signedInViewer();
    const address = await addAddress(viewer);
    const payload = await updateAddress(address.id, { city: null }, viewer);
    expect(payload.userErrors).toEqual([
      { field: ["input", "city"], code: "INVALID_INPUT", message: "Enter the city." },
    ]);
  });
});

describe("denied access", () => {
  it("refuses every mutation when signed out, changing nothing", async () => {
    const owner = await signedInViewer();
    await updateCustomer({ phones: [{ kind: "MOBILE", number: "0712345678" }] }, owner);
    const address = await addAddress(owner);
    const before = await stateOf(owner.customerId);
    const unauthenticated = [{ field: null, code: "UNAUTHENTICATED", message: "Sign in to continue." }];

    const anonymous = ANONYMOUS;
    expect(await updateCustomer({ firstName: "Eve" }, anonymous)).toEqual({
      customer: null,
      userErrors: unauthenticated,
    });
    expect(await createAddress(addressInput(), anonymous)).toEqual({ address: null, userErrors: unauthenticated });
    expect(await updateAddress(address.id, { city: "Eve" }, anonymous)).toEqual({
      address: null,
      userErrors: unauthenticated,
    });
    expect(await deleteAddress(address.id, anonymous)).toEqual({ deletedAddressId: null, userErrors: unauthenticated });
    // Validation does not even run for a caller who is not signed in.
    expect((await createAddress(addressInput({ country: "XX" }), anonymous)).userErrors).toEqual(unauthenticated);

    expect(await me(anonymous)).toBeNull();
    expect((await gql(NODE, { id: address.id })).data?.node).toBeNull();
    expect(await stateOf(owner.customerId)).toEqual(before);
  });

  it.each([
    ["another customer of the same shop", "almaz"],
    ["a customer of another shop", "allegra"],
  ])("hides an address from %s and refuses to change or delete it", async (_case, otherShop) => {
    const owner = await signedInViewer({ shop: "almaz" });
    const other = await signedInViewer({ shop: otherShop });
    const address = await addAddress(owner, { phone: "0712345678" });
    const before = await stateOf(owner.customerId);
    const otherBefore = await stateOf(other.customerId);
    const notFound = [{ field: ["id"], code: "NOT_FOUND", message: "This address does not exist or is not yours." }];

    expect(await updateAddress(address.id, { city: "Elsewhere" }, other)).toEqual({
      address: null,
      userErrors: notFound,
    });
    // Validation of the input is no way to probe for an address either.
    expect((await updateAddress(address.id, { country: "RO" }, other)).userErrors).toEqual(notFound);
    expect(await deleteAddress(address.id, other)).toEqual({ deletedAddressId: null, userErrors: notFound });
    expect((await gql(NODE, { id: address.id }, other)).data?.node).toBeNull();
    expect((await me(other))?.addresses).toEqual([]);

    expect(await stateOf(owner.customerId)).toEqual(before);
    expect(await stateOf(other.customerId)).toEqual(otherBefore);
  });

  it("corrects only the signed-in customer's own record", async () => {
    const owner = await signedInViewer({ shop: "almaz" });
    const other = await signedInViewer({ shop: "almaz" });
    const before = await stateOf(other.customerId);
    const payload = await updateCustomer({ firstName: "Mallory", hometown: "Nowhere" }, owner);
    expect(payload.customer?.id).toBe(toGlobalId("Customer", owner.customerId));
    expect(await stateOf(other.customerId)).toEqual(before);
    expect((await me(other))?.firstName).toBe("Ana");
  });

  it("treats ids of another type or malformed ids as not found", async () => {
    const viewer = await signedInViewer();
    const notFound = [{ field: ["id"], code: "NOT_FOUND", message: "This address does not exist or is not yours." }];
    for (const id of [toGlobalId("Customer", viewer.customerId), toGlobalId("Address", "not-a-uuid"), "%%%"]) {
      expect((await updateAddress(id, { city: "X" }, viewer)).userErrors).toEqual(notFound);
      expect((await deleteAddress(id, viewer)).userErrors).toEqual(notFound);
    }
    for (const id of [toGlobalId("Address", "not-a-uuid"), toGlobalId("Address", viewer.customerId)]) {
      expect((await gql(NODE, { id }, viewer)).data?.node).toBeNull();
    }
  });
});

describe("audit log", () => {
  async function isolatedShop() {
    const prisma = getPrisma();
    const shop = await prisma.shop.create({ data: { handle: `audit-${crypto.randomUUID()}`, name: "Audit test" } });
    const customer = await prisma.customer.create({
      data: { shopId: shop.id, email: "audit@test.example", firstName: "A", lastName: "B" },
    });
    for (let i = 1; i <= 4; i++) {
      await prisma.$transaction((tx) =>
        recordAuditEvent(tx, {
          shopId: shop.id,
          customerId: customer.id,
          actorType: "CUSTOMER",
          actorId: customer.id,
          action: "customer.update",
          details: { changes: [{ field: "hometown", from: `Town ${i - 1}`, to: `Town ${i}` }] },
        }),
      );
    }
    return shop.id;
  }

  // Only a database owner can do this; the application's own path cannot.
  async function withTriggerDisabled(sql: string) {
    const { raw } = getDatabase();
    await raw.exec(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"`);
    try {
      await raw.exec(sql);
    } finally {
      await raw.exec(`ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_append_only"`);
    }
  }

  it("is refused UPDATE, DELETE and TRUNCATE by the database", async () => {
    const viewer = await signedInViewer();
    await updateCustomer({ hometown: "Sibiu" }, viewer);
    const [event] = await auditEventsOf(viewer.customerId);
    const prisma = getPrisma();
    await expect(prisma.auditEvent.update({ where: { id: event.id }, data: { action: "nothing" } })).rejects.toThrow();
    await expect(prisma.auditEvent.delete({ where: { id: event.id } })).rejects.toThrow();
    await expect(prisma.auditEvent.deleteMany({ where: { customerId: viewer.customerId } })).rejects.toThrow();
    // AuditEventValue refers to the log, so TRUNCATE alone is refused by the foreign key
    // before the trigger runs; with CASCADE only the trigger stands in the way.
    await expect(getDatabase().raw.exec(`TRUNCATE "AuditEvent" CASCADE`)).rejects.toThrow(/append-only/);
    await expect(getDatabase().raw.exec(`TRUNCATE "AuditEvent"`)).rejects.toThrow();
    expect(await getPrisma().auditEventValue.count({ where: { auditEventId: event.id } })).toBe(1);
    expect(await auditEventsOf(viewer.customerId)).toEqual([event]);
  });

  it("numbers a shop's events 1, 2, 3... linking each to the previous hash", async () => {
    const shopId = await isolatedShop();
    const events = await getPrisma().auditEvent.findMany({ where: { shopId }, orderBy: { sequence: "asc" } });
    expect(events.map((e) => e.sequence)).toEqual([1, 2, 3, 4]);
    expect(events[0].prevHash).toBeNull();
    for (let i = 1; i < events.length; i++) expect(events[i].prevHash).toBe(events[i - 1].hash);
    expect(await verifyAuditChain({ shopId })).toEqual({
      shopId,
      isValid: true,
      checked: 4,
      head: { sequence: 4, hash: events[3].hash },
      firstBrokenSequence: null,
      reason: null,
    });
  });

  it("detects an edited row", async () => {
    const shopId = await isolatedShop();
    await withTriggerDisabled(
      `UPDATE "AuditEvent" SET "details" = '{"changes":[{"field":"hometown","from":"Town 1","to":"Elsewhere"}]}'
       WHERE "shopId" = '${shopId}' AND "sequence" = 2`,
    );
    expect(await verifyAuditChain({ shopId })).toMatchObject({
      isValid: false,
      checked: 1,
      firstBrokenSequence: 2,
      reason: "HASH",
    });
  });

  it("detects a deleted row", async () => {
    const shopId = await isolatedShop();
    await withTriggerDisabled(`DELETE FROM "AuditEvent" WHERE "shopId" = '${shopId}' AND "sequence" = 3`);
    expect(await verifyAuditChain({ shopId })).toMatchObject({
      isValid: false,
      checked: 2,
      firstBrokenSequence: 3,
      reason: "MISSING",
    });
  });

  it("gives concurrent writers of one shop consecutive sequence numbers", async () => {
    const prisma = getPrisma();
    const shop = await prisma.shop.create({ data: { handle: `audit-${crypto.randomUUID()}`, name: "Audit test" } });
    await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        prisma.$transaction((tx) =>
          recordAuditEvent(tx, {
            shopId: shop.id,
            customerId: null,
            actorType: "SYSTEM",
            actorId: null,
            action: "test.concurrent",
            details: { i },
          }),
        ),
      ),
    );
    const events = await prisma.auditEvent.findMany({ where: { shopId: shop.id }, orderBy: { sequence: "asc" } });
    expect(events.map((e) => e.sequence)).toEqual([1, 2, 3, 4, 5, 6]);
    expect((await verifyAuditChain({ shopId: shop.id })).isValid).toBe(true);
  });
});
