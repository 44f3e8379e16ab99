import { randomInt, randomUUID } from "node:crypto";
import { expect } from "vitest";
import { createCustomerWithHistory } from "@/prisma/seed/index";
import { createAddress, updateAddress } from "@/server/addresses";
import { hashPassword } from "@/server/auth/password";
import { type CustomerViewer, customerViewer } from "@/server/auth/viewer";
import { updateConsents } from "@/server/consent";
import { consentPurposes } from "@/server/consent/purposes";
import { confirmEmailChange, requestEmailChange } from "@/server/customers/email-change";
import { updateCustomer } from "@/server/customers/update";
import { type Anonymisation, type PersonalModel, personalModels } from "@/server/data-map";
import { ownerSql, quote } from "@/server/data-map/owner-sql";
import { getDatabase, getPrisma } from "@/server/db";
import { confirmAccountDeletion, RECEIPT_RULE, requestAccountDeletion } from "@/server/erasure";
import { createExport, EXPORT_BUILD_JOB } from "@/server/export";
import { buildExport } from "@/server/export/build";
import { findShop, findShopById, type ShopRef } from "@/server/tenants";
import { TEST_PASSWORD, uniqueEmail } from "../factories";
import { describeHit, type Hit, type Row } from "./erasure-search";
import { standaloneJobContext } from "./exports";

// A customer with everything erasure has to find: years of history from the seed's
// generator, then corrections made through the services (so the activity log holds old
// and new values), an address added and changed, the email address changed, consents
// given, and two exports written to storage. Names, emails and the added address are
// unique to this customer, so a search of the whole database finds only them.

const letters = (n: number) => Array.from({ length: n }, () => "bcdfghjklmnpqrstvwxz"[randomInt(20)]).join("");
// A Romanian mobile number in international form, valid whatever the shop's country.
const mobile = () => `+407${randomInt(20, 89)}${String(randomInt(0, 1_000_000)).padStart(6, "0")}`;

let passwordHash: Promise<string> | undefined;

export type Identifiers = {
  // Unique to this customer: found anywhere only if erasure missed them.
  strict: string[];
  // Values others may share by chance (generated phone numbers and street lines, IDs
  // at social providers): a hit in a row of another account is not theirs.
  shared: string[];
};

export type RichCustomer = {
  viewer: CustomerViewer;
  emails: { original: string; current: string };
  names: { original: [string, string]; current: [string, string] };
  identifiers: Identifiers;
  exportIds: string[];
  storageKeys: string[];
};

export async function signedIn(shop: ShopRef, customerId: string): Promise<CustomerViewer> {
  const session = await getPrisma().session.create({
    data: { customerId, expiresAt: new Date(Date.now() + 3600_000) },
  });
  return customerViewer({ shop, customerId, sessionId: session.id, authenticatedAt: session.authenticatedAt });
}

