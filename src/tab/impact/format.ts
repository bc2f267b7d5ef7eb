/**
 * Number and date formatting in the tab context's locale (`Intl`), shared by My impact,
 * Leaderboard and Policy. Dates that are calendar days (`YYYY-MM-DD`) are formatted in UTC so a
 * day never shifts with the viewer's clock.
 */
import { useMemo } from 'react';
import { useTabContext } from '../app/tab-context.js';

export interface Formatters {
  number(value: number): string;
  /** An instant, e.g. "Dec 3, 2026". */
  date(iso: string): string;
  /** An instant with the time, e.g. "Dec 3, 2026, 2:05 PM". */
  dateTime(iso: string): string;
  /** A calendar day `YYYY-MM-DD`, short ("Dec 3"). */
  day(day: string): string;
  /** Money in minor units, e.g. 10000 USD -> "$100.00". */
  money(amountMinor: number, currency: string): string;
  /** "a, b and c" in the locale. */
  list(items: readonly string[]): string;
}

/** Formatters for `locale`. */
export function createFormatters(locale: string): Formatters {
  const number = new Intl.NumberFormat(locale);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const day = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' });
  const list = new Intl.ListFormat(locale, { type: 'conjunction' });
  return {
    number: (value) => number.format(value),
    date: (iso) => date.format(new Date(iso)),
    dateTime: (iso) => dateTime.format(new Date(iso)),
    day: (value) => day.format(new Date(`${value}T00:00:00.000Z`)),
    money: (amountMinor, currency) => {
      const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
      const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
      return format.format(amountMinor / 10 ** digits);
    },
    list: (items) => list.format(items),
  };
}

/** Formatters in the tab's locale. */
export function useFormatters(): Formatters {
  const { locale } = useTabContext();
  return useMemo(() => createFormatters(locale), [locale]);
}
