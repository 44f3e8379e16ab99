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
import { personalModels } from "@/server/data-map";
import { ownerSql, quote } from "@/server/data-map/owner-sql";
import { getDatabase, getPrisma } from "@/server/db";
import { confirmAccountDeletion, RECEIPT_RULE, requestAccountDeletion } from "@/server/erasure";
import { createExport, EXPORT_BUILD_JOB } from "@/server/export";
import { buildExport } from "@/server/export/build";
import { findShop, findShopById, type ShopRef } from "@/server/tenants";
import { TEST_PASSWORD, uniqueEmail } from "../factories";
import { describeHit, type Hit } from "./erasure-search";
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
