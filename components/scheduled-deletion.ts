import { formatMoment } from "./dates";

type DeletionRequestStatus = { status: string; scheduledFor?: string | null } | null | undefined;

// The date a scheduled erasure will run, in words, for the deletion banner; null when
// no deletion is scheduled (none asked, waiting for the emailed link, or cancelled).
export function scheduledDeletionText(request: DeletionRequestStatus): string | null {
  return request?.status === "SCHEDULED" && request.scheduledFor ? formatMoment(request.scheduledFor) : null;
}
