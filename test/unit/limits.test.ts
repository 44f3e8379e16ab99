import { buildSchema, Kind, type OperationDefinitionNode, parse, specifiedRules, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { typeDefs } from "@/graphql/generated/type-defs";
import {
  aliasLimitRule,
  capErrors,
  costLimitRule,
  depthLimitRule,
  directiveLimitRule,
  fragmentsIn,
  pageDefaultsOf,
  queryCost,
  resultCost,
} from "@/graphql/limits";

const schema = buildSchema(typeDefs);

function operation(query: string) {
  const document = parse(query);
  const op = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
  return { op, fragments: fragmentsIn(document) };
}

function costOf(query: string, variables: Record<string, unknown> = {}) {
  const { op, fragments } = operation(query);
  return queryCost(op, fragments, variables);
}

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

  it("charges for __typename and introspection fields too", () => {
    expect(costOf("{ __typename }")).toBe(1);
    const many = `{ ${Array.from({ length: 500 }, () => "__typename").join(" ")} }`;
    expect(costOf(many)).toBe(500);
    expect(errorsOf(many, [costLimitRule(499)])).toEqual([
      { code: "QUERY_TOO_COSTLY", message: "Query costs 500; the limit is 499." },
    ]);
    expect(costOf("{ __schema { types { name fields { name } } } }")).toBe(5);
  });

  it("multiplies what is inside a page by first: or last:, also through variables", () => {
    const query = "query($n: Int) { viewer { customer { orders(first: $n) { edges { node { id } } } } } }";
    // viewer + customer + orders + n × (edges + node + id)
    expect(costOf(query, { n: 10 })).toBe(3 + 10 * 3);
    expect(costOf(query)).toBe(3 + 100 * 3);
    expect(costOf("{ viewer { customer { orders(last: 7) { edges { node { id } } } } } }")).toBe(3 + 7 * 3);
  });

  it("counts a page the query does not size at the schema's default page size", () => {
    const { op, fragments } = operation("{ viewer { customer { orders { edges { node { id } } } } } }");
    // orders(first: Int = 20)
    expect(queryCost(op, fragments, {}, pageDefaultsOf(schema))).toBe(3 + 20 * 3);
    expect(errorsOf("{ viewer { customer { orders { edges { node { id } } } } } }", [costLimitRule(62)])[0]?.code).toBe(
      "QUERY_TOO_COSTLY",
    );
  });

  it("refuses more directives than the limit with one error", () => {
    const ten = Array.from({ length: 10 }, (_, i) => `@d${i}`).join(" ");
    const eleven = `${ten} @include(if: true)`;
    const count = (q: string) => validate(schema, parse(q), [directiveLimitRule(10)]).map((e) => e.extensions.code);
    expect(count(`{ viewer ${ten} { isSignedIn } }`)).toEqual([]);
    expect(count(`{ viewer ${eleven} { isSignedIn } }`)).toEqual(["TOO_MANY_DIRECTIVES"]);
    // Directives in fragments count as well.
    expect(count(`{ viewer { ...F } } fragment F on Viewer ${ten} { isSignedIn @skip(if: false) }`)).toEqual([
      "TOO_MANY_DIRECTIVES",
    ]);
  });

  it("caps the number of errors, the last saying how many were left out", () => {
    const make = (left: number) => `+${left}`;
    expect(capErrors(["a", "b"], 3, make)).toEqual(["a", "b"]);
    expect(capErrors(["a", "b", "c"], 3, make)).toEqual(["a", "b", "c"]);
    expect(capErrors(["a", "b", "c", "d", "e"], 3, make)).toEqual(["a", "b", "+3"]);
  });

  it("counts the actual cost on the result: lists by their real length, each key once", () => {
    const query = `query {
      viewer { isSignedIn customer { orders(first: 50) { edges { node { id ...O } } } } }
    }
    fragment O on Order { id number }`;
    const { op, fragments } = operation(query);
    const data = {
      viewer: {
        isSignedIn: true,
        customer: { orders: { edges: [{ node: { id: "1", number: "A" } }, { node: { id: "2", number: "B" } }] } },
      },
    };
    // viewer, isSignedIn, customer, orders, edges + 2 × (node + id + number)
    expect(resultCost(op, fragments, data)).toBe(5 + 2 * 3);
    expect(resultCost(op, fragments, { viewer: { isSignedIn: false, customer: null } })).toBe(3);
    expect(resultCost(op, fragments, null)).toBe(0);
    expect(queryCost(op, fragments)).toBeGreaterThan(resultCost(op, fragments, data));
  });
});
