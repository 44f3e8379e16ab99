import { describe, expect, it } from "vitest";
import { CopyLineDecoder, CsvRecordEnds } from "@/server/export/copy-lines";

const Q = "\x01";

function decode(chunks: (string | Buffer)[]): string[] {
  const decoder = new CopyLineDecoder();
  const out: string[] = [];
  for (const chunk of chunks) out.push(...decoder.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk));
  out.push(...decoder.end());
  return out;
}

describe("CopyLineDecoder", () => {
  it("splits plain lines across any chunk boundary", () => {
    const text = '{"a":1}\n{"b":"x,y"}\nlast\n';
    for (let cut = 0; cut <= text.length; cut++) {
      expect(decode([text.slice(0, cut), text.slice(cut)]), `cut ${cut}`).toEqual(['{"a":1}', '{"b":"x,y"}', "last"]);
    }
  });

  it("unquotes values holding line breaks or the quote character, wherever chunks end", () => {
    const values = ['a,"line one\r\nline two",b', `has ${Q} inside`, "plain", `${Q}${Q}edge${Q}`];
    const text = `${values.map((v) => (/[\n\r]/.test(v) || v.includes(Q) ? `${Q}${v.replaceAll(Q, Q + Q)}${Q}` : v)).join("\n")}\n`;
    for (let cut = 0; cut <= text.length; cut++) {
      expect(decode([text.slice(0, cut), text.slice(cut)]), `cut ${cut}`).toEqual(values);
    }
  });

  it("keeps multi-byte characters split between chunks", () => {
    const bytes = Buffer.from("Ștefan Ñoño 🎉\nnext\n");
    for (let cut = 0; cut <= bytes.length; cut++) {
      expect(decode([bytes.subarray(0, cut), bytes.subarray(cut)])).toEqual(["Ștefan Ñoño 🎉", "next"]);
    }
  });

  it("takes a last line without a line break, and refuses output cut inside a quoted value", () => {
    expect(decode(["a\nb"])).toEqual(["a", "b"]);
    expect(() => decode([`${Q}open\nvalue`])).toThrow(/inside a quoted value/);
  });
});

describe("CsvRecordEnds", () => {
  it("ends records with CRLF, keeps line breaks inside quoted values, and counts records", () => {
    const text = 'id,note\n1,"two\nlines, and ""quotes"""\n2,\n3,plain\n';
    for (let cut = 0; cut <= text.length; cut++) {
      const ends = new CsvRecordEnds();
      const out = ends.push(Buffer.from(text.slice(0, cut))) + ends.push(Buffer.from(text.slice(cut))) + ends.end();
      expect(out, `cut ${cut}`).toBe('id,note\r\n1,"two\nlines, and ""quotes"""\r\n2,\r\n3,plain\r\n');
      expect(ends.records).toBe(4);
    }
  });
});
