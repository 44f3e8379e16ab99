// The choices of the "Download my data" form, shared by the form (client) and its
// server action, and the words the export history uses for sizes, times and browsers.
import { formatDay } from "./dates";

export type ExportFormatKey = "JSON" | "CSV";

export type ExportRequestValues = {
  format: ExportFormatKey;
  // null: every category (the default).
  categories: string[] | null;
  // YYYY-MM-DD or "".
  from: string;
  to: string;
};

export const DEFAULT_EXPORT_VALUES: ExportRequestValues = { format: "JSON", categories: null, from: "", to: "" };

export const EXPORT_FORMATS: { value: ExportFormatKey; label: string; explanation: string }[] = [
  {
    value: "JSON",
    label: "JSON",
    explanation:
      "One file, easy for another service or a program to read. Its structure is published as a JSON Schema.",
  },
  {
    value: "CSV",
    label: "CSV in a ZIP archive",
    explanation:
      "One spreadsheet file per kind of data, a README that explains every column, and your invoices and warranty certificates as PDF files.",
  },
];

export const formatLabel = (format: string) => (format === "JSON" ? "JSON" : format === "CSV" ? "CSV (ZIP)" : format);

export function formatBytes(bytes: number): string {
  const units = ["byte", "kilobyte", "megabyte", "gigabyte"] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return new Intl.NumberFormat("en-GB", {
    style: "unit",
    unit: units[unit],
    unitDisplay: unit === 0 ? "long" : "short",
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}

// "from 1 Jan 2024 to 31 Dec 2024", "from 1 Jan 2024", "up to 31 Dec 2024", or "all dates".
export function dateRangeText(from: string | null | undefined, to: string | null | undefined): string {
  if (from && to) return `from ${formatDay(from)} to ${formatDay(to)}`;
  if (from) return `from ${formatDay(from)}`;
  if (to) return `up to ${formatDay(to)}`;
  return "all dates";
}

const BROWSERS: [RegExp, string][] = [
  [/Edg(?:e|A|iOS)?\/(\d+)/, "Edge"],
  [/OPR\/(\d+)/, "Opera"],
  [/SamsungBrowser\/(\d+)/, "Samsung Internet"],
  [/Firefox\/(\d+)/, "Firefox"],
  [/FxiOS\/(\d+)/, "Firefox"],
  [/HeadlessChrome\/(\d+)/, "Headless Chrome"],
  [/CriOS\/(\d+)/, "Chrome"],
  [/Chrome\/(\d+)/, "Chrome"],
  [/Version\/(\d+)[.\d]* (?:Mobile\/\S+ )?Safari\//, "Safari"],
  [/curl\/(\d+)/, "curl"],
];

const SYSTEMS: [RegExp, string][] = [
  [/iPhone|iPad|iPod/, "iOS"],
  [/Android/, "Android"],
  [/Windows/, "Windows"],
  [/Mac OS X|Macintosh/, "macOS"],
  [/CrOS/, "ChromeOS"],
  [/Linux/, "Linux"],
];

// A short name for a User-Agent header, e.g. "Chrome 140 on Linux"; the raw header
// when it is not recognised (it is what was recorded).
export function browserName(userAgent: string | null | undefined): string {
  if (!userAgent) return "an unknown browser";
  const browser = BROWSERS.map(([re, name]) => [re.exec(userAgent), name] as const).find(([m]) => m);
  const system = SYSTEMS.find(([re]) => re.test(userAgent))?.[1];
  if (!browser) return userAgent.slice(0, 80);
  const [match, name] = browser;
  return `${name} ${match?.[1]}${system ? ` on ${system}` : ""}`;
}
