import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { parse } from "csv-parse/sync";
import { strFromU8, unzipSync } from "fflate";
import { getPrisma } from "@/server/db";
import type { JobContext } from "@/server/jobs";
import { exportsDirectory } from "@/server/storage";

// Helpers to read what "download my data" wrote, with real parsers: Ajv for the JSON
// document against the committed schema, csv-parse for the CSV files, fflate for the ZIP.

export type JsonRecord = Record<string, unknown>;
export type JsonDataset = { key: string; label: string; fields: Record<string, string>; records: JsonRecord[] };
export type JsonCategory = { key: string; label: string; datasets: JsonDataset[] };
export type ExportDocument = {
  $schema: string;
  formatVersion: number;
  exportId: string;
  generatedAt: string;
  shop: { handle: string; name: string; controller: string };
  request: { categories: string[]; from: string | null; to: string | null };
  categories: JsonCategory[];
};

export const SCHEMA_FILE = path.resolve(import.meta.dirname, "../../public/schemas/export-v1.json");

export function committedSchema(): Record<string, unknown> & {
  $defs: Record<string, { properties: Record<string, SchemaProperty>; required: string[] }>;
} {
  return JSON.parse(readFileSync(SCHEMA_FILE, "utf8"));
}

export type SchemaProperty = {
  type?: string;
  format?: string;
  anyOf?: SchemaProperty[];
  items?: SchemaProperty;
  enum?: string[];
};

let validator: ValidateFunction | undefined;

// Ajv's JSON Schema 2020-12 validator in strict mode, with the standard formats checked.
export function exportValidator(): ValidateFunction {
  if (!validator) {
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    addFormats(ajv);
    validator = ajv.compile(committedSchema());
  }
  return validator;
}

// The committed file of an export, read straight from the storage directory.
export async function storedBytes(exportId: string): Promise<Buffer> {
  const row = await getPrisma().export.findUniqueOrThrow({ where: { id: exportId }, select: { storageKey: true } });
  if (!row.storageKey) throw new Error(`export ${exportId} has no stored file`);
  return readFileSync(path.join(exportsDirectory(), row.storageKey));
}

export async function storedJson(exportId: string): Promise<{ text: string; document: ExportDocument }> {
  const text = (await storedBytes(exportId)).toString("utf8");
  return { text, document: JSON.parse(text) as ExportDocument };
}

export async function storedZip(exportId: string): Promise<Record<string, Uint8Array>> {
  return unzipSync(new Uint8Array(await storedBytes(exportId)));
}

export const text = (bytes: Uint8Array) => strFromU8(bytes);

// RFC 4180, strictly: comma, double quotes escaped by doubling, CRLF between records,
// every record as wide as the header, no stray quotes, nothing trimmed or cast.
export function parseCsv(source: string): string[][] {
  return parse(source, {
    bom: false,
    cast: false,
    delimiter: ",",
    quote: '"',
    escape: '"',
    record_delimiter: "\r\n",
    relax_column_count: false,
    relax_quotes: false,
    skip_empty_lines: false,
    skip_records_with_empty_values: false,
    trim: false,
  }) as string[][];
}

// Every file under the export directory (partial ones included), relative to it.
export function filesInExportDirectory(): string[] {
  return (readdirSync(exportsDirectory(), { recursive: true, withFileTypes: true }) as import("node:fs").Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(exportsDirectory(), path.join(entry.parentPath, entry.name)));
}

// A job context for running a build outside the queue (the download tests need ready
// files without racing the export tests' workers for jobs on a shared database).
export function standaloneJobContext(exportId: string): JobContext {
  return {
    job: {
      id: exportId,
      kind: "export.build",
      key: exportId,
      payload: { exportId },
      attempts: 1,
      claim: 1,
      maxAttempts: 5,
    },
    heartbeat: async () => undefined,
  };
}
