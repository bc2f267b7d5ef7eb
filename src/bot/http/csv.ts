/**
 * CSV downloads for every exported table (audit log, analytics, import reports), written once:
 * RFC 4180 via `csv-stringify`, UTF-8 with a BOM (Excel opens Japanese and Thai correctly), and
 * guarded against formula injection: a cell starting with `=`, `+`, `-`, `@`, tab or CR is
 * prefixed with `'` so a spreadsheet shows it as text instead of running it.
 */
import { stringify } from 'csv-stringify/sync';
import type { FastifyReply } from 'fastify';

/** One column: its header and how to read it from a row. */
export interface CsvColumn<Row> {
  header: string;
  value(row: Row): string | number | boolean | undefined | null;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell as text, neutralised when a spreadsheet would read it as a formula. */
export function safeCell(value: string | number | boolean | undefined | null): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The CSV text (with BOM) of `rows` under `columns`. */
export function toCsv<Row>(columns: readonly CsvColumn<Row>[], rows: readonly Row[]): string {
  const records = [columns.map((c) => safeCell(c.header)), ...rows.map((row) => columns.map((c) => safeCell(c.value(row))))];
  return `\uFEFF${stringify(records, { record_delimiter: '\r\n' })}`;
}

/** Send `rows` as a CSV download named `filename` (ASCII letters, digits, `-`, `_`, `.` only). */
export function sendCsv<Row>(reply: FastifyReply, filename: string, columns: readonly CsvColumn<Row>[], rows: readonly Row[]): FastifyReply {
  const safeName = filename.replace(/[^A-Za-z0-9._-]/g, '_');
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${safeName}"`)
    .header('cache-control', 'private, no-store')
    .send(toCsv(columns, rows));
}
