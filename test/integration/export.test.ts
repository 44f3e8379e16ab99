import { createHash } from "node:crypto";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { fromGlobalId, toGlobalId } from "@/graphql/global-id";
import type { CustomerViewer } from "@/server/auth/viewer";
import { personalModels } from "@/server/data-map";
import { formatValue, maskValue, ownerWhere } from "@/server/data-map/view";
import { RECORD_DATE_FIELD } from "@/server/data-map/view-config";
import { getPrisma } from "@/server/db";
import { type AppError, isAppError } from "@/server/errors";
import {
  createExport,
  downloadToken,
  EXPORT,
  EXPORT_BUILD_JOB,
  type ExportView,
  openExportDownload,
} from "@/server/export";
import { exportDatasets } from "@/server/export/datasets";
import { enqueueJob, getJob, retryDelayMs, runDueJobs } from "@/server/jobs";
import { getExportStorage } from "@/server/storage";
import { signedInViewer, viewerWithHistory } from "../factories";
import {
  committedSchema,
  type ExportDocument,
  exportValidator,
  filesInExportDirectory,
  type JsonRecord,
  parseCsv,
  type SchemaProperty,
  storedBytes,
  storedJson,
  storedZip,
  text,
} from "../support/exports";
import { gql } from "../support/graphql";

// "Download my data" (issue 4): the export holds exactly what My data shows, in both
// formats, validated by real parsers; the durable job that builds it survives crashes
// and never publishes a half-written file.

const build = (now?: Date) => runDueJobs({ kinds: [EXPORT_BUILD_JOB], now });

const BATCHES = { rowBatch: EXPORT.rowBatch, parentBatch: EXPORT.parentBatch, documentBatch: EXPORT.documentBatch };

afterEach(() => {
  EXPORT.testHooks.afterBatch = undefined;
  Object.assign(EXPORT, BATCHES);
});

