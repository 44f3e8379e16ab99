import "server-only";
import type { z } from "zod";
import { AppError, type FieldError } from "../errors";

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
