import { isAppError } from "@/server/errors";
import type { UserError } from "./generated/resolvers-types";

// Expected failures become the payload's userErrors; anything else propagates and is
// masked by formatError.
export function payloadErrors(error: unknown): UserError[] {
  if (!isAppError(error)) throw error;
  if (error.fieldErrors.length) return error.fieldErrors;
  return [{ field: null, code: error.code, message: error.message }];
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
