import type { Rng } from "./rng";

// Country data for realistic demo people: names, cities with their postal codes and
// dialling codes, streets, currency and VAT. Everything is invented; phone numbers use
// each country's real numbering plan (E.164), except the US one, which uses the
// 555-01xx range reserved for fiction.

export type City = {
  name: string;
  region: string;
  weight: number;
  postalCode: (rng: Rng) => string;
  /** National landline number without the country code, e.g. "21" + 7 digits. */
  landline: (rng: Rng) => string;
};

export type Locale = {
  country: string; // ISO 3166-1 alpha-2
  countryName: string;
  femaleFirstNames: readonly string[];
  maleFirstNames: readonly string[];
  /** [male form, female form] */
  lastNames: readonly (readonly [string, string])[];
  cities: readonly City[];
  hometowns: readonly string[];
  streets: readonly string[];
  line1: (rng: Rng, street: string) => string;
  line2: (rng: Rng) => string | null;
  /** One line: "line1, line2, postal city". */
  cityLine: (postalCode: string, city: string) => string;
  callingCode: string; // "40"
  mobile: (rng: Rng) => string; // national significant number
  vatPercent: number;
  /** Currency used on a given date (Bulgaria moved from BGN to EUR on 1 January 2026). */
  currencyAt: (date: Date) => string;
  /** The catalogue's prices are in `baseCurrency`; this converts them. */
  baseCurrency: string;
  shipping: Record<string, { feeCents: number; freeAboveCents: number }>;
  emailDomains: readonly string[];
};

const pad = (n: number, width: number) => String(n).padStart(width, "0");

const RO: Locale = {
  country: "RO",
  countryName: "Romania",
  femaleFirstNames: [
    "Ioana",
    "Maria",
    "Elena",
    "Andreea",
    "Ana",
    "Alexandra",
    "Cristina",
    "Mihaela",
    "Raluca",
    "Irina",
    "Diana",
    "Bianca",
    "Larisa",
    "Gabriela",
    "Simona",
    "Oana",
    "Roxana",
    "Alina",
    "Corina",
    "Teodora",
  ],
  maleFirstNames: [
    "Andrei",
    "Mihai",
    "Alexandru",
    "Ion",
    "Gabriel",
    "Bogdan",
    "Cristian",
    "Radu",
    "Ștefan",
    "Vlad",
    "Florin",
    "Adrian",
    "Dan",
    "Tudor",
    "Lucian",
    "Răzvan",
    "Sorin",
    "Cătălin",
    "Ovidiu",
    "Matei",
  ],
  lastNames: [
    "Popescu",
    "Ionescu",
    "Popa",
    "Dumitrescu",
    "Stan",
    "Stoica",
    "Gheorghe",
    "Matei",
    "Constantinescu",
    "Marinescu",
    "Rusu",
    "Munteanu",
    "Lazăr",
    "Ciobanu",
    "Moldovan",
    "Dinu",
    "Florea",
    "Nistor",
    "Țurcanu",
    "Bălan",
    "Georgescu",
    "Preda",
    "Mocanu",
    "Cojocaru",
  ].map((n) => [n, n] as const),
  cities: [
    {
      name: "București",
      region: "București",
      weight: 5,
      postalCode: (r) => `0${pad(r.int(10011, 62999), 5)}`,
      landline: (r) => `21${r.int(2, 4)}${r.digits(6)}`,
    },
    {
      name: "Cluj-Napoca",
      region: "Cluj",
      weight: 2,
      postalCode: (r) => `400${pad(r.int(1, 699), 3)}`,
      landline: (r) => `264${r.int(4, 5)}${r.digits(5)}`,
    },
    {
      name: "Iași",
      region: "Iași",
      weight: 2,
      postalCode: (r) => `700${pad(r.int(1, 699), 3)}`,
      landline: (r) => `232${r.int(2, 4)}${r.digits(5)}`,
    },
    {
      name: "Timișoara",
      region: "Timiș",
      weight: 1,
      postalCode: (r) => `300${pad(r.int(1, 699), 3)}`,
      landline: (r) => `256${r.int(2, 4)}${r.digits(5)}`,
    },
    {
      name: "Brașov",
      region: "Brașov",
      weight: 1,
      postalCode: (r) => `500${pad(r.int(1, 499), 3)}`,
      landline: (r) => `268${r.int(4, 5)}${r.digits(5)}`,
    },
    {
      name: "Constanța",
      region: "Constanța",
      weight: 1,
      postalCode: (r) => `900${pad(r.int(1, 799), 3)}`,
      landline: (r) => `241${r.int(5, 6)}${r.digits(5)}`,
    },
  ],
  hometowns: [
    "Sibiu",
    "Craiova",
    "Oradea",
    "Suceava",
    "Galați",
    "Bacău",
    "Ploiești",
    "Arad",
    "Pitești",
    "Târgu Mureș",
    "Baia Mare",
    "Botoșani",
    "Cluj-Napoca",
    "Iași",
    "București",
  ],
  streets: [
    "Strada Mihai Eminescu",
    "Bulevardul Unirii",
    "Calea Victoriei",
    "Strada Lipscani",
    "Bulevardul Dacia",
    "Strada Avram Iancu",
    "Strada Republicii",
    "Bulevardul Independenței",
    "Strada Florilor",
    "Aleea Teilor",
    "Strada Memorandumului",
    "Strada Lăpușneanu",
    "Calea Dorobanților",
    "Strada Horea",
    "Bulevardul Carol I",
    "Strada Zorilor",
    "Șoseaua Pantelimon",
    "Strada Ion Creangă",
  ],
  line1: (r, street) => `${street} ${r.int(1, 180)}`,
  line2: (r) =>
    r.chance(0.55)
      ? `Bl. ${r.pick(["A", "B", "C", "M", "P", "G"])}${r.int(1, 24)}, Sc. ${r.int(1, 4)}, Et. ${r.int(0, 10)}, Ap. ${r.int(1, 90)}`
      : null,
  cityLine: (postal, city) => `${postal} ${city}`,
  callingCode: "40",
  mobile: (r) => `7${r.pick(["2", "3", "4", "5", "6", "7", "8"])}${r.digits(7)}`,
  vatPercent: 19,
  currencyAt: () => "RON",
  baseCurrency: "RON",
  shipping: { RON: { feeCents: 1999, freeAboveCents: 30000 } },
  emailDomains: ["example.com", "example.net", "example.org", "mail.example"],
};