export async function richCustomer(options: {
  shop: string;
  // The generator's "now": the history ends shortly before it.
  historyNow?: Date;
  orderCount?: number;
}): Promise<RichCustomer> {
  const shop = await findShop({ handle: options.shop });
  if (!shop) throw new Error(`no shop ${options.shop}`);
  const prisma = getPrisma();
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const original: [string, string] = [`Ysolde${letters(7)}`, `Quarrington${letters(7)}`];
  const current: [string, string] = [`Oriel${letters(7)}`, `Vantongeren${letters(7)}`];
  const emails = { original: uniqueEmail("erase-me"), current: uniqueEmail("erase-me-new") };
  const customerId = await createCustomerWithHistory(prisma, {
    shopId: shop.id,
    profile: shop.profile,
    email: emails.original,
    firstName: original[0],
    lastName: original[1],
    orderCount: options.orderCount ?? 8,
    seed: randomUUID(),
    passwordHash: await passwordHash,
    now: options.historyNow,
  });
  const viewer = await signedIn(shop, customerId);

  // What the generator made that others may share.
  const [phones, addresses, accounts, customer] = await Promise.all([
    prisma.customerPhone.findMany({ where: { customerId }, select: { number: true } }),
    prisma.address.findMany({ where: { customerId }, select: { line1: true, line2: true, phone: true } }),
    prisma.account.findMany({ where: { customerId }, select: { providerAccountId: true } }),
    prisma.customer.findUniqueOrThrow({ where: { id: customerId }, select: { nationalId: true, alias: true } }),
  ]);
  const shared = [
    ...phones.map((p) => p.number),
    ...addresses.flatMap((a) => [a.line1, a.phone ?? ""]),
    // Short second lines ("Ap. 4") are in countless addresses.
    ...addresses.flatMap((a) => (a.line2 && a.line2.length >= 10 ? [a.line2] : [])),
    ...accounts.map((a) => a.providerAccountId),
    customer.nationalId ?? "",
  ];
  const strict = [emails.original, emails.current, ...original, ...current];
  if (customer.alias) strict.push(customer.alias);

  // Corrections: names, alias, hometown and phone numbers.
  const tag = letters(8);
  const newPhones = [mobile(), mobile()];
  await updateCustomer({
    viewer,
    input: {
      firstName: current[0],
      lastName: current[1],
      alias: `nick${tag}`,
      hometown: `Hometown${tag}`,
      phones: [
        { kind: "MOBILE", number: newPhones[0], isPrimary: true },
        { kind: "WORK", number: newPhones[1] },
      ],
    },
  });
  strict.push(`nick${tag}`, `Hometown${tag}`);
  shared.push(...newPhones);

  // An address added, then changed.
  const lines = { first: `Strada ${letters(9)} 17`, second: `Bloc ${letters(9)}`, moved: `Calea ${letters(9)} 21` };
  const addressPhone = mobile();
  const address = await createAddress({
    viewer,
    input: {
      label: "Proof",
      recipientName: `${current[0]} ${current[1]}`,
      line1: lines.first,
      line2: lines.second,
      city: "Cluj-Napoca",
      postalCode: "400001",
      country: "RO",
      phone: addressPhone,
    },
  });
  await updateAddress({ viewer, id: address.id, input: { line1: lines.moved, line2: null } });
  strict.push(lines.first, lines.second, lines.moved);
  shared.push(addressPhone);

  // The email address changed through the emailed link.
  await requestEmailChange({ viewer, input: { newEmail: emails.current, password: TEST_PASSWORD } });
  const link = await prisma.outboundEmail.findFirstOrThrow({
    where: { toAddress: emails.current, kind: "email-change-confirmation" },
    select: { textBody: true },
  });
  const token = /token=([A-Za-z0-9_-]{43})/.exec(link.textBody)?.[1];
  await confirmEmailChange({ viewer, token });
  expect((await prisma.customer.findUniqueOrThrow({ where: { id: customerId } })).email).toBe(emails.current);

  // Consents: every email subscription (double opt-in sends a link where required).
  const subscriptions = consentPurposes(shop.profile).filter((p) => p.kind === "marketing" && p.channel === "email");
  if (subscriptions.length) {
    await updateConsents({
      viewer,
      input: { changes: subscriptions.map((p) => ({ key: p.key, state: "GRANTED" })) },
      globalPrivacyControl: false,
    });
  }

  // A rights request with a timeline, and a granted objection on the account.
  const requestMessage = `Please stop ${letters(10)}`;
  const today = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
  await prisma.rightsRequest.create({
    data: {
      shopId: shop.id,
      customerId,
      type: "RESTRICTION",
      status: "OPEN",
      receivedOn: today,
      firstDueOn: today,
      dueOn: today,
      events: {
        create: { kind: "INFORMATION_ADDED", actorType: "CUSTOMER", actorId: customerId, message: requestMessage },
      },
    },
  });
  await prisma.customer.update({ where: { id: customerId }, data: { objectedPurposes: ["proof-purpose"] } });
  strict.push(requestMessage);

  // Every nullable personal field the account still lacks (a photo, a gender...), so
  // that erasure has a value to overwrite in each.
  strict.push(...(await fillNullablePersonalFields(customerId, shop.id)));

  // Two copies of the data, written to storage. The build runs here rather than through
  // the job queue, so that on a shared database the export tests' runs never take it.
  const exportIds: string[] = [];
  for (const format of ["JSON", "CSV"] as const) {
    const created = await createExport({ viewer, input: { format } });
    await prisma.job.deleteMany({ where: { kind: EXPORT_BUILD_JOB, key: created.export.id } });
    await buildExport({ exportId: created.export.id, context: standaloneJobContext(created.export.id) });
    exportIds.push(created.export.id);
  }
  const stored = await prisma.export.findMany({ where: { id: { in: exportIds } }, select: { storageKey: true } });
  const storageKeys = stored.map((e) => e.storageKey).filter((k): k is string => Boolean(k));
  expect(storageKeys).toHaveLength(2);
  // The exports are recorded as requests done at once (server/requests): their rows too.
  strict.push(...(await fillNullablePersonalFields(customerId, shop.id)));

  return {
    viewer,
    emails,
    names: { original, current },
    identifiers: { strict: [...new Set(strict)], shared: [...new Set(shared.filter(Boolean))] },
    exportIds,
    storageKeys,
  };
}

