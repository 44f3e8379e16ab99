// The choices of the "Correct my data" forms, shared by the forms (client) and their
// server actions, which check what the browser sent against the same lists.

export type GenderValue = "FEMALE" | "MALE" | "NON_BINARY" | "UNDISCLOSED";
export type PhoneKindValue = "MOBILE" | "HOME" | "WORK";

// "" is "not given": the field is cleared.
export const GENDER_OPTIONS: { value: GenderValue | ""; label: string }[] = [
  { value: "", label: "Not given" },
  { value: "FEMALE", label: "Female" },
  { value: "MALE", label: "Male" },
  { value: "NON_BINARY", label: "Non-binary" },
  { value: "UNDISCLOSED", label: "Prefer not to say" },
];

export const PHONE_KIND_OPTIONS: { value: PhoneKindValue; label: string }[] = [
  { value: "MOBILE", label: "Mobile" },
  { value: "HOME", label: "Home" },
  { value: "WORK", label: "Work" },
];

export const MAX_PHONES = 10;

export function isGender(value: string): value is GenderValue {
  return GENDER_OPTIONS.some((o) => o.value !== "" && o.value === value);
}

export function isPhoneKind(value: string): value is PhoneKindValue {
  return PHONE_KIND_OPTIONS.some((o) => o.value === value);
}

export function genderLabel(value: string | null | undefined): string {
  return GENDER_OPTIONS.find((o) => o.value === (value ?? ""))?.label ?? "Not given";
}

export function phoneKindLabel(value: string): string {
  return PHONE_KIND_OPTIONS.find((o) => o.value === value)?.label ?? value;
}

export type PhoneRow = { key: string; kind: PhoneKindValue; number: string; isPrimary: boolean };

export type ProfileValues = {
  firstName: string;
  lastName: string;
  alias: string;
  dateOfBirth: string;
  gender: GenderValue | "";
  hometown: string;
  phones: PhoneRow[];
};

// The page's query and the action's payload as the form's values (stored phones get
// fresh row keys; "" stands for "not given").
export function profileValues(customer: {
  firstName: string;
  lastName: string;
  alias?: string | null;
  dateOfBirth?: string | null;
  gender?: string | null;
  hometown?: string | null;
  phones: { kind: string; number: string; isPrimary: boolean }[];
}): ProfileValues {
  return {
    firstName: customer.firstName,
    lastName: customer.lastName,
    alias: customer.alias ?? "",
    dateOfBirth: customer.dateOfBirth ?? "",
    gender: customer.gender && isGender(customer.gender) ? customer.gender : "",
    hometown: customer.hometown ?? "",
    phones: customer.phones.map((p, i) => ({
      key: `p${i}`,
      kind: isPhoneKind(p.kind) ? p.kind : "MOBILE",
      number: p.number,
      isPrimary: p.isPrimary,
    })),
  };
}

export type AddressValues = {
  label: string;
  recipientName: string;
  line1: string;
  line2: string;
  city: string;
  region: string;
  postalCode: string;
  country: string;
  phone: string;
  isDefaultShipping: boolean;
  isDefaultBilling: boolean;
};

export type CountryOption = { code: string; name: string };
