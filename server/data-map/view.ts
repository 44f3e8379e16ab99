import "server-only";
import { type CustomerViewer, requireCustomer, type Viewer } from "../auth/viewer";
import { getPrisma } from "../db";
import { AppError } from "../errors";
import type { ShopProfile } from "../tenants/profile-schema";
import { addDuration } from "../tenants/retention";
import { retentionText } from "../tenants/wording";
import { DATA_CATEGORY_LABELS, type DataCategoryKey } from "./categories";
import { type DataSourceKey, type PersonalModel, personalModels } from "./index";
import { DATE_ONLY_FIELDS, RECORD_DATE_FIELD } from "./view-config";

// "My data": everything the data map says is personal, grouped by the categories of the
// shop's profile, with why (purposes, legal bases), from where, to whom and until when.
// The number of queries is fixed by the map (one count per model, a few aggregates),
// never by how many orders or addresses the customer has.

export type FieldView = { key: string; label: string; source: DataSourceKey; isSensitive: boolean };

export type DatasetView = {
  id: string;
  model: PersonalModel["model"];
  label: string;
  category: DataCategoryKey;
  fields: FieldView[];
  count: number;
};

export type RetentionView = {
  rule: ShopProfile["retention"][number];
  keptUntil: Date | null;
  explanation: string;
};

export type CategoryView = {
  key: DataCategoryKey;
  label: string;
  description: string | null;
  isDeclared: boolean;
  sources: DataSourceKey[];
  purposes: ShopProfile["purposes"];
  recipients: ShopProfile["recipients"];
  retention: RetentionView[];
  datasets: DatasetView[];
};

export type ValueView = { field: string; label: string; value: string | null; isMasked: boolean };
export type RecordView = { id: string; model: string; values: ValueView[]; keptUntil: Date | null };

export const MAX_PAGE_SIZE = 100;

type Delegate = {
  count(args: { where: object }): Promise<number>;
  findMany(args: object): Promise<Record<string, unknown>[]>;
};

function delegate(model: string): Delegate {
  const prisma = getPrisma() as unknown as Record<string, Delegate>;
  return prisma[model.charAt(0).toLowerCase() + model.slice(1)];
}

// Every query is scoped by owner and shop in its own `where`.
export function ownerWhere(entry: PersonalModel, viewer: CustomerViewer): Record<string, unknown> {
  const shopId = viewer.shop.id;
  switch (entry.owner.kind) {
    case "self":
      return { id: viewer.customerId, shopId };
    case "column":
      return entry.technical.includes("shopId")
        ? { [entry.owner.column]: viewer.customerId, shopId }
        : { [entry.owner.column]: viewer.customerId, customer: { shopId } };
    case "via":
      return { [entry.owner.relation]: { [entry.owner.column]: viewer.customerId, shopId } };
  }
}

function fieldCategory(entry: PersonalModel, field: string): DataCategoryKey {
  return entry.fields[field]?.category ?? entry.category;
}

function datasetsOf(entry: PersonalModel): { category: DataCategoryKey; fields: FieldView[] }[] {
  const byCategory = new Map<DataCategoryKey, FieldView[]>();
  for (const [key, spec] of Object.entries(entry.fields)) {
    const category = fieldCategory(entry, key);
    const list = byCategory.get(category) ?? [];
    list.push({ key, label: spec.label, source: spec.source, isSensitive: spec.isSensitive === true });
    byCategory.set(category, list);
  }
  return [...byCategory].map(([category, fields]) => ({ category, fields }));
}

type Activity = { lastOrderAt: Date | null; lastReturnAt: Date | null; lastSignInAt: Date | null };

async function loadActivity(viewer: CustomerViewer): Promise<Activity> {
  const prisma = getPrisma();
  const where = { customerId: viewer.customerId, shopId: viewer.shop.id };
  const [orders, returns, signIns] = await Promise.all([
    prisma.order.aggregate({ where, _max: { placedAt: true } }),
    prisma.order.aggregate({ where: { ...where, status: "RETURNED" }, _max: { placedAt: true } }),
    prisma.signInEvent.aggregate({ where: { ...where, isSuccessful: true }, _max: { at: true } }),
  ]);
  return {
    lastOrderAt: orders._max.placedAt,
    lastReturnAt: returns._max.placedAt,
    lastSignInAt: signIns._max.at,
  };
}

// A date where the rule and the account's history make one computable; rules counted
// from each record (collected, document issued) get their date per record instead.
function categoryRetention(rule: ShopProfile["retention"][number], activity: Activity): RetentionView {
  const text = retentionText(rule);
  const from =
    rule.trigger === "last-order" || rule.trigger === "contract-ended"
      ? activity.lastOrderAt
      : rule.trigger === "last-return"
        ? activity.lastReturnAt
        : rule.trigger === "last-activity"
          ? activity.lastSignInAt
          : null;
  const keptUntil = rule.duration && from ? addDuration(from, rule.duration) : null;
  const explanation = keptUntil
    ? `${text}: until ${keptUntil.toISOString().slice(0, 10)} unless there is newer activity.`
    : rule.trigger === "collected" || rule.trigger === "document-issued"
      ? `${text}: each record shows its own date.`
      : `${text}.`;
  return { rule, keptUntil, explanation };
}

