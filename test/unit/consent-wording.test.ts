import { readFileSync } from "node:fs";
import path from "node:path";
import { buildSchema, type GraphQLEnumType } from "graphql";
import { describe, expect, it } from "vitest";
import { CONSENT_OPT_IN_TEXT, CONSENT_SOURCE_TEXT, CONSENT_STATE_TEXT } from "@/components/policy-wording";
import { ConsentSource } from "@/server/db/generated/enums";

// Every consent source the database or the API can return has words for people.
const schema = buildSchema(readFileSync(path.join(__dirname, "../../graphql/schema.graphql"), "utf8"));
const values = (name: string) => (schema.getType(name) as GraphQLEnumType).getValues().map((v) => v.name);

describe("consent wording", () => {
  it("words every source, in the database and in the API alike", () => {
    expect(Object.keys(CONSENT_SOURCE_TEXT).sort()).toEqual(Object.values(ConsentSource).sort());
    expect(values("ConsentSource").sort()).toEqual(Object.values(ConsentSource).sort());
  });

  it("words every state and opt-in level", () => {
    expect(Object.keys(CONSENT_STATE_TEXT).sort()).toEqual(values("ConsentState").sort());
    expect(Object.keys(CONSENT_OPT_IN_TEXT).sort()).toEqual(values("ConsentOptInLevel").sort());
  });
});
