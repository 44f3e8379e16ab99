import { DATA_CATEGORY_LABELS, type DataCategoryKey } from "../data-map/categories";
import type { ExportDataset } from "./datasets";

// The CSV header line and the README of the ZIP export; the rows themselves are written
// by the database (server/export/writer.ts). csvCell/csvLine are RFC 4180.

// RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled; CRLF
// between records.
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text: string;
  if (value instanceof Date) text = value.toISOString();
  else if (typeof value === "string") text = value;
  else if (typeof value === "object") text = JSON.stringify(value);
  else text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(values: readonly unknown[]): string {
  let line = "";
  for (let i = 0; i < values.length; i++) line += (i ? "," : "") + csvCell(values[i]);
  return `${line}\r\n`;
}

type ReadmeMeta = {
  shop: { name: string };
  generatedAt: Date;
  categories: DataCategoryKey[];
  requested: { categories: string[]; from: string | null; to: string | null };
  plans: { dataset: ExportDataset; count: number }[];
  documents: number;
};

const describeColumn = (c: ExportDataset["columns"][number]) => {
  if (c.kind === "id") return "identifier of this record (other files refer to it)";
  if (c.kind === "link")
    return `${c.label.replace(/ \(record ID\)$/, "").toLowerCase()} this record belongs to (its id)`;
  return c.label;
};

export function csvReadme(meta: ReadmeMeta): string {
  const lines = [
    `Your data at ${meta.shop.name}`,
    "=".repeat(`Your data at ${meta.shop.name}`.length),
    "",
    `Generated on ${meta.generatedAt.toISOString()} (UTC).`,
    meta.requested.categories.length
      ? `Categories you chose: ${meta.requested.categories.map((k) => DATA_CATEGORY_LABELS[k as DataCategoryKey] ?? k).join(", ")}.`
      : "All categories of data we hold about you.",
    meta.requested.from || meta.requested.to
      ? `Records dated ${meta.requested.from ? `from ${meta.requested.from}` : ""}${meta.requested.from && meta.requested.to ? " " : ""}${meta.requested.to ? `to ${meta.requested.to}` : ""} (your account details are always included).`
      : "Records of every date.",
    "",
    "How the files are written",
    "-------------------------",
    "- One CSV file per data set, in a folder per category (RFC 4180: comma-separated,",
    "  fields with commas, quotes or line breaks in double quotes, lines end with CRLF).",
    "- Text is UTF-8. The first line of each file names the columns.",
    "- Dates and times are ISO 8601 in UTC (2024-05-01T09:30:00.000Z); calendar dates",
    "  are YYYY-MM-DD. Amounts ending in Cents are whole cents in the record's currency.",
    "- true/false for yes/no; an empty field means no value. Structured values are JSON.",
    "- Values are exactly as stored. If you open a file in a spreadsheet, import it as",
    "  text rather than double-clicking it, so nothing is reinterpreted.",
    "",
    "Files",
    "-----",
  ];
  for (const { dataset, count } of meta.plans) {
    lines.push("", `${dataset.category}/${dataset.key}.csv`);
    lines.push(
      `  ${dataset.label} (${DATA_CATEGORY_LABELS[dataset.category]}): ${count} record${count === 1 ? "" : "s"}.`,
    );
    for (const column of dataset.columns) lines.push(`  - ${column.key}: ${describeColumn(column)}`);
  }
  if (meta.documents) {
    lines.push(
      "",
      "documents/invoices/*.pdf, documents/warranty-certificates/*.pdf",
      `  Your invoices and warranty certificates as PDF files (${meta.documents}).`,
    );
  }
  lines.push("");
  return lines.join("\r\n");
}
