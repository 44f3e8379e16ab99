import type { PersonalModel } from "./index";

// SQL pieces shared by "My data" and the export writer (which runs in its own process
// and must not load the app's database client): no I/O here.

export const quote = (name: string) => {
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(name)) throw new Error(`unexpected identifier ${name}`);
  return `"${name}"`;
};

// The owner-and-shop filter of a personal model as SQL ($1 = customer, $2 = shop); the
// same scoping as ownerWhere, for the batched statements below.
export function ownerSql(entry: PersonalModel): string {
  switch (entry.owner.kind) {
    case "self":
      return `"id" = $1::uuid AND "shopId" = $2::uuid`;
    case "column":
      return entry.technical.includes("shopId")
        ? `${quote(entry.owner.column)} = $1::uuid AND "shopId" = $2::uuid`
        : `${quote(entry.owner.column)} = $1::uuid AND EXISTS (SELECT 1 FROM "Customer" WHERE "id" = $1::uuid AND "shopId" = $2::uuid)`;
    case "via":
      return `${quote(entry.owner.foreignKey)} IN (SELECT "id" FROM ${quote(entry.owner.model)} WHERE ${quote(entry.owner.column)} = $1::uuid AND "shopId" = $2::uuid)`;
  }
}
