import { type FieldError, isAppError } from "@/server/errors";
import { hasUnsafeCharacters, UNSAFE_TEXT_MESSAGE } from "@/server/validation";
import type { UserError } from "./generated/resolvers-types";

// Expected failures become the payload's userErrors; anything else propagates and is
// masked by formatError.
export function payloadErrors(error: unknown): UserError[] {
  if (!isAppError(error)) throw error;
  if (error.fieldErrors.length) return error.fieldErrors;
  return [{ field: null, code: error.code, message: error.message }];
}

// Every text of a mutation's arguments, wherever it sits: NUL (which the database
// refuses), other control characters and unpaired surrogates are refused at their field
// (graphql/resolvers/index.ts screens every mutation before its resolver runs), so no
// input reaches a service as something the database cannot store. Tab and line breaks
// are text.
export function unsafeTextErrors(value: unknown, path: string[] = []): FieldError[] {
  if (typeof value === "string") {
    return hasUnsafeCharacters(value, true)
      ? [{ field: path, code: "INVALID_INPUT", message: UNSAFE_TEXT_MESSAGE }]
      : [];
  }
  if (Array.isArray(value)) return value.flatMap((item, i) => unsafeTextErrors(item, [...path, String(i)]));
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.entries(value).flatMap(([key, item]) => unsafeTextErrors(item, [...path, key]));
  }
  return [];
}

// Every mutation resolver: runs the service and returns its result with no userErrors,
// or the empty payload (every result field null) with the expected failure as
// userErrors. Unexpected errors propagate and are masked by formatError.
export async function mutate<T extends Record<string, unknown>>(
  empty: { [K in keyof T]: null },
  run: () => Promise<T>,
): Promise<(T | { [K in keyof T]: null }) & { userErrors: UserError[] }> {
  try {
    return { ...(await run()), userErrors: [] };
  } catch (error) {
    return { ...empty, userErrors: payloadErrors(error) };
  }
}
