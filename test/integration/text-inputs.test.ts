import { readFileSync } from "node:fs";
import path from "node:path";
import {
  buildSchema,
  type GraphQLInputType,
  type GraphQLObjectType,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isObjectType,
  isScalarType,
} from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import type { CustomerViewer } from "@/server/auth/viewer";
import { getPrisma } from "@/server/db";
import { signedInViewer } from "../factories";
import { gql } from "../support/graphql";

// Every text input of every mutation, generated from the published schema: a NUL byte,
// an unpaired surrogate and a huge string each come back as a userError (never an
// internal error) and change nothing. A new mutation is covered without being listed.

const schema = buildSchema(readFileSync(path.join(process.cwd(), "graphql", "schema.graphql"), "utf8"));
const mutation = schema.getMutationType() as GraphQLObjectType;

const BAD = {
  "a NUL byte": "Ana\u0000Popescu",
  "an unpaired surrogate": "Ana \uD800 Popescu",
  "a huge string": "x".repeat(100_000),
} as const;

type Target = { index: number; seen: number; path: string[] | null };

// A value of the right shape for a type, with `bad` in the one text position `target`
// (whose argument path is noted in target.path).
function sample(type: GraphQLInputType, bad: string, target: Target, at: string[] = []): unknown {
  const inner = getNullableType(type);
  if (isListType(inner)) return [sample(inner.ofType as GraphQLInputType, bad, target, [...at, "0"])];
  if (isEnumType(inner)) return inner.getValues()[0]?.value;
  if (isInputObjectType(inner)) {
    return Object.fromEntries(
      Object.values(inner.getFields()).map((f) => [f.name, sample(f.type, bad, target, [...at, f.name])]),
    );
  }
  if (isScalarType(inner)) {
    switch (inner.name) {
      case "String": {
        const position = target.seen++;
        if (position !== target.index) return "ok";
        target.path = at;
        return bad;
      }
      case "ID":
        return "Q3VzdG9tZXI6MDAwMDAwMDAtMDAwMC03MDAwLTgwMDAtMDAwMDAwMDAwMDAw";
      case "Int":
        return 1;
      case "Boolean":
        return true;
      case "Date":
        return "2000-01-01";
      case "DateTime":
        return new Date().toISOString();
    }
  }
  throw new Error(`No sample for ${String(inner)}`);
}

function countText(type: GraphQLInputType): number {
  const inner = getNullableType(type);
  if (isListType(inner)) return countText(inner.ofType as GraphQLInputType);
  if (isInputObjectType(inner)) return Object.values(inner.getFields()).reduce((n, f) => n + countText(f.type), 0);
  return isScalarType(inner) && inner.name === "String" ? 1 : 0;
}

const typeName = (type: GraphQLInputType): string => type.toString();

const cases = Object.values(mutation.getFields()).flatMap((field) => {
  const texts = field.args.reduce((n, a) => n + countText(a.type), 0);
  const payload = getNamedType(field.type);
  const selection = isObjectType(payload) ? "userErrors { field code message }" : "";
  return Array.from({ length: texts }, (_, index) => ({ field, index, selection }));
});

describe("text inputs of every mutation", () => {
  let viewer: CustomerViewer;
  beforeAll(async () => {
    viewer = await signedInViewer({ shop: "almaz" });
  });

  it("covers every mutation that takes text", () => {
    const withText = Object.values(mutation.getFields()).filter((f) => f.args.some((a) => countText(a.type) > 0));
    expect(new Set(cases.map((c) => c.field.name))).toEqual(new Set(withText.map((f) => f.name)));
    expect(cases.length).toBeGreaterThan(20);
  });

  for (const [what, bad] of Object.entries(BAD)) {
    it(`answers ${what} in any text field with a userError and changes nothing`, async () => {
      const before = await getPrisma().auditEvent.count({ where: { customerId: viewer.customerId } });
      for (const { field, index, selection } of cases) {
        const target: Target = { index, seen: 0, path: null };
        const variables = Object.fromEntries(field.args.map((a) => [a.name, sample(a.type, bad, target, [a.name])]));
        const params = field.args.map((a) => `$${a.name}: ${typeName(a.type)}`).join(", ");
        const args = field.args.map((a) => `${a.name}: $${a.name}`).join(", ");
        const query = `mutation M${params ? `(${params})` : ""} { ${field.name}${args ? `(${args})` : ""} { ${selection} } }`;
        const result = await gql(query, variables, viewer);
        const label = `${field.name} text #${index} with ${what}`;
        expect(JSON.stringify(result.errors ?? []), label).toBe("[]");
        const payload = result.data?.[field.name] as { userErrors: { field: string[] | null; code: string }[] };
        expect(payload.userErrors.length, label).toBeGreaterThan(0);
        // Characters the database cannot store are refused at the very field, whatever
        // else is wrong with the input (a long text may be refused for another reason
        // first: an unknown id, a missing permission).
        if (bad !== BAD["a huge string"] && field.name !== "impersonationStart") {
          expect(payload.userErrors, label).toContainEqual(
            expect.objectContaining({ field: target.path, code: "INVALID_INPUT" }),
          );
        }
      }
      // Nothing was recorded as done for the customer (refusals are no changes).
      const after = await getPrisma().auditEvent.count({
        where: { customerId: viewer.customerId, action: { not: "impersonation.refused" } },
      });
      expect(after).toBe(before);
    });
  }
});
