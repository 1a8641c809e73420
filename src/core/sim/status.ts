/**
 * Status of an attempt that got no HTTP response at all: the connection was refused or reset (the
 * instance is down, a partition, no routable instance). Callers see it as 503 once the call ends.
 */
export const STATUS_NO_RESPONSE = 0;

/** True for statuses that count as success (2xx and 3xx). */
export function isSuccess(status: number): boolean {
  return status >= 200 && status < 400;
}
