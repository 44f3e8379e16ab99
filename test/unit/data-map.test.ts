import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { type Anonymisation, DATA_MAP, type PersonalModel, personalModels } from "@/server/data-map";
import { DATA_CATEGORY_KEYS } from "@/server/data-map/categories";
import { Prisma } from "@/server/db/generated/client";
import { RETAINABLE } from "@/server/erasure/plan";

// Every Prisma model and field is either mapped as personal data or marked as not
// personal, so view, export and erasure cannot silently miss something new.
const models = Object.values(Prisma.ModelName);

function scalarFields(model: string): string[] {
  const fieldEnum = (Prisma as unknown as Record<string, Record<string, string>>)[`${model}ScalarFieldEnum`];
  if (!fieldEnum) throw new Error(`No scalar field enum for ${model}`);
  return Object.values(fieldEnum);
}

describe("personal-data map", () => {
  it("has exactly one entry for every Prisma model", () => {
    expect(DATA_MAP.map((e) => e.model).sort()).toEqual([...models].sort());
  });

  it.each(personalModels().map((e) => [e.model, e] as const))("%s: every field is classified once", (_model, entry) => {
    const classified = [...Object.keys(entry.fields), ...(entry.secrets ?? []), ...entry.technical];
    expect(new Set(classified).size).toBe(classified.length);
    expect(classified.sort()).toEqual(scalarFields(entry.model).sort());
  });

  it("gives a reason for each model that holds nothing personal", () => {
    for (const entry of DATA_MAP) {
      if (!entry.isPersonal) expect(entry.reason.length).toBeGreaterThan(20);
    }
  });

  it("uses only known categories and owner columns that exist", () => {
    for (const entry of personalModels()) {
      expect(DATA_CATEGORY_KEYS).toContain(entry.category);
      for (const field of Object.values(entry.fields)) {
        if (field.category) expect(DATA_CATEGORY_KEYS).toContain(field.category);
      }
      if (entry.owner.kind === "column") expect(scalarFields(entry.model)).toContain(entry.owner.column);
    }
  });

  it("names every export file once", () => {
    const names = personalModels().map((e) => e.exportAs);
    expect(new Set(names).size).toBe(names.length);
  });
});

// The anonymisation a model gets on erasure: its own, or the one its retention rule
// falls back to.
function anonymisationOf(entry: PersonalModel): Anonymisation | null {
  if (entry.erasure.action === "anonymise") return entry.erasure;
  if (entry.erasure.action === "retain-if-required" && entry.erasure.otherwise.action === "anonymise") {
    return entry.erasure.otherwise;
  }
  return null;
}

// A model's columns and whether each is optional, read from schema.prisma.
function schemaColumns(model: string): Map<string, { isOptional: boolean }> {
  const schema = readFileSync(path.resolve(import.meta.dirname, "../../prisma/schema.prisma"), "utf8");
  const block = new RegExp(`^model ${model} \\{([\\s\\S]*?)^\\}`, "m").exec(schema)?.[1];
  if (!block) throw new Error(`no model ${model} in schema.prisma`);
  const columns = new Map<string, { isOptional: boolean }>();
  for (const line of block.split("\n")) {
    const match = /^\s+([A-Za-z]\w*)\s+([A-Za-z]\w*)(\??)(\[\])?/.exec(line);
    if (match && scalarFields(model).includes(match[1])) columns.set(match[1], { isOptional: match[3] === "?" });
  }
  return columns;
}

describe("what erasure does, per the data map", () => {
  const anonymised = personalModels().flatMap((e) => {
    const a = anonymisationOf(e);
    return a ? [[e.model, e, a] as const] : [];
  });

  it("anonymises at least the account, the orders and the two ledgers", () => {
    expect(anonymised.map(([model]) => model)).toEqual(
      expect.arrayContaining(["Customer", "Order", "ConsentRecord", "AuditEvent"]),
    );
  });

  it.each(anonymised)(
    "%s: the placeholders and the kept list cover every personal field and secret exactly once",
    (_model, entry, anonymisation) => {
      const listed = [...Object.keys(anonymisation.placeholders), ...anonymisation.keep];
      const personal = [...Object.keys(entry.fields), ...(entry.secrets ?? [])];
      // Nothing twice (a field both overwritten and kept), nothing missing, nothing unknown.
      expect(listed.length).toBe(new Set(listed).size);
      expect([...listed].sort()).toEqual([...personal].sort());
      // Secrets are never kept: a credential outlives no erasure.
      for (const secret of entry.secrets ?? []) expect(anonymisation.keep).not.toContain(secret);
    },
  );

  it("overwrites every given name, contact detail and address on the models it anonymises", () => {
    const customer = anonymised.find(([model]) => model === "Customer")?.[2];
    expect(Object.keys(customer?.placeholders ?? {})).toEqual(
      expect.arrayContaining(["email", "firstName", "lastName", "alias", "dateOfBirth", "nationalId", "passwordHash"]),
    );
    const order = anonymised.find(([model]) => model === "Order")?.[2];
    expect(Object.keys(order?.placeholders ?? {}).sort()).toEqual(
      ["billingAddress", "billingName", "shippingAddress", "shippingName"].sort(),
    );
  });

  it("keeps rows under a retention rule only for the models the engine can retain", () => {
    const retainable = personalModels()
      .filter((e) => e.erasure.action === "retain-if-required")
      .map((e) => e.model)
      .sort();
    expect(retainable).toEqual(Object.keys(RETAINABLE).sort());
    expect(retainable.length).toBeGreaterThan(0);
  });

  it.each(Object.entries(RETAINABLE))(
    "%s: has the retention columns, a detachable owner and the dates its rules count from",
    (model, spec) => {
      const entry = personalModels().find((e) => e.model === model);
      if (entry?.owner.kind !== "column") throw new Error(`${model} is not owned by a column`);
      const columns = schemaColumns(model);
      expect(columns.get("retentionRule")).toEqual({ isOptional: true });
      expect(columns.get("retainedUntil")).toEqual({ isOptional: true });
      expect(entry.technical).toEqual(expect.arrayContaining(["retentionRule", "retainedUntil", "shopId"]));
      // Kept rows are cut from the account: the owner column must allow null.
      expect(columns.get(entry.owner.column)).toEqual({ isOptional: true });
      for (const column of [spec?.rowDate, spec?.contractEnd]) {
        expect(columns.get(String(column))).toEqual({ isOptional: false });
      }
    },
  );

  it("lets only child rows follow their parent, and only a parent that has its own fate", () => {
    for (const entry of personalModels().filter((e) => e.erasure.action === "follow-parent")) {
      expect(entry.owner.kind).toBe("via");
      const parent = personalModels().find((e) => entry.owner.kind === "via" && e.model === entry.owner.model);
      expect(parent).toBeDefined();
      expect(parent?.erasure.action).not.toBe("follow-parent");
    }
  });

  it("gives a reason for every model it keeps as it is", () => {
    for (const entry of personalModels()) {
      if (entry.erasure.action === "keep" || entry.erasure.action === "follow-parent") {
        expect(entry.erasure.reason.length).toBeGreaterThan(20);
      }
    }
  });
});
