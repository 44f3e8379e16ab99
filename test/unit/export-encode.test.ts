import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { exportDatasets } from "@/server/export/datasets";
import { csvCell, csvLine, csvReadme } from "@/server/export/encode";

// How values are written into export files: RFC 4180 CSV and JSON, exact and
// machine-readable (ISO 8601 instants in UTC, amounts in cents).

const strict = (text: string) =>
  parse(text, { record_delimiter: "\r\n", relax_quotes: false, relax_column_count: false }) as string[][];

describe("csvCell", () => {
  it("leaves plain text, numbers and booleans as they are", () => {
    expect(csvCell("Ana Popescu")).toBe("Ana Popescu");
    expect(csvCell("")).toBe("");
    expect(csvCell(1299)).toBe("1299");
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell(0)).toBe("0");
    expect(csvCell(true)).toBe("true");
    expect(csvCell(false)).toBe("false");
    expect(csvCell(12345678901234567890n)).toBe("12345678901234567890");
    expect(csvCell("Ștefan Țăranu — 🛋️")).toBe("Ștefan Țăranu — 🛋️");
  });

  it("writes null and undefined as an empty field", () => {
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
  });

  it("quotes fields with a comma, a quote, CR or LF, doubling the quotes", () => {
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('"')).toBe('""""');
    expect(csvCell("line\nbreak")).toBe('"line\nbreak"');
    expect(csvCell("cr\rhere")).toBe('"cr\rhere"');
    expect(csvCell("crlf\r\nhere")).toBe('"crlf\r\nhere"');
    // Leading or trailing spaces and other punctuation need no quotes in RFC 4180.
    expect(csvCell(" padded ")).toBe(" padded ");
    expect(csvCell("semi;colon'apostrophe")).toBe("semi;colon'apostrophe");
  });

  it("writes instants as ISO 8601 in UTC", () => {
    expect(csvCell(new Date("2024-05-01T09:30:00+03:00"))).toBe("2024-05-01T06:30:00.000Z");
  });

  it("writes structured values as JSON, quoted as needed", () => {
    expect(csvCell(["orders", "addresses"])).toBe('"[""orders"",""addresses""]"');
    expect(csvCell({ a: 1 })).toBe('"{""a"":1}"');
    expect(csvCell([])).toBe("[]");
    expect(JSON.parse(strict(`${csvLine([{ note: 'He said "no", twice\n' }])}`)[0][0])).toEqual({
      note: 'He said "no", twice\n',
    });
  });
});

describe("csvLine", () => {
  it("joins cells with commas and ends the record with CRLF", () => {
    expect(csvLine(["a", 1, null, true])).toBe("a,1,,true\r\n");
    expect(csvLine([])).toBe("\r\n");
    expect(csvLine([null])).toBe("\r\n");
    expect(csvLine(["", ""])).toBe(",\r\n");
  });

  it("round-trips through a strict RFC 4180 parser, whatever the values", () => {
    const rows: unknown[][] = [
      ["id", "text", "when", "amount", "flag", "empty"],
      ["1", 'Str. "Unirii", nr. 3\r\nbl. A', new Date("2024-01-02T03:04:05.006Z"), 1999, false, null],
      ["2", ",,,", new Date(0), 0, true, ""],
      ["3", '""', new Date("1999-12-31T23:59:59.999Z"), -1, true, "\n"],
    ];
    const text = rows.map(csvLine).join("");
    expect(strict(text)).toEqual(
      rows.map((row) => row.map((v) => (v === null ? "" : v instanceof Date ? v.toISOString() : String(v)))),
    );
  });
});

describe("csvReadme", () => {
  it("lists every file with its record count and every column", () => {
    const plans = exportDatasets()
      .filter((d) => d.category === "orders")
      .map((dataset, i) => ({ dataset, count: i }));
    const text = csvReadme({
      shop: { name: "ALMAZ" },
      generatedAt: new Date("2026-01-02T03:04:05Z"),
      categories: ["orders"],
      requested: { categories: ["orders"], from: "2024-01-01", to: null },
      plans,
      documents: 0,
    });
    expect(text.split("\r\n").every((line) => !line.includes("\n"))).toBe(true);
    expect(text).toContain("Generated on 2026-01-02T03:04:05.000Z (UTC).");
    expect(text).toContain("Categories you chose: Orders.");
    expect(text).toContain("Records dated from 2024-01-01 (your account details are always included).");
    for (const { dataset, count } of plans) {
      const at = text.indexOf(`\r\norders/${dataset.key}.csv\r\n`);
      expect(at, dataset.key).toBeGreaterThan(0);
      const section = text.slice(at + 2).split("\r\n\r\n")[0];
      expect(section).toContain(`${count} record${count === 1 ? "" : "s"}.`);
      expect([...section.matchAll(/^ {2}- (\w+): /gm)].map((m) => m[1])).toEqual(dataset.columns.map((c) => c.key));
    }
    expect(text).not.toContain(".pdf");
  });
});
