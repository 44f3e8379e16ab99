import type pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import type { RawSql } from "./index";

// Statements straight through the pg driver: migrations, the batched reads of "My data",
// and the export writer process (which uses only this, not the Prisma client).
export function postgresRaw(pool: pg.Pool): RawSql {
  return {
    async exec(sql) {
      await pool.query(sql);
    },
    async query(sql, params, options) {
      // A named statement is parsed and planned once per connection.
      if (options?.name) return (await pool.query({ name: options.name, text: sql, values: params })).rows;
      return (await pool.query(sql, params)).rows;
    },
    async queryArrays(sql, params) {
      return (await pool.query({ text: sql, values: params, rowMode: "array" })).rows;
    },
    async *copyOut(sql) {
      const client = await pool.connect();
      let isDone = false;
      try {
        for await (const chunk of client.query(copyTo(sql))) yield chunk as Buffer;
        isDone = true;
      } finally {
        // A COPY left half-read leaves the connection unusable: close it.
        client.release(isDone ? undefined : new Error("COPY not read to the end"));
      }
    },
  };
}
