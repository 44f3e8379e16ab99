import "server-only";
import countries from "i18n-iso-countries";
import en from "i18n-iso-countries/langs/en.json";
import type { CountryOption } from "./correction-options";

// Country names for the address form, read on the server so the list of names is not
// part of the client bundle (the page passes the options to the form).
countries.registerLocale(en);

let options: CountryOption[] | null = null;

// ISO 3166-1 alpha-2 codes with their English names, in alphabetical order of name.
export function countryOptions(): CountryOption[] {
  options ??= Object.entries(countries.getNames("en"))
    .map(([code, name]) => ({ code, name }))
    .sort((a, b) => a.name.localeCompare(b.name, "en"));
  return options;
}

export function countryNameOf(code: string): string {
  return countries.getName(code, "en") ?? code;
}
