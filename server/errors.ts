// The one error type services throw for expected failures. GraphQL passes the code
// through; anything else is masked as INTERNAL_SERVER_ERROR.
export const APP_ERROR_CODES = [
  "NOT_FOUND",
  "FORBIDDEN",
  "UNAUTHENTICATED",
  "CONFLICT",
  "INVALID_INPUT",
  "RATE_LIMITED",
] as const;

export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

export type FieldError = { field: string[] | null; code: AppErrorCode; message: string };

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly fieldErrors: FieldError[] = [],
  ) {
    super(message);
    this.name = "AppError";
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
