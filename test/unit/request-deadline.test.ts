import { describe, expect, it } from "vitest";
import {
  canStillExtend,
  dueDate,
  hasHolidayData,
  isWorkingDay,
  localDateOf,
  nextWorkingDay,
  orthodoxEaster,
  publicHolidays,
  requestDeadlines,
  timeZoneOf,
  westernEaster,
} from "@/server/requests/deadline";

// Every weekday named in a comment below was checked with
// `new Date("YYYY-MM-DDT12:00:00Z").getUTCDay()`.
const oneMonth = { months: 1 };

describe("due dates: the ICO's worked examples (UK GDPR right of access, 'Time limits for responding')", () => {
  // ICO: "if an organisation receives a request on 3 September ... This gives the organisation until 3 October".
  it("3 September → 3 October", () => {
    // 3 Sep 2024 is a Tuesday, 3 Oct 2024 a Thursday: no weekend or bank holiday in the way.
    expect(dueDate("2024-09-03", oneMonth, "GB")).toBe("2024-10-03");
  });

  // ICO: "If this is not possible because the following month is shorter (and there is no corresponding
  // calendar date), the date for response is the last day of the following month."
  it("31 March → 30 April (there is no 31 April)", () => {
    // 31 Mar 2025 Monday → 30 Apr 2025 Wednesday (GB Easter 2025: 18 and 21 April, not in the way).
    expect(dueDate("2025-03-31", oneMonth, "GB")).toBe("2025-04-30");
  });

  // ICO: "If the corresponding date falls on a weekend or a public holiday, you have until the next working day".
  it("a due date on a Saturday or a Sunday moves to the Monday", () => {
    // 5 Sep 2026 is a Saturday → Monday 7 Sep (the summer bank holiday was 31 Aug).
    expect(dueDate("2026-08-05", oneMonth, "GB")).toBe("2026-09-07");
    // 4 Oct 2026 is a Sunday → Monday 5 Oct.
    expect(dueDate("2026-09-04", oneMonth, "GB")).toBe("2026-10-05");
  });

  // ICO: "calculate the time limit from the day you receive the request ... (whether it is a working day or not)".
  it("counts from the day of receipt even when that is not a working day", () => {
    // Received Saturday 3 Oct 2026 → Tuesday 3 Nov 2026 (not 5 Nov, as it would be from Monday 5 Oct).
    expect(dueDate("2026-10-03", oneMonth, "GB")).toBe("2026-11-03");
  });

  it("moves a due date on an England and Wales bank holiday", () => {
    // Easter Monday 6 Apr 2026 (Western Easter 5 Apr) → Tuesday 7 Apr; in Romania that Monday is a working day.
    expect(dueDate("2026-03-06", oneMonth, "GB")).toBe("2026-04-07");
    expect(dueDate("2026-03-06", oneMonth, "RO")).toBe("2026-04-06");
  });

  it("moves through a chain of bank holidays and a weekend, with substitute days", () => {
    // 25 Dec 2021 Saturday, 26 Sunday; substitutes Monday 27 (Christmas) and Tuesday 28 (Boxing Day) → Wednesday 29.
    expect(dueDate("2021-11-25", oneMonth, "GB")).toBe("2021-12-29");
    // 25 Dec 2026 Friday (Christmas), 26 Saturday, 27 Sunday, Monday 28 is the Boxing Day substitute → Tuesday 29.
    expect(dueDate("2026-11-25", oneMonth, "GB")).toBe("2026-12-29");
  });

  // ICO: "You should calculate the extension as three months from the original start date".
  it("extends to three months from receipt", () => {
    // 2024-09-02T23:30Z is 00:30 on 3 Sep 2024 in London (BST). 3 Dec 2024 is a Tuesday.
    expect(
      requestDeadlines({ period: oneMonth, extension: { months: 2 }, country: "GB" }, new Date("2024-09-02T23:30:00Z")),
    ).toEqual({
      receivedOn: "2024-09-03",
      dueOn: "2024-10-03",
      extendedDueOn: "2024-12-03",
      extensionAnnounceBy: "2024-10-03",
    });
  });
});

