import "server-only";
import { z } from "zod";
import { recordAuditEvent } from "../audit";
import type { JsonValue } from "../audit/chain";
import { queueRecipientNotifications } from "../audit/recipients";
import { authorize, type Scope, tryAuthorize } from "../auth/authorize";
import type { Viewer } from "../auth/viewer";
import { dataMapEntry } from "../data-map";
import type { DataCategoryKey } from "../data-map/categories";
import { getPrisma, type Prisma } from "../db";
import type { Address } from "../db/generated/client";
import { AppError, type FieldError } from "../errors";
import { clearable, invalidInput } from "../validation";
import { queueWebhookEvent } from "../webhooks/events";
import { isCountryCode } from "./countries";
import { PHONE_MESSAGE, toE164 } from "./phone";

// The customer's address book (GDPR Art. 16 for addresses). Every query is scoped by
// the owner and the owner's shop; another customer's address is simply not found.
// Each write is recorded in the audit log and queued for the recipients that hold
// addresses (Art. 19), in the same transaction.

export const MAX_ADDRESSES = 20;

const addressSelect = {
  id: true,
  customerId: true,
  label: true,
  recipientName: true,
  line1: true,
  line2: true,
  city: true,
  region: true,
  postalCode: true,
  country: true,
  phone: true,
  isDefaultShipping: true,
  isDefaultBilling: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.AddressSelect;

const required = (message: string, max: number) =>
  z.string({ error: message }).trim().min(1, message).max(max, `Use at most ${max} characters.`);

const COUNTRY_MESSAGE = "Choose a country from the list.";

const addressFields = {
  label: clearable(50).optional(),
  recipientName: required("Enter the name of the person who receives the parcel.", 100),
  line1: required("Enter the street and number.", 200),
  line2: clearable(200).optional(),
  city: required("Enter the city.", 100),
  region: clearable(100).optional(),
  postalCode: required("Enter the postal code.", 20),
  country: z
    .string({ error: COUNTRY_MESSAGE })
    .trim()
    .toUpperCase()
    .refine(isCountryCode, { message: COUNTRY_MESSAGE }),
  // Parsed into E.164 once the country is known (below).
  phone: clearable(40).optional(),
  isDefaultShipping: z.boolean({ error: "Choose yes or no." }).optional(),
  isDefaultBilling: z.boolean({ error: "Choose yes or no." }).optional(),
};

const createSchema = z.object(addressFields, { error: "Send the address as an object." });
const updateSchema = z.object(
  {
    ...addressFields,
    recipientName: addressFields.recipientName.optional(),
    line1: addressFields.line1.optional(),
    city: addressFields.city.optional(),
    postalCode: addressFields.postalCode.optional(),
    country: addressFields.country.optional(),
  },
  { error: "Send the changes as an object." },
);

export type AddressInput = z.input<typeof createSchema>;
export type AddressUpdateInput = z.input<typeof updateSchema>;
type AddressValues = Omit<Address, "id" | "customerId" | "createdAt" | "updatedAt">;
type FieldName = keyof AddressValues;

const FIELDS: FieldName[] = [
  "label",
  "recipientName",
  "line1",
  "line2",
  "city",
  "region",
  "postalCode",
  "country",
  "phone",
  "isDefaultShipping",
  "isDefaultBilling",
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function notFound(): AppError {
  const message = "This address does not exist or is not yours.";
  return new AppError("NOT_FOUND", message, [{ field: ["id"], code: "NOT_FOUND", message }]);
}

// A delivery phone without a prefix is read as a number of the address's country.
function normalisePhone(phone: string | null | undefined, country: string): string | null | undefined {
  if (phone === undefined || phone === null) return phone;
  const e164 = toE164(phone, country);
  if (!e164) {
    const error: FieldError = { field: ["input", "phone"], code: "INVALID_INPUT", message: PHONE_MESSAGE };
    throw new AppError("INVALID_INPUT", "Check the highlighted fields.", [error]);
  }
  return e164;
}

const ownedBy = (scope: Scope) => ({ customerId: scope.customerId, customer: { shopId: scope.shop.id } });

function addressCategory(): DataCategoryKey {
  const entry = dataMapEntry("Address");
  if (!entry?.isPersonal) throw new Error("The data map has no personal entry for Address.");
  return entry.category;
}

// Locks the customer's row so that the 20-address limit and the single default hold
// under concurrent writes.
async function lockOwner(tx: Prisma.TransactionClient, scope: Scope): Promise<void> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id"::text AS "id" FROM "Customer"
    WHERE "id" = ${scope.customerId}::uuid AND "shopId" = ${scope.shop.id}::uuid FOR UPDATE`;
  if (!rows.length) throw new AppError("NOT_FOUND", "Customer not found.");
}

// A new default takes the flag from the customer's other addresses.
async function moveDefaults(
  tx: Prisma.TransactionClient,
  scope: Scope,
  keepId: string | null,
  values: { isDefaultShipping?: boolean; isDefaultBilling?: boolean },
): Promise<void> {
  const others = { ...ownedBy(scope), ...(keepId ? { id: { not: keepId } } : {}) };
  if (values.isDefaultShipping) {
    await tx.address.updateMany({ where: { ...others, isDefaultShipping: true }, data: { isDefaultShipping: false } });
  }
  if (values.isDefaultBilling) {
    await tx.address.updateMany({ where: { ...others, isDefaultBilling: true }, data: { isDefaultBilling: false } });
  }
}

async function recordChange(
  tx: Prisma.TransactionClient,
  scope: Scope,
  action: "create" | "update" | "delete",
  addressId: string,
  fields: string[],
  values?: Record<string, unknown>,
): Promise<void> {
  await recordAuditEvent(tx, {
    shopId: scope.shop.id,
    customerId: scope.customerId,
    ...scope.actor,
    action: `address.${action}`,
    details: { addressId, fields },
    values,
  });
  const category = addressCategory();
  await queueRecipientNotifications(tx, {
    shop: scope.shop,
    customerId: scope.customerId,
    kind: action === "delete" ? "ERASURE" : "RECTIFICATION",
    changes: fields.map((field) => ({ field, category })),
    payload: { subject: "address", action, addressId },
  });
  await queueWebhookEvent(tx, {
    shopId: scope.shop.id,
    customerId: scope.customerId,
    type: "customer.rectified",
    data: { subject: "address", action, addressId, fields },
  });
}

export async function listAddresses(options: { viewer: Viewer; customerId?: string }): Promise<Address[]> {
  const scope = await authorize(options.viewer, "data.read", options.customerId);
  return getPrisma().address.findMany({
    where: ownedBy(scope),
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: addressSelect,
  });
}

// For node(id:): the address only when it belongs to the signed-in viewer.
export async function findAddressById(options: {
  viewer: Viewer;
  customerId?: string;
  id: string;
}): Promise<Address | null> {
  const scope = await tryAuthorize(options.viewer, "data.read");
  if (!scope || !UUID.test(options.id)) return null;
  return getPrisma().address.findFirst({
    where: { id: options.id, ...ownedBy(scope) },
    select: addressSelect,
  });
}

export async function createAddress(options: {
  viewer: Viewer;
  customerId?: string;
  input: unknown;
}): Promise<Address> {
  const scope = await authorize(options.viewer, "address.write", options.customerId);
  const parsed = createSchema.safeParse(options.input);
  if (!parsed.success) throw invalidInput(parsed.error.issues);
  const input = parsed.data;
  const phone = normalisePhone(input.phone, input.country);
  const values: AddressValues = {
    label: input.label ?? null,
    recipientName: input.recipientName,
    line1: input.line1,
    line2: input.line2 ?? null,
    city: input.city,
    region: input.region ?? null,
    postalCode: input.postalCode,
    country: input.country,
    phone: phone ?? null,
    isDefaultShipping: input.isDefaultShipping ?? false,
    isDefaultBilling: input.isDefaultBilling ?? false,
  };

  return getPrisma().$transaction(async (tx) => {
    await lockOwner(tx, scope);
    const count = await tx.address.count({ where: ownedBy(scope) });
    if (count >= MAX_ADDRESSES) {
      throw new AppError("CONFLICT", `You can keep at most ${MAX_ADDRESSES} addresses. Delete one to add another.`);
    }
    await moveDefaults(tx, scope, null, values);
    const address = await tx.address.create({
      data: { ...values, customerId: scope.customerId },
      select: addressSelect,
    });
    const fields = FIELDS.filter((f) => values[f] !== null && values[f] !== false);
    await recordChange(tx, scope, "create", address.id, fields);
    return address;
  });
}

export async function updateAddress(options: {
  viewer: Viewer;
  customerId?: string;
  id: string;
  input: unknown;
}): Promise<Address> {
  const scope = await authorize(options.viewer, "address.write", options.customerId);
  const parsed = updateSchema.safeParse(options.input);
  if (!parsed.success) throw invalidInput(parsed.error.issues);
  const input = parsed.data;
  if (!UUID.test(options.id)) throw notFound();
  const where = { id: options.id, ...ownedBy(scope) };

  return getPrisma().$transaction(async (tx) => {
    await lockOwner(tx, scope);
    const current = await tx.address.findFirst({ where, select: addressSelect });
    if (!current) throw notFound();
    const next: Partial<AddressValues> = {
      ...input,
      phone: normalisePhone(input.phone, input.country ?? current.country),
    };
    const changes: { field: FieldName; from: JsonValue; to: JsonValue }[] = [];
    const data: Prisma.AddressUpdateManyMutationInput = {};
    for (const field of FIELDS) {
      const value = next[field];
      if (value === undefined || value === current[field]) continue;
      changes.push({ field, from: current[field], to: value });
      Object.assign(data, { [field]: value });
    }
    if (!changes.length) return current;
    await moveDefaults(tx, scope, current.id, data as AddressValues);
    await tx.address.updateMany({ where, data: { ...data, updatedAt: new Date() } });
    const fields = changes.map((c) => c.field);
    await recordChange(tx, scope, "update", current.id, fields, { changes });
    const updated = await tx.address.findFirst({ where, select: addressSelect });
    if (!updated) throw notFound();
    return updated;
  });
}

export async function deleteAddress(options: {
  viewer: Viewer;
  customerId?: string;
  id: string;
}): Promise<{ deletedId: string }> {
  const scope = await authorize(options.viewer, "address.write", options.customerId);
  if (!UUID.test(options.id)) throw notFound();
  const where = { id: options.id, ...ownedBy(scope) };

  return getPrisma().$transaction(async (tx) => {
    await lockOwner(tx, scope);
    const current = await tx.address.findFirst({ where, select: addressSelect });
    if (!current) throw notFound();
    await tx.address.deleteMany({ where });
    // The recipients learn which fields to erase; the log keeps no copy of them.
    const fields = FIELDS.filter((f) => current[f] !== null && current[f] !== false);
    await recordChange(tx, scope, "delete", current.id, fields);
    return { deletedId: current.id };
  });
}
