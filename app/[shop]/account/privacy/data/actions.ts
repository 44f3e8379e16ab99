"use server";

import type { LoadedDataset } from "@/components/category-records";
import { execute } from "@/graphql/execute";
import { graphql } from "@/graphql/generated/client";

const RevealMutation = graphql(`
  mutation DataReveal($input: DataRevealInput!) {
    dataReveal(input: $input) {
      value
      userErrors { message }
    }
  }
`);

export async function revealAction(recordId: string, field: string) {
  const { dataReveal } = await execute(RevealMutation, { input: { recordId, field } });
  return { value: dataReveal.value ?? null, error: dataReveal.userErrors[0]?.message ?? null };
}

const PREVIEW = 5;

const CategoryRecordsQuery = graphql(`
  query CategoryRecords($ids: [ID!]!, $first: Int!) {
    viewer {
      customer {
        datasets(ids: $ids) {
          id
          label
          count
          isCountExact
          fields { key label source isSensitive }
          records(first: $first) { edges { node { id keptUntil values { field value isMasked } } } }
        }
      }
    }
  }
`);

export async function loadRecordsAction(ids: string[]): Promise<LoadedDataset[]> {
  const { viewer } = await execute(CategoryRecordsQuery, { ids: ids.slice(0, 50), first: PREVIEW });
  const datasets = (viewer.customer?.datasets ?? []).map(({ records, ...dataset }) => ({
    ...dataset,
    records: records.edges.map((e) => e.node),
  }));
  // GraphQL results are null-prototype objects, which cannot cross to the browser as is.
  return JSON.parse(JSON.stringify(datasets)) as LoadedDataset[];
}
