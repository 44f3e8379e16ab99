// A year's request figures per type, for the public metrics page and the console: one
// table with a row per type on a wide screen, one small table per type on a phone.

export type RequestMetricsRowData = {
  type?: string | null;
  label: string;
  received: number;
  granted: number;
  partlyGranted: number;
  refused: number;
  withdrawn: number;
  pending: number;
  medianDaysToRespond?: number | null;
  meanDaysToRespond?: number | null;
  late: number;
};

type Props = {
  year: number;
  rows: readonly RequestMetricsRowData[];
  total: RequestMetricsRowData;
};

const days = (value: number | null | undefined) =>
  value === null || value === undefined
    ? "None decided"
    : `${value.toLocaleString("en-GB")} ${value === 1 ? "day" : "days"}`;

const COLUMNS: {
  key: keyof RequestMetricsRowData;
  label: string;
  format?: (v: number | null | undefined) => string;
}[] = [
  { key: "received", label: "Received" },
  { key: "granted", label: "Granted" },
  { key: "partlyGranted", label: "Partly granted" },
  { key: "refused", label: "Refused" },
  { key: "withdrawn", label: "Withdrawn" },
  { key: "pending", label: "Pending" },
  { key: "medianDaysToRespond", label: "Median time to respond", format: days },
  { key: "meanDaysToRespond", label: "Mean time to respond", format: days },
  { key: "late", label: "Answered late or overdue" },
];

const cell = (row: RequestMetricsRowData, column: (typeof COLUMNS)[number]) => {
  const value = row[column.key] as number | null | undefined;
  return column.format ? column.format(value) : String(value ?? 0);
};

const slug = (row: RequestMetricsRowData) => (row.type ?? "all").toLowerCase().replace(/_/g, "-");

export function RequestMetricsTable({ year, rows, total }: Props) {
  return (
    <div>
      <div className="hidden rounded-lg border border-slate-200 bg-white lg:block">
        <table className="w-full text-left text-sm">
          <caption className="px-3 pt-3 text-left font-semibold">Requests received in {year}, by type</caption>
          <thead className="text-slate-700">
            <tr className="border-b border-slate-300">
              <th scope="col" className="px-3 py-2 font-semibold">
                Type
              </th>
              {COLUMNS.map((c) => (
                <th key={c.key} scope="col" className="px-3 py-2 text-right font-semibold">
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {rows.map((row) => (
              <tr key={slug(row)}>
                <th scope="row" className="px-3 py-2 font-medium">
                  {row.label}
                </th>
                {COLUMNS.map((c) => (
                  <td
                    key={c.key}
                    className={`px-3 py-2 text-right tabular-nums ${c.format ? "whitespace-nowrap" : ""}`}
                  >
                    {cell(row, c)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot className="border-t-2 border-slate-400 bg-slate-50">
            <tr>
              <th scope="row" className="px-3 py-2 font-semibold">
                {total.label}
              </th>
              {COLUMNS.map((c) => (
                <td
                  key={c.key}
                  className={`px-3 py-2 text-right font-semibold tabular-nums ${c.format ? "whitespace-nowrap" : ""}`}
                >
                  {cell(total, c)}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>

      <div className="grid gap-4 sm:grid-cols-2 lg:hidden">
        {[...rows, total].map((row) => (
          <table
            key={slug(row)}
            className={`w-full rounded-lg border text-left text-sm ${row === total ? "border-slate-500 bg-slate-50" : "border-slate-200 bg-white"}`}
          >
            <caption className="pb-1 text-left font-semibold">
              {row.label}
              <span className="sr-only"> in {year}</span>
            </caption>
            <tbody className="divide-y divide-slate-200">
              {COLUMNS.map((c) => (
                <tr key={c.key}>
                  <th scope="row" className="px-3 py-1.5 font-normal text-slate-700">
                    {c.label}
                  </th>
                  <td className="px-3 py-1.5 text-right tabular-nums">{cell(row, c)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>
    </div>
  );
}

// What the figures count, said once under the table.
export function RequestMetricsNotes() {
  return (
    <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
      <li>Requests count in the year of the day they were received.</li>
      <li>
        Self-service requests (a download of the data, a correction, a deletion or a withdrawal of consent done in the
        account) are done at once and count as granted.
      </li>
      <li>
        Time to respond runs from receipt to the decision, over the requests decided; the total leaves out the
        self-service ones, which take no time. Late: decided after the legal due date, or still open past it.
      </li>
      <li>Pending: still open, or waiting for a check of the authority of the person who filed it.</li>
    </ul>
  );
}

// The year a metrics page shows: a GET form, so the year is in the address. From 2024,
// when the shops started counting, to the current year.
export const FIRST_METRICS_YEAR = 2024;

export function metricsYears(currentYear: number): number[] {
  const years: number[] = [];
  for (let y = currentYear; y >= FIRST_METRICS_YEAR; y--) years.push(y);
  return years;
}

// The year asked for, when it is one offered; otherwise the current year.
export function chosenYear(value: string | string[] | undefined, currentYear: number): number {
  const year = typeof value === "string" && /^\d{4}$/.test(value) ? Number(value) : currentYear;
  return year >= FIRST_METRICS_YEAR && year <= currentYear ? year : currentYear;
}

export function MetricsYearForm({ action, year, currentYear }: { action: string; year: number; currentYear: number }) {
  return (
    <form method="get" action={action} aria-label="Choose the year" className="flex flex-wrap items-end gap-3">
      <div>
        <label htmlFor="year" className="block text-sm font-medium text-slate-800">
          Year
        </label>
        <select
          id="year"
          name="year"
          defaultValue={String(year)}
          className="mt-1 block h-[2.625rem] rounded-md border border-slate-300 bg-white px-3 py-2 text-slate-900 shadow-sm"
        >
          {metricsYears(currentYear).map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="rounded-md bg-slate-900 px-4 py-2.5 font-semibold text-white">
        Show
      </button>
    </form>
  );
}
