import { describe, expect, it } from "vitest";
import { CopyJsonRecords, CsvRecordEnds } from "@/server/export/copy-lines";

// Chunks of COPY output can end anywhere: inside a record, a quoted value, or a
// multi-byte character. Every cut must give the same result.
function cuts(text: string): Buffer[][] {
  const bytes = Buffer.from(text);
  return Array.from({ length: bytes.length + 1 }, (_, cut) => [bytes.subarray(0, cut), bytes.subarray(cut)]);
}

describe("CopyJsonRecords", () => {
  it("joins complete lines as JSON array records and counts them, wherever chunks end", () => {
    const text = '{"a":"Ștefan 🎉"}\n{"b":"x,y"}\n{"c":null}\n';
    for (const chunks of cuts(text)) {
      const records = new CopyJsonRecords();
      let out = "";
      let count = 0;
      for (const chunk of chunks) {
        const { bytes, count: n } = records.push(chunk);
        if (n) out += (count ? ",\n    " : "") + bytes.toString("utf8");
        count += n;
      }
      records.end();
      expect(out).toBe('{"a":"Ștefan 🎉"},\n    {"b":"x,y"},\n    {"c":null}');
      expect(count).toBe(3);
    }
  });

  it("refuses output that ends inside a line or holds a quoted value", () => {
    const cut = new CopyJsonRecords();
    cut.push(Buffer.from('{"a":1}\n{"b"'));
    expect(() => cut.end()).toThrow(/inside a line/);
    expect(() => new CopyJsonRecords().push(Buffer.from('\x01{"a":"x\ny"}\x01\n'))).toThrow(/quoted/);
  });
});

describe("CsvRecordEnds", () => {
  it("ends records with CRLF, keeps line breaks inside quoted values, and counts records", () => {
    const text = 'id,note\n1,"two\nlines, and ""quotes"" Ș"\n2,\n3,plain 🎉\n';
    for (const chunks of cuts(text)) {
      const ends = new CsvRecordEnds();
      const out = Buffer.concat(chunks.map((chunk) => ends.push(chunk))).toString("utf8");
      expect(out).toBe('id,note\r\n1,"two\nlines, and ""quotes"" Ș"\r\n2,\r\n3,plain 🎉\r\n');
      expect(ends.records).toBe(4);
    }
  });
});