const BG: Locale = {
  country: "BG",
  countryName: "Bulgaria",
  femaleFirstNames: [
    "Maria",
    "Ivana",
    "Elena",
    "Desislava",
    "Gergana",
    "Nikol",
    "Teodora",
    "Radostina",
    "Silviya",
    "Petya",
    "Yoana",
    "Mila",
    "Viktoria",
    "Tsvetelina",
    "Kristina",
    "Ralitsa",
  ],
  maleFirstNames: [
    "Georgi",
    "Ivan",
    "Dimitar",
    "Nikolay",
    "Petar",
    "Hristo",
    "Stoyan",
    "Todor",
    "Aleksandar",
    "Martin",
    "Kaloyan",
    "Vasil",
    "Boyan",
    "Radoslav",
    "Plamen",
    "Yavor",
  ],
  lastNames: [
    "Ivanov",
    "Petrov",
    "Georgiev",
    "Dimitrov",
    "Nikolov",
    "Stoyanov",
    "Todorov",
    "Hristov",
    "Angelov",
    "Kolev",
    "Yordanov",
    "Marinov",
    "Popov",
    "Atanasov",
    "Vasilev",
    "Iliev",
    "Mihaylov",
    "Kostov",
  ].map((n) => [n, `${n}a`] as const),
  cities: [
    {
      name: "Sofia",
      region: "Sofia City",
      weight: 5,
      postalCode: (r) => String(r.int(1000, 1799)),
      landline: (r) => `2${r.int(8, 9)}${r.digits(6)}`,
    },
    {
      name: "Plovdiv",
      region: "Plovdiv",
      weight: 2,
      postalCode: (r) => String(r.int(4000, 4030)),
      landline: (r) => `32${r.int(2, 6)}${r.digits(5)}`,
    },
    {
      name: "Varna",
      region: "Varna",
      weight: 2,
      postalCode: (r) => String(r.int(9000, 9030)),
      landline: (r) => `52${r.int(3, 7)}${r.digits(5)}`,
    },
    {
      name: "Burgas",
      region: "Burgas",
      weight: 1,
      postalCode: (r) => String(r.int(8000, 8020)),
      landline: (r) => `56${r.int(8, 9)}${r.digits(5)}`,
    },
  ],
  hometowns: [
    "Ruse",
    "Stara Zagora",
    "Pleven",
    "Veliko Tarnovo",
    "Blagoevgrad",
    "Shumen",
    "Gabrovo",
    "Haskovo",
    "Sliven",
    "Sofia",
    "Plovdiv",
    "Varna",
  ],
  streets: [
    "ul. Graf Ignatiev",
    "bul. Vitosha",
    "ul. Shipka",
    "bul. Tsar Osvoboditel",
    "ul. Rakovski",
    "bul. Bulgaria",
    "ul. Knyaz Boris I",
    "bul. Slivnitsa",
    "ul. Tsar Simeon",
    "ul. Oborishte",
    "bul. Vasil Levski",
    "ul. Han Asparuh",
    "ul. Tsar Asen",
    "bul. Maria Luiza",
  ],
  line1: (r, street) => `${street} ${r.int(1, 140)}`,
  line2: (r) =>
    r.chance(0.5)
      ? r.chance(0.5)
        ? `bl. ${r.int(1, 320)}, vh. ${r.pick(["A", "B", "V", "G"])}, et. ${r.int(1, 12)}, ap. ${r.int(1, 80)}`
        : `et. ${r.int(1, 6)}, ap. ${r.int(1, 24)}`
      : null,
  cityLine: (postal, city) => `${postal} ${city}`,
  callingCode: "359",
  mobile: (r) => `8${r.pick(["7", "8", "9"])}${r.digits(7)}`,
  vatPercent: 20,
  currencyAt: (d) => (d.getTime() < Date.UTC(2026, 0, 1) ? "BGN" : "EUR"),
  baseCurrency: "BGN",
  shipping: { BGN: { feeCents: 690, freeAboveCents: 10000 }, EUR: { feeCents: 350, freeAboveCents: 5000 } },
  emailDomains: ["example.com", "example.net", "example.org", "mail.example"],
};