export async function getDataCategories(options: { viewer: Viewer }): Promise<CategoryView[]> {
  const viewer = requireCustomer(options.viewer);
  const profile = viewer.shop.profile;
  const entries = personalModels();
  const [counts, activity] = await Promise.all([
    Promise.all(entries.map((entry) => delegate(entry.model).count({ where: ownerWhere(entry, viewer) }))),
    loadActivity(viewer),
  ]);

  const datasets: DatasetView[] = entries.flatMap((entry, i) =>
    datasetsOf(entry).map(({ category, fields }) => ({
      id: `${entry.model}:${category}`,
      model: entry.model,
      label: entry.label,
      category,
      fields,
      count: counts[i],
    })),
  );

  const declared = new Map(profile.dataCategories.map((c) => [c.key, c]));
  // Declared categories in the profile's order; data held in a category the policy
  // does not declare is still shown (flagged), never hidden.
  const keys = [
    ...profile.dataCategories.map((c) => c.key),
    ...new Set(datasets.filter((d) => d.count > 0 && !declared.has(d.category)).map((d) => d.category)),
  ];
  return keys.map((key) => {
    const spec = declared.get(key);
    const own = datasets.filter((d) => d.category === key);
    const sources = spec?.sources ?? [...new Set(own.flatMap((d) => d.fields.map((f) => f.source)))];
    return {
      key,
      label: DATA_CATEGORY_LABELS[key],
      description: spec?.description ?? null,
      isDeclared: Boolean(spec),
      sources,
      purposes: profile.purposes.filter((p) => p.categories.includes(key)),
      recipients: profile.recipients.filter((r) => r.categories.includes(key)),
      retention: profile.retention.filter((r) => r.categories.includes(key)).map((r) => categoryRetention(r, activity)),
      datasets: own,
    };
  });
}

export async function findDataset(options: { viewer: Viewer; id: string }): Promise<DatasetView | null> {
  const categories = await getDataCategories(options);
  return categories.flatMap((c) => c.datasets).find((d) => d.id === options.id) ?? null;
}

export function formatValue(model: string, field: string, value: unknown, row: Record<string, unknown>): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) {
    return DATE_ONLY_FIELDS.has(`${model}.${field}`) ? value.toISOString().slice(0, 10) : value.toISOString();
  }
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "number" && field.endsWith("Cents")) {
    const currency = typeof row.currency === "string" ? ` ${row.currency}` : "";
    return `${(value / 100).toFixed(2)}${currency}`;
  }
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

// Sensitive values are masked by default; revealing one is a logged action.
export function maskValue(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return "••••-••-••";
  const tail = value.length > 6 ? value.slice(-2) : "";
  return `${"•".repeat(Math.max(4, value.length - tail.length))}${tail}`;
}

function recordDate(model: string, row: Record<string, unknown>): Date | null {
  const field = RECORD_DATE_FIELD[model as PersonalModel["model"]];
  const value = field ? row[field] : null;
  return value instanceof Date ? value : null;
}

function recordKeptUntil(profile: ShopProfile, category: DataCategoryKey, date: Date | null): Date | null {
  if (!date) return null;
  const rule = profile.retention.find(
    (r) =>
      r.categories.includes(category) && r.duration && (r.trigger === "collected" || r.trigger === "document-issued"),
  );
  return rule?.duration ? addDuration(date, rule.duration) : null;
}

export type Page<T> = { nodes: T[]; hasNextPage: boolean; totalCount: number };

export function decodeCursor(after: string | null | undefined): string | null {
  if (!after) return null;
  const id = Buffer.from(after, "base64url").toString("utf8");
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError("INVALID_INPUT", "The `after` cursor is not valid.");
  return id;
}

export function encodeCursor(id: string): string {
  return Buffer.from(id, "utf8").toString("base64url");
}

export function pageSize(first: number | null | undefined): number {
  const size = first ?? 20;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw new AppError("INVALID_INPUT", `\`first\` must be between 1 and ${MAX_PAGE_SIZE}.`);
  }
  return size;
}

export async function getDatasetRecords(options: {
  viewer: Viewer;
  dataset: DatasetView;
  first?: number | null;
  after?: string | null;
}): Promise<Page<RecordView>> {
  const viewer = requireCustomer(options.viewer);
  const entry = personalModels().find((e) => e.model === options.dataset.model);
  if (!entry) throw new AppError("NOT_FOUND", "Unknown data set.");
  const take = pageSize(options.first);
  const cursor = decodeCursor(options.after);
  const fields = options.dataset.fields.map((f) => f.key);
  const dateField = RECORD_DATE_FIELD[entry.model];
  const select = Object.fromEntries(
    [...fields, "id", ...(dateField ? [dateField] : []), "currency"].map((f) => [f, true]),
  );
  if (!("currency" in entry.fields) && !entry.technical.includes("currency")) delete select.currency;
  const orderBy = dateField ? [{ [dateField]: "desc" }, { id: "desc" }] : [{ id: "desc" }];
  const rows = await delegate(entry.model).findMany({
    where: ownerWhere(entry, viewer),
    select,
    orderBy,
    take: take + 1,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
  });
  const page = rows.slice(0, take);
  return {
    hasNextPage: rows.length > take,
    totalCount: options.dataset.count,
    nodes: page.map((row) => ({
      id: String(row.id),
      model: entry.model,
      keptUntil: recordKeptUntil(viewer.shop.profile, options.dataset.category, recordDate(entry.model, row)),
      values: options.dataset.fields.map((f) => {
        const value = formatValue(entry.model, f.key, row[f.key], row);
        return {
          field: f.key,
          label: f.label,
          value: value !== null && f.isSensitive ? maskValue(value) : value,
          isMasked: value !== null && f.isSensitive,
        };
      }),
    })),
  };
}
