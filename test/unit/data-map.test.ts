import { describe, expect, it } from "vitest";
import { DATA_MAP, personalModels } from "@/server/data-map";
import { DATA_CATEGORY_KEYS } from "@/server/data-map/categories";
import { Prisma } from "@/server/db/generated/client";

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