const GR: Locale = {
  country: "GR",
  countryName: "Greece",
  femaleFirstNames: [
    "Eleni",
    "Maria",
    "Aikaterini",
    "Vasiliki",
    "Sofia",
    "Georgia",
    "Dimitra",
    "Anna",
    "Christina",
    "Ioanna",
    "Despoina",
    "Konstantina",
    "Angeliki",
    "Paraskevi",
    "Evangelia",
    "Athina",
  ],
  maleFirstNames: [
    "Georgios",
    "Ioannis",
    "Konstantinos",
    "Dimitrios",
    "Nikolaos",
    "Panagiotis",
    "Vasileios",
    "Christos",
    "Athanasios",
    "Michail",
    "Evangelos",
    "Spyridon",
    "Alexandros",
    "Stavros",
    "Theodoros",
    "Emmanouil",
  ],
  lastNames: [
    ["Papadopoulos", "Papadopoulou"],
    ["Papadakis", "Papadaki"],
    ["Georgiou", "Georgiou"],
    ["Oikonomou", "Oikonomou"],
    ["Pappas", "Pappa"],
    ["Vlachos", "Vlachou"],
    ["Karagiannis", "Karagianni"],
    ["Nikolaidis", "Nikolaidou"],
    ["Makris", "Makri"],
    ["Antoniou", "Antoniou"],
    ["Dimitriou", "Dimitriou"],
    ["Alexiou", "Alexiou"],
    ["Konstantinidis", "Konstantinidou"],
    ["Papageorgiou", "Papageorgiou"],
    ["Athanasiou", "Athanasiou"],
    ["Christodoulou", "Christodoulou"],
    ["Lambrou", "Lambrou"],
    ["Zervas", "Zerva"],
  ],
  cities: [
    {
      name: "Athens",
      region: "Attica",
      weight: 5,
      postalCode: (r) => `1${r.int(4, 7)}${r.int(0, 9)} ${pad(r.int(10, 99), 2)}`,
      landline: (r) => `210${r.digits(7)}`,
    },
    {
      name: "Thessaloniki",
      region: "Central Macedonia",
      weight: 3,
      postalCode: (r) => `5${r.int(4, 6)}${r.int(0, 6)} ${pad(r.int(10, 55), 2)}`,
      landline: (r) => `2310${r.digits(6)}`,
    },
    {
      name: "Patras",
      region: "Western Greece",
      weight: 1,
      postalCode: (r) => `26${r.int(2, 4)} ${pad(r.int(21, 45), 2)}`,
      landline: (r) => `2610${r.digits(6)}`,
    },
    {
      name: "Heraklion",
      region: "Crete",
      weight: 1,
      postalCode: (r) => `71${r.int(2, 4)} ${pad(r.int(1, 9) * 10 + r.int(0, 9), 2)}`,
      landline: (r) => `2810${r.digits(6)}`,
    },
  ],
  hometowns: [
    "Larissa",
    "Volos",
    "Ioannina",
    "Kalamata",
    "Chania",
    "Kavala",
    "Rhodes",
    "Serres",
    "Corfu",
    "Athens",
    "Thessaloniki",
    "Patras",
  ],
  streets: [
    "Ermou",
    "Patision",
    "Akadimias",
    "Solonos",
    "Egnatia",
    "Tsimiski",
    "Vasilissis Sofias",
    "Panepistimiou",
    "Kifisias",
    "Mitropoleos",
    "Skoufa",
    "Agiou Dimitriou",
    "Nikis",
    "Kolokotroni",
  ],
  line1: (r, street) => `${street} ${r.int(1, 220)}`,
  line2: (r) => {
    if (!r.chance(0.45)) return null;
    const floor = r.int(1, 7);
    const suffix = floor === 1 ? "st" : floor === 2 ? "nd" : floor === 3 ? "rd" : "th";
    return r.chance(0.6) ? `${floor}${suffix} floor` : `${floor}${suffix} floor, Apt. ${r.int(1, 30)}`;
  },
  cityLine: (postal, city) => `${postal} ${city}`,
  callingCode: "30",
  mobile: (r) => `69${r.pick(["0", "3", "4", "5", "7", "8", "9"])}${r.digits(7)}`,
  vatPercent: 24,
  currencyAt: () => "EUR",
  baseCurrency: "EUR",
  shipping: { EUR: { feeCents: 490, freeAboveCents: 6000 } },
  emailDomains: ["example.com", "example.net", "example.org", "mail.example"],
};

