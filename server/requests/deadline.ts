// Legal due dates of rights requests (GDPR Art. 12(3) "within one month ... extended by
// two further months"; CCPA "45 calendar days"; working-day periods elsewhere), counted
// as the regulators count them:
// - EU Regulation 1182/71 Art. 3 and the UK ICO's guidance: a period in months starts
//   the day after receipt and ends on the same date of the last month; when that month
//   has no such date, on its last day (31 March + 1 month = 30 April);
// - a period in days ends that many days after receipt; one in working days on the Nth
//   working day after it (the day of receipt never counts);
// - a period that would end on a Saturday, Sunday or public holiday ends on the next
//   working day, with the controller's country's public holidays as data;
// - dates are calendar dates in the controller's country: a request that arrives at
//   00:30 in Bucharest was received that day, whatever the UTC date.
// Everything here is pure: no clock, no database.

export type LocalDate = string; // YYYY-MM-DD

export type ResponsePeriod = { years?: number; months?: number; days?: number } | { workingDays: number };

const DAY_MS = 86_400_000;

const toUtc = (date: LocalDate): Date => new Date(`${date}T00:00:00Z`);
const fromUtc = (date: Date): LocalDate => date.toISOString().slice(0, 10);

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromUtc(new Date(toUtc(date).getTime() + days * DAY_MS));
}

const pad = (n: number) => String(n).padStart(2, "0");
const ymd = (y: number, m: number, d: number): LocalDate => `${y}-${pad(m)}-${pad(d)}`;
const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

// The same day of the month `months` later, or that month's last day when it has none.
export function addMonths(date: LocalDate, months: number): LocalDate {
  const [y, m, d] = date.split("-").map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return ymd(year, month, Math.min(d, daysInMonth(year, month)));
}

const weekday = (date: LocalDate) => toUtc(date).getUTCDay(); // 0 Sunday … 6 Saturday

// Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm).
export function westernEaster(year: number): LocalDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return ymd(year, month, day);
}

// Orthodox Easter Sunday (Meeus' Julian algorithm), as a Gregorian date: the Julian
// calendar runs 13 days behind from 1900 to 2099.
export function orthodoxEaster(year: number): LocalDate {
  const a = year % 4;
  const b = year % 7;
  const c = year % 19;
  const d = (19 * c + 15) % 30;
  const e = (2 * a + 4 * b - d + 34) % 7;
  const month = Math.floor((d + e + 114) / 31);
  const day = ((d + e + 114) % 31) + 1;
  return addDays(ymd(year, month, day), 13);
}

type HolidayRule =
  | { kind: "fixed"; month: number; day: number; name: string; since?: number }
  | { kind: "easter"; offset: number; name: string }
  // The nth (1-based; -1 the last) given weekday of a month.
  | { kind: "weekday"; month: number; weekday: number; nth: number; name: string };

type CountryCalendar = {
  easter: "orthodox" | "western";
  rules: HolidayRule[];
  // How a fixed holiday on a weekend is made up: not at all, the next working day
  // (Bulgaria), or substitute weekdays (the UK's bank holidays).
  weekendRule: "none" | "next-working-day" | "substitute";
  timeZone: string;
};

const fixed = (month: number, day: number, name: string, since?: number): HolidayRule => ({
  kind: "fixed",
  month,
  day,
  name,
  since,
});
const easter = (offset: number, name: string): HolidayRule => ({ kind: "easter", offset, name });

