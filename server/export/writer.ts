import "server-only";
import { once } from "node:events";
import type { Writable } from "node:stream";
import zlib from "node:zlib";
import { type AsyncFlateStreamHandler, Zip, ZipDeflate, type ZipInputFile, ZipPassThrough } from "fflate";
import { appUrl } from "../app-url";
import { DATA_CATEGORY_LABELS, type DataCategoryKey } from "../data-map/categories";
import { type PersonalModel, personalModels } from "../data-map/index";
import { ownerSql, quote } from "../data-map/owner-sql";
import type { RawSql } from "../db";
import type { DocumentKind, renderDocumentsForExport } from "../documents";
import { getExportStorage, type StoredFile } from "../storage";
import type { ShopRef } from "../tenants";
import { EXPORT } from "./config";
import { COPY_OPTIONS, CopyJsonRecords, CsvRecordEnds } from "./copy-lines";
import { EXPORT_FORMAT_VERSION, EXPORT_SCHEMA_PATH, type ExportDataset, exportDatasets } from "./datasets";
import { csvLine, csvReadme } from "./encode";

// Writes one export file, streaming: rows are read from the database in order (one
// streamed COPY per data set on a PostgreSQL server, keyset batches on the embedded
// database) and written straight to storage, so memory stays flat whatever the size of
// the account. The file becomes visible only on commit; a crash mid-way leaves an
// unfinished file that is never served (and is swept). This module runs in the app or
// in the export writer process (writer-main.ts), so it reaches the database only
// through the RawSql it is given, never through the Prisma client.

export type ExportRange = { from: Date | null; toExclusive: Date | null };

// $1 customer, $2 shop; the cursor of keyset pages is $3 (date) and $4 (id). The range's
// bounds are written into the statement as date literals, checked to be YYYY-MM-DD.
export type DateBounds = { from: string | null; toExclusive: string | null };

const dateLiteral = (day: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error("unexpected date");
  return `('${day}'::date)::timestamp AT TIME ZONE 'UTC'`;
};

function rangeSql(column: string, bounds: DateBounds): string {
  const parts = [
    ...(bounds.from ? [`${column} >= ${dateLiteral(bounds.from)}`] : []),
    ...(bounds.toExclusive ? [`${column} < ${dateLiteral(bounds.toExclusive)}`] : []),
  ];
  return parts.length ? parts.join(" AND ") : "TRUE";
}

export type Plan = {
  dataset: ExportDataset;
  entry: PersonalModel;
  count: number;
  bounds: DateBounds;
};

// Column types as the database has them (read once per process), to write each value
// the same way whatever its type.
let columnTypes: Promise<Map<string, string>> | null = null;

function getColumnTypes(raw: RawSql): Promise<Map<string, string>> {
  columnTypes ??= raw
    .query<{ t: string; c: string; type: string }>(
      `SELECT table_name AS "t", column_name AS "c", data_type AS "type" FROM information_schema.columns
       WHERE table_schema = current_schema()`,
    )
    .then((rows) => new Map(rows.map((r) => [`${r.t}.${r.c}`, r.type])));
  columnTypes.catch(() => {
    columnTypes = null;
  });
  return columnTypes;
}

const ISO_INSTANT = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

const sqlText = (text: string) => `'${text.replaceAll("'", "''")}'`;

// One column as text in the form the file needs. Instants become ISO 8601 in UTC like
// Date#toISOString, calendar dates YYYY-MM-DD, yes/no true/false, lists and JSON values
// JSON text. For JSON the text is the JSON value itself (null included).
function columnSql(ref: string, type: string, format: "JSON" | "CSV"): string {
  const quoted = (text: string) => (format === "JSON" ? `'"' || ${text} || '"'` : text);
  let value: string;
  if (type.startsWith("timestamp")) value = quoted(`to_char(${ref} AT TIME ZONE 'UTC', ${ISO_INSTANT})`);
  else if (type === "date" || type === "uuid" || type === "USER-DEFINED") value = quoted(`${ref}::text`);
  else if (type === "ARRAY") value = `to_jsonb(${ref})::text`;
  else if (type === "text" || type.startsWith("character")) value = format === "JSON" ? `to_json(${ref})::text` : ref;
  else value = `${ref}::text`;
  return format === "JSON" ? `coalesce(${value}, 'null')` : value;
}

