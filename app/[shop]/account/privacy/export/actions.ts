"use server";

import { revalidatePath } from "next/cache";
import { DEFAULT_EXPORT_VALUES, type ExportFormatKey, type ExportRequestValues } from "@/components/export-options";
import { execute } from "@/graphql/execute";
import { graphql } from "@/graphql/generated/client";

const ExportCategoriesQuery = graphql(`
  query ExportCategoryKeys {
    viewer { customer { dataCategories { key datasets { id } } } }
  }
`);

const ExportCreateMutation = graphql(`
  mutation ExportCreate($input: ExportCreateInput!) {
    exportCreate(input: $input) {
      export { id format createdAt }
      isExisting
      userErrors { field code message }
    }
  }
`);

export type ExportRequestState = {
  // Changes with every answer, so the form is rebuilt from `values`.
  submission: number;
  // "created": a new export was queued; "existing": one was already on its way.
  outcome: "created" | "existing" | null;
  // The export the answer is about (the new one, or the one already on its way).
  export: { format: string; createdAt: string } | null;
  fieldErrors: Record<string, string>;
  formError: string | null;
  // What was chosen when refused; the defaults again after a success.
  values: ExportRequestValues;
};

const text = (form: FormData, name: string) => String(form.get(name) ?? "").trim();

export async function requestExportAction(
  shop: string,
  previous: ExportRequestState,
  form: FormData,
): Promise<ExportRequestState> {
  const format: ExportFormatKey = text(form, "format") === "CSV" ? "CSV" : "JSON";
  const chosen = [...new Set(form.getAll("categories").map(String))];
  const values: ExportRequestValues = { format, categories: chosen, from: text(form, "from"), to: text(form, "to") };
  const refused = (fieldErrors: Record<string, string>, formError: string | null): ExportRequestState => ({
    submission: previous.submission + 1,
    outcome: null,
    export: null,
    fieldErrors,
    formError,
    values,
  });
  // Nothing ticked would mean "everything" to the API: ask rather than guess.
  if (chosen.length === 0) return refused({ categories: "Choose at least one kind of data." }, null);

  // Every category ticked is sent as none, which means "everything": the history then
  // says so, and the export includes any category added before it is prepared.
  const { viewer } = await execute(ExportCategoriesQuery, {});
  // The same categories as the form offers: those that hold records.
  const offered = viewer.customer?.dataCategories.filter((c) => c.datasets.length > 0).map((c) => c.key) ?? [];
  const isEverything = offered.length > 0 && offered.every((key) => chosen.includes(key));
  if (isEverything) values.categories = null;

  const { exportCreate: result } = await execute(ExportCreateMutation, {
    input: {
      format,
      categories: isEverything ? null : chosen,
      from: values.from || null,
      to: values.to || null,
    },
  });
  if (result.export) {
    revalidatePath(`/${shop}/account/privacy/export`);
    return {
      submission: previous.submission + 1,
      outcome: result.isExisting ? "existing" : "created",
      export: { format: result.export.format, createdAt: result.export.createdAt },
      fieldErrors: {},
      formError: null,
      values: DEFAULT_EXPORT_VALUES,
    };
  }
  // Paths name the GraphQL argument: ["input", "from"], ["input", "categories", "0"].
  const fieldErrors: Record<string, string> = {};
  let formError: string | null = null;
  for (const e of result.userErrors) {
    const field = e.field?.[1];
    if (field && !fieldErrors[field]) fieldErrors[field] = e.message;
    else if (!field) formError = e.message;
  }
  return refused(fieldErrors, formError);
}
