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

// Text the database cannot store (NUL) or a person cannot read (other control
// characters; unpaired UTF-16 surrogates, which are no character at all). Tab and line
// breaks are allowed where `isMultiline`.
export function hasUnsafeCharacters(value: string, isMultiline = false): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) {
      if (isMultiline && (code === 0x09 || code === 0x0a || code === 0x0d)) continue;
      return true;
    }
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return true;
      i++;
    } else if (code >= 0xdc00 && code <= 0xdfff) return true;
  }
  return false;
}

export const UNSAFE_TEXT_MESSAGE = "Remove control characters and unreadable symbols from this text.";

export const NAME_ONE_LINE = "Write the name on one line, without line breaks or tabs.";

// Trimmed text with a length range, refusing unsafe characters with a clear message.
export const safeText = (options: { min?: number; max: number; minMessage?: string; isMultiline?: boolean }) =>
  z
    .string({ error: options.minMessage ?? "Enter a value." })
    .max(options.max * 4, `Use at most ${options.max} characters.`)
    .refine((value) => !hasUnsafeCharacters(value, options.isMultiline), UNSAFE_TEXT_MESSAGE)
    .transform((value) => value.trim())
    .pipe(
      z
        .string()
        .min(options.min ?? 0, options.minMessage ?? `Use at least ${options.min ?? 0} characters.`)
        .max(options.max, `Use at most ${options.max} characters.`),
    );
