import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "./generated/client";
import { postgresRaw } from "./raw-postgres";

// The one database module. Without DATABASE_URL the app runs on embedded PostgreSQL
// (PGlite) stored under .data/; with DATABASE_URL=postgresql://... on a PostgreSQL
// server. Both go through the same Prisma client, migrations and queries.

export type RawSql = {
  // Runs one or more statements without parameters (migrations).
  exec(sql: string): Promise<void>;
  // `name`: a statement run on every request, prepared once per connection (PostgreSQL).
  query<T extends Record<string, unknown>>(sql: string, params?: unknown[], options?: { name?: string }): Promise<T[]>;
  // Rows as arrays in select-list order: cheaper to build for large reads (exports).
  queryArrays(sql: string, params?: unknown[]): Promise<unknown[][]>;
  // PostgreSQL server only: the output of `COPY (...) TO STDOUT`, streamed.
  copyOut?(sql: string): AsyncIterable<Buffer>;
};

export type Database = {
  kind: "postgres" | "pglite";
  prisma: PrismaClient;
  raw: RawSql;
  close(): Promise<void>;
};

export function pgliteLocation(): string {
  const configured = process.env.PGLITE_DIR;
  if (configured === "memory" || configured === "memory://") return "memory://";
  return path.resolve(/*turbopackIgnore: true*/ configured ?? path.join(process.cwd(), ".data", "pglite"));
}

// Tests count SQL statements (to prove there is no N+1); the events are only emitted
// when NODE_ENV is "test".
type QueryListener = () => void;
const queryListeners = new Set<QueryListener>();

// Under load a transaction may wait for one of the pool's connections, and then for the
// shop's audit-chain lock, longer than Prisma's defaults (2 s to start, 5 s in all) allow:
// it waits (the caller sees a slower answer) instead of failing with P2028.
export const TRANSACTION_OPTIONS = {
  maxWait: Number(process.env.DATABASE_TX_MAX_WAIT_MS ?? 15_000),
  timeout: Number(process.env.DATABASE_TX_TIMEOUT_MS ?? 30_000),
};

function createClient(adapter: PrismaPg | PrismaPGlite): PrismaClient {
  const transactionOptions = TRANSACTION_OPTIONS;
  if (process.env.NODE_ENV !== "test") return new PrismaClient({ adapter, transactionOptions });
  const client = new PrismaClient({ adapter, transactionOptions, log: [{ emit: "event", level: "query" }] });
  client.$on("query" as never, () => {
    for (const listener of queryListeners) listener();
  });
  return client;
}

export async function countQueries<T>(work: () => Promise<T>): Promise<{ result: T; queries: number }> {
  let queries = 0;
  const listener = () => {
    queries++;
  };
  queryListeners.add(listener);
  try {
    const result = await work();
    return { result, queries };
  } finally {
    queryListeners.delete(listener);
  }
}

// The embedded database belongs to this one process (nothing else can open it), so the
// process sees every write. Each statement that is not a plain read, and each
// transaction, moves `writeGeneration` on once it has completed: a value read before
// stays valid exactly while the generation has not moved (server/auth/viewer.ts keeps
// session checks that way). Every statement goes through the client's query, exec and
// transaction, whoever sends it (Prisma's adapter or the raw helpers below).
const writes = globalThis as unknown as { __writeGeneration?: number };
export function writeGeneration(): number {
  return writes.__writeGeneration ?? 0;
}
const bump = () => {
  writes.__writeGeneration = writeGeneration() + 1;
};
const isPlainRead = (sql: string) =>
  /^\s*SELECT\b/i.test(sql) && !/\b(INSERT|UPDATE|DELETE|nextval|setval)\b/i.test(sql);

function watchWrites(client: PGlite): PGlite {
  const query = client.query.bind(client);
  const exec = client.exec.bind(client);
  const transaction = client.transaction.bind(client);
  const after = async <T>(work: Promise<T>, isWrite: boolean): Promise<T> => {
    try {
      return await work;
    } finally {
      if (isWrite) bump();
    }
  };
  client.query = ((sql: string, ...rest: unknown[]) =>
    after((query as (...a: unknown[]) => Promise<unknown>)(sql, ...rest), !isPlainRead(sql))) as PGlite["query"];
  client.exec = ((sql: string, ...rest: unknown[]) =>
    after((exec as (...a: unknown[]) => Promise<unknown>)(sql, ...rest), true)) as PGlite["exec"];
  client.transaction = ((callback: (tx: unknown) => Promise<unknown>) =>
    after(transaction(callback as never), true)) as PGlite["transaction"];
  return client;
}

export function openDatabase(): Database {
  const url = process.env.DATABASE_URL;
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new Error("DATABASE_URL must start with postgresql:// (leave it unset for the embedded database)");
    }
    const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
    const prisma = createClient(new PrismaPg(pool));
    return {
      kind: "postgres",
      prisma,
      raw: postgresRaw(pool),
      async close() {
        await prisma.$disconnect();
        await pool.end().catch(() => undefined);
      },
    };
  }
  const location = pgliteLocation();
  // On a fresh clone .data/ does not exist yet; PGlite creates only the last folder.
  if (location !== "memory://") mkdirSync(path.dirname(location), { recursive: true });
  const client = watchWrites(location === "memory://" ? new PGlite() : new PGlite(location));
  const prisma = createClient(new PrismaPGlite(client));
  return {
    kind: "pglite",
    prisma,
    raw: {
      async exec(sql) {
        await client.exec(sql);
      },
      async query(sql, params) {
        return (await client.query(sql, params)).rows as never;
      },
      async queryArrays(sql, params) {
        return (await client.query<unknown[]>(sql, params, { rowMode: "array" })).rows;
      },
    },
    async close() {
      await prisma.$disconnect();
      await client.close();
    },
  };
}

// One instance per process (kept on globalThis so Next's dev reloads reuse it: an
// embedded database directory must never be opened twice).
const holder = globalThis as unknown as { __privacyCentreDb?: Database };

export function getDatabase(): Database {
  holder.__privacyCentreDb ??= openDatabase();
  return holder.__privacyCentreDb;
}

export function getPrisma(): PrismaClient {
  return getDatabase().prisma;
}

export async function closeDatabase(): Promise<void> {
  const db = holder.__privacyCentreDb;
  holder.__privacyCentreDb = undefined;
  await db?.close();
}

export { Prisma } from "./generated/client";
export type { PrismaClient };
