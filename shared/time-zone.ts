/** The time zone of a new workspace and of any value that names none (Korean notices, Korean days). */
export const DEFAULT_TIME_ZONE = 'Asia/Seoul';

/** True when the string is an IANA time zone this runtime knows. */
export function isValidTimeZone(zone: unknown): zone is string {
  if (typeof zone !== 'string' || zone.length === 0 || zone.length > 100) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
