import "server-only";
import { z } from "zod";
import { recordAuditEvent } from "../audit";
import type { JsonValue } from "../audit/chain";
import { queueRecipientNotifications } from "../audit/recipients";
import { type CustomerViewer, requireCustomer, type Viewer } from "../auth/viewer";
import { dataMapEntry } from "../data-map";
import type { DataCategoryKey } from "../data-map/categories";
import { getPrisma, type Prisma } from "../db";
import type { Address } from "../db/generated/client";
import { AppError, type FieldError } from "../errors";
import { clearable, invalidInput } from "../validation";
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

const ownedBy = (viewer: CustomerViewer) => ({ customerId: viewer.customerId, customer: { shopId: viewer.shop.id } });

function addressCategory(): DataCategoryKey {
  const entry = dataMapEntry("Address");
  if (!entry?.isPersonal) throw new Error("The data map has no personal entry for Address.");
  return entry.category;
}

// Locks the customer's row so that the 20-address limit and the single default hold
// under concurrent writes.
async function lockOwner(tx: Prisma.TransactionClient, viewer: CustomerViewer): Promise<void> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id"::text AS "id" FROM "Customer"
    WHERE "id" = ${viewer.customerId}::uuid AND "shopId" = ${viewer.shop.id}::uuid FOR UPDATE`;
  if (!rows.length) throw new AppError("NOT_FOUND", "Customer not found.");
}

// A new default takes the flag from the customer's other addresses.
async function moveDefaults(
  tx: Prisma.TransactionClient,
  viewer: CustomerViewer,
  keepId: string | null,
  values: { isDefaultShipping?: boolean; isDefaultBilling?: boolean },
): Promise<void> {
  const others = { ...ownedBy(viewer), ...(keepId ? { id: { not: keepId } } : {}) };
  if (values.isDefaultShipping) {
    await tx.address.updateMany({ where: { ...others, isDefaultShipping: true }, data: { isDefaultShipping: false } });
  }
  if (values.isDefaultBilling) {
    await tx.address.updateMany({ where: { ...others, isDefaultBilling: true }, data: { isDefaultBilling: false } });
  }
}

async function recordChange(
  tx: Prisma.TransactionClient,
  viewer: CustomerViewer,
  action: "create" | "update" | "delete",
  addressId: string,
  fields: string[],
  values?: Record<string, unknown>,
): Promise<void> {
  await recordAuditEvent(tx, {
    shopId: viewer.shop.id,
    customerId: viewer.customerId,
    actorType: "CUSTOMER",
    actorId: viewer.customerId,
    action: `address.${action}`,
    details: { addressId, fields },
    values,
  });
  const category = addressCategory();
  await queueRecipientNotifications(tx, {
    shop: viewer.shop,
    customerId: viewer.customerId,
    kind: action === "delete" ? "ERASURE" : "RECTIFICATION",
    changes: fields.map((field) => ({ field, category })),
    payload: { subject: "address", action, addressId },
  });
}

export async function listAddresses(options: { viewer: Viewer }): Promise<Address[]> {
  const viewer = requireCustomer(options.viewer);
  return getPrisma().address.findMany({
    where: ownedBy(viewer),
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: addressSelect,
  });
}

// For node(id:): the address only when it belongs to the signed-in viewer.
export async function findAddressById(options: { viewer: Viewer; id: string }): Promise<Address | null> {
  if (options.viewer.kind !== "customer" || !UUID.test(options.id)) return null;
  return getPrisma().address.findFirst({
    where: { id: options.id, ...ownedBy(options.viewer) },
    select: addressSelect,
  });
}

export async function createAddress(options: { viewer: Viewer; input: unknown }): Promise<Address> {
  const viewer = requireCustomer(options.viewer);
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
    await lockOwner(tx, viewer);
    const count = await tx.address.count({ where: ownedBy(viewer) });
    if (count >= MAX_ADDRESSES) {
      throw new AppError("CONFLICT", `You can keep at most ${MAX_ADDRESSES} addresses. Delete one to add another.`);
    }
    await moveDefaults(tx, viewer, null, values);
    const address = await tx.address.create({
      data: { ...values, customerId: viewer.customerId },
      select: addressSelect,
    });
    const fields = FIELDS.filter((f) => values[f] !== null && values[f] !== false);
    await recordChange(tx, viewer, "create", address.id, fields);
    return address;
  });
}

export async function updateAddress(options: { viewer: Viewer; id: string; input: unknown }): Promise<Address> {
  const viewer = requireCustomer(options.viewer);
  const parsed = updateSchema.safeParse(options.input);
  if (!parsed.success) throw invalidInput(parsed.error.issues);
  const input = parsed.data;
  if (!UUID.test(options.id)) throw notFound();
  const where = { id: options.id, ...ownedBy(viewer) };

  return getPrisma().$transaction(async (tx) => {
    await lockOwner(tx, viewer);
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
    await moveDefaults(tx, viewer, current.id, data as AddressValues);
    await tx.address.updateMany({ where, data: { ...data, updatedAt: new Date() } });
    const fields = changes.map((c) => c.field);
    await recordChange(tx, viewer, "update", current.id, fields, { changes });
    const updated = await tx.address.findFirst({ where, select: addressSelect });
    if (!updated) throw notFound();
    return updated;
  });
}

export async function deleteAddress(options: { viewer: Viewer; id: string }): Promise<{ deletedId: string }> {
  const viewer = requireCustomer(options.viewer);
  if (!UUID.test(options.id)) throw notFound();
  const where = { id: options.id, ...ownedBy(viewer) };

  return getPrisma().$transaction(async (tx) => {
    await lockOwner(tx, viewer);
    const current = await tx.address.findFirst({ where, select: addressSelect });
    if (!current) throw notFound();
    await tx.address.deleteMany({ where });
    // The recipients learn which fields to erase; the log keeps no copy of them.
    const fields = FIELDS.filter((f) => current[f] !== null && current[f] !== false);
    await recordChange(tx, viewer, "delete", current.id, fields);
    return { deletedId: current.id };
  });
}