function columnsSql(plan: Plan, format: "JSON" | "CSV", types: Map<string, string>, alias: string): string[] {
  return plan.dataset.columns.map((c) => {
    const type = types.get(`${plan.dataset.model}.${c.key}`);
    if (!type) throw new Error(`unknown column ${plan.dataset.model}.${c.key}`);
    return columnSql(`${alias}.${quote(c.key)}`, type, format);
  });
}

// Each row as one text value written by the database itself (a JSON object, or a CSV
// line): the app only concatenates, which keeps an export of a large account close to
// the speed of reading it. The JSON is compact, keys in the data set's column order.
function encodedRowSql(plan: Plan, format: "JSON" | "CSV", types: Map<string, string>, alias: string): string {
  const values = columnsSql(plan, format, types, alias);
  if (format === "JSON") {
    const parts = plan.dataset.columns.map(
      (c, i) => `${sqlText(`${i ? "," : "{"}${JSON.stringify(c.key)}:`)} || ${values[i]}`,
    );
    return `(${parts.join(" || ")} || '}')`;
  }
  // RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled; an
  // empty text is "" (an empty field is no value), as PostgreSQL's own CSV writes it.
  const named = values.map((v, i) => `${v} AS "c${i}"`).join(", ");
  const cells = plan.dataset.columns
    .map(
      (_, i) =>
        `CASE WHEN "c${i}" IS NULL THEN '' WHEN "c${i}" = '' THEN '""' WHEN "c${i}" ~ '[",\r\n]' THEN '"' || replace("c${i}", '"', '""') || '"' ELSE "c${i}" END`,
    )
    .join(", ");
  return `(SELECT concat_ws(',', ${cells}) FROM (SELECT ${named}) v)`;
}

// The rows of a data set that belong to the customer and fall in the range.
function scopeSql(plan: Plan): { table: string; where: string } {
  const { entry, dataset } = plan;
  if (entry.owner.kind === "via") {
    const parentDate = dataset.dateField ? rangeSql(quote(dataset.dateField), plan.bounds) : "TRUE";
    return {
      table: quote(entry.model),
      where: `${quote(entry.owner.foreignKey)} IN (SELECT "id" FROM ${quote(entry.owner.model)} WHERE ${quote(entry.owner.column)} = $1::uuid AND "shopId" = $2::uuid AND ${parentDate})`,
    };
  }
  const range = dataset.dateField ? rangeSql(quote(dataset.dateField), plan.bounds) : "TRUE";
  return { table: quote(entry.model), where: `${ownerSql(entry)} AND ${range}` };
}

export async function countRows(plans: Plan[], params: unknown[], raw: RawSql): Promise<number[]> {
  if (!plans.length) return [];
  const columns = plans.map((plan, i) => {
    const { table, where } = scopeSql(plan);
    return `(SELECT count(*)::int FROM ${table} WHERE ${where}) AS "c${i}"`;
  });
  const [row] = await raw.query<Record<string, number>>(`SELECT ${columns.join(", ")}`, params);
  return plans.map((_, i) => Number(row[`c${i}`]));
}

// COPY takes no bind parameters: the owner's ids ($1, $2) are written in as literals,
// after checking they are UUIDs.
function inlineIds(sql: string, params: unknown[]): string {
  return sql.replace(/\$(\d+)/g, (_, n: string) => {
    const value = String(params[Number(n) - 1]);
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) throw new Error("not a uuid");
    return `'${value}'`;
  });
}

// On a PostgreSQL server: one streamed COPY per data set, so the database encodes rows
// while the app writes the ones before.
// Rows as text lines (keyset batches) or, from COPY, as bytes ready to write: CSV
// records with their CRLF, or JSON records joined by their separators.
type RowBatch = { count: number; lines?: string[]; bytes?: Buffer };