describe("due dates: Regulation (EEC, Euratom) No 1182/71, Article 3", () => {
  // Art. 3(2)(c): a period in months ends on the day of the last month that falls on the same date as the day
  // from which it runs; if that day does not occur in the last month, on the last day of that month.
  it("a period in months ends on the same date of the last month", () => {
    // 15 Jun 2026 Monday → 15 Jul 2026 Wednesday.
    expect(dueDate("2026-06-15", oneMonth, "RO")).toBe("2026-07-15");
    expect(dueDate("2026-06-15", { months: 3 }, "RO")).toBe("2026-09-15");
  });

  it("without that date, on the last day of the month (end of month and leap years)", () => {
    // 28 Feb 2025 Friday; 29 Feb 2024 Thursday.
    expect(dueDate("2025-01-31", oneMonth, "RO")).toBe("2025-02-28");
    expect(dueDate("2024-01-31", oneMonth, "RO")).toBe("2024-02-29");
    // 30 Apr 2026 Thursday.
    expect(dueDate("2026-03-31", oneMonth, "RO")).toBe("2026-04-30");
  });

  it("from a leap day", () => {
    // 29 Mar 2024 is a Friday and a working day in Romania (Orthodox Easter 2024 was 5 May).
    expect(dueDate("2024-02-29", oneMonth, "RO")).toBe("2024-03-29");
    // In England it is Good Friday (Western Easter 31 Mar 2024): Sat 30, Sun 31, Easter Monday 1 Apr → Tuesday 2 Apr.
    expect(dueDate("2024-02-29", oneMonth, "GB")).toBe("2024-04-02");
    // No 29 Feb in 2025: the last day of February, 28 Feb 2025, a Friday.
    expect(dueDate("2024-02-29", { months: 12 }, "RO")).toBe("2025-02-28");
    expect(dueDate("2024-02-29", { years: 1 }, "RO")).toBe("2025-02-28");
  });

  // Art. 3(4): a period whose last day is a public holiday, Sunday or Saturday ends on the following working day.
  it("a period ending on a public holiday of Romania ends on the next working day", () => {
    // Received Sunday 1 Nov 2026; 1 Dec 2026 (Tuesday) is the National Day → Wednesday 2 Dec.
    expect(dueDate("2026-11-01", oneMonth, "RO")).toBe("2026-12-02");
    // 30 Nov 2026 (Monday, St Andrew) and 1 Dec (National Day) → Wednesday 2 Dec.
    expect(dueDate("2026-10-30", oneMonth, "RO")).toBe("2026-12-02");
    // 15 Aug 2026 is a Saturday and the Dormition: Monday 17 Aug.
    expect(dueDate("2026-07-15", oneMonth, "RO")).toBe("2026-08-17");
    // Orthodox Easter Monday 13 Apr 2026 → Tuesday 14 Apr; in England a working day.
    expect(dueDate("2026-03-13", oneMonth, "RO")).toBe("2026-04-14");
    expect(dueDate("2026-03-13", oneMonth, "GB")).toBe("2026-04-13");
  });

  it("… of Greece", () => {
    // 28 Oct 2026 (Wednesday, Ochi Day) → Thursday 29 Oct; in Romania a working day.
    expect(dueDate("2026-09-28", oneMonth, "GR")).toBe("2026-10-29");
    expect(dueDate("2026-09-28", oneMonth, "RO")).toBe("2026-10-28");
    // Orthodox Easter Monday 13 Apr 2026.
    expect(dueDate("2026-03-13", oneMonth, "GR")).toBe("2026-04-14");
  });

  it("… of Bulgaria, including a holiday on a Sunday moved to the Monday", () => {
    // 3 Mar 2026 (Tuesday, Liberation Day) → Wednesday 4 Mar.
    expect(dueDate("2026-02-03", oneMonth, "BG")).toBe("2026-03-04");
    // 24 May 2026 is a Sunday, so Monday 25 May is the day off → Tuesday 26 May.
    expect(dueDate("2026-04-24", oneMonth, "BG")).toBe("2026-05-26");
    // Orthodox Easter Monday 13 Apr 2026.
    expect(dueDate("2026-03-13", oneMonth, "BG")).toBe("2026-04-14");
  });

  it("calendar days: received + N days, then to a working day", () => {
    // 24 Apr 2026 + 7 days = Friday 1 May (Labour Day in Romania), weekend → Monday 4 May.
    expect(dueDate("2026-04-24", { days: 7 }, "RO")).toBe("2026-05-04");
    // 2 Jan 2026 + 45 days = Monday 16 Feb.
    expect(dueDate("2026-01-02", { days: 45 }, "RO")).toBe("2026-02-16");
  });
});

