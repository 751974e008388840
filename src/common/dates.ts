/** Today's date in Vietnam (UTC+7), as 'YYYY-MM-DD': legal days are Vietnamese days. */
export function todayInVietnam(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}