// Public holidays as data, by country of the controller.
const CALENDARS: Record<string, CountryCalendar> = {
  // Romania: Labour Code Art. 139.
  RO: {
    easter: "orthodox",
    weekendRule: "none",
    timeZone: "Europe/Bucharest",
    rules: [
      fixed(1, 1, "New Year's Day"),
      fixed(1, 2, "Day after New Year's Day"),
      fixed(1, 6, "Epiphany", 2024),
      fixed(1, 7, "Saint John the Baptist", 2024),
      fixed(1, 24, "Union Day"),
      easter(-2, "Orthodox Good Friday"),
      easter(0, "Orthodox Easter Sunday"),
      easter(1, "Orthodox Easter Monday"),
      fixed(5, 1, "Labour Day"),
      fixed(6, 1, "Children's Day"),
      easter(49, "Orthodox Pentecost"),
      easter(50, "Orthodox Whit Monday"),
      fixed(8, 15, "Dormition of the Mother of God"),
      fixed(11, 30, "Saint Andrew's Day"),
      fixed(12, 1, "National Day"),
      fixed(12, 25, "Christmas Day"),
      fixed(12, 26, "Second day of Christmas"),
    ],
  },
  // Bulgaria: Labour Code Art. 154; a holiday on a weekend is made up the next working day.
  BG: {
    easter: "orthodox",
    weekendRule: "next-working-day",
    timeZone: "Europe/Sofia",
    rules: [
      fixed(1, 1, "New Year's Day"),
      fixed(3, 3, "Liberation Day"),
      easter(-2, "Orthodox Good Friday"),
      easter(-1, "Holy Saturday"),
      easter(0, "Orthodox Easter Sunday"),
      easter(1, "Orthodox Easter Monday"),
      fixed(5, 1, "Labour Day"),
      fixed(5, 6, "Saint George's Day"),
      fixed(5, 24, "Day of Slavonic Alphabet, Bulgarian Enlightenment and Culture"),
      fixed(9, 6, "Unification Day"),
      fixed(9, 22, "Independence Day"),
      fixed(12, 24, "Christmas Eve"),
      fixed(12, 25, "Christmas Day"),
      fixed(12, 26, "Second day of Christmas"),
    ],
  },
  // Greece.
  GR: {
    easter: "orthodox",
    weekendRule: "none",
    timeZone: "Europe/Athens",
    rules: [
      fixed(1, 1, "New Year's Day"),
      fixed(1, 6, "Epiphany"),
      easter(-48, "Clean Monday"),
      fixed(3, 25, "Independence Day"),
      easter(-2, "Orthodox Good Friday"),
      easter(0, "Orthodox Easter Sunday"),
      easter(1, "Orthodox Easter Monday"),
      fixed(5, 1, "Labour Day"),
      easter(50, "Orthodox Whit Monday"),
      fixed(8, 15, "Dormition of the Mother of God"),
      fixed(10, 28, "Ochi Day"),
      fixed(12, 25, "Christmas Day"),
      fixed(12, 26, "Synaxis of the Mother of God"),
    ],
  },
  // England and Wales bank holidays (Banking and Financial Dealings Act 1971), with
  // substitute days for those on a weekend.
  GB: {
    easter: "western",
    weekendRule: "substitute",
    timeZone: "Europe/London",
    rules: [
      fixed(1, 1, "New Year's Day"),
      easter(-2, "Good Friday"),
      easter(1, "Easter Monday"),
      { kind: "weekday", month: 5, weekday: 1, nth: 1, name: "Early May bank holiday" },
      { kind: "weekday", month: 5, weekday: 1, nth: -1, name: "Spring bank holiday" },
      { kind: "weekday", month: 8, weekday: 1, nth: -1, name: "Summer bank holiday" },
      fixed(12, 25, "Christmas Day"),
      fixed(12, 26, "Boxing Day"),
    ],
  },
};

export function hasHolidayData(country: string): boolean {
  return country.toUpperCase() in CALENDARS;
}

export function timeZoneOf(country: string): string {
  return CALENDARS[country.toUpperCase()]?.timeZone ?? "UTC";
}

function nthWeekday(year: number, month: number, day: number, nth: number): LocalDate {
  if (nth > 0) {
    const first = weekday(ymd(year, month, 1));
    return ymd(year, month, 1 + ((day - first + 7) % 7) + (nth - 1) * 7);
  }
  const lastDay = daysInMonth(year, month);
  const last = weekday(ymd(year, month, lastDay));
  return ymd(year, month, lastDay - ((last - day + 7) % 7));
}

const isWeekend = (date: LocalDate) => {
  const day = weekday(date);
  return day === 0 || day === 6;
};

const holidayCache = new Map<string, Map<LocalDate, string>>();