describe("due dates in working days", () => {
  it("counts ten working days from a Friday receipt", () => {
    // Friday 9 Jan 2026: 12–16 Jan are days 1–5, 19–23 Jan days 6–10.
    expect(dueDate("2026-01-09", { workingDays: 10 }, "GB")).toBe("2026-01-23");
    expect(dueDate("2026-01-09", { workingDays: 1 }, "GB")).toBe("2026-01-12");
  });

  it("skips public holidays", () => {
    // Friday 27 Nov 2026; 30 Nov and 1 Dec are Romanian holidays: 2–4, 7–11, 14, 15 Dec → Tuesday 15 Dec.
    expect(dueDate("2026-11-27", { workingDays: 10 }, "RO")).toBe("2026-12-15");
    // Without holiday data only weekends are skipped: 30 Nov – 4 Dec, 7–11 Dec → Friday 11 Dec.
    expect(dueDate("2026-11-27", { workingDays: 10 }, "XX")).toBe("2026-12-11");
  });

  it("never counts the day of receipt, even when it is a holiday", () => {
    // Received on the National Day, Tuesday 1 Dec 2026: 2, 3, 4, 7, 8 Dec → Tuesday 8 Dec.
    expect(dueDate("2026-12-01", { workingDays: 5 }, "RO")).toBe("2026-12-08");
    // Received on Christmas Day, Friday 25 Dec 2026; Monday 28 is a bank holiday: 29, 30, 31 Dec.
    expect(dueDate("2026-12-25", { workingDays: 3 }, "GB")).toBe("2026-12-31");
  });
});

describe("a country without holiday data", () => {
  it("has no holidays and only weekends move the date", () => {
    expect(hasHolidayData("XX")).toBe(false);
    expect(publicHolidays("XX", 2026).size).toBe(0);
    expect(timeZoneOf("XX")).toBe("UTC");
    // Christmas 2026 is a Friday: it stays.
    expect(dueDate("2026-11-25", oneMonth, "XX")).toBe("2026-12-25");
    expect(isWorkingDay("2026-12-25", "XX")).toBe(true);
    // 4 Jul 2026 is a Saturday → Monday 6 Jul.
    expect(dueDate("2026-06-04", oneMonth, "XX")).toBe("2026-07-06");
    // 2 Jan 2026 + 30 days = Sunday 1 Feb → Monday 2 Feb.
    expect(dueDate("2026-01-02", { days: 30 }, "XX")).toBe("2026-02-02");
  });
});