async function* copyRows(plan: Plan, params: unknown[], format: "JSON" | "CSV", raw: RawSql): AsyncGenerator<RowBatch> {
  if (!raw.copyOut) throw new Error("COPY is not available");
  const types = await getColumnTypes(raw);
  const { entry, dataset } = plan;
  // CSV: the columns, for PostgreSQL's CSV writer; JSON: each row as one JSON object.
  const rowSelect = (alias: string) =>
    format === "CSV" ? columnsSql(plan, format, types, alias).join(", ") : encodedRowSql(plan, format, types, alias);
  let select: string;
  if (entry.owner.kind === "via") {
    const parentDate = dataset.dateField ? `p.${quote(dataset.dateField)}` : null;
    select = `SELECT ${rowSelect("c")} FROM ${quote(entry.model)} c
      JOIN ${quote(entry.owner.model)} p ON c.${quote(entry.owner.foreignKey)} = p."id"
      WHERE p.${quote(entry.owner.column)} = $1::uuid AND p."shopId" = $2::uuid AND ${parentDate ? rangeSql(parentDate, plan.bounds) : "TRUE"}
      ORDER BY ${parentDate ? `${parentDate}, ` : ""}p."id", c."id"`;
  } else {
    const { table, where } = scopeSql(plan);
    const order = dataset.dateField ? `t.${quote(dataset.dateField)}, t."id"` : `t."id"`;
    select = `SELECT ${rowSelect("t")} FROM ${table} t WHERE ${where} ORDER BY ${order}`;
  }
  const sql = inlineIds(select, params);
  if (format === "CSV") {
    // PostgreSQL writes the CSV itself; only the record ends change (CRLF).
    const ends = new CsvRecordEnds();
    for await (const chunk of raw.copyOut(`COPY (${sql}) TO STDOUT (FORMAT csv)`)) {
      const before = ends.records;
      const bytes = ends.push(chunk);
      yield { count: ends.records - before, bytes };
    }
    return;
  }
  const records = new CopyJsonRecords();
  for await (const chunk of raw.copyOut(`COPY (${sql}) TO STDOUT ${COPY_OPTIONS}`)) {
    const { bytes, count } = records.push(chunk);
    if (count) yield { count, bytes };
  }
  records.end();
}

// Yields the encoded rows of one data set, batch by batch. The next batch is asked for
// while the current one is written, so the database and the app work at the same time.
async function* readRows(plan: Plan, params: unknown[], format: "JSON" | "CSV", raw: RawSql): AsyncGenerator<RowBatch> {
  if (raw.copyOut) {
    yield* copyRows(plan, params, format, raw);
    return;
  }
  const types = await getColumnTypes(raw);
  const { entry, dataset } = plan;
  if (entry.owner.kind === "via") {
    // Page over the parents (an order's items come with their order), in the parents'
    // index order; then fetch the children of that page.
    const parent = entry.owner.model;
    const dateColumn = dataset.dateField ? quote(dataset.dateField) : `"id"`;
    const range = dataset.dateField ? rangeSql(dateColumn, plan.bounds) : "TRUE";
    const children = `SELECT ${encodedRowSql(plan, format, types, "c")} FROM ${quote(entry.model)} c
       JOIN unnest($1::uuid[]) WITH ORDINALITY AS p("id", "n") ON c.${quote(entry.owner.foreignKey)} = p."id"
       ORDER BY p."n", c."id"`;
    let cursor: [unknown, string] | null = null;
    for (;;) {
      const keyset: string = cursor ? `AND (${dateColumn}, "id") > ($3, $4::uuid)` : "";
      const parents: unknown[][] = await raw.queryArrays(
        `SELECT "id", ${dateColumn} FROM ${quote(parent)}
         WHERE ${quote(entry.owner.column)} = $1::uuid AND "shopId" = $2::uuid AND ${range} ${keyset}
         ORDER BY ${dateColumn}, "id" LIMIT ${EXPORT.parentBatch}`,
        cursor ? [...params, ...cursor] : params,
      );
      if (!parents.length) return;
      const rows = await raw.queryArrays(children, [parents.map((p) => p[0])]);
      if (rows.length) yield { count: rows.length, lines: rows.map((r) => r[0] as string) };
      const last = parents[parents.length - 1];
      cursor = [last[1], String(last[0])];
      if (parents.length < EXPORT.parentBatch) return;
    }
  }
  const { table, where } = scopeSql(plan);
  const dateColumn = dataset.dateField ? `t.${quote(dataset.dateField)}` : null;
  const order = dateColumn ? `${dateColumn}, t."id"` : `t."id"`;
  // The key columns ride along after the row, to continue from the last one.
  const keys = dateColumn ? `, ${dateColumn} AS "__d", t."id" AS "__id"` : `, t."id" AS "__id"`;
  const page = (cursor: unknown[] | null) => {
    const keyset = cursor
      ? dateColumn
        ? `AND (${dateColumn}, t."id") > ($3, $4::uuid)`
        : `AND t."id" > $3::uuid`
      : "";
    return raw.queryArrays(
      `SELECT ${encodedRowSql(plan, format, types, "t")}${keys} FROM ${table} t WHERE ${where} ${keyset} ORDER BY ${order} LIMIT ${EXPORT.rowBatch}`,
      cursor ? [...params, ...cursor] : params,
    );
  };
  let pending = page(null);
  for (;;) {
    const rows = await pending;
    if (!rows.length) return;
    const isLast = rows.length < EXPORT.rowBatch;
    if (!isLast) {
      pending = page(rows[rows.length - 1].slice(1));
      // Awaited on the next round; if the consumer stops first, nothing is left unhandled.
      pending.catch(() => undefined);
    }
    yield { count: rows.length, lines: rows.map((r) => r[0] as string) };
    if (isLast) return;
  }
}

