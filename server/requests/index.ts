import type { ShopProfile } from "../tenants/profile-schema";
import { hasHolidayData, type RequestDeadlines, requestDeadlines, timeZoneOf } from "./deadline";

export * from "./deadline";

// A shop's rule for answering rights requests, from its profile: the period, the
// extension, and the country whose public holidays (and time zone) decide the dates.
export function deadlineRule(profile: ShopProfile) {
  const country = profile.requests.holidayCountry ?? profile.controllers[0].country;
  return {
    period: profile.requests.responseDeadline,
    extension: profile.requests.extension,
    country,
    timeZone: timeZoneOf(country),
    holidaysKnown: hasHolidayData(country),
  };
}

// The due dates of a request received at `receivedAt` in this shop.
export function shopRequestDeadlines(profile: ShopProfile, receivedAt: Date): RequestDeadlines {
  return requestDeadlines(deadlineRule(profile), receivedAt);
}

// The due dates with the rule that made them, as the API shows them.
export function dueDatesView(profile: ShopProfile, receivedAt: Date) {
  const rule = deadlineRule(profile);
  const dates = shopRequestDeadlines(profile, receivedAt);
  return {
    receivedOn: dates.receivedOn,
    dueOn: dates.dueOn,
    extendedDueOn: dates.extendedDueOn,
    holidayCountry: rule.country,
    timeZone: rule.timeZone,
    holidaysKnown: rule.holidaysKnown,
  };
}
