import "server-only";
import { authorize, type Scope } from "../auth/authorize";
import type { Viewer } from "../auth/viewer";
import { getPrisma } from "../db";
import { AppError } from "../errors";
import type { ShopProfile } from "../tenants/profile-schema";
import { addDuration } from "../tenants/retention";
import { retentionText } from "../tenants/wording";
import { DATA_CATEGORY_LABELS, type DataCategoryKey } from "./categories";
import { type DataSourceKey, type PersonalModel, personalModels } from "./index";
import { ownerSql, quote } from "./owner-sql";
import { DATE_ONLY_FIELDS, RECORD_DATE_FIELD } from "./view-config";

export { ownerSql };

// "My data": everything the data map says is personal, grouped by the categories of the
// shop's profile, with why (purposes, legal bases), from where, to whom and until when.
// A page costs three statements whatever the account's size: counts and activity dates
// in one, the records of every data set in one, plus the session check.

export type FieldView = { key: string; label: string; source: DataSourceKey; isSensitive: boolean };

export type DatasetView = {
  id: string;
  model: PersonalModel["model"];
  label: string;
  category: DataCategoryKey;
  fields: FieldView[];
  // Counted up to COUNT_LIMIT: beyond it `isCountExact` is false and the page says
  // "1,000+" (exact totals of large accounts cost a scan on every view).
  count: number;
  isCountExact: boolean;
};

export const COUNT_LIMIT = 1000;

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

