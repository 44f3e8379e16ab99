import { StringDecoder } from "node:string_decoder";

// The one-column output of `COPY (...) TO STDOUT (FORMAT csv, QUOTE e'\x01', DELIMITER
// e'\x02')` split back into its values. Each row is one line; PostgreSQL quotes a value
// (with \x01, doubling any \x01 inside) only when it holds a line break or \x01, which
// an encoded JSON object never does and an encoded CSV line rarely does, so the common
// case is a plain split on "\n". Chunks may end anywhere, even inside a UTF-8 character.
export const COPY_OPTIONS = `(FORMAT csv, QUOTE e'\\x01', DELIMITER e'\\x02')`;

const QUOTE = "\x01";

export class CopyLineDecoder {
  private readonly text = new StringDecoder("utf8");
  private carry = "";

  push(chunk: Buffer): string[] {
    return this.split(this.carry + this.text.write(chunk));
  }

  // The last value, if the stream did not end with a line break.
  end(): string[] {
    const rest = this.carry + this.text.end();
    this.carry = "";
    if (rest === "") return [];
    const lines = this.split(`${rest}\n`);
    if (this.carry) throw new Error("COPY output ended inside a quoted value");
    return lines;
  }

  private split(data: string): string[] {
    if (!data.includes(QUOTE)) {
      const lines = data.split("\n");
      this.carry = lines.pop() ?? "";
      return lines;
    }
    const lines: string[] = [];
    let start = 0;
    let isQuoted = false;
    for (let i = 0; i < data.length; i++) {
      const ch = data[i];
      if (isQuoted) {
        if (ch !== QUOTE) continue;
        if (data[i + 1] === QUOTE) {
          i++;
          continue;
        }
        // A quote at the very end could still be the first of a doubled pair.
        if (i + 1 >= data.length) break;
        isQuoted = false;
      } else if (ch === QUOTE) {
        isQuoted = true;
      } else if (ch === "\n") {
        lines.push(unquote(data.slice(start, i)));
        start = i + 1;
      }
    }
    this.carry = data.slice(start);
    return lines;
  }
}

function unquote(raw: string): string {
  return raw.startsWith(QUOTE) && raw.endsWith(QUOTE) && raw.length >= 2
    ? raw.slice(1, -1).replaceAll(QUOTE + QUOTE, QUOTE)
    : raw;
}

// PostgreSQL's own CSV (`COPY ... TO STDOUT (FORMAT csv)`) ends records with "\n";
// RFC 4180 wants CRLF. Line breaks inside quoted values are data and stay as they are.
// Also counts the records. Quote state carries over from chunk to chunk.
export class CsvRecordEnds {
  private readonly text = new StringDecoder("utf8");
  private isQuoted = false;
  records = 0;

  push(chunk: Buffer): string {
    return this.convert(this.text.write(chunk));
  }

  end(): string {
    return this.convert(this.text.end());
  }

  private convert(data: string): string {
    if (!this.isQuoted && !data.includes('"')) {
      let count = 0;
      for (let i = data.indexOf("\n"); i !== -1; i = data.indexOf("\n", i + 1)) count++;
      this.records += count;
      return data.replaceAll("\n", "\r\n");
    }
    let out = "";
    let from = 0;
    for (let i = 0; i < data.length; i++) {
      const code = data.charCodeAt(i);
      // A doubled quote inside a quoted value toggles twice: no change, as it should.
      if (code === 34) this.isQuoted = !this.isQuoted;
      else if (code === 10 && !this.isQuoted) {
        out += `${data.slice(from, i)}\r\n`;
        from = i + 1;
        this.records++;
      }
    }
    return out + data.slice(from);
  }
}