describe("requestDeadlines", () => {
  it("takes the receipt date in the controller's time zone", () => {
    // 2026-03-31T22:30Z is already 1 Apr (01:30 EEST, UTC+3) in Bucharest.
    // 1 May 2026 is Labour Day (Friday), then the weekend → Monday 4 May. 1 Jul 2026 is a Wednesday.
    const rule = { period: oneMonth, extension: { months: 2 }, country: "RO" };
    expect(requestDeadlines(rule, new Date("2026-03-31T22:30:00Z"))).toEqual({
      receivedOn: "2026-04-01",
      dueOn: "2026-05-04",
      extendedDueOn: "2026-07-01",
      extensionAnnounceBy: "2026-05-04",
    });
    // 21:00Z is midnight in Bucharest; one minute before, it is still 31 March there:
    // 30 Apr 2026 is a Thursday, 30 Jun 2026 a Tuesday (no 31 June).
    expect(requestDeadlines(rule, new Date("2026-03-31T21:00:00Z")).receivedOn).toBe("2026-04-01");
    expect(requestDeadlines(rule, new Date("2026-03-31T20:59:00Z"))).toEqual({
      receivedOn: "2026-03-31",
      dueOn: "2026-04-30",
      extendedDueOn: "2026-06-30",
      extensionAnnounceBy: "2026-04-30",
    });
    // An explicit time zone wins over the country's.
    expect(requestDeadlines({ ...rule, timeZone: "UTC" }, new Date("2026-03-31T22:30:00Z")).receivedOn).toBe(
      "2026-03-31",
    );
  });

  it("has no extended date without an extension", () => {
    expect(
      requestDeadlines({ period: oneMonth, extension: null, country: "GB" }, new Date("2024-09-03T09:00:00Z")),
    ).toEqual({
      receivedOn: "2024-09-03",
      dueOn: "2024-10-03",
      extendedDueOn: null,
      extensionAnnounceBy: "2024-10-03",
    });
  });

  it("adds months to months from the receipt, not from the moved first due date", () => {
    // 2026-01-30T22:30Z is 00:30 on Saturday 31 Jan 2026 in Bucharest (EET, UTC+2).
    // First period: 28 Feb 2026 (Saturday) → Monday 2 Mar.
    const receivedAt = new Date("2026-01-30T22:30:00Z");
    // 1 month + 2 months: 31 Jan + 3 months = 30 Apr 2026, a Thursday.
    expect(requestDeadlines({ period: oneMonth, extension: { months: 2 }, country: "RO" }, receivedAt)).toEqual({
      receivedOn: "2026-01-31",
      dueOn: "2026-03-02",
      extendedDueOn: "2026-04-30",
      extensionAnnounceBy: "2026-03-02",
    });
    // ALMAZ's rule, 1 month + 1 month: 31 Jan + 2 months = Tuesday 31 Mar 2026
    // (from 28 Feb it would be 28 Mar, a Saturday → 30 Mar).
    expect(requestDeadlines({ period: oneMonth, extension: oneMonth, country: "RO" }, receivedAt)).toEqual({
      receivedOn: "2026-01-31",
      dueOn: "2026-03-02",
      extendedDueOn: "2026-03-31",
      extensionAnnounceBy: "2026-03-02",
    });
  });

  it("adds calendar days to calendar days from the receipt (45 + 45 days, as under the CCPA)", () => {
    // 31 Dec 2025 + 45 days = Saturday 14 Feb 2026 → Monday 16 Feb; + 90 days = Tuesday 31 Mar 2026
    // (45 days from Monday 16 Feb would be Thursday 2 Apr).
    expect(
      requestDeadlines(
        { period: { days: 45 }, extension: { days: 45 }, country: "XX" },
        new Date("2025-12-31T12:00:00Z"),
      ),
    ).toEqual({
      receivedOn: "2025-12-31",
      dueOn: "2026-02-16",
      extendedDueOn: "2026-03-31",
      extensionAnnounceBy: "2026-02-16",
    });
  });

  it("counts a working-day extension from the first due date before it was moved", () => {
    // 2 Jan 2026 + 30 days = Sunday 1 Feb → due Monday 2 Feb. Ten working days after Sunday 1 Feb:
    // 2–6 and 9–13 Feb → Friday 13 Feb (after Monday 2 Feb it would be Monday 16 Feb).
    expect(
      requestDeadlines(
        { period: { days: 30 }, extension: { workingDays: 10 }, country: "XX" },
        new Date("2026-01-02T12:00:00Z"),
      ),
    ).toEqual({
      receivedOn: "2026-01-02",
      dueOn: "2026-02-02",
      extendedDueOn: "2026-02-13",
      extensionAnnounceBy: "2026-02-02",
    });
  });
});

describe("canStillExtend", () => {
  it("is true through the end of the due date in the controller's zone", () => {
    const deadlines = { dueOn: "2026-05-04" };
    // Bucharest is UTC+3 in May: 20:59Z is 23:59 on 4 May, 21:01Z is 00:01 on 5 May (still 4 May in UTC).
    expect(canStillExtend(deadlines, new Date("2026-05-04T08:00:00Z"), "Europe/Bucharest")).toBe(true);
    expect(canStillExtend(deadlines, new Date("2026-05-04T20:59:00Z"), "Europe/Bucharest")).toBe(true);
    expect(canStillExtend(deadlines, new Date("2026-05-04T21:01:00Z"), "Europe/Bucharest")).toBe(false);
    // London in December is UTC+0.
    const london = { dueOn: "2026-12-29" };
    expect(canStillExtend(london, new Date("2026-12-29T23:59:00Z"), "Europe/London")).toBe(true);
    expect(canStillExtend(london, new Date("2026-12-30T00:01:00Z"), "Europe/London")).toBe(false);
  });
});

describe("local dates and time zones", () => {
  it("gives the calendar date of an instant in a zone", () => {
    const instant = new Date("2026-03-31T22:30:00Z");
    expect(localDateOf(instant, "Europe/Bucharest")).toBe("2026-04-01");
    expect(localDateOf(instant, "Europe/Athens")).toBe("2026-04-01");
    expect(localDateOf(instant, "Europe/London")).toBe("2026-03-31");
    expect(localDateOf(instant, "UTC")).toBe("2026-03-31");
  });

  it("knows each country's zone", () => {
    expect(timeZoneOf("RO")).toBe("Europe/Bucharest");
    expect(timeZoneOf("BG")).toBe("Europe/Sofia");
    expect(timeZoneOf("GR")).toBe("Europe/Athens");
    expect(timeZoneOf("GB")).toBe("Europe/London");
  });
});