// For a shop outside the three demo countries (for example a profile under US-CCPA).
const US: Locale = {
  country: "US",
  countryName: "United States",
  femaleFirstNames: ["Emily", "Olivia", "Sarah", "Jessica", "Hannah", "Megan", "Rachel", "Laura", "Grace", "Chloe"],
  maleFirstNames: ["James", "Michael", "David", "Daniel", "Ryan", "Kevin", "Brian", "Jason", "Eric", "Nathan"],
  lastNames: [
    "Smith",
    "Johnson",
    "Miller",
    "Davis",
    "Wilson",
    "Anderson",
    "Taylor",
    "Thomas",
    "Moore",
    "Martin",
    "Clark",
    "Lewis",
  ].map((n) => [n, n] as const),
  cities: [
    {
      name: "New York, NY",
      region: "NY",
      weight: 3,
      postalCode: (r) => `100${pad(r.int(1, 99), 2)}`,
      landline: (r) => `212555${pad(r.int(100, 199), 4)}`,
    },
    {
      name: "Chicago, IL",
      region: "IL",
      weight: 2,
      postalCode: (r) => `606${pad(r.int(1, 99), 2)}`,
      landline: (r) => `312555${pad(r.int(100, 199), 4)}`,
    },
    {
      name: "Austin, TX",
      region: "TX",
      weight: 1,
      postalCode: (r) => `787${pad(r.int(1, 99), 2)}`,
      landline: (r) => `512555${pad(r.int(100, 199), 4)}`,
    },
    {
      name: "Seattle, WA",
      region: "WA",
      weight: 1,
      postalCode: (r) => `981${pad(r.int(1, 99), 2)}`,
      landline: (r) => `206555${pad(r.int(100, 199), 4)}`,
    },
  ],
  hometowns: ["Portland", "Denver", "Boston", "Atlanta", "Phoenix", "Columbus"],
  streets: [
    "Maple Avenue",
    "Oak Street",
    "Pine Street",
    "Cedar Lane",
    "Elm Street",
    "Washington Avenue",
    "Lake Street",
    "Hill Road",
  ],
  line1: (r, street) => `${r.int(10, 9800)} ${street}`,
  line2: (r) => (r.chance(0.4) ? `Apt ${r.int(1, 40)}${r.pick(["", "A", "B"])}` : null),
  cityLine: (postal, city) => `${city} ${postal}`,
  callingCode: "1",
  mobile: (r) => `${r.pick(["212", "312", "415", "512", "206"])}555${pad(r.int(100, 199), 4)}`,
  vatPercent: 8,
  currencyAt: () => "USD",
  baseCurrency: "USD",
  shipping: { USD: { feeCents: 799, freeAboveCents: 7500 } },
  emailDomains: ["example.com", "example.net", "example.org"],
};