// The country's public holidays in that year, date → name; empty without data.
export function publicHolidays(country: string, year: number): ReadonlyMap<LocalDate, string> {
  const code = country.toUpperCase();
  const key = `${code}:${year}`;
  const cached = holidayCache.get(key);
  if (cached) return cached;
  const calendar = CALENDARS[code];
  const days = new Map<LocalDate, string>();
  if (calendar) {
    const easterSunday = calendar.easter === "orthodox" ? orthodoxEaster(year) : westernEaster(year);
    const fixedDays: { date: LocalDate; name: string }[] = [];
    for (const rule of calendar.rules) {
      if (rule.kind === "fixed") {
        if (rule.since && year < rule.since) continue;
        const date = ymd(year, rule.month, rule.day);
        fixedDays.push({ date, name: rule.name });
        days.set(date, days.has(date) ? `${days.get(date)}; ${rule.name}` : rule.name);
      } else if (rule.kind === "easter") {
        const date = addDays(easterSunday, rule.offset);
        days.set(date, days.has(date) ? `${days.get(date)}; ${rule.name}` : rule.name);
      } else {
        days.set(nthWeekday(year, rule.month, rule.weekday, rule.nth), rule.name);
      }
    }
    // Fixed holidays on a weekend, made up in date order on the next day that is neither
    // a weekend nor already a holiday (Christmas on a Saturday: Monday and Tuesday).
    if (calendar.weekendRule !== "none") {
      for (const { date, name } of fixedDays.sort((x, y) => x.date.localeCompare(y.date))) {
        if (!isWeekend(date)) continue;
        let substitute = addDays(date, 1);
        while (isWeekend(substitute) || days.has(substitute)) substitute = addDays(substitute, 1);
        days.set(substitute, `${name} (substitute day)`);
      }
    }
  }
  holidayCache.set(key, days);
  return days;
}

export function isWorkingDay(date: LocalDate, country: string): boolean {
  return !isWeekend(date) && !publicHolidays(country, Number(date.slice(0, 4))).has(date);
}

export function nextWorkingDay(date: LocalDate, country: string): LocalDate {
  let day = date;
  while (!isWorkingDay(day, country)) day = addDays(day, 1);
  return day;
}

// The calendar date of an instant in an IANA time zone.
// Formatters are costly to build: one per time zone, kept.
const formatters = new Map<string, Intl.DateTimeFormat>();

export function localDateOf(instant: Date, timeZone: string): LocalDate {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    formatters.set(timeZone, format);
  }
  const parts = format.formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

const isWorkingDays = (period: ResponsePeriod): period is { workingDays: number } => "workingDays" in period;

// The period's end before it is moved off a weekend or holiday.
function periodEnd(received: LocalDate, period: ResponsePeriod, country: string): LocalDate {
  if (isWorkingDays(period)) {
    let day = received;
    for (let counted = 0; counted < period.workingDays; ) {
      day = addDays(day, 1);
      if (isWorkingDay(day, country)) counted++;
    }
    return day;
  }
  const months = (period.years ?? 0) * 12 + (period.months ?? 0);
  return addDays(addMonths(received, months), period.days ?? 0);
}

export function dueDate(received: LocalDate, period: ResponsePeriod, country: string): LocalDate {
  return nextWorkingDay(periodEnd(received, period, country), country);
}

export type RequestDeadlines = {
  receivedOn: LocalDate;
  dueOn: LocalDate;
  extendedDueOn: LocalDate | null;
  // An extension must be announced by then (before the first period ends).
  extensionAnnounceBy: LocalDate;
};

export function requestDeadlines(
  rule: { period: ResponsePeriod; extension: ResponsePeriod | null; country: string; timeZone?: string },
  receivedAt: Date,
): RequestDeadlines {
  const receivedOn = localDateOf(receivedAt, rule.timeZone ?? timeZoneOf(rule.country));
  const dueOn = dueDate(receivedOn, rule.period, rule.country);
  let extendedDueOn: LocalDate | null = null;
  const extension = rule.extension;
  if (extension) {
    if (!isWorkingDays(rule.period) && !isWorkingDays(extension)) {
      // Both in calendar units: one period from the receipt, so a month's end is not
      // clipped twice (31 January + 1 + 2 months = 30 April).
      const total = {
        months:
          (rule.period.years ?? 0) * 12 +
          (rule.period.months ?? 0) +
          (extension.years ?? 0) * 12 +
          (extension.months ?? 0),
        days: (rule.period.days ?? 0) + (extension.days ?? 0),
      };
      extendedDueOn = dueDate(receivedOn, total, rule.country);
    } else {
      extendedDueOn = dueDate(periodEnd(receivedOn, rule.period, rule.country), extension, rule.country);
    }
  }
  return { receivedOn, dueOn, extendedDueOn, extensionAnnounceBy: dueOn };
}

// Whether an extension can still be announced: through the end of the first due date,
// in the controller's time zone.
export function canStillExtend(deadlines: { dueOn: LocalDate }, now: Date, timeZone: string): boolean {
  return localDateOf(now, timeZone) <= deadlines.dueOn;
}
