import { buildSchema, Kind, type OperationDefinitionNode, parse, specifiedRules, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { typeDefs } from "@/graphql/generated/type-defs";
import { aliasLimitRule, costLimitRule, depthLimitRule, queryCost } from "@/graphql/limits";

const schema = buildSchema(typeDefs);

function errorsOf(query: string, rules = [depthLimitRule(4), aliasLimitRule(3), costLimitRule(50)]) {
  return validate(schema, parse(query), [...specifiedRules, ...rules]).map((e) => ({
    code: e.extensions.code,
    message: e.message,
  }));
}

describe("query limits", () => {
  it("lets an ordinary query through", () => {
    expect(errorsOf("{ viewer { customer { id email } } }")).toEqual([]);
  });

  it("refuses a query deeper than the limit, also through fragments", () => {
    const deep = "{ viewer { shop { policy { retention { duration { text } } } } } }";
    expect(errorsOf(deep)).toEqual([{ code: "QUERY_TOO_DEEP", message: "Query is 6 levels deep; the limit is 4." }]);
    const viaFragment = `
      query { viewer { ...V } }
      fragment V on Viewer { shop { policy { retention { duration { text } } } } }`;
    expect(errorsOf(viaFragment)[0]?.code).toBe("QUERY_TOO_DEEP");
  });

  it("refuses too many aliases", () => {
    const query =
      "{ a: viewer { isSignedIn } b: viewer { isSignedIn } c: viewer { isSignedIn } d: viewer { isSignedIn } }";
    expect(errorsOf(query)).toEqual([{ code: "TOO_MANY_ALIASES", message: "Query uses 4 aliases; the limit is 3." }]);
  });

  it("counts cost and refuses an expensive query", () => {
    const query = "{ shops { policy { rights { key label description } } } }";
    const op = parse(query).definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
    expect(queryCost(op, new Map())).toBe(6);
    expect(errorsOf(query, [costLimitRule(5)])).toEqual([
      { code: "QUERY_TOO_COSTLY", message: "Query costs 6; the limit is 5." },
    ]);
  });

  it("does not loop on cyclic fragments (the spec rule reports them)", () => {
    const query = "query { viewer { ...A } } fragment A on Viewer { ...B } fragment B on Viewer { ...A }";
    expect(errorsOf(query).some((e) => /Cannot spread fragment/.test(e.message))).toBe(true);
  });
});