async function requestExport(viewer: CustomerViewer, input: Record<string, unknown>): Promise<ExportView> {
  const result = await createExport({ viewer, input });
  expect(result.isExisting).toBe(false);
  return result.export;
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

// Files of one export in the storage directory, committed or not.
const filesOf = (exportId: string) => filesInExportDirectory().filter((f) => f.includes(exportId));

// ---------------------------------------------------------------------------------
// My data, as the customer sees it through the API: every category, data set and
// record (all pages), with the shown (masked where sensitive) values.

type ShownValue = { field: string; value: string | null; isMasked: boolean };
type ShownRecord = { category: string; model: string; id: string; values: ShownValue[] };

const RECORDS = `edges { node { id values { field value isMasked } } } pageInfo { hasNextPage endCursor }`;
const MY_DATA = `{ viewer { customer { dataCategories { key datasets { id count isCountExact records(first: 25) { ${RECORDS} } } } } } }`;
const DATASET_PAGE = `query($id: ID!, $after: String) { viewer { customer { dataset(id: $id) { records(first: 25, after: $after) { ${RECORDS} } } } } }`;

type RecordsPage = {
  edges: { node: { id: string; values: ShownValue[] } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string };
};

async function myData(viewer: CustomerViewer): Promise<{ records: ShownRecord[]; categories: string[] }> {
  const { data, errors } = await gql(MY_DATA, {}, viewer);
  expect(errors).toBeUndefined();
  const categories = (
    data as {
      viewer: {
        customer: {
          dataCategories: {
            key: string;
            datasets: { id: string; count: number; isCountExact: boolean; records: RecordsPage }[];
          }[];
        };
      };
    }
  ).viewer.customer.dataCategories;
  const records: ShownRecord[] = [];
  for (const category of categories) {
    for (const dataset of category.datasets) {
      expect(dataset.isCountExact, dataset.id).toBe(true);
      let page = dataset.records;
      const before = records.length;
      for (;;) {
        for (const { node } of page.edges) {
          const decoded = fromGlobalId(node.id);
          if (!decoded) throw new Error(`bad record id ${node.id}`);
          records.push({ category: category.key, model: decoded.type, id: decoded.id, values: node.values });
        }
        if (!page.pageInfo.hasNextPage) break;
        const next = await gql(DATASET_PAGE, { id: dataset.id, after: page.pageInfo.endCursor }, viewer);
        expect(next.errors).toBeUndefined();
        page = (next.data as { viewer: { customer: { dataset: { records: RecordsPage } } } }).viewer.customer.dataset
          .records;
      }
      expect(records.length - before, dataset.id).toBe(dataset.count);
    }
  }
  return { records, categories: categories.filter((c) => c.datasets.length).map((c) => c.key) };
}

type Delegate = { findMany(args: object): Promise<Record<string, unknown>[]> };
const delegate = (model: string) =>
  (getPrisma() as unknown as Record<string, Delegate>)[model.charAt(0).toLowerCase() + model.slice(1)];

// The stored (unmasked) rows of the customer's models that have sensitive fields.
async function sensitiveRows(viewer: CustomerViewer): Promise<Map<string, Record<string, unknown>>> {
  const rows = new Map<string, Record<string, unknown>>();
  for (const entry of personalModels()) {
    if (!Object.values(entry.fields).some((f) => f.isSensitive)) continue;
    for (const row of await delegate(entry.model).findMany({ where: ownerWhere(entry, viewer) })) {
      rows.set(`${entry.model}:${String(row.id)}`, row);
    }
  }
  return rows;
}

// Every id of every personal record of a customer, and the values that identify them.
async function fingerprints(viewer: CustomerViewer): Promise<string[]> {
  const out: string[] = [];
  for (const entry of personalModels()) {
    const rows = await delegate(entry.model).findMany({ where: ownerWhere(entry, viewer) });
    for (const row of rows) {
      out.push(String(row.id));
      if (entry.model === "Customer") out.push(String(row.email), String(row.firstName), String(row.lastName));
      if (["Order", "Invoice", "WarrantyCertificate"].includes(entry.model)) out.push(String(row.number));
    }
  }
  return out;
}

// The exported records of one file, keyed by "category:record id", with the raw values
// as the file holds them.
type Exported = Map<string, { model: string; record: JsonRecord }>;

const datasetModels = new Map(exportDatasets().map((d) => [d.key, d.model]));

function jsonRecords(document: ExportDocument): Exported {
  const out: Exported = new Map();
  for (const category of document.categories) {
    for (const dataset of category.datasets) {
      const model = datasetModels.get(dataset.key);
      if (!model) throw new Error(`unknown data set ${dataset.key}`);
      for (const record of dataset.records) {
        const key = `${category.key}:${String(record.id)}`;
        expect(out.has(key), key).toBe(false);
        out.set(key, { model, record });
      }
    }
  }
  return out;
}

function schemaTypes(property: SchemaProperty): { types: string[]; format?: string } {
  const variants = property.anyOf ?? [property];
  const types = variants.map((v) => v.type ?? (v.enum ? "string" : "any")).filter((t) => t !== "null");
  return { types, format: variants.find((v) => v.format)?.format };
}

// A CSV cell back to the value it was written from, using the committed JSON Schema's
// type of the column: empty is null, true/false booleans, integers numbers, structured
// values JSON; text and ISO 8601 dates stay text.
function fromCsv(cell: string, property: SchemaProperty): unknown {
  if (cell === "") return null;
  const { types } = schemaTypes(property);
  if (types.includes("boolean")) {
    expect(["true", "false"]).toContain(cell);
    return cell === "true";
  }
  if (types.includes("integer")) {
    expect(cell).toMatch(/^-?\d+$/);
    return Number(cell);
  }
  if (types.includes("array") || types.includes("any")) return JSON.parse(cell);
  return cell;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

type CsvFile = { path: string; category: string; key: string; header: string[]; rows: string[][]; raw: string };

function csvFiles(zip: Record<string, Uint8Array>): CsvFile[] {
  return Object.entries(zip)
    .filter(([name]) => name.endsWith(".csv"))
    .map(([name, bytes]) => {
      const raw = text(bytes);
      const [header, ...rows] = parseCsv(raw);
      return { path: name, category: path.dirname(name), key: path.basename(name, ".csv"), header, rows, raw };
    });
}

// The committed schema's columns of one data set.
function schemaColumns(key: string): Record<string, SchemaProperty> {
  const def = committedSchema().$defs[key];
  if (!def) throw new Error(`"${key}" is not in public/schemas/export-v1.json: run npm run generate:export-schema`);
  return def.properties;
}

function csvRecords(files: CsvFile[]): Exported {
  const out: Exported = new Map();
  for (const file of files) {
    const model = datasetModels.get(file.key);
    if (!model) throw new Error(`unknown data set ${file.key}`);
    const properties = schemaColumns(file.key);
    for (const row of file.rows) {
      const record: JsonRecord = {};
      file.header.forEach((column, i) => {
        record[column] = fromCsv(row[i], properties[column]);
      });
      const key = `${file.category}:${String(record.id)}`;
      expect(out.has(key), key).toBe(false);
      out.set(key, { model, record });
    }
  }
  return out;
}

// Every value My data shows is in the file, for the same record, and reads the same once
// formatted as My data formats it; masked values equal the stored value. Nothing more
// is in the file than My data lists.
function expectSameAsMyData(
  shown: { records: ShownRecord[]; categories: string[] },
  exported: Exported,
  sensitive: Map<string, Record<string, unknown>>,
  label: string,
): number {
  let checked = 0;
  for (const record of shown.records) {
    const found = exported.get(`${record.category}:${record.id}`);
    expect(found, `${label}: ${record.model} ${record.id} (${record.category}) is missing`).toBeDefined();
    if (!found) continue;
    expect(found.model).toBe(record.model);
    for (const value of record.values) {
      const where = `${label}: ${record.model}.${value.field} of ${record.id}`;
      expect(Object.hasOwn(found.record, value.field), where).toBe(true);
      const formatted = formatValue(record.model, value.field, found.record[value.field], found.record);
      if (value.isMasked) {
        const row = sensitive.get(`${record.model}:${record.id}`);
        expect(row, where).toBeDefined();
        expect(formatted, where).toBe(formatValue(record.model, value.field, row?.[value.field], row ?? {}));
        expect(maskValue(formatted ?? ""), where).toBe(value.value);
      } else if (label === "CSV" && value.value === "") {
        // CSV cannot tell an empty text from no value.
        expect(formatted ?? "", where).toBe("");
      } else {
        expect(formatted, where).toBe(value.value);
      }
      checked++;
    }
  }
  expect(exported.size, `${label}: records in the file that My data does not show`).toBe(shown.records.length);
  return checked;
}

// ---------------------------------------------------------------------------------

describe("the export holds exactly what My data shows", () => {
  const TRICKY_LINE = 'Str. "Mihai Eminescu", nr. 5\nbloc A, ap. 3';
  const TRICKY_ANSWER = 'Yes, "absolutely"\r\nand, again: yes';
  let viewer: CustomerViewer;
  let others: CustomerViewer[];
  let jsonExport: ExportView;
  let csvExport: ExportView;
  const snapshots = new Map<
    string,
    { shown: Awaited<ReturnType<typeof myData>>; sensitive: Map<string, Record<string, unknown>> }
  >();
  let json: { text: string; document: ExportDocument };
  let zip: Record<string, Uint8Array>;
  let trickyAddressId: string;
  let trickyAnswerId: string;

  beforeAll(async () => {
    viewer = await viewerWithHistory({ shop: "almaz", orderCount: 8, isDemo: true });
    const neighbour = await viewerWithHistory({ shop: "almaz", orderCount: 3 });
    const elsewhere = await viewerWithHistory({ shop: "micro-image", orderCount: 3 });
    others = [neighbour, elsewhere];
    // Names nobody else can have, to look for in the files.
    for (const [i, other] of others.entries()) {
      await getPrisma().customer.update({
        where: { id: other.customerId },
        data: { firstName: `Neighbourly${i}Xq`, lastName: `Stranger${i}Zw` },
      });
    }
    // Other customers asked for exports too; theirs must not show up in this one.
    for (const other of others) await requestExport(other, { format: "JSON" });
    trickyAddressId = (
      await getPrisma().address.create({
        data: {
          customerId: viewer.customerId,
          recipientName: 'Ana, "Nana" Pop',
          line1: TRICKY_LINE,
          city: "Cluj-Napoca",
          postalCode: "400000",
          country: "RO",
        },
      })
    ).id;
    trickyAnswerId = (
      await getPrisma().pollAnswer.create({
        data: {
          customerId: viewer.customerId,
          poll: "Survey, 2025",
          question: 'Would you "recommend" us?',
          answer: TRICKY_ANSWER,
          answeredAt: new Date("2025-03-01T10:00:00Z"),
        },
      })
    ).id;

    // Small batches, so that every keyset page boundary is crossed many times.
    Object.assign(EXPORT, { rowBatch: 7, parentBatch: 3, documentBatch: 2 });
    // My data is read while the export is being written: the same moment's data (the
    // export's own row says RUNNING in both).
    EXPORT.testHooks.afterBatch = async (exportId) => {
      if (snapshots.has(exportId) || (exportId !== jsonExport?.id && exportId !== csvExport?.id)) return;
      snapshots.set(exportId, { shown: await myData(viewer), sensitive: await sensitiveRows(viewer) });
    };
    jsonExport = await requestExport(viewer, { format: "JSON" });
    expect(await build()).toMatchObject({ succeeded: 3, failed: 0 });
    csvExport = await requestExport(viewer, { format: "CSV" });
    expect(await build()).toMatchObject({ succeeded: 1, failed: 0 });
    EXPORT.testHooks.afterBatch = undefined;
    Object.assign(EXPORT, BATCHES);
    json = await storedJson(jsonExport.id);
    zip = await storedZip(csvExport.id);
  });

  afterAll(() => {
    EXPORT.testHooks.afterBatch = undefined;
  });

  it("JSON: every value shown on My data, for the same record, formatted alike; nothing else", () => {
    const snapshot = snapshots.get(jsonExport.id);
    if (!snapshot) throw new Error("My data was not read during the build");
    const exported = jsonRecords(json.document);
    expect(json.document.categories.map((c) => c.key)).toEqual(snapshot.shown.categories);
    const checked = expectSameAsMyData(snapshot.shown, exported, snapshot.sensitive, "JSON");
    expect(checked).toBeGreaterThan(400);
    // Each category's data sets are all there, and each data set lists its fields.
    const shownModels = new Set(snapshot.shown.records.map((r) => `${r.category}:${r.model}`));
    for (const key of shownModels) {
      const [category, model] = key.split(":");
      const datasets = json.document.categories.find((c) => c.key === category)?.datasets ?? [];
      expect(
        datasets.some((d) => datasetModels.get(d.key) === model),
        key,
      ).toBe(true);
    }
  });

  it("CSV: every value shown on My data is in the CSV files, by record id and column; nothing else", () => {
    const snapshot = snapshots.get(csvExport.id);
    if (!snapshot) throw new Error("My data was not read during the build");
    const files = csvFiles(zip);
    expect([...new Set(files.map((f) => f.category))]).toEqual(snapshot.shown.categories);
    const checked = expectSameAsMyData(snapshot.shown, csvRecords(files), snapshot.sensitive, "CSV");
    expect(checked).toBeGreaterThan(400);
  });

  it("contains nothing of another customer, of the same shop or another", async () => {
    const texts = [
      json.text,
      ...Object.keys(zip),
      ...Object.entries(zip)
        .filter(([name]) => !name.endsWith(".pdf"))
        .map(([, bytes]) => text(bytes)),
    ];
    let searched = 0;
    for (const other of others) {
      const marks = await fingerprints(other);
      expect(marks.length).toBeGreaterThan(50);
      for (const mark of marks) {
        for (const t of texts) expect(t.includes(mark), `${mark} found in an export`).toBe(false);
        searched++;
      }
    }
    expect(searched).toBeGreaterThan(100);
    // The search itself works: the customer's own identifiers are there.
    const own = await fingerprints(viewer);
    for (const mark of own.slice(0, 20)) expect(json.text).toContain(mark);
  });

  it("validates against the committed JSON Schema (Ajv 2020-12, strict) and names it in $schema", () => {
    const validate = exportValidator();
    const isValid = validate(json.document);
    expect(validate.errors ?? []).toEqual([]);
    expect(isValid).toBe(true);
    expect(json.document.$schema).toMatch(/\/schemas\/export-v1\.json$/);
    expect(json.document).toMatchObject({
      formatVersion: 1,
      exportId: jsonExport.id,
      shop: { handle: "almaz", name: viewer.shop.name, controller: viewer.shop.profile.controllers[0].name },
      request: { categories: [], from: null, to: null },
    });
    // The validator is not toothless: a stray field or a wrong type is refused.
    const broken = structuredClone(json.document);
    broken.categories[0].datasets[0].records[0].surprise = "x";
    expect(validate(broken)).toBe(false);
    const wrongType = structuredClone(json.document);
    const orders = wrongType.categories.find((c) => c.key === "orders")?.datasets.find((d) => d.key === "orders");
    if (!orders) throw new Error("no orders");
    orders.records[0].totalCents = "12.00";
    expect(validate(wrongType)).toBe(false);
  });

  it("the committed schema describes every data set the export writes, column by column", () => {
    // (That the file is byte-for-byte what scripts/generate-export-schema.ts writes is
    // checked by `npm run generate:check` in CI.)
    const defs = committedSchema().$defs;
    const datasets = exportDatasets();
    expect(Object.keys(defs).sort()).toEqual(datasets.map((d) => d.key).sort());
    for (const dataset of datasets) {
      expect(Object.keys(defs[dataset.key].properties), dataset.key).toEqual(dataset.columns.map((c) => c.key));
      expect(defs[dataset.key].required, dataset.key).toEqual(dataset.columns.map((c) => c.key));
    }
  });

  it("CSV: a README lists every file and its columns; RFC 4180 with CRLF; ISO 8601 dates", () => {
    const readme = text(zip["README.txt"]);
    const files = csvFiles(zip);
    expect(files.length).toBeGreaterThan(15);
    for (const file of files) {
      const at = readme.indexOf(`\r\n${file.path}\r\n`);
      expect(at, `${file.path} is not in the README`).toBeGreaterThan(0);
      const section = readme.slice(at + 2).split("\r\n\r\n")[0];
      const columns = [...section.matchAll(/^ {2}- (\w+): /gm)].map((m) => m[1]);
      expect(columns, file.path).toEqual(file.header);
      expect(section).toContain(`: ${file.rows.length} record${file.rows.length === 1 ? "" : "s"}.`);
      // Every record ends with CRLF, and no line break outside quotes stands alone.
      expect(file.raw.endsWith("\r\n"), file.path).toBe(true);
      const unquoted = file.raw.replace(/"(?:[^"]|"")*"/g, "");
      expect(unquoted.replaceAll("\r\n", ""), file.path).not.toMatch(/[\r\n]/);
      // Dates as ISO 8601: instants in UTC with milliseconds, calendar dates as days.
      const properties = schemaColumns(file.key);
      file.header.forEach((column, i) => {
        const { format } = schemaTypes(properties[column]);
        if (!format?.startsWith("date")) return;
        for (const row of file.rows) {
          if (row[i] === "") continue;
          expect(row[i], `${file.path} ${column}`).toMatch(format === "date" ? ISO_DATE : ISO_INSTANT);
        }
      });
    }
    expect(readme.split("\r\n").every((line) => !line.includes("\n"))).toBe(true);
  });

  it("CSV and JSON: quotes, commas and line breaks in values come back exactly", () => {
    const files = csvFiles(zip);
    const addresses = files.find((f) => f.key === "addresses");
    const answers = files.find((f) => f.key === "poll_answers");
    if (!addresses || !answers) throw new Error("files missing");
    const address = addresses.rows.find((r) => r[0] === trickyAddressId);
    expect(address?.[addresses.header.indexOf("line1")]).toBe(TRICKY_LINE);
    expect(address?.[addresses.header.indexOf("recipientName")]).toBe('Ana, "Nana" Pop');
    const answer = answers.rows.find((r) => r[0] === trickyAnswerId);
    expect(answer?.[answers.header.indexOf("answer")]).toBe(TRICKY_ANSWER);
    expect(answer?.[answers.header.indexOf("question")]).toBe('Would you "recommend" us?');
    expect(answer?.[answers.header.indexOf("poll")]).toBe("Survey, 2025");
    const jsonAnswer = jsonRecords(json.document).get(`polls:${trickyAnswerId}`)?.record;
    expect(jsonAnswer?.answer).toBe(TRICKY_ANSWER);
  });

  it("CSV: every invoice and warranty certificate is in the ZIP as a PDF", async () => {
    const [invoices, certificates] = await Promise.all([
      getPrisma().invoice.findMany({ where: { customerId: viewer.customerId }, select: { number: true } }),
      getPrisma().warrantyCertificate.findMany({ where: { customerId: viewer.customerId }, select: { number: true } }),
    ]);
    expect(invoices.length).toBeGreaterThan(2);
    expect(certificates.length).toBeGreaterThan(0);
    const pdfs = Object.entries(zip).filter(([name]) => name.endsWith(".pdf"));
    expect(pdfs).toHaveLength(invoices.length + certificates.length);
    for (const [name, bytes] of pdfs) expect(Buffer.from(bytes.subarray(0, 5)).toString("latin1"), name).toBe("%PDF-");
    const names = pdfs.map(([name]) => name);
    for (const { number } of invoices) {
      expect(names.filter((n) => n.startsWith("documents/invoices/") && n.includes(number))).toHaveLength(1);
    }
    for (const { number } of certificates) {
      expect(names.filter((n) => n.startsWith("documents/warranty-certificates/") && n.includes(number))).toHaveLength(
        1,
      );
    }
    expect(text(zip["README.txt"])).toContain(`(${invoices.length + certificates.length}).`);
  });
});

describe("filters", () => {
  let viewer: CustomerViewer;

  beforeAll(async () => {
    viewer = await viewerWithHistory({ shop: "crystalline", orderCount: 12 });
  });

  it("a subset of categories exports those categories only", async () => {
    const created = await requestExport(viewer, { format: "JSON", categories: ["orders", "addresses", "orders"] });
    expect(created.categories).toEqual(["orders", "addresses"]);
    await build();
    const { document } = await storedJson(created.id);
    expect(exportValidator()(document)).toBe(true);
    // In the order My data lists them.
    expect(document.categories.map((c) => c.key)).toEqual(["addresses", "orders"]);
    expect(document.request.categories).toEqual(["orders", "addresses"]);
    const count = (key: string) =>
      document.categories.flatMap((c) => c.datasets).find((d) => d.key === key)?.records.length;
    const where = { customerId: viewer.customerId };
    expect(count("addresses")).toBe(await getPrisma().address.count({ where }));
    expect(count("orders")).toBe(await getPrisma().order.count({ where }));
    expect(count("order_items")).toBe(await getPrisma().orderItem.count({ where: { order: where } }));
    expect(count("orders")).toBe(12);
  });

  it("a date range keeps records dated in it (both days included), the account, and order items with their order", async () => {
    const orders = await getPrisma().order.findMany({
      where: { customerId: viewer.customerId },
      orderBy: { placedAt: "asc" },
      select: { id: true, placedAt: true },
    });
    const day = (d: Date) => d.toISOString().slice(0, 10);
    const from = day(orders[3].placedAt);
    const to = day(orders[8].placedAt);
    const fromAt = new Date(`${from}T00:00:00Z`);
    const toExclusive = new Date(new Date(`${to}T00:00:00Z`).getTime() + 86_400_000);
    // The last day counts whole: its order was placed after midnight.
    expect(orders[8].placedAt.getTime()).toBeGreaterThan(new Date(`${to}T00:00:00Z`).getTime());
    const inRange = (d: Date) => d >= fromAt && d < toExclusive;
    expect(orders.filter((o) => o.placedAt < fromAt).length).toBeGreaterThan(0);
    expect(orders.filter((o) => o.placedAt >= toExclusive).length).toBeGreaterThan(0);
    const customer = await getPrisma().customer.findUniqueOrThrow({ where: { id: viewer.customerId } });
    expect(customer.createdAt < fromAt).toBe(true);

    const created = await requestExport(viewer, { format: "CSV", from, to });
    await build();
    const zip = await storedZip(created.id);
    const files = csvFiles(zip);
    let kept = 0;
    let left = 0;
    for (const file of files) {
      const dataset = exportDatasets().find((d) => d.key === file.key);
      if (!dataset) throw new Error(file.key);
      const entry = personalModels().find((e) => e.model === dataset.model);
      if (!entry) throw new Error(dataset.model);
      const ids = new Set(file.rows.map((r) => r[0]));
      const rows = await delegate(entry.model).findMany({
        where: ownerWhere(entry, viewer),
        ...(entry.model === "OrderItem" ? { include: { order: { select: { placedAt: true } } } } : {}),
      });
      const dateOf = (row: Record<string, unknown>): Date | null =>
        entry.owner.kind === "self"
          ? null
          : entry.model === "OrderItem"
            ? (row.order as { placedAt: Date }).placedAt
            : (row[RECORD_DATE_FIELD[entry.model] as string] as Date);
      const expected = rows.filter((row) => {
        const date = dateOf(row);
        return date === null || inRange(date);
      });
      expect([...ids].sort(), file.path).toEqual(expected.map((r) => String(r.id)).sort());
      kept += expected.length;
      left += rows.length - expected.length;
    }
    expect(kept).toBeGreaterThan(10);
    expect(left).toBeGreaterThan(10);
    const csv = (key: string) => files.find((f) => f.key === key);
    expect(csv("account")?.rows.map((r) => r[0])).toEqual([viewer.customerId]);
    expect(csv("orders")?.rows.map((r) => r[0])).toContain(orders[8].id);
    expect(csv("orders")?.rows.map((r) => r[0])).toContain(orders[3].id);
    const items = csv("order_items");
    const orderIdColumn = items?.header.indexOf("orderId") ?? -1;
    const orderIds = new Set(csv("orders")?.rows.map((r) => r[0]));
    expect(items?.rows.length).toBeGreaterThan(0);
    for (const row of items?.rows ?? []) expect(orderIds.has(row[orderIdColumn])).toBe(true);

    // Only the documents issued in the range, as PDFs.
    const issued = { customerId: viewer.customerId, issuedAt: { gte: fromAt, lt: toExclusive } };
    const documents =
      (await getPrisma().invoice.count({ where: issued })) +
      (await getPrisma().warrantyCertificate.count({ where: issued }));
    expect(documents).toBeGreaterThan(0);
    expect(Object.keys(zip).filter((n) => n.endsWith(".pdf"))).toHaveLength(documents);
    expect(text(zip["README.txt"])).toContain(`Records dated from ${from} to ${to}`);
  });
});

describe("the export job", () => {
  const NODE = `query($id: ID!) { node(id: $id) { ... on Export {
    status progress recordsDone recordsTotal readyAt expiresAt byteSize sha256 downloadUrl failureCode } } }`;
  type ExportNode = {
    status: string;
    progress: number;
    recordsDone: number;
    recordsTotal: number | null;
    readyAt: string | null;
    expiresAt: string | null;
    byteSize: number | null;
    sha256: string | null;
    downloadUrl: string | null;
    failureCode: string | null;
  };
  async function node(viewer: CustomerViewer, id: string): Promise<ExportNode> {
    const { data, errors } = await gql(NODE, { id: toGlobalId("Export", id) }, viewer);
    expect(errors).toBeUndefined();
    return (data as { node: ExportNode }).node;
  }
  const readyEmails = (viewer: CustomerViewer) =>
    getPrisma().outboundEmail.findMany({ where: { customerId: viewer.customerId, kind: "export-ready" } });

  it("goes QUEUED → RUNNING → READY with progress, one at a time per customer, and one email", async () => {
    const viewer = await signedInViewer({ shop: "allegra" });
    const created = await requestExport(viewer, { format: "JSON" });
    expect(await node(viewer, created.id)).toMatchObject({
      status: "QUEUED",
      progress: 0,
      recordsDone: 0,
      recordsTotal: null,
      downloadUrl: null,
    });
    // Asking again while it waits returns the same export.
    const again = await createExport({ viewer, input: { format: "CSV" } });
    expect(again).toMatchObject({ isExisting: true, export: { id: created.id, format: "JSON" } });

    const seen: ExportNode[] = [];
    const whileRunning: { isExisting: boolean; id: string }[] = [];
    EXPORT.testHooks.afterBatch = async (exportId) => {
      if (exportId !== created.id) return;
      seen.push(await node(viewer, created.id));
      const result = await createExport({ viewer, input: { format: "JSON" } });
      whileRunning.push({ isExisting: result.isExisting, id: result.export.id });
    };
    expect(await build()).toEqual({ ran: 1, succeeded: 1, retrying: 0, failed: 0 });
    expect(seen.length).toBeGreaterThan(0);
    for (const state of seen) {
      expect(state.status).toBe("RUNNING");
      expect(state.progress).toBeGreaterThanOrEqual(0);
      expect(state.progress).toBeLessThan(100);
      expect(state.recordsTotal).toBeGreaterThan(0);
      expect(state.downloadUrl).toBeNull();
    }
    expect(whileRunning.every((r) => r.isExisting && r.id === created.id)).toBe(true);

    const done = await node(viewer, created.id);
    const bytes = await storedBytes(created.id);
    expect(done).toMatchObject({
      status: "READY",
      progress: 100,
      byteSize: bytes.length,
      sha256: sha256(bytes),
      failureCode: null,
    });
    expect(done.recordsDone).toBe(done.recordsTotal);
    expect(new Date(done.expiresAt ?? 0).getTime() - new Date(done.readyAt ?? 0).getTime()).toBe(EXPORT.linkTtlMs);
    expect(done.downloadUrl).toMatch(new RegExp(`^/api/exports/${toGlobalId("Export", created.id)}\\?token=`));
    expect((await getJob({ kind: EXPORT_BUILD_JOB, key: created.id }))?.status).toBe("SUCCEEDED");
    expect(await getPrisma().export.count({ where: { customerId: viewer.customerId } })).toBe(1);

    const customer = await getPrisma().customer.findUniqueOrThrow({ where: { id: viewer.customerId } });
    const emails = await readyEmails(viewer);
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({ toAddress: customer.email, shopId: viewer.shop.id });
    expect(emails[0].textBody).toContain(`/${viewer.shop.handle}/account/privacy/export`);
    const events = await getPrisma().auditEvent.findMany({
      where: { customerId: viewer.customerId, action: { in: ["export.request", "export.ready"] } },
      orderBy: { sequence: "asc" },
    });
    expect(events.map((e) => e.action)).toEqual(["export.request", "export.ready"]);

    // The job running again (a duplicate delivery) changes nothing and sends nothing.
    await enqueueJob(getPrisma(), { kind: EXPORT_BUILD_JOB, key: created.id, payload: { exportId: created.id } });
    expect(await build()).toMatchObject({ ran: 1, succeeded: 1 });
    expect(await readyEmails(viewer)).toHaveLength(1);
    expect(sha256(await storedBytes(created.id))).toBe(done.sha256);

    // Now that it is ready, a new one can be asked for.
    const next = await createExport({ viewer, input: { format: "CSV" } });
    expect(next.isExisting).toBe(false);
    expect(next.export.id).not.toBe(created.id);
    expect(await build()).toMatchObject({ ran: 1, succeeded: 1 });
  });

  it(`allows ${EXPORT.dailyLimit} exports in 24 hours, then refuses with RATE_LIMITED and creates nothing`, async () => {
    const viewer = await signedInViewer();
    const base = { shopId: viewer.shop.id, customerId: viewer.customerId, format: "JSON" as const };
    // One from two days ago does not count.
    await getPrisma().export.create({
      data: { ...base, status: "EXPIRED", createdAt: new Date(Date.now() - 48 * 3600_000) },
    });
    await getPrisma().export.createMany({
      data: Array.from({ length: EXPORT.dailyLimit - 1 }, (_, i) => ({
        ...base,
        status: i % 2 ? ("READY" as const) : ("FAILED" as const),
        createdAt: new Date(Date.now() - (i + 1) * 3600_000),
      })),
    });
    const last = await requestExport(viewer, { format: "CSV" });
    await build();
    expect((await getPrisma().export.findUniqueOrThrow({ where: { id: last.id } })).status).toBe("READY");

    const before = await getPrisma().export.count({ where: { customerId: viewer.customerId } });
    const error = await rejection(createExport({ viewer, input: { format: "JSON" } }));
    expect(error.code).toBe("RATE_LIMITED");
    expect(error.message).toContain(String(EXPORT.dailyLimit));
    const { data } = await gql(
      `mutation { exportCreate(input: { format: JSON }) { export { id } isExisting userErrors { field code } } }`,
      {},
      viewer,
    );
    expect(data?.exportCreate).toEqual({
      export: null,
      isExisting: null,
      userErrors: [{ field: null, code: "RATE_LIMITED" }],
    });
    expect(await getPrisma().export.count({ where: { customerId: viewer.customerId } })).toBe(before);
    const ids = (await getPrisma().export.findMany({ where: { customerId: viewer.customerId } })).map((e) => e.id);
    expect(await getPrisma().job.count({ where: { kind: EXPORT_BUILD_JOB, key: { in: ids } } })).toBe(1);
  });

  it.each(["JSON", "CSV"] as const)(
    "a %s build that fails mid-way leaves no file to serve, and its retry writes a complete one",
    async (format) => {
      const viewer = await viewerWithHistory({ shop: "micro-image", orderCount: 3 });
      Object.assign(EXPORT, { rowBatch: 5, parentBatch: 2 });
      const created = await requestExport(viewer, { format });
      let batches = 0;
      EXPORT.testHooks.afterBatch = (exportId) => {
        if (exportId !== created.id) return;
        batches++;
        // Well into the file, the process "fails" (database gone, disk full, a bug).
        if (batches === 4) throw Object.assign(new Error("crash"), { code: "TEST_CRASH" });
      };
      expect(await build()).toEqual({ ran: 1, succeeded: 0, retrying: 1, failed: 0 });
      expect(batches).toBe(4);

      const row = await getPrisma().export.findUniqueOrThrow({ where: { id: created.id } });
      expect(row.status).not.toBe("READY");
      expect(row.storageKey).toBeNull();
      expect(row.sha256).toBeNull();
      expect(filesOf(created.id)).toEqual([]);
      const token = downloadToken({
        exportId: created.id,
        customerId: viewer.customerId,
        expiresAt: new Date(Date.now() + 3600_000),
      });
      const attempt = await openExportDownload({
        viewer: { ...viewer, authenticatedAt: new Date() },
        id: created.id,
        token,
      });
      expect(attempt).toEqual({ ok: false, reason: "not-found" });
      expect(await readyEmails(viewer)).toEqual([]);
      const job = await getJob({ kind: EXPORT_BUILD_JOB, key: created.id });
      expect(job).toMatchObject({ status: "QUEUED", attempts: 1, lastError: "TEST_CRASH" });

      // The retry waits for its back-off, then starts over and completes.
      EXPORT.testHooks.afterBatch = undefined;
      expect((await build()).ran).toBe(0);
      const report = await build(new Date(Date.now() + retryDelayMs(1) + 1000));
      expect(report).toEqual({ ran: 1, succeeded: 1, retrying: 0, failed: 0 });
      const ready = await getPrisma().export.findUniqueOrThrow({ where: { id: created.id } });
      expect(ready).toMatchObject({ status: "READY", progress: 100, rowsDone: ready.rowsTotal });
      const bytes = await storedBytes(created.id);
      expect(sha256(bytes)).toBe(ready.sha256);
      expect(Number(ready.byteSize)).toBe(bytes.length);
      if (format === "JSON") {
        const document = JSON.parse(bytes.toString("utf8"));
        expect(exportValidator()(document)).toBe(true);
        const orders = (document as ExportDocument).categories
          .flatMap((c) => c.datasets)
          .find((d) => d.key === "orders");
        expect(orders?.records).toHaveLength(3);
      } else {
        const zip = await storedZip(created.id);
        const files = csvFiles(zip);
        expect(files.find((f) => f.key === "orders")?.rows).toHaveLength(3);
        expect(files.find((f) => f.key === "order_items")?.rows).toHaveLength(
          await getPrisma().orderItem.count({ where: { order: { customerId: viewer.customerId } } }),
        );
      }
      // The only file of this export is the committed one.
      expect(filesOf(created.id)).toEqual([ready.storageKey]);
      expect(await readyEmails(viewer)).toHaveLength(1);
    },
  );

  it("a build whose worker died (killed, lease run out) is claimed again and completes", async () => {
    const viewer = await viewerWithHistory({ shop: "allegra", orderCount: 2 });
    const created = await requestExport(viewer, { format: "JSON" });
    // The state a killed process leaves: the job RUNNING under its lease, the export
    // RUNNING, an unfinished file on disk.
    const job = await getPrisma().job.update({
      where: { kind_key: { kind: EXPORT_BUILD_JOB, key: created.id } },
      data: { status: "RUNNING", attempts: 1, leaseUntil: new Date(Date.now() + 30_000) },
    });
    await getPrisma().export.update({
      where: { id: created.id },
      data: { status: "RUNNING", startedAt: new Date(), progress: 40, rowsDone: 10, rowsTotal: 25 },
    });
    const writer = await getExportStorage().create(`${viewer.shop.id}/${created.id}.killed.json`);
    await new Promise<void>((resolve, reject) =>
      writer.stream.write('{"categories": [', (error) => (error ? reject(error) : resolve())),
    );
    expect(filesOf(created.id)).toHaveLength(1);

    // While the lease runs, nobody else takes the job.
    expect((await build()).ran).toBe(0);
    await getPrisma().job.update({ where: { id: job.id }, data: { leaseUntil: new Date(Date.now() - 1000) } });
    expect(await build()).toEqual({ ran: 1, succeeded: 1, retrying: 0, failed: 0 });
    expect(await getJob({ kind: EXPORT_BUILD_JOB, key: created.id })).toMatchObject({
      status: "SUCCEEDED",
      attempts: 2,
    });
    const ready = await getPrisma().export.findUniqueOrThrow({ where: { id: created.id } });
    expect(ready).toMatchObject({ status: "READY", progress: 100 });
    const { document } = await storedJson(created.id);
    expect(exportValidator()(document)).toBe(true);
    expect(await readyEmails(viewer)).toHaveLength(1);
    // The download serves the committed file, never the unfinished one.
    const outcome = await openExportDownload({
      viewer: { ...viewer, authenticatedAt: new Date() },
      id: created.id,
      token: downloadToken({ exportId: created.id, customerId: viewer.customerId, expiresAt: ready.expiresAt as Date }),
    });
    if (!outcome.ok) throw new Error(outcome.reason);
    const chunks: Buffer[] = [];
    for await (const chunk of outcome.stream) chunks.push(chunk as Buffer);
    expect(sha256(Buffer.concat(chunks))).toBe(ready.sha256);
    await writer.abort();
  });

  it("a worker that lost its job to another cannot publish its file", async () => {
    const viewer = await signedInViewer({ shop: "crystalline" });
    const created = await requestExport(viewer, { format: "JSON" });
    let isTakenOver = false;
    EXPORT.testHooks.afterBatch = async (exportId) => {
      if (exportId !== created.id || isTakenOver) return;
      isTakenOver = true;
      // Another worker claims the job meanwhile (this one stalled past its lease): a claim
      // counts both up.
      await getPrisma().job.updateMany({
        where: { kind: EXPORT_BUILD_JOB, key: created.id },
        data: { attempts: { increment: 1 }, claim: { increment: 1 }, leaseUntil: new Date(Date.now() + 60_000) },
      });
    };
    expect(await build()).toEqual({ ran: 1, succeeded: 0, retrying: 1, failed: 0 });
    expect(isTakenOver).toBe(true);
    const row = await getPrisma().export.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.status).toBe("RUNNING");
    expect(row.storageKey).toBeNull();
    // Not even an unfinished file is left behind.
    expect(filesOf(created.id)).toEqual([]);
    expect(await readyEmails(viewer)).toEqual([]);

    // The other worker dies too; the job is claimed once more and completes.
    EXPORT.testHooks.afterBatch = undefined;
    await getPrisma().job.updateMany({
      where: { kind: EXPORT_BUILD_JOB, key: created.id },
      data: { leaseUntil: new Date(Date.now() - 1000) },
    });
    expect(await build()).toMatchObject({ ran: 1, succeeded: 1 });
    const ready = await getPrisma().export.findUniqueOrThrow({ where: { id: created.id } });
    expect(ready.status).toBe("READY");
    expect(sha256(await storedBytes(created.id))).toBe(ready.sha256);
    expect(await readyEmails(viewer)).toHaveLength(1);
  });

  it("fails for good after its last attempt, with an error code and no file or email", async () => {
    const viewer = await signedInViewer({ shop: "almaz" });
    const created = await requestExport(viewer, { format: "CSV" });
    let runs = 0;
    EXPORT.testHooks.afterBatch = (exportId) => {
      if (exportId !== created.id) return;
      runs++;
      throw Object.assign(new Error("always"), { code: "TEST_CRASH" });
    };
    // Far enough ahead that every back-off has passed: all attempts run now.
    const report = await build(new Date(Date.now() + 24 * 3600_000));
    expect(report).toEqual({ ran: 5, succeeded: 0, retrying: 4, failed: 1 });
    expect(runs).toBe(5);
    const row = await getPrisma().export.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({ status: "FAILED", errorCode: "TEST_CRASH", storageKey: null });
    expect(await getJob({ kind: EXPORT_BUILD_JOB, key: created.id })).toMatchObject({
      status: "FAILED",
      attempts: 5,
      lastError: "TEST_CRASH",
    });
    expect(await node(viewer, created.id)).toMatchObject({
      status: "FAILED",
      failureCode: "TEST_CRASH",
      downloadUrl: null,
    });
    expect(filesOf(created.id)).toEqual([]);
    expect(await readyEmails(viewer)).toEqual([]);
    // Nothing more runs, and a failed export does not block a new one.
    expect((await build(new Date(Date.now() + 48 * 3600_000))).ran).toBe(0);
    expect((await createExport({ viewer, input: { format: "CSV" } })).isExisting).toBe(false);
    expect(await build()).toMatchObject({ ran: 1, succeeded: 1 });
  });
});