type Meta = {
  exportId: string;
  shop: ShopRef;
  generatedAt: Date;
  format: "JSON" | "CSV";
  categories: DataCategoryKey[];
  requested: { categories: string[]; from: string | null; to: string | null };
  plans: Plan[];
  documents: number;
};

// What each format does with the stream of categories, data sets, rows and files.
type Sink = {
  begin(): Promise<void>;
  dataset(plan: Plan, isFirstInCategory: boolean, isLastInCategory: boolean): Promise<void>;
  rows(plan: Plan, batch: RowBatch): Promise<void>;
  endDataset(plan: Plan, isLastInCategory: boolean): Promise<void>;
  document(path: string, bytes: Uint8Array): Promise<void>;
  finish(): Promise<void>;
};

async function writeChunk(stream: Writable, chunk: string | Uint8Array): Promise<void> {
  if (!stream.write(chunk)) await once(stream, "drain");
}

function jsonSink(stream: Writable, meta: Meta): Sink {
  let isFirstCategory = true;
  let rowsWritten = 0;
  return {
    async begin() {
      const controller = meta.shop.profile.controllers[0];
      const header = {
        $schema: appUrl(EXPORT_SCHEMA_PATH),
        formatVersion: EXPORT_FORMAT_VERSION,
        exportId: meta.exportId,
        generatedAt: meta.generatedAt.toISOString(),
        shop: { handle: meta.shop.handle, name: meta.shop.name, controller: controller.name },
        request: meta.requested,
      };
      const text = JSON.stringify(header, null, 1);
      await writeChunk(stream, `${text.slice(0, -2)},\n "categories": [`);
    },
    async dataset(plan, isFirstInCategory) {
      let out = "";
      if (isFirstInCategory) {
        out += `${isFirstCategory ? "" : ","}\n  {"key": ${JSON.stringify(plan.dataset.category)}, "label": ${JSON.stringify(DATA_CATEGORY_LABELS[plan.dataset.category])}, "datasets": [`;
        isFirstCategory = false;
      } else {
        out += ",";
      }
      const fields = Object.fromEntries(plan.dataset.columns.map((c) => [c.key, c.label]));
      out += `\n   {"key": ${JSON.stringify(plan.dataset.key)}, "label": ${JSON.stringify(plan.dataset.label)}, "fields": ${JSON.stringify(fields)}, "records": [`;
      rowsWritten = 0;
      await writeChunk(stream, out);
    },
    async rows(_plan, batch) {
      if (!batch.count) return;
      const separator = ",\n    ";
      const lead = rowsWritten === 0 ? "\n    " : separator;
      if (batch.bytes) {
        await writeChunk(stream, lead);
        await writeChunk(stream, batch.bytes);
      } else {
        await writeChunk(stream, lead + (batch.lines ?? []).join(separator));
      }
      rowsWritten += batch.count;
    },
    async endDataset(_plan, isLastInCategory) {
      await writeChunk(stream, `${rowsWritten ? "\n   " : ""}]}${isLastInCategory ? "\n  ]}" : ""}`);
    },
    async document() {
      throw new Error("JSON exports carry no files");
    },
    async finish() {
      await writeChunk(stream, `${isFirstCategory ? "" : "\n "}]\n}\n`);
    },
  };
}