// The token in the newest confirmation email of a customer.
export async function deletionToken(customerId: string): Promise<string> {
  const mail = await getPrisma().outboundEmail.findFirstOrThrow({
    where: { customerId, kind: "account-deletion-confirmation" },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { textBody: true },
  });
  const token = /token=([A-Za-z0-9_-]{43})/.exec(mail.textBody)?.[1];
  if (!token) throw new Error("no token in the confirmation email");
  return token;
}

// Asks, confirms and makes the request due (as if the grace period had passed).
export async function scheduleErasure(viewer: CustomerViewer, dueAt = new Date()): Promise<string> {
  const request = await requestAccountDeletion({ viewer, input: { password: TEST_PASSWORD, confirmation: "DELETE" } });
  await confirmAccountDeletion({ viewer, input: { token: await deletionToken(viewer.customerId) } });
  await getPrisma().deletionRequest.update({ where: { id: request.id }, data: { scheduledFor: dueAt } });
  return request.id;
}

// Every row of a customer in every personal model, as the database's own JSON text.
export async function snapshotCustomer(customerId: string, shopId: string): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const entry of personalModels()) {
    const rows = await getDatabase().raw.query<{ row: string }>(
      `SELECT to_jsonb(t)::text AS "row" FROM ${quote(entry.model)} t WHERE ${ownerSql(entry)} ORDER BY t."id"`,
      [customerId, shopId],
    );
    out[entry.model] = rows.map((r) => r.row);
  }
  return out;
}

// Whether a row is kept, detached from any account, under a rule of its own shop's
// profile that keeps the model's category after erasure (or is an erasure receipt,
// whose only trace of the person is the address it goes to), and not yet due.
export async function retentionOf(hit: Hit, now: Date): Promise<string | null> {
  const { row } = hit;
  const rule = row.retentionRule;
  if (typeof rule !== "string" || !row.retainedUntil || row.customerId !== null) return null;
  if (new Date(String(row.retainedUntil)) <= now) return null;
  if (hit.table === "OutboundEmail") {
    return rule === RECEIPT_RULE && hit.columns.every((c) => c === "toAddress") ? rule : null;
  }
  const entry = personalModels().find((e) => e.model === hit.table);
  const shop = await findShopById({ id: String(row.shopId) });
  const found = shop?.profile.retention.find((r) => r.key === rule);
  return entry && found?.keepOnErasure && found.categories.includes(entry.category) ? rule : null;
}

// Fails naming every hit that is neither retained under a rule nor, for the values
// others may share, in a row of another account.
export async function expectOnlyRetained(
  hits: Hit[],
  options: { erasedId: string; shared: string[]; now?: Date },
): Promise<Hit[]> {
  const now = options.now ?? new Date();
  const shared = new Set(options.shared);
  const problems: string[] = [];
  const retained: Hit[] = [];
  for (const hit of hits) {
    if (await retentionOf(hit, now)) {
      retained.push(hit);
      continue;
    }
    const owner = hit.table === "Customer" ? hit.row.id : hit.row.customerId;
    const isOthers = typeof owner === "string" && owner !== options.erasedId;
    if (isOthers && hit.needles.every((n) => shared.has(n))) continue;
    problems.push(describeHit(hit));
  }
  expect(problems).toEqual([]);
  return retained;
}

// The anonymisation a model gets on erasure: its own, or the one its retention rule
// falls back to (orders no rule keeps).
export function anonymisationOf(entry: PersonalModel): Anonymisation | null {
  if (entry.erasure.action === "anonymise") return entry.erasure;
  if (entry.erasure.action === "retain-if-required" && entry.erasure.otherwise.action === "anonymise") {
    return entry.erasure.otherwise;
  }
  return null;
}

// The personal fields and secrets of a model: what anonymising must either overwrite or
// name in its keep list.
export const personalColumns = (entry: PersonalModel) => [...Object.keys(entry.fields), ...(entry.secrets ?? [])];