describe("Easter", () => {
  it("Orthodox Easter", () => {
    expect(orthodoxEaster(2024)).toBe("2024-05-05");
    expect(orthodoxEaster(2025)).toBe("2025-04-20");
    expect(orthodoxEaster(2026)).toBe("2026-04-12");
    expect(orthodoxEaster(2027)).toBe("2027-05-02");
  });

  it("Western Easter", () => {
    expect(westernEaster(2024)).toBe("2024-03-31");
    expect(westernEaster(2025)).toBe("2025-04-20");
    expect(westernEaster(2026)).toBe("2026-04-05");
    expect(westernEaster(2027)).toBe("2027-03-28");
  });
});

describe("public holidays", () => {
  const expectHolidays = (country: string, year: number, dates: string[]) => {
    const holidays = publicHolidays(country, year);
    for (const date of dates) {
      expect(holidays.has(date), `${country} ${date}`).toBe(true);
      expect(holidays.get(date)).toMatch(/\S/);
      expect(isWorkingDay(date, country), `${country} ${date}`).toBe(false);
    }
  };

  it("Romania", () => {
    expect(hasHolidayData("RO")).toBe(true);
    // Union Day, Orthodox Good Friday and Easter Monday, Labour Day, Children's Day and Pentecost Monday
    // (both 1 Jun 2026), Dormition, St Andrew, National Day, Christmas.
    expectHolidays("RO", 2026, [
      "2026-01-01",
      "2026-01-24",
      "2026-04-10",
      "2026-04-13",
      "2026-05-01",
      "2026-06-01",
      "2026-08-15",
      "2026-11-30",
      "2026-12-01",
      "2026-12-25",
      "2026-12-26",
    ]);
    // Western Easter Monday is a working day in Romania.
    expect(publicHolidays("RO", 2026).has("2026-04-06")).toBe(false);
    expect(isWorkingDay("2026-04-06", "RO")).toBe(true);
  });

  it("Greece", () => {
    expect(hasHolidayData("GR")).toBe(true);
    // Clean Monday (Orthodox Easter − 48 days), Independence Day, Orthodox Easter Monday, Ochi Day.
    expectHolidays("GR", 2026, ["2026-02-23", "2026-03-25", "2026-04-13", "2026-10-28"]);
  });

  it("Bulgaria, with a holiday on a Sunday moved to the Monday", () => {
    expect(hasHolidayData("BG")).toBe(true);
    // Liberation Day, St George's Day, Orthodox Easter Monday; 24 May 2026 is a Sunday.
    expectHolidays("BG", 2026, ["2026-03-03", "2026-05-06", "2026-04-13"]);
    expect(isWorkingDay("2026-05-24", "BG")).toBe(false);
    expect(isWorkingDay("2026-05-25", "BG")).toBe(false);
    expect(nextWorkingDay("2026-05-24", "BG")).toBe("2026-05-26");
  });

  it("England and Wales", () => {
    expect(hasHolidayData("GB")).toBe(true);
    // Good Friday, Easter Monday, early May, spring and summer bank holidays, Christmas and the Boxing Day substitute.
    expectHolidays("GB", 2026, [
      "2026-04-03",
      "2026-04-06",
      "2026-05-04",
      "2026-05-25",
      "2026-08-31",
      "2026-12-25",
      "2026-12-28",
    ]);
    // Orthodox Easter Monday is a working day in England.
    expect(isWorkingDay("2026-04-13", "GB")).toBe(true);
    // 2021: Christmas on a Saturday, Boxing Day on a Sunday → substitutes Monday 27 and Tuesday 28 Dec.
    expectHolidays("GB", 2021, ["2021-12-27", "2021-12-28"]);
    expect(isWorkingDay("2021-12-29", "GB")).toBe(true);
  });

  it("working days", () => {
    // A working day is its own next working day.
    expect(nextWorkingDay("2026-12-02", "RO")).toBe("2026-12-02");
    expect(isWorkingDay("2026-12-02", "RO")).toBe(true);
    // Saturday and Sunday are never working days.
    expect(isWorkingDay("2026-10-03", "GB")).toBe(false);
    expect(isWorkingDay("2026-10-04", "XX")).toBe(false);
    expect(nextWorkingDay("2026-10-03", "XX")).toBe("2026-10-05");
    expect(nextWorkingDay("2026-12-25", "GB")).toBe("2026-12-29");
    expect(nextWorkingDay("2026-11-30", "RO")).toBe("2026-12-02");
  });
});