// A ZIP entry compressed by node:zlib (native, several times faster than fflate's
// JavaScript deflate), in the shape fflate's Zip expects of an entry: size and CRC-32
// of the uncompressed bytes, compressed bytes handed over through ondata.
class NativeDeflateEntry implements ZipInputFile {
  size = 0;
  crc = 0;
  compression = 8;
  mtime: Date;
  ondata?: AsyncFlateStreamHandler;
  private readonly deflate: zlib.DeflateRaw;
  private readonly ended: Promise<unknown>;

  constructor(
    readonly filename: string,
    mtime: Date,
  ) {
    this.mtime = mtime;
    this.deflate = zlib.createDeflateRaw({ level: EXPORT.zipLevel });
    this.deflate.on("data", (chunk: Buffer) =>
      this.ondata?.(null, new Uint8Array(chunk.buffer as ArrayBuffer, chunk.byteOffset, chunk.length), false),
    );
    this.ended = once(this.deflate, "end").then(() => this.ondata?.(null, new Uint8Array(0), true));
  }

  // Resolves when zlib can take more (backpressure).
  async push(bytes: Uint8Array, isFinal = false): Promise<void> {
    this.size += bytes.length;
    this.crc = zlib.crc32(bytes, this.crc);
    const canTakeMore = this.deflate.write(bytes);
    if (isFinal) {
      this.deflate.end();
      await this.ended;
    } else if (!canTakeMore) {
      await once(this.deflate, "drain");
    }
  }
}

function zipSink(stream: Writable, meta: Meta): Sink {
  let failure: Error | null = null;
  let finished: () => void = () => undefined;
  const done = new Promise<void>((resolve) => {
    finished = resolve;
  });
  let pending: Uint8Array[] = [];
  const zip = new Zip((error, chunk, isFinal) => {
    if (error) failure = error;
    else pending.push(chunk);
    if (isFinal) finished();
  });
  // fflate hands over compressed bytes synchronously; they are written out (with
  // backpressure) after each push.
  const flush = async () => {
    if (failure) throw failure;
    const chunks = pending;
    pending = [];
    for (const chunk of chunks) await writeChunk(stream, chunk);
  };
  const encoder = new TextEncoder();
  let entry: NativeDeflateEntry | null = null;
  const folder = (plan: Plan) => plan.dataset.category;
  const addText = async (path: string, text: string) => {
    const file = new ZipDeflate(path, { level: EXPORT.zipLevel });
    file.mtime = meta.generatedAt;
    zip.add(file);
    file.push(encoder.encode(text), true);
    await flush();
  };
  return {
    async begin() {
      await addText("README.txt", csvReadme(meta));
    },
    async dataset(plan) {
      entry = new NativeDeflateEntry(`${folder(plan)}/${plan.dataset.key}.csv`, meta.generatedAt);
      zip.add(entry);
      await entry.push(encoder.encode(csvLine(plan.dataset.columns.map((c) => c.key))));
      await flush();
    },
    async rows(_plan, batch) {
      const bytes = batch.bytes ?? (batch.lines?.length ? encoder.encode(`${batch.lines.join("\r\n")}\r\n`) : null);
      if (!bytes?.length) return;
      await entry?.push(bytes);
      await flush();
    },
    async endDataset() {
      await entry?.push(new Uint8Array(0), true);
      entry = null;
      await flush();
    },
    async document(path, bytes) {
      // PDF streams are compressed already.
      const file = new ZipPassThrough(path);
      file.mtime = meta.generatedAt;
      zip.add(file);
      file.push(bytes, true);
      await flush();
    },
    async finish() {
      zip.end();
      await done;
      await flush();
    },
  };
}

