// One text value per row, as is: `COPY (...) TO STDOUT (FORMAT csv, QUOTE e'\x01',
// DELIMITER e'\x02')` quotes a value only when it holds a line break or \x01, and
// otherwise leaves it untouched (no backslash escapes, unlike the text format).
export const COPY_OPTIONS = `(FORMAT csv, QUOTE e'\\x01', DELIMITER e'\\x02')`;

const LF = 0x0a;
const QUOTE_BYTE = 0x22;
const CRLF = Buffer.from("\r\n");
const JSON_SEPARATOR = Buffer.from(",\n    ");

// Byte-level, so that large exports are never decoded to text and encoded back: a line
// break or a quote byte never occurs inside a multi-byte UTF-8 character.

// PostgreSQL's own CSV (`COPY ... TO STDOUT (FORMAT csv)`) ends records with "\n";
// RFC 4180 wants CRLF. Line breaks inside quoted values are data and stay as they are.
// Also counts the records. Quote state carries over from chunk to chunk.
export class CsvRecordEnds {
  private isQuoted = false;
  records = 0;

  push(chunk: Buffer): Buffer {
    const parts: Buffer[] = [];
    let from = 0;
    if (!this.isQuoted && chunk.indexOf(QUOTE_BYTE) === -1) {
      for (let i = chunk.indexOf(LF); i !== -1; i = chunk.indexOf(LF, i + 1)) {
        parts.push(chunk.subarray(from, i), CRLF);
        from = i + 1;
        this.records++;
      }
    } else {
      // Jump from quote to quote and line break to line break (native searches).
      let quote = chunk.indexOf(QUOTE_BYTE);
      let lf = chunk.indexOf(LF);
      for (;;) {
        if (this.isQuoted) {
          // Inside a quoted value only a quote matters (a doubled quote toggles twice).
          if (quote === -1) break;
          this.isQuoted = false;
          if (lf !== -1 && lf < quote) lf = chunk.indexOf(LF, quote + 1);
          quote = chunk.indexOf(QUOTE_BYTE, quote + 1);
        } else if (lf !== -1 && (quote === -1 || lf < quote)) {
          parts.push(chunk.subarray(from, lf), CRLF);
          from = lf + 1;
          this.records++;
          lf = chunk.indexOf(LF, lf + 1);
        } else if (quote !== -1) {
          this.isQuoted = true;
          quote = chunk.indexOf(QUOTE_BYTE, quote + 1);
        } else {
          break;
        }
      }
    }
    if (from === 0) return chunk;
    parts.push(chunk.subarray(from));
    return Buffer.concat(parts);
  }
}

// The one-column output of COPY with COPY_OPTIONS where every value is a JSON object
// (never quoted: JSON text holds no raw line break or \x01), as the records of a JSON
// array: complete lines joined by ",\n    ", with their count. A line cut by the end of
// a chunk waits for the next one.
export class CopyJsonRecords {
  private carry: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): { bytes: Buffer; count: number } {
    const data = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk;
    if (data.indexOf(0x01) !== -1) throw new Error("unexpected quoted value in JSON COPY output");
    const last = data.lastIndexOf(LF);
    if (last === -1) {
      this.carry = data;
      return { bytes: Buffer.alloc(0), count: 0 };
    }
    this.carry = Buffer.from(data.subarray(last + 1));
    const parts: Buffer[] = [];
    let from = 0;
    let count = 0;
    for (let i = data.indexOf(LF); i !== -1 && i <= last; i = data.indexOf(LF, i + 1)) {
      if (count) parts.push(JSON_SEPARATOR);
      parts.push(data.subarray(from, i));
      from = i + 1;
      count++;
    }
    return { bytes: Buffer.concat(parts), count };
  }

  end(): void {
    if (this.carry.length) throw new Error("COPY output ended inside a line");
  }
}
