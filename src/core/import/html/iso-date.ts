const ISO_LIKE = /^\s*(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?(?=$|[T\s+Z]|[-+]\d{2}:?\d{2}$)/i;

/**
 * A date as the file gives it ("2024-03-05T08:30:00Z", "2024/3/5", "2024-03") in the YYYY-MM or
 * YYYY-MM-DD form the library sorts by. The calendar date is taken as written, not moved to a
 * time zone, because that is the date the publisher printed. A year alone is not enough to sort
 * by month, so it gives null, as does anything that is not a real date.
 */
export function isoDateOf(date: string | null): string | null {
  if (date === null) return null;
  const match = ISO_LIKE.exec(date);
  if (!match) return null;
  const [, year, month, day] = match;
  if (month === undefined) return null;
  const m = Number(month);
  if (m < 1 || m > 12) return null;
  const yearMonth = `${year}-${month.padStart(2, '0')}`;
  if (day === undefined) return yearMonth;
  const d = Number(day);
  const daysInMonth = new Date(Date.UTC(Number(year), m, 0)).getUTCDate();
  return d >= 1 && d <= daysInMonth ? `${yearMonth}-${day.padStart(2, '0')}` : null;
}