export type WriteSpec = {
  exportId: string;
  shop: ShopRef;
  customerId: string;
  format: "JSON" | "CSV";
  generatedAt: string;
  categories: DataCategoryKey[];
  requested: { categories: string[]; from: string | null; to: string | null };
  datasets: { key: string; count: number }[];
  bounds: DateBounds;
  documentKinds: DocumentKind[];
  documents: number;
  range: { from: string | null; toExclusive: string | null };
  storageKey: string;
};

export type WriteResult = { stored: StoredFile & { writerMaxRssKb?: number }; done: number };

// Writes the export file described by `spec` and commits it to storage. Runs in the app
// (embedded database) or in the writer process (server/export/writer-main.ts).
export async function writeExportFile(
  spec: WriteSpec,
  hooks: {
    progress(done: number): Promise<void>;
    beforeCommit(): Promise<void>;
    // Renders invoice and warranty PDFs (server/documents); given when spec asks for them.
    renderDocuments?: typeof renderDocumentsForExport;
  },
  raw: RawSql,
): Promise<WriteResult> {
  const entries = new Map(personalModels().map((e) => [e.model, e]));
  const byKey = new Map(exportDatasets().map((d) => [d.key, d]));
  const plans: Plan[] = spec.datasets.map(({ key, count }) => {
    const dataset = byKey.get(key);
    if (!dataset) throw new Error(`unknown data set ${key}`);
    return { dataset, entry: entries.get(dataset.model) as PersonalModel, count, bounds: spec.bounds };
  });
  const meta: Meta = {
    exportId: spec.exportId,
    shop: spec.shop,
    generatedAt: new Date(spec.generatedAt),
    format: spec.format,
    categories: spec.categories,
    requested: spec.requested,
    plans,
    documents: spec.documents,
  };
  const params = [spec.customerId, spec.shop.id];
  const range: ExportRange = {
    from: spec.range.from ? new Date(spec.range.from) : null,
    toExclusive: spec.range.toExclusive ? new Date(spec.range.toExclusive) : null,
  };
  const writer = await getExportStorage().create(spec.storageKey);
  let done = 0;
  try {
    const sink = spec.format === "JSON" ? jsonSink(writer.stream, meta) : zipSink(writer.stream, meta);
    await sink.begin();
    for (let i = 0; i < plans.length; i++) {
      const plan = plans[i];
      const isFirst = i === 0 || plans[i - 1].dataset.category !== plan.dataset.category;
      const isLast = i === plans.length - 1 || plans[i + 1].dataset.category !== plan.dataset.category;
      await sink.dataset(plan, isFirst, isLast);
      for await (const batch of readRows(plan, params, spec.format, raw)) {
        await sink.rows(plan, batch);
        done += batch.count;
        await hooks.progress(done);
        await EXPORT.testHooks.afterBatch?.(spec.exportId, done);
      }
      await sink.endDataset(plan, isLast);
    }
    if (spec.documentKinds.length && !hooks.renderDocuments) throw new Error("no document renderer");
    for (const kind of spec.documentKinds) {
      let after: { issuedAt: Date; id: string } | null = null;
      for (;;) {
        const page = await (hooks.renderDocuments as typeof renderDocumentsForExport)({
          shop: spec.shop,
          customerId: spec.customerId,
          kind,
          after,
          take: EXPORT.documentBatch,
          range,
        });
        for (const document of page) await sink.document(document.path, document.bytes);
        done += page.length;
        await hooks.progress(done);
        if (page.length < EXPORT.documentBatch) break;
        const last = page[page.length - 1];
        after = { issuedAt: last.issuedAt, id: last.id };
      }
    }
    await sink.finish();
    await hooks.beforeCommit();
  } catch (error) {
    await writer.abort();
    throw error;
  }
  return { stored: await writer.commit(), done };
}
