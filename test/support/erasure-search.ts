import { expect } from "vitest";
import { getDatabase } from "@/server/db";

// Searches the whole database for a person's identifiers: every text, character, JSON
// and array column of every table in the public schema, whatever the data map says, so
// that a value copied somewhere the map does not know about is found too.

export type Row = Record<string, unknown>;
export type Hit = { table: string; row: Row; columns: string[]; needles: string[] };

// Column types that can hold text, and the ones that cannot. A type in neither list
// (bytea, say) fails the search rather than being skipped silently.
const SEARCHED = new Set(["text", "character varying", "character", "json", "jsonb", "ARRAY"]);
const CANNOT_HOLD_TEXT = new Set([
  "uuid",
  "integer",
  "bigint",
  "smallint",
  "boolean",
  "numeric",
  "double precision",
  "real",
  "timestamp with time zone",
  "timestamp without time zone",
  "date",
  "USER-DEFINED",
]);

type Column = { table: string; column: string; dataType: string };

async function searchableColumns(): Promise<Map<string, Column[]>> {
  const rows = await getDatabase().raw.query<{ table_name: string; column_name: string; data_type: string }>(
    `SELECT c.table_name, c.column_name, c.data_type
       FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
      ORDER BY c.table_name, c.ordinal_position`,
  );
  const unknown = rows.filter((r) => !SEARCHED.has(r.data_type) && !CANNOT_HOLD_TEXT.has(r.data_type));
  expect(unknown.map((r) => `${r.table_name}.${r.column_name}: ${r.data_type}`)).toEqual([]);
  const byTable = new Map<string, Column[]>();
  for (const r of rows) {
    if (!SEARCHED.has(r.data_type)) continue;
    const list = byTable.get(r.table_name) ?? [];
    list.push({ table: r.table_name, column: r.column_name, dataType: r.data_type });
    byTable.set(r.table_name, list);
  }
  // Every table the app has, so that an empty result means something.
  expect([...byTable.keys()]).toEqual(
    expect.arrayContaining(["Customer", "Order", "AuditEventValue", "OutboundEmail"]),
  );
  return byTable;
}

// The forms a value can take in a column: as typed, and escaped as JSON text would
// escape it (quotes and backslashes; non-ASCII characters as \uXXXX).
export function searchForms(value: string): string[] {
  const json = JSON.stringify(value).slice(1, -1);
  const ascii = json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return [
    ...new Set([
      value,
      json,
      ascii,
      ascii.replace(/\\u([0-9a-f]{4})/g, (_m, hex: string) => `\\u${hex.toUpperCase()}`),
    ]),
  ];
}

const likePattern = (value: string) => `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
const asText = (c: Column) =>
  c.dataType === "ARRAY" ? `array_to_string(t.${quote(c.column)}::text[], E'\\n')` : `t.${quote(c.column)}::text`;

// Every row of every table in which any of the values occurs (case-insensitively), with
// the columns it occurs in and which values.
export async function findIdentifiers(values: string[]): Promise<Hit[]> {
  const needles = [...new Set(values.filter((v) => v.length > 0))];
  if (!needles.length) throw new Error("nothing to search for");
  const forms = needles.map((n) => ({ needle: n, patterns: searchForms(n).map(likePattern) }));
  const patterns = [...new Set(forms.flatMap((f) => f.patterns))];
  const hits: Hit[] = [];
  for (const [table, columns] of await searchableColumns()) {
    const matched = columns.map((c) => `CASE WHEN ${asText(c)} ILIKE ANY($1::text[]) THEN ${`'${c.column}'`} END`);
    const rows = await getDatabase().raw.query<{ row: Row; columns: string[]; texts: string[] }>(
      `SELECT to_jsonb(t) AS "row",
              array_remove(ARRAY[${matched.join(", ")}], NULL) AS "columns",
              ARRAY[${columns.map((c) => `coalesce(${asText(c)}, '')`).join(", ")}] AS "texts"
         FROM ${quote(table)} t
        WHERE ${columns.map((c) => `${asText(c)} ILIKE ANY($1::text[])`).join(" OR ")}`,
      [patterns],
    );
    for (const r of rows) {
      const text = r.texts.join("\n").toLowerCase();
      const found = forms.filter((f) => searchForms(f.needle).some((form) => text.includes(form.toLowerCase())));
      hits.push({
        table,
        row: r.row,
        columns: r.columns,
        // ILIKE folds case as the database does; if JavaScript's folding differs, the
        // hit still names what it can.
        needles: found.length ? found.map((f) => f.needle) : ["(matched by the database)"],
      });
    }
  }
  return hits;
}

// A hit in words, for failure messages.
export function describeHit(hit: Hit): string {
  const id = hit.row.id ?? hit.row.key ?? "?";
  return `${hit.table} ${String(id)} [${hit.columns.join(", ")}] holds ${hit.needles.join(", ")}`;
}
