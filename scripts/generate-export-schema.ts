// Writes the JSON Schema of the "download my data" JSON document from the personal-data
// map and schema.prisma's field types: public/schemas/export-v<N>.json, served by the
// app at the URL each export's "$schema" names. Part of `npm run generate`; CI fails
// when the committed file is stale.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DATA_CATEGORY_KEYS, DATA_CATEGORY_LABELS } from "../server/data-map/categories";
import { EXPORT_FORMAT_VERSION, EXPORT_SCHEMA_PATH, exportDatasets } from "../server/export/datasets";

const ROOT = path.resolve(import.meta.dirname, "..");
const source = readFileSync(path.join(ROOT, "prisma/schema.prisma"), "utf8");

const enums = new Map(
  [...source.matchAll(/^enum (\w+) \{([\s\S]*?)^\}/gm)].map((m) => [
    m[1],
    m[2]
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => /^[A-Z_]+$/.test(l)),
  ]),
);

type Field = { type: string; isOptional: boolean; isList: boolean; isDateOnly: boolean };
const models = new Map<string, Map<string, Field>>();
for (const match of source.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)) {
  const fields = new Map<string, Field>();
  for (const line of match[2].split("\n")) {
    const field = /^\s+(\w+)\s+(\w+)(\?|\[\])?(.*)$/.exec(line);
    if (!field || line.trim().startsWith("@@") || line.trim().startsWith("//")) continue;
    const [, name, type, modifier, rest] = field;
    fields.set(name, {
      type,
      isOptional: modifier === "?",
      isList: modifier === "[]",
      isDateOnly: rest.includes("@db.Date"),
    });
  }
  models.set(match[1], fields);
}

type JsonSchema = Record<string, unknown>;

function valueSchema(model: string, key: string): JsonSchema {
  const field = models.get(model)?.get(key);
  if (!field) throw new Error(`${model}.${key} is not in schema.prisma`);
  let schema: JsonSchema;
  if (enums.has(field.type)) schema = { type: "string", enum: enums.get(field.type) };
  else if (field.type === "String") schema = { type: "string" };
  else if (field.type === "Int" || field.type === "BigInt") schema = { type: "integer" };
  else if (field.type === "Boolean") schema = { type: "boolean" };
  else if (field.type === "DateTime") schema = { type: "string", format: field.isDateOnly ? "date" : "date-time" };
  else if (field.type === "Json") schema = {};
  else throw new Error(`${model}.${key}: no JSON Schema for type ${field.type}`);
  if (field.isList) schema = { type: "array", items: schema };
  if (field.isOptional && Object.keys(schema).length) schema = { anyOf: [schema, { type: "null" }] };
  return schema;
}

const datasets = exportDatasets();
const defs: Record<string, JsonSchema> = {};
for (const dataset of datasets) {
  defs[dataset.key] = {
    title: dataset.label,
    type: "object",
    additionalProperties: false,
    required: dataset.columns.map((c) => c.key),
    properties: Object.fromEntries(
      dataset.columns.map((c) => [c.key, { description: c.label, ...valueSchema(dataset.model, c.key) }]),
    ),
  };
}

const datasetVariant = (key: string, label: string): JsonSchema => ({
  type: "object",
  additionalProperties: false,
  required: ["key", "label", "fields", "records"],
  properties: {
    key: { const: key },
    label: { type: "string", description: label },
    fields: {
      description: "Each record field's name in words.",
      type: "object",
      additionalProperties: { type: "string" },
    },
    records: { type: "array", items: { $ref: `#/$defs/${key}` } },
  },
});

const dateOrNull = { anyOf: [{ type: "string", format: "date" }, { type: "null" }] };

const schema: JsonSchema = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  title: `Personal data export, format version ${EXPORT_FORMAT_VERSION}`,
  description:
    'Everything a shop holds about one customer, as shown on "My data": categories, each with data sets of records. Instants are ISO 8601 in UTC; amounts are whole cents. Generated from the personal-data map (server/data-map); do not edit.',
  type: "object",
  additionalProperties: false,
  required: ["$schema", "formatVersion", "exportId", "generatedAt", "shop", "request", "categories"],
  properties: {
    $schema: { type: "string", format: "uri" },
    formatVersion: { const: EXPORT_FORMAT_VERSION },
    exportId: { type: "string", format: "uuid" },
    generatedAt: { type: "string", format: "date-time" },
    shop: {
      type: "object",
      additionalProperties: false,
      required: ["handle", "name", "controller"],
      properties: {
        handle: { type: "string" },
        name: { type: "string" },
        controller: { type: "string", description: "The data controller's legal name." },
      },
    },
    request: {
      type: "object",
      additionalProperties: false,
      required: ["categories", "from", "to"],
      properties: {
        categories: {
          description: "Categories asked for; empty for all.",
          type: "array",
          items: { enum: [...DATA_CATEGORY_KEYS] },
        },
        from: dateOrNull,
        to: dateOrNull,
      },
    },
    categories: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["key", "label", "datasets"],
        properties: {
          key: { enum: [...DATA_CATEGORY_KEYS] },
          label: { enum: DATA_CATEGORY_KEYS.map((k) => DATA_CATEGORY_LABELS[k]) },
          datasets: { type: "array", items: { oneOf: datasets.map((d) => datasetVariant(d.key, d.label)) } },
        },
      },
    },
  },
  $defs: defs,
};

const out = path.join(ROOT, "public", EXPORT_SCHEMA_PATH);
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(schema, null, 2)}\n`);
