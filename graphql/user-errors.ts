import { isAppError } from "@/server/errors";
import type { UserError } from "./generated/resolvers-types";

// Expected failures become the payload's userErrors; anything else propagates and is
// masked by formatError.
export function payloadErrors(error: unknown): UserError[] {
  if (!isAppError(error)) throw error;
  if (error.fieldErrors.length) return error.fieldErrors;
  return [{ field: null, code: error.code, message: error.message }];
}
