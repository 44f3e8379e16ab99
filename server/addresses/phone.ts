import "server-only";
import { type CountryCode, parsePhoneNumberFromString } from "libphonenumber-js";
import type { ShopRef } from "../tenants";

// Numbers written without a country prefix are read as numbers of the shop's country:
// the first controller's, from the profile.
export function shopDefaultCountry(shop: ShopRef): CountryCode {
  return shop.profile.controllers[0].country as CountryCode;
}

// The number in E.164 (+40712345678), or null when it is not a valid phone number.
export function toE164(number: string, defaultCountry: string): string | null {
  const parsed = parsePhoneNumberFromString(number, defaultCountry as CountryCode);
  return parsed?.isValid() ? parsed.number : null;
}

export const PHONE_MESSAGE = "Enter a valid phone number, with the country code if it is from another country.";
