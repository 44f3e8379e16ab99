// What the console's server actions share: a mutation's userErrors as the form's field
// errors, and its datetime-local inputs read as UTC. Pure: no "use server" here, so the
// module can export plain functions.

type UserErrorLike = { field?: readonly string[] | null; message: string };

// Paths name the argument, e.g. ["input", "scopes", "2"]: the form field is the second
// part; anything else concerns the whole form.
export function fieldErrorsOf(errors: readonly UserErrorLike[]): {
  fieldErrors: Record<string, string>;
  formError: string | null;
} {
  const fieldErrors: Record<string, string> = {};
  let formError: string | null = null;
  for (const e of errors) {
    const field = e.field?.[0] === "input" ? e.field[1] : undefined;
    if (field && !fieldErrors[field]) fieldErrors[field] = e.message;
    else if (!field) formError ??= e.message;
  }
  return { fieldErrors, formError };
}

// A datetime-local value ("2026-12-01T09:30") read as UTC, as every time in the console
// is shown in UTC. Anything else is passed on as typed, for the API to refuse.
export function utcFromLocalInput(value: string): string {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value) ? `${value}Z` : value;
}
