import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getDatabase, getPrisma } from "@/server/db";
import { Prisma } from "@/server/db/generated/client";
import { applyMigrations, readMigrations } from "@/server/db/migrate";

// The database built from prisma/migrations must match schema.prisma: same tables,
// same columns, compatible types and nullability, and usable through the client.
const schemaSource = readFileSync(path.join(__dirname, "../../prisma/schema.prisma"), "utf8");

type SchemaField = { name: string; type: string; isOptional: boolean };

function schemaModels(): Map<string, SchemaField[]> {
  const models = new Map<string, SchemaField[]>();
  const enums = new Set([...schemaSource.matchAll(/^enum (\w+) \{/gm)].map((m) => m[1]));
  for (const match of schemaSource.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)) {
    const fields: SchemaField[] = [];
    for (const line of match[2].split("\n")) {
      const field = /^\s+(\w+)\s+(\w+)(\?|\[\])?/.exec(line);
      if (!field || line.trim().startsWith("@@")) continue;
      const [, name, type, modifier] = field;
      const isScalar = ["String", "Int", "BigInt", "Float", "Boolean", "DateTime", "Json"].includes(type) || enums.has(type);
      // Scalar lists are array columns (nullable in PostgreSQL, as Prisma creates them).
      if (isScalar && modifier === "[]") fields.push({ name, type: `${type}[]`, isOptional: true });
      else if (isScalar) fields.push({ name, type, isOptional: modifier === "?" });
    }
    models.set(match[1], fields);
  }
  return models;
}

const TYPE_FAMILIES: Record<string, string[]> = {
  String: ["text", "uuid", "character"],
  Int: ["integer"],
  BigInt: ["bigint"],
  Float: ["double precision"],
  "String[]": ["ARRAY"],
  Boolean: ["boolean"],
  DateTime: ["timestamp with time zone", "date"],
  Json: ["jsonb"],
};

describe("migrations", () => {
  it("are recorded in Prisma's table and re-running them changes nothing", async () => {
    const { raw } = getDatabase();
    const rows = await raw.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    const files = readMigrations();
    expect(rows.map((r) => r.migration_name)).toEqual(files.map((m) => m.name));
    expect(rows.map((r) => r.checksum)).toEqual(files.map((m) => m.checksum));
    expect(rows.every((r) => r.finished_at)).toBe(true);
    expect(await applyMigrations(raw)).toEqual([]);
  });

  it("refuse to run when an applied migration was edited", async () => {
    const [first] = readMigrations();
    await expect(applyMigrations(getDatabase().raw, [{ ...first, checksum: "0".repeat(64) }])).rejects.toThrow(
      /was changed after it was applied/,
    );
  });

  it("build exactly the tables and columns of schema.prisma", async () => {
    const { raw } = getDatabase();
    const columns = await raw.query<{
      table_name: string;
      column_name: string;
      data_type: string;
      udt_name: string;
      is_nullable: string;
    }>(
      `SELECT table_name, column_name, data_type, udt_name, is_nullable FROM information_schema.columns
       WHERE table_schema = current_schema() AND table_name <> '_prisma_migrations'`,
    );
    const models = schemaModels();
    expect([...new Set(columns.map((c) => c.table_name))].sort()).toEqual([...models.keys()].sort());
    expect([...models.keys()].sort()).toEqual(Object.values(Prisma.ModelName).sort());
    for (const [model, fields] of models) {
      const tableColumns = columns.filter((c) => c.table_name === model);
      expect(tableColumns.map((c) => c.column_name).sort(), model).toEqual(fields.map((f) => f.name).sort());
      const fieldEnum = (Prisma as unknown as Record<string, Record<string, string>>)[`${model}ScalarFieldEnum`];
      expect(Object.values(fieldEnum).sort(), model).toEqual(fields.map((f) => f.name).sort());
      for (const field of fields) {
        const column = tableColumns.find((c) => c.column_name === field.name);
        const where = `${model}.${field.name}`;
        expect(column?.is_nullable, where).toBe(field.isOptional ? "YES" : "NO");
        const family = TYPE_FAMILIES[field.type];
        if (family) expect(family, where).toContain(column?.data_type);
        else expect(column?.udt_name, where).toBe(field.type);
      }
    }
  });

  it("leave every model usable through the client", async () => {
    const prisma = getPrisma() as unknown as Record<string, { findMany(args: object): Promise<unknown[]> }>;
    for (const model of Object.values(Prisma.ModelName)) {
      const delegate = prisma[model.charAt(0).toLowerCase() + model.slice(1)];
      await expect(delegate.findMany({ take: 1 }), model).resolves.toBeInstanceOf(Array);
    }
  });

  it("refuse a full card number and make consent records append-only", async () => {
    const prisma = getPrisma();
    const shop = await prisma.shop.create({ data: { handle: `t-${Date.now()}`, name: "T" } });
    const customer = await prisma.customer.create({
      data: { shopId: shop.id, email: "x@test.example", firstName: "X", lastName: "Y" },
    });
    await expect(
      prisma.paymentMethod.create({
        data: { customerId: customer.id, brand: "Visa", last4: "4242424242424242", expMonth: 1, expYear: 2030 },
      }),
    ).rejects.toThrow();
    await expect(
      prisma.paymentMethod.create({
        data: { customerId: customer.id, brand: "Visa", last4: "42a2", expMonth: 1, expYear: 2030 },
      }),
    ).rejects.toThrow();
    const record = await prisma.consentRecord.create({
      data: {
        shopId: shop.id,
        customerId: customer.id,
        purposeKey: "profiling",
        state: "GRANTED",
        optInLevel: "SINGLE",
        source: "ACCOUNT_PAGE",
        actorType: "CUSTOMER",
        policyVersion: "1",
      },
    });
    await expect(
      prisma.consentRecord.update({ where: { id: record.id }, data: { state: "WITHDRAWN" } }),
    ).rejects.toThrow();
    await expect(prisma.consentRecord.delete({ where: { id: record.id } })).rejects.toThrow();
    expect((await prisma.consentRecord.findUnique({ where: { id: record.id } }))?.state).toBe("GRANTED");
  });
});
