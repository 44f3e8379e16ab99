import { afterEach, describe, expect, it } from "vitest";
import { isWorkingDay, requestDeadlines, shopRequestDeadlines } from "@/server/requests";
import { getShopProfile } from "@/server/tenants";
import { shopProfileSchema } from "@/server/tenants/profile-schema";
import { gql } from "../support/graphql";

// The legal due date of a request, as each shop's profile and its controller's country
// make it (server/requests/deadline.ts; the counting itself is unit-tested in
// test/unit/request-deadline.test.ts): published on the policy through the API.

const QUERY = `query($handle: String!) { shop(handle: $handle) { policy { requests {
  responseDeadline { text workingDays } extension { text workingDays }
  dueDatesIfAskedNow { receivedOn dueOn extendedDueOn holidayCountry timeZone holidaysKnown } } } } }`;

type Dates = {
  receivedOn: string;
  dueOn: string;
  extendedDueOn: string | null;
  holidayCountry: string;
  timeZone: string;
  holidaysKnown: boolean;
};
type Requests = {
  responseDeadline: { text: string; workingDays: number };
  extension: { text: string; workingDays: number } | null;
  dueDatesIfAskedNow: Dates;
};

async function requestsOf(handle: string): Promise<Requests> {
  const result = await gql(QUERY, { handle });
  expect(result.errors).toBeUndefined();
  return (result.data as { shop: { policy: { requests: Requests } } }).shop.policy.requests;
}

describe("due dates of a request made now", () => {
  const saved = structuredClone(getShopProfile("allegra")?.requests);
  afterEach(() => {
    const profile = getShopProfile("allegra");
    if (profile && saved) profile.requests = structuredClone(saved);
  });

  it.each([
    ["almaz", "RO", "Europe/Bucharest"],
    ["crystalline", "BG", "Europe/Sofia"],
    ["micro-image", "RO", "Europe/Bucharest"],
    ["allegra", "GR", "Europe/Athens"],
  ])("%s counts in %s's calendar and time zone", async (handle, country, timeZone) => {
    const before = new Date();
    const { dueDatesIfAskedNow: dates, responseDeadline } = await requestsOf(handle);
    const profile = getShopProfile(handle);
    if (!profile) throw new Error(`no profile ${handle}`);
    expect(dates).toMatchObject({ holidayCountry: country, timeZone, holidaysKnown: true });
    expect(responseDeadline).toEqual({ text: "1 month", workingDays: 0 });
    // The same as the engine for this moment (or the moment just before, across midnight).
    const expected = [before, new Date()].map((at) => shopRequestDeadlines(profile, at));
    expect(expected.map((e) => e.dueOn)).toContain(dates.dueOn);
    expect(dates.dueOn > dates.receivedOn).toBe(true);
    expect(isWorkingDay(dates.dueOn, country)).toBe(true);
    expect(dates.extendedDueOn && dates.extendedDueOn > dates.dueOn).toBe(true);
    if (dates.extendedDueOn) expect(isWorkingDay(dates.extendedDueOn, country)).toBe(true);
  });

  it("takes a period in working days, another country's holidays and no extension from the profile", async () => {
    const profile = getShopProfile("allegra");
    if (!profile) throw new Error("no allegra profile");
    const requests = shopProfileSchema.shape.requests.parse({
      ...profile.requests,
      responseDeadline: { workingDays: 10 },
      extension: null,
      holidayCountry: "RO",
    });
    profile.requests = requests;
    const shown = await requestsOf("allegra");
    expect(shown.responseDeadline).toEqual({ text: "10 working days", workingDays: 10 });
    expect(shown.extension).toBeNull();
    expect(shown.dueDatesIfAskedNow).toMatchObject({
      holidayCountry: "RO",
      timeZone: "Europe/Bucharest",
      extendedDueOn: null,
    });
    const { dueOn } = requestDeadlines(
      { period: { workingDays: 10 }, extension: null, country: "RO" },
      new Date(`${shown.dueDatesIfAskedNow.receivedOn}T12:00:00Z`),
    );
    expect(shown.dueDatesIfAskedNow.dueOn).toBe(dueOn);
  });

  it("refuses a period that is neither calendar time nor working days", () => {
    const profile = getShopProfile("allegra");
    if (!profile) throw new Error("no allegra profile");
    for (const responseDeadline of [{ workingDays: 0 }, { weeks: 2 }, {}, { workingDays: 5, days: 2 }]) {
      expect(
        shopProfileSchema.shape.requests.safeParse({ ...profile.requests, responseDeadline }).success,
        JSON.stringify(responseDeadline),
      ).toBe(false);
    }
  });
});
