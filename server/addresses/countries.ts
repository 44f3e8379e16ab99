import "server-only";
import countries from "i18n-iso-countries";
import en from "i18n-iso-countries/langs/en.json";

countries.registerLocale(en);

// ISO 3166-1 alpha-2 only (the library also accepts alpha-3 and numeric codes).
export function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && countries.isValid(code);
}

export function countryName(code: string): string {
  return countries.getName(code, "en") ?? code;
}