// Every query is scoped by owner and shop in its own `where`.
export function ownerWhere(entry: PersonalModel, scope: Pick<Scope, "shop" | "customerId">): Record<string, unknown> {
  const shopId = scope.shop.id;
  switch (entry.owner.kind) {
    case "self":
      return { id: scope.customerId, shopId };
    case "column":
      return entry.technical.includes("shopId")
        ? { [entry.owner.column]: scope.customerId, shopId }
        : { [entry.owner.column]: scope.customerId, customer: { shopId } };
    case "via":
      return { [entry.owner.relation]: { [entry.owner.column]: scope.customerId, shopId } };
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

const isoText = (expression: string) => `to_char(${expression} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

// Every model's count and the account's activity dates in one statement: the cost of
// "My data" must not grow with the number of models' round trips either.
async function loadCountsAndActivity(
  scope: Scope,
  entries: PersonalModel[],
): Promise<{ counts: number[]; activity: Activity }> {
  const orders = `FROM "Order" WHERE "customerId" = $1::uuid AND "shopId" = $2::uuid`;
  const columns = [
    ...entries.map(
      (e, i) =>
        `(SELECT count(*)::int FROM (SELECT 1 FROM ${quote(e.model)} WHERE ${ownerSql(e)} LIMIT ${COUNT_LIMIT + 1}) x) AS "c${i}"`,
    ),
    `(SELECT ${isoText('max("placedAt")')} ${orders}) AS "lastOrderAt"`,
    `(SELECT ${isoText('max("placedAt")')} ${orders} AND "status" = 'RETURNED') AS "lastReturnAt"`,
    `(SELECT ${isoText('max("at")')} FROM "SignInEvent" WHERE "customerId" = $1::uuid AND "shopId" = $2::uuid AND "isSuccessful") AS "lastSignInAt"`,
  ];
  const [row] = await getPrisma().$queryRawUnsafe<Record<string, unknown>[]>(
    `SELECT ${columns.join(",\n")}`,
    scope.customerId,
    scope.shop.id,
  );
  const date = (value: unknown) => (typeof value === "string" ? new Date(value) : null);
  return {
    counts: entries.map((_, i) => Number(row[`c${i}`])),
    activity: {
      lastOrderAt: date(row.lastOrderAt),
      lastReturnAt: date(row.lastReturnAt),
      lastSignInAt: date(row.lastSignInAt),
    },
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

export async function getDataCategories(options: { viewer: Viewer; customerId?: string }): Promise<CategoryView[]> {
  const scope = await authorize(options.viewer, "data.read", options.customerId);
  const profile = scope.shop.profile;
  const entries = personalModels();
  const { counts, activity } = await loadCountsAndActivity(scope, entries);

  const datasets: DatasetView[] = entries.flatMap((entry, i) =>
    datasetsOf(entry).map(({ category, fields }) => ({
      id: `${entry.model}:${category}`,
      model: entry.model,
      label: entry.label,
      category,
      fields,
      count: Math.min(counts[i], COUNT_LIMIT),
      isCountExact: counts[i] <= COUNT_LIMIT,
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

export async function findDatasets(options: {
  viewer: Viewer;
  customerId?: string;
  ids: string[];
}): Promise<DatasetView[]> {
  if (options.ids.length > 50) throw new AppError("INVALID_INPUT", "Ask for at most 50 data sets at once.");
  const all = (await getDataCategories(options)).flatMap((c) => c.datasets);
  return options.ids.flatMap((id) => all.filter((d) => d.id === id));
}

export async function findDataset(options: {
  viewer: Viewer;
  customerId?: string;
  id: string;
}): Promise<DatasetView | null> {
  const [dataset] = await findDatasets({ viewer: options.viewer, ids: [options.id] });
  return dataset ?? null;
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

export type RecordsRequest = { dataset: DatasetView; first?: number | null; after?: string | null };

// Timestamps come back from to_jsonb as text with an offset; they are shown as ISO
// instants like everywhere else. Calendar dates (date of birth) stay as they are.
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}(:\d{2})?|Z)$/;
const revive = (value: unknown) => (typeof value === "string" && TIMESTAMP.test(value) ? new Date(value) : value);

// The records of many data sets in one statement (one page each, newest first), so the
// "My data" page costs the same whatever the number of data sets shown.
export async function getDatasetRecordsBatch(options: {
  viewer: Viewer;
  // The customer the call is about (a Customer field passes its parent): must be the subject.
  customerId?: string;
  requests: RecordsRequest[];
}): Promise<Page<RecordView>[]> {
  const scope = await authorize(options.viewer, "data.read", options.customerId);
  const entries = new Map(personalModels().map((e) => [e.model, e]));
  const params: unknown[] = [scope.customerId, scope.shop.id];
  const parts = options.requests.map((request, k) => {
    const entry = entries.get(request.dataset.model);
    if (!entry) throw new AppError("NOT_FOUND", "Unknown data set.");
    const take = pageSize(request.first);
    const cursor = decodeCursor(request.after);
    const dateField = RECORD_DATE_FIELD[entry.model];
    const order = dateField ? [quote(dateField), `"id"`] : [`"id"`];
    const columns = new Set(["id", ...request.dataset.fields.map((f) => f.key), ...(dateField ? [dateField] : [])]);
    if ("currency" in entry.fields || entry.technical.includes("currency")) columns.add("currency");
    let where = ownerSql(entry);
    if (cursor) {
      params.push(cursor);
      where += ` AND (${order.join(", ")}) < (SELECT ${order.join(", ")} FROM ${quote(entry.model)} WHERE "id" = $${params.length}::uuid AND ${ownerSql(entry)})`;
    }
    const ordering = order.map((c) => `${c} DESC`).join(", ");
    return `SELECT ${k} AS "k", to_jsonb(t) AS "r" FROM (
      SELECT ${[...columns].map(quote).join(", ")}, row_number() OVER (ORDER BY ${ordering}) AS "__n"
      FROM ${quote(entry.model)} WHERE ${where} ORDER BY ${ordering} LIMIT ${take + 1}
    ) t`;
  });
  const rows = parts.length
    ? await getPrisma().$queryRawUnsafe<{ k: number; r: Record<string, unknown> }[]>(
        `SELECT "k", "r" FROM (${parts.join("\nUNION ALL\n")}) u ORDER BY "k", ("r"->>'__n')::int`,
        ...params,
      )
    : [];
  const byRequest = options.requests.map(() => [] as Record<string, unknown>[]);
  for (const { k, r } of rows) {
    byRequest[Number(k)].push(Object.fromEntries(Object.entries(r).map(([key, value]) => [key, revive(value)])));
  }
  return options.requests.map((request, k) => {
    const entry = entries.get(request.dataset.model) as PersonalModel;
    const take = pageSize(request.first);
    const page = byRequest[k].slice(0, take);
    return {
      hasNextPage: byRequest[k].length > take,
      totalCount: request.dataset.count,
      nodes: page.map((row) => ({
        id: String(row.id),
        model: entry.model,
        keptUntil: recordKeptUntil(scope.shop.profile, request.dataset.category, recordDate(entry.model, row)),
        values: request.dataset.fields.map((f) => {
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
  });
}

export async function getDatasetRecords(
  options: { viewer: Viewer; customerId?: string } & RecordsRequest,
): Promise<Page<RecordView>> {
  const [page] = await getDatasetRecordsBatch({ viewer: options.viewer, requests: [options] });
  return page;
}