// Fills, on the customer's rows of every model whose erasure overwrites fields (the
// account, orders), each nullable personal field or secret that is empty with a value
// of its type, as the schema says today (a new nullable field is filled too). Text gets
// a value unique to this customer, returned so the whole-database search looks for it.
// The append-only ledgers (consents, activity log) refuse updates and keep every field.
export async function fillNullablePersonalFields(customerId: string, shopId: string): Promise<string[]> {
  const markers: string[] = [];
  for (const entry of personalModels()) {
    const anonymisation = anonymisationOf(entry);
    if (!anonymisation || Object.keys(anonymisation.placeholders).length === 0) continue;
    const columns = await getDatabase().raw.query<{ column_name: string; data_type: string; udt_name: string }>(
      `SELECT column_name, data_type, udt_name FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name = $1 AND is_nullable = 'YES'`,
      [entry.model],
    );
    const personal = new Set(personalColumns(entry));
    for (const column of columns.filter((c) => personal.has(c.column_name))) {
      const marker = `${column.column_name}${letters(10)}`;
      const value = (() => {
        switch (column.data_type) {
          case "text":
          case "character varying":
            return `'${marker}'`;
          case "timestamp with time zone":
          case "timestamp without time zone":
            return `now() - interval '3 days'`;
          case "date":
            return `DATE '1984-02-29'`;
          case "USER-DEFINED":
            return `(enum_range(NULL::${quote(column.udt_name)}))[1]`;
          case "boolean":
            return "true";
          case "integer":
          case "bigint":
            return "7";
          case "ARRAY":
            return `ARRAY['${marker}']::${column.udt_name.replace(/^_/, "")}[]`;
          case "jsonb":
            return `'{"filled": "${marker}"}'::jsonb`;
          default:
            throw new Error(`no filler for ${entry.model}.${column.column_name} (${column.data_type})`);
        }
      })();
      const filled = await getDatabase().raw.query(
        `UPDATE ${quote(entry.model)} SET ${quote(column.column_name)} = ${value}
          WHERE ${ownerSql(entry)} AND ${quote(column.column_name)} IS NULL RETURNING "id"`,
        [customerId, shopId],
      );
      if (filled.length && value.includes(marker)) markers.push(marker);
    }
  }
  return markers;
}

// An order placed long ago (delivered, to the account's current name), so that in shops
// whose rules count from the order or its documents no rule keeps it past the account's
// closing: erasure anonymises it at once. Returns the names on it, unique to the test.
export async function addOldOrder(customerId: string, shopId: string, placedAt: Date): Promise<string[]> {
  const names = [
    `Shipname${letters(9)}`,
    `Shipstreet${letters(9)} 3`,
    `Billname${letters(9)}`,
    `Billstreet${letters(9)} 5`,
  ];
  await getPrisma().order.create({
    data: {
      shopId,
      customerId,
      number: `OLD-${letters(10)}`,
      placedAt,
      status: "DELIVERED",
      currency: "EUR",
      subtotalCents: 1000,
      shippingCents: 500,
      totalCents: 1500,
      shippingName: names[0],
      shippingAddress: names[1],
      billingName: names[2],
      billingAddress: names[3],
      items: { create: [{ sku: "OLD-1", productName: "Kettle", quantity: 1, unitPriceCents: 1000 }] },
    },
    select: { id: true },
  });
  return names;
}

// The customer's rows of every model erasure anonymises (ledgers included), as the
// database's JSON of each row.
export async function anonymisedRowsOf(customerId: string, shopId: string): Promise<Map<string, Row[]>> {
  const out = new Map<string, Row[]>();
  for (const entry of personalModels().filter((e) => anonymisationOf(e))) {
    const rows = await getDatabase().raw.query<{ row: Row }>(
      `SELECT to_jsonb(t) AS "row" FROM ${quote(entry.model)} t WHERE ${ownerSql(entry)} ORDER BY t."id"`,
      [customerId, shopId],
    );
    out.set(
      entry.model,
      rows.map((r) => r.row),
    );
  }
  return out;
}

// Rows by id, as the database's JSON of each row, each with the value every placeholder
// of the model's anonymisation gives for it: a fixed text, null, or an SQL expression
// evaluated over the row (e.g. the erased email, made of the row's id).
export async function rowsWithPlaceholders(
  entry: PersonalModel,
  anonymisation: Anonymisation,
  ids: string[],
): Promise<Map<string, { row: Row; placeholders: Row }>> {
  const computed = Object.entries(anonymisation.placeholders).flatMap(([field, value]) =>
    value !== null && typeof value === "object" ? [`'${field}', ${value.sql}`] : [],
  );
  const rows = await getDatabase().raw.query<{ row: Row; computed: Row }>(
    `SELECT to_jsonb(t) AS "row", jsonb_build_object(${computed.join(", ")}) AS "computed"
       FROM ${quote(entry.model)} t WHERE t."id" = ANY($1::uuid[])`,
    [ids],
  );
  const fixed = Object.fromEntries(
    Object.entries(anonymisation.placeholders).filter(([, value]) => value === null || typeof value === "string"),
  );
  return new Map(rows.map((r) => [String(r.row.id), { row: r.row, placeholders: { ...fixed, ...r.computed } }]));
}
