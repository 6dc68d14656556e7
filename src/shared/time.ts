const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      weekday: 'short',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

const ISO_WEEKDAY: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** The calendar date and ISO weekday (1 = Monday) of an instant in a time zone. */
export function localDate(at: Date, timeZone: string): { year: number; month: number; day: number; weekday: number } {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    weekday: ISO_WEEKDAY[parts.weekday],
  };
}

/** `YYYY-MM-DD` of a local calendar date, shifted by whole days. */
export function isoDate(date: { year: number; month: number; day: number }, plusDays = 0): string {
  return new Date(Date.UTC(date.year, date.month - 1, date.day + plusDays)).toISOString().slice(0, 10);
}
