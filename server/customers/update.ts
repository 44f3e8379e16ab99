import "server-only";
import { z } from "zod";
import { PHONE_MESSAGE, shopDefaultCountry, toE164 } from "../addresses/phone";
import { recordAuditEvent } from "../audit";
import type { JsonValue } from "../audit/chain";
import { type ChangedField, queueRecipientNotifications } from "../audit/recipients";
import { authorize } from "../auth/authorize";
import type { Viewer } from "../auth/viewer";
import { dataMapEntry } from "../data-map";
import type { DataCategoryKey } from "../data-map/categories";
import { getPrisma, type Prisma } from "../db";
import type { Gender, PhoneKind } from "../db/generated/enums";
import { AppError } from "../errors";
import { recordSelfServiceRequest } from "../requests/self-service";
import { clearable, invalidInput, NAME_ONE_LINE } from "../validation";
import { queueWebhookEvent } from "../webhooks/events";
import { customerSelect } from "./index";

// GDPR Art. 16, "Correct my data": the customer corrects their own identity and contact
// details. Bad input changes nothing; a real change is written, recorded in the audit
// log and queued for the recipients holding that category (Art. 19) in one transaction.

const GENDERS = ["FEMALE", "MALE", "NON_BINARY", "UNDISCLOSED"] as const;
const PHONE_KINDS = ["MOBILE", "HOME", "WORK"] as const;
export const MAX_PHONES = 10;
const MIN_AGE = 13;
const MAX_AGE = 120;

// One line: a name goes into greetings and email subjects.
const name = z
  .string({ error: "Enter a name." })
  .trim()
  .min(1, "Enter a name.")
  .max(100, "Use at most 100 characters.")
  .refine((value) => !/[\r\n\t]/.test(value), NAME_ONE_LINE);

function todayUtc(now = new Date()): { y: number; m: number; d: number } {
  return { y: now.getUTCFullYear(), m: now.getUTCMonth() + 1, d: now.getUTCDate() };
}

// Checks a YYYY-MM-DD date of birth against the calendar and the age limits; returns a
// message for the person, or null when it is fine.
export function dateOfBirthProblem(value: string, now = new Date()): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return "Enter the date as YYYY-MM-DD.";
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return "This date does not exist.";
  }
  const today = todayUtc(now);
  if (value > `${today.y}-${String(today.m).padStart(2, "0")}-${String(today.d).padStart(2, "0")}`) {
    return "A date of birth cannot be in the future.";
  }
  const hasHadBirthday = today.m > m || (today.m === m && today.d >= d);
  const age = today.y - y - (hasHadBirthday ? 0 : 1);
  if (age < MIN_AGE) return `You need to be at least ${MIN_AGE} years old to hold an account.`;
  if (age > MAX_AGE) return "Check the year: this would make you older than 120.";
  return null;
}

function customerUpdateSchema(defaultCountry: string) {
  const phone = z.object({
    kind: z.enum(PHONE_KINDS, { error: "Choose mobile, home or work." }),
    number: z
      .string({ error: PHONE_MESSAGE })
      .trim()
      .max(40, PHONE_MESSAGE)
      .transform((value, ctx) => {
        const e164 = toE164(value, defaultCountry);
        if (!e164) {
          ctx.addIssue({ code: "custom", message: PHONE_MESSAGE });
          return z.NEVER;
        }
        return e164;
      }),
    isPrimary: z.boolean().nullish(),
  });
  return z.object(
    {
      firstName: name.optional(),
      lastName: name.optional(),
      alias: clearable(100).optional(),
      dateOfBirth: z
        .string({ error: "Enter the date as YYYY-MM-DD." })
        .trim()
        .superRefine((value, ctx) => {
          const problem = dateOfBirthProblem(value);
          if (problem) ctx.addIssue({ code: "custom", message: problem });
        })
        .nullable()
        .optional(),
      gender: z.enum(GENDERS, { error: "Choose one of the options." }).nullable().optional(),
      hometown: clearable(100).optional(),
      phones: z
        .array(phone)
        .max(MAX_PHONES, `Keep at most ${MAX_PHONES} phone numbers.`)
        .superRefine((phones, ctx) => {
          const seen = new Set<string>();
          let primaries = 0;
          for (const [i, p] of phones.entries()) {
            if (seen.has(p.number)) {
              ctx.addIssue({ code: "custom", path: [i, "number"], message: "This number is already in the list." });
            }
            seen.add(p.number);
            if (p.isPrimary && ++primaries > 1) {
              ctx.addIssue({ code: "custom", path: [i, "isPrimary"], message: "Only one number can be the main one." });
            }
          }
        })
        .optional(),
    },
    { error: "Send the changes as an object." },
  );
}

export type CustomerUpdateInput = z.input<ReturnType<typeof customerUpdateSchema>>;

const phoneSelect = { kind: true, number: true, isPrimary: true } as const;
const phoneOrder = [{ isPrimary: "desc" }, { createdAt: "asc" }, { id: "asc" }] as const;

const updatableSelect = {
  ...customerSelect,
  dateOfBirth: true,
  gender: true,
  hometown: true,
  phones: { select: phoneSelect, orderBy: [...phoneOrder] },
} as const satisfies Prisma.CustomerSelect;

export type CorrectableCustomer = Prisma.CustomerGetPayload<{ select: typeof updatableSelect }>;
export type CustomerPhoneValue = { kind: PhoneKind; number: string; isPrimary: boolean };

