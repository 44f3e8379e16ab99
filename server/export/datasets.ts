import { DATA_CATEGORY_LABELS, type DataCategoryKey } from "../data-map/categories";
import { type ModelName, type PersonalModel, personalModels } from "../data-map/index";
import { DATE_ONLY_FIELDS, RECORD_DATE_FIELD } from "../data-map/view-config";

// What "download my data" writes, derived from the personal-data map only (no I/O), so
// the export, its JSON Schema (scripts/generate-export-schema.ts) and "My data" cannot
// drift apart. A model whose fields span categories (the account: identity and contact)
// is one data set per category, as on "My data".

export const EXPORT_FORMAT_VERSION = 1;
export const EXPORT_SCHEMA_PATH = `/schemas/export-v${EXPORT_FORMAT_VERSION}.json`;

export type ExportColumn = {
  key: string;
  label: string;
  // How the value is written: timestamps and calendar dates as ISO 8601 text.
  kind: "id" | "link" | "field";
  isDateOnly: boolean;
};

export type ExportDataset = {
  // File and JSON key: the model's exportAs, suffixed with the category when split.
  key: string;
  // The "My data" data set id (model:category).
  datasetId: string;
  model: ModelName;
  category: DataCategoryKey;
  label: string;
  columns: ExportColumn[];
  // The date the date range applies to (the parent's, for rows owned through a parent).
  dateField: string | null;
};

// Technical columns that tie records of different data sets together (an order item to
// its order): exported so the files can be joined; they say nothing about the person.
function linkColumns(entry: PersonalModel): string[] {
  return entry.technical.filter((t) => t.endsWith("Id") && t !== "shopId" && t !== "customerId");
}

const LINK_LABELS: Record<string, string> = {
  orderId: "Order (record ID)",
  deviceId: "Device (record ID)",
  exportId: "Export (record ID)",
};

export function exportDatasets(): ExportDataset[] {
  return personalModels().flatMap((entry) => {
    const byCategory = new Map<DataCategoryKey, string[]>();
    for (const [field, spec] of Object.entries(entry.fields)) {
      const category = spec.category ?? entry.category;
      byCategory.set(category, [...(byCategory.get(category) ?? []), field]);
    }
    const dateField =
      entry.owner.kind === "via"
        ? (RECORD_DATE_FIELD[entry.owner.model] ?? null)
        : (RECORD_DATE_FIELD[entry.model] ?? null);
    return [...byCategory].map(([category, fields]) => {
      const isSplit = category !== entry.category;
      const columns: ExportColumn[] = [
        { key: "id", label: "Record ID", kind: "id", isDateOnly: false },
        ...linkColumns(entry).map(
          (key): ExportColumn => ({ key, label: LINK_LABELS[key] ?? key, kind: "link", isDateOnly: false }),
        ),
        ...fields.map(
          (key): ExportColumn => ({
            key,
            label: entry.fields[key].label,
            kind: "field",
            isDateOnly: DATE_ONLY_FIELDS.has(`${entry.model}.${key}`),
          }),
        ),
      ];
      return {
        key: isSplit ? `${entry.exportAs}_${category}` : entry.exportAs,
        datasetId: `${entry.model}:${category}`,
        model: entry.model,
        category,
        label: isSplit ? `${entry.label}: ${DATA_CATEGORY_LABELS[category].toLowerCase()}` : entry.label,
        columns,
        // The account itself is never left out by a date range.
        dateField: entry.owner.kind === "self" ? null : dateField,
      };
    });
  });
}
