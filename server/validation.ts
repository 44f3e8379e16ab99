import "server-only";
import { z } from "zod";
import { AppError, type FieldError } from "./errors";

// zod issues as the payload's field errors, with paths from the GraphQL argument
// ("input", ...), so a form can mark the exact field.
export function invalidInput(issues: z.core.$ZodIssue[], extra: FieldError[] = []): AppError {
  const fieldErrors: FieldError[] = [
    ...issues.map((issue) => ({
      field: ["input", ...issue.path.map(String)],
      code: "INVALID_INPUT" as const,
      message: issue.message,
    })),
    ...extra,
  ];
  return new AppError("INVALID_INPUT", "Check the highlighted fields.", fieldErrors);
}

// Optional text: null or blank clears it.
export const clearable = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .transform((value) => value || null)
    .nullable();