// The fields this form corrects, as stored, for the signed-in customer only.
export async function getCorrectableCustomer(options: {
  viewer: Viewer;
  customerId?: string;
}): Promise<CorrectableCustomer> {
  const scope = await authorize(options.viewer, "account.read", options.customerId);
  const customer = await getPrisma().customer.findFirst({
    where: { id: scope.customerId, shopId: scope.shop.id },
    select: updatableSelect,
  });
  if (!customer) throw new AppError("NOT_FOUND", "Customer not found.");
  return customer;
}

const isoDate = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

// Phones compared as a set: order in the input carries no meaning beyond the main one.
const phoneKey = (phones: CustomerPhoneValue[]) =>
  JSON.stringify(phones.map((p) => [p.number, p.kind, p.isPrimary]).sort());

type Change = { field: string; from: JsonValue; to: JsonValue };

// The category a corrected field belongs to, from the personal-data map, so recipients
// are chosen by the same classification that "My data" and the export use.
function categoryOf(model: "Customer" | "CustomerPhone", field: string): DataCategoryKey {
  const entry = dataMapEntry(model);
  if (!entry?.isPersonal) throw new Error(`The data map has no personal entry for ${model}.`);
  return entry.fields[field]?.category ?? entry.category;
}

export async function updateCustomer(options: {
  viewer: Viewer;
  customerId?: string;
  input: unknown;
}): Promise<CorrectableCustomer> {
  const scope = await authorize(options.viewer, "account.update", options.customerId);
  const parsed = customerUpdateSchema(shopDefaultCountry(scope.shop)).safeParse(options.input);
  if (!parsed.success) throw invalidInput(parsed.error.issues);
  const input = parsed.data;
  const where = { id: scope.customerId, shopId: scope.shop.id };

  return getPrisma().$transaction(async (tx) => {
    // Serialises corrections of one customer, so "from" in the audit is what was replaced.
    await tx.$queryRaw`SELECT 1 FROM "Customer" WHERE "id" = ${where.id}::uuid AND "shopId" = ${where.shopId}::uuid FOR UPDATE`;
    const current = await tx.customer.findFirst({ where, select: updatableSelect });
    if (!current) throw new AppError("NOT_FOUND", "Customer not found.");

    const changes: Change[] = [];
    const data: Prisma.CustomerUpdateManyMutationInput = {};
    for (const field of ["firstName", "lastName", "alias", "hometown"] as const) {
      const next = input[field];
      if (next !== undefined && next !== current[field]) {
        changes.push({ field, from: current[field], to: next });
        Object.assign(data, { [field]: next });
      }
    }
    if (input.dateOfBirth !== undefined && input.dateOfBirth !== isoDate(current.dateOfBirth)) {
      changes.push({ field: "dateOfBirth", from: isoDate(current.dateOfBirth), to: input.dateOfBirth });
      data.dateOfBirth = input.dateOfBirth ? new Date(`${input.dateOfBirth}T00:00:00.000Z`) : null;
    }
    if (input.gender !== undefined && input.gender !== current.gender) {
      changes.push({ field: "gender", from: current.gender, to: input.gender });
      data.gender = input.gender as Gender | null;
    }
    let phones: CustomerPhoneValue[] | null = null;
    if (input.phones !== undefined) {
      const hasPrimary = input.phones.some((p) => p.isPrimary);
      const next = input.phones.map((p, i) => ({
        kind: p.kind,
        number: p.number,
        isPrimary: hasPrimary ? Boolean(p.isPrimary) : i === 0,
      }));
      if (phoneKey(next) !== phoneKey(current.phones)) {
        phones = next;
        changes.push({ field: "phones", from: current.phones, to: next });
      }
    }
    if (!changes.length) return current;

    await tx.customer.updateMany({ where, data: { ...data, updatedAt: new Date() } });
    if (phones) {
      await tx.customerPhone.deleteMany({ where: { customerId: where.id, customer: { shopId: where.shopId } } });
      if (phones.length) {
        await tx.customerPhone.createMany({ data: phones.map((p) => ({ ...p, customerId: where.id })) });
      }
    }
    await recordAuditEvent(tx, {
      shopId: scope.shop.id,
      customerId: scope.customerId,
      ...scope.actor,
      action: "customer.update",
      details: { fields: changes.map((c) => c.field) },
      values: { changes },
    });
    const changed: ChangedField[] = changes.map(({ field }) => ({
      field,
      category: field === "phones" ? categoryOf("CustomerPhone", "number") : categoryOf("Customer", field),
    }));
    await queueRecipientNotifications(tx, {
      shop: scope.shop,
      customerId: scope.customerId,
      kind: "RECTIFICATION",
      changes: changed,
      payload: { subject: "customer" },
    });
    await queueWebhookEvent(tx, {
      shopId: scope.shop.id,
      customerId: scope.customerId,
      type: "customer.rectified",
      data: { subject: "customer", fields: changes.map((c) => c.field) },
    });
    // A correction (GDPR Art. 16), in the request history and metrics.
    await recordSelfServiceRequest(tx, {
      shop: scope.shop,
      customerId: scope.customerId,
      type: "RECTIFICATION",
      actor: scope.actor,
    });
    const updated = await tx.customer.findFirst({ where, select: updatableSelect });
    if (!updated) throw new AppError("NOT_FOUND", "Customer not found.");
    return updated;
  });
}
