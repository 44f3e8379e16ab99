import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import type { Readable, Writable } from "node:stream";

// Where finished files (exports) live, behind one small interface: a local directory by
// default (EXPORT_DIR, else .data/exports); an object store can implement the same
// four operations. A file becomes visible under its key only when `commit` succeeds,
// so a half-written file (crash, failure, abort) is never served.

export type StoredFile = { byteSize: number; sha256: string };

export type FileWriter = {
  // Write with backpressure: wait for "drain" when write() returns false.
  stream: Writable;
  commit(): Promise<StoredFile>;
  abort(): Promise<void>;
};

export type FileStorage = {
  create(key: string): Promise<FileWriter>;
  open(key: string): Promise<{ stream: Readable; byteSize: number } | null>;
  delete(key: string): Promise<void>;
  // Committed keys under a prefix, with their last-modified time (to find orphans).
  list(prefix: string): Promise<{ key: string; modifiedAt: Date }[]>;
  // Removes what writers left unfinished (a crashed process) before `olderThan`.
  removeIncomplete(olderThan: Date): Promise<number>;
};

const KEY = /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/;
const PARTIAL = ".partial-";

function checkKey(key: string): string {
  if (!KEY.test(key) || key.includes("..") || key.includes(PARTIAL)) throw new Error("Invalid storage key.");
  return key;
}

export function localStorage(root: string): FileStorage {
  const full = (key: string) => path.join(root, checkKey(key));
  return {
    async create(key) {
      const target = full(key);
      await mkdir(path.dirname(target), { recursive: true });
      const partial = `${target}${PARTIAL}${randomBytes(6).toString("hex")}`;
      const file = createWriteStream(partial, { flags: "wx" });
      const hash = createHash("sha256");
      let byteSize = 0;
      const originalWrite = file.write.bind(file);
      // Hash and count what passes through, so the digest is of the bytes written.
      file.write = ((chunk: Buffer | Uint8Array | string, ...rest: unknown[]) => {
        const buffer = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
        hash.update(buffer);
        byteSize += buffer.length;
        return (originalWrite as (c: unknown, ...r: unknown[]) => boolean)(buffer, ...rest);
      }) as typeof file.write;
      const closed = new Promise<void>((resolve, reject) => {
        file.once("close", resolve);
        file.once("error", reject);
      });
      // A write error surfaces through commit(); keep it from crashing the process.
      closed.catch(() => undefined);
      return {
        stream: file,
        async commit() {
          file.end();
          await closed;
          await rename(partial, target);
          return { byteSize, sha256: hash.digest("hex") };
        },
        async abort() {
          file.destroy();
          await closed.catch(() => undefined);
          await rm(partial, { force: true });
        },
      };
    },
    async open(key) {
      const target = full(key);
      const info = await stat(target).catch(() => null);
      if (!info?.isFile()) return null;
      return { stream: createReadStream(target), byteSize: info.size };
    },
    async delete(key) {
      await rm(full(key), { force: true });
    },
    async list(prefix) {
      const dir = path.join(root, checkKey(prefix));
      const names = await readdir(dir).catch(() => [] as string[]);
      const out: { key: string; modifiedAt: Date }[] = [];
      for (const name of names) {
        const info = await stat(path.join(dir, name)).catch(() => null);
        if (info?.isFile() && !name.includes(PARTIAL)) out.push({ key: `${prefix}/${name}`, modifiedAt: info.mtime });
      }
      return out;
    },
    async removeIncomplete(olderThan) {
      const entries = await readdir(root, { recursive: true }).catch(() => [] as string[]);
      let removed = 0;
      for (const entry of entries) {
        if (!entry.includes(PARTIAL)) continue;
        const file = path.join(root, entry);
        const info = await stat(file).catch(() => null);
        if (info?.isFile() && info.mtime < olderThan) {
          await rm(file, { force: true });
          removed++;
        }
      }
      return removed;
    },
  };
}

export function exportsDirectory(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.EXPORT_DIR ?? path.join(process.cwd(), ".data", "exports"));
}

const holder = globalThis as unknown as { __privacyCentreStorage?: FileStorage };

export function getExportStorage(): FileStorage {
  holder.__privacyCentreStorage ??= localStorage(exportsDirectory());
  return holder.__privacyCentreStorage;
}

// Tests plug in a storage that fails on purpose.
export function setExportStorage(storage: FileStorage | undefined): void {
  holder.__privacyCentreStorage = storage;
}
