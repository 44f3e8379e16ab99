"use server";

import {
  isGender,
  isPhoneKind,
  type PhoneRow,
  type ProfileValues,
  profileValues,
} from "@/components/correction-options";
import { execute } from "@/graphql/execute";
import { graphql } from "@/graphql/generated/client";

const ProfileBeforeQuery = graphql(`
  query ProfileBeforeCorrection {
    viewer {
      shop { policy { recipients { key } } }
      customer { firstName lastName alias dateOfBirth gender hometown phones { kind number isPrimary } }
    }
  }
`);

const CustomerUpdateMutation = graphql(`
  mutation CorrectMyDetails($input: CustomerUpdateInput!) {
    customerUpdate(input: $input) {
      customer { firstName lastName alias dateOfBirth gender hometown phones { kind number isPrimary } }
      userErrors { field code message }
    }
  }
`);

export type ProfileState = {
  // Changes with every answer, so the form is rebuilt from `values`.
  submission: number;
  fieldErrors: Record<string, string>;
  formError: string | null;
  // "corrected" after a change was stored, "unchanged" when there was nothing to change.
  outcome: "corrected" | "unchanged" | null;
  hasRecipients: boolean;
  // What was typed when refused; what is stored after a success.
  values: ProfileValues;
};

const text = (form: FormData, name: string) => String(form.get(name) ?? "");

// The phone rows in the order the form lists them; rows left blank are dropped.
function readPhones(form: FormData): PhoneRow[] {
  const primary = text(form, "primaryPhone");
  const rows: PhoneRow[] = [];
  for (const name of form.keys()) {
    const match = /^phones\.([A-Za-z0-9_-]{1,20})\.number$/.exec(name);
    if (!match) continue;
    const key = match[1];
    const kind = text(form, `phones.${key}.kind`);
    rows.push({
      key,
      kind: isPhoneKind(kind) ? kind : "MOBILE",
      number: text(form, name).trim(),
      isPrimary: primary === key,
    });
  }
  return rows.filter((row) => row.number !== "");
}

// Compares what matters to the person: the phones as a set, the rest as values.
function snapshot(values: ProfileValues): string {
  const phones = values.phones.map((p) => [p.number, p.kind, p.isPrimary]).sort();
  return JSON.stringify({ ...values, phones });
}

export async function correctProfileAction(previous: ProfileState, form: FormData): Promise<ProfileState> {
  const gender = text(form, "gender");
  const values: ProfileValues = {
    firstName: text(form, "firstName"),
    lastName: text(form, "lastName"),
    alias: text(form, "alias"),
    dateOfBirth: text(form, "dateOfBirth").trim(),
    gender: isGender(gender) ? gender : "",
    hometown: text(form, "hometown"),
    phones: readPhones(form),
  };
  const refused = (fieldErrors: Record<string, string>, formError: string | null): ProfileState => ({
    submission: previous.submission + 1,
    fieldErrors,
    formError,
    outcome: null,
    hasRecipients: previous.hasRecipients,
    values,
  });
  if (gender !== "" && !isGender(gender)) return refused({ gender: "Choose one of the options." }, null);

  const { viewer } = await execute(ProfileBeforeQuery, {});
  const { customerUpdate } = await execute(CustomerUpdateMutation, {
    input: {
      firstName: values.firstName,
      lastName: values.lastName,
      alias: values.alias,
      dateOfBirth: values.dateOfBirth || null,
      gender: values.gender || null,
      hometown: values.hometown,
      phones: values.phones.map((p) => ({ kind: p.kind, number: p.number, isPrimary: p.isPrimary })),
    },
  });

  if (customerUpdate.customer) {
    const stored = profileValues(customerUpdate.customer);
    const before = viewer.customer ? snapshot(profileValues(viewer.customer)) : null;
    return {
      submission: previous.submission + 1,
      fieldErrors: {},
      formError: null,
      outcome: before === snapshot(stored) ? "unchanged" : "corrected",
      hasRecipients: (viewer.shop?.policy.recipients.length ?? 0) > 0,
      values: stored,
    };
  }

  // Paths name the GraphQL argument: ["input", "dateOfBirth"], ["input", "phones", "0",
  // "number"]. A phone's index is turned into its row's key, which the form uses.
  const fieldErrors: Record<string, string> = {};
  let formError: string | null = null;
  for (const e of customerUpdate.userErrors) {
    const [, field, index, part] = e.field ?? [];
    let name: string | null = field ?? null;
    if (field === "phones" && index !== undefined) {
      const row = values.phones[Number(index)];
      name = row ? `phones.${row.key}.${part === "isPrimary" ? "number" : (part ?? "number")}` : "phones";
    }
    if (name && !fieldErrors[name]) fieldErrors[name] = e.message;
    else if (!name) formError = e.message;
  }
  return refused(fieldErrors, formError);
}