const LOCALES: Record<string, Locale> = { RO, BG, GR, US };

/** The locale for a country; unknown countries get the US data under their own code. */
export function localeFor(country: string): Locale {
  return LOCALES[country] ?? { ...US, country, countryName: country };
}

export const BGN_PER_EUR = 1.95583;

/** Converts a catalogue price (in the locale's base currency) to the order's currency. */
export function convertCents(cents: number, from: string, to: string): number {
  if (from === to) return cents;
  if (from === "BGN" && to === "EUR") return Math.round(cents / BGN_PER_EUR);
  if (from === "EUR" && to === "BGN") return Math.round(cents * BGN_PER_EUR);
  return cents;
}

export function e164(locale: Locale, national: string): string {
  return `+${locale.callingCode}${national}`;
}

export function asciiFold(value: string): string {
  return value.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
}

// ---- National identification numbers (fictitious but well-formed) ----

/** Romanian CNP: S YYMMDD JJ NNN C, with the official 279146358279 check digit. */
export function romanianCnp(rng: Rng, dateOfBirth: Date, isFemale: boolean): string {
  const year = dateOfBirth.getUTCFullYear();
  const century = year >= 2000 ? 5 : 1;
  const s = century + (isFemale ? 1 : 0);
  const county = rng.weighted<number>([
    [rng.int(1, 40), 6],
    [rng.int(41, 46), 3], // Bucharest sectors 1–6
    [rng.int(51, 52), 1], // Călărași, Giurgiu
  ]);
  const body = `${s}${pad(year % 100, 2)}${pad(dateOfBirth.getUTCMonth() + 1, 2)}${pad(dateOfBirth.getUTCDate(), 2)}${pad(county, 2)}${pad(rng.int(1, 999), 3)}`;
  return body + cnpCheckDigit(body);
}

export function cnpCheckDigit(first12: string): string {
  const weights = "279146358279";
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * Number(weights[i]);
  const rest = sum % 11;
  return String(rest === 10 ? 1 : rest);
}

export function isValidCnp(cnp: string): boolean {
  return /^[1-8]\d{12}$/.test(cnp) && cnpCheckDigit(cnp.slice(0, 12)) === cnp[12];
}

/** Bulgarian EGN: YYMMDD (month +40 after 1999), 3 digits (9th even = male), check digit. */
export function bulgarianEgn(rng: Rng, dateOfBirth: Date, isFemale: boolean): string {
  const year = dateOfBirth.getUTCFullYear();
  const month = dateOfBirth.getUTCMonth() + 1 + (year >= 2000 ? 40 : 0);
  const region = rng.int(0, 99);
  let sexDigit = rng.int(0, 9);
  if ((sexDigit % 2 === 1) !== isFemale) sexDigit = (sexDigit + 1) % 10;
  const body = `${pad(year % 100, 2)}${pad(month, 2)}${pad(dateOfBirth.getUTCDate(), 2)}${pad(region, 2)}${sexDigit}`;
  const weights = [2, 4, 8, 5, 10, 9, 7, 3, 6];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(body[i]), 0);
  const rest = sum % 11;
  return body + String(rest === 10 ? 0 : rest);
}

/** Greek AMKA: DDMMYY + 4 digits (last odd = male) + Luhn check digit. */
export function greekAmka(rng: Rng, dateOfBirth: Date, isFemale: boolean): string {
  let serial = rng.int(0, 999) * 10 + rng.int(0, 9);
  if ((serial % 2 === 0) !== isFemale) serial = serial - (serial % 10) + (((serial % 10) + 1) % 10);
  const body = `${pad(dateOfBirth.getUTCDate(), 2)}${pad(dateOfBirth.getUTCMonth() + 1, 2)}${pad(dateOfBirth.getUTCFullYear() % 100, 2)}${pad(serial, 4)}`;
  return body + luhnCheckDigit(body);
}

export function luhnCheckDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

export function nationalIdFor(country: string, rng: Rng, dateOfBirth: Date, isFemale: boolean): string {
  switch (country) {
    case "RO":
      return romanianCnp(rng, dateOfBirth, isFemale);
    case "BG":
      return bulgarianEgn(rng, dateOfBirth, isFemale);
    case "GR":
      return greekAmka(rng, dateOfBirth, isFemale);
    default:
      return `ID-${rng.digits(9)}`;
  }
}
