/**
 * Domain object <-> table entity columns, shared by every repository. Scalars stay scalar
 * (numbers typed Edm.Double so they come back as numbers, never bigint); arrays and objects
 * become JSON string columns named `<field>Json`, split over `<field>Json2`, `<field>Json3`, ...
 * when longer than one property may hold. Sizes are checked here so an oversized item fails
 * with a clear ValidationError instead of the service's opaque 400. Rows read back are parsed
 * with the aggregate's zod schema, so a corrupt row is a typed error, not undefined fields.
 */
import type { TableEntity } from '@azure/data-tables';
import type { z } from 'zod';
import { ValidationError } from './errors.js';

export type Column = string | boolean | { value: number; type: 'Double' };
export type Row = TableEntity<Record<string, Column>>;

/** Characters per string property: 64 KiB in UTF-16, with headroom. */
export const MAX_STRING_CHARS = 32_000;
/** Service limit per entity, keys and property names included. */
export const MAX_ENTITY_BYTES = 1024 * 1024;
/** JSON columns may span this many properties (well under 252 properties per entity). */
const MAX_JSON_PARTS = 30;
const JSON_SUFFIX = 'Json';
const SYSTEM = new Set(['partitionKey', 'rowKey', 'etag', 'timestamp', 'odata.metadata']);

/** Turn a validated domain object into columns. `undefined` fields are omitted (absent = unset). */
export function encodeColumns(fields: Record<string, unknown>, what: string): Record<string, Column> {
  const out: Record<string, Column> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined || value === null) continue;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) throw new ValidationError(`${what}: ${name} must be a finite number`);
      out[name] = { value, type: 'Double' };
    } else if (typeof value === 'boolean') {
      out[name] = value;
    } else if (typeof value === 'string') {
      if (value.length > MAX_STRING_CHARS) {
        throw new ValidationError(`${what}: ${name} is ${value.length} characters, max ${MAX_STRING_CHARS}`);
      }
      out[name] = value;
    } else {
      const json = JSON.stringify(value);
      const parts = Math.ceil(json.length / MAX_STRING_CHARS) || 1;
      if (parts > MAX_JSON_PARTS) {
        throw new ValidationError(`${what}: ${name} is too large to store (${json.length} characters of JSON)`);
      }
      for (let i = 0; i < parts; i++) {
        out[`${name}${JSON_SUFFIX}${i === 0 ? '' : i + 1}`] = json.slice(i * MAX_STRING_CHARS, (i + 1) * MAX_STRING_CHARS);
      }
    }
  }
  return out;
}

/** Approximate stored size as the service counts it (UTF-16 strings, 8 bytes per property header). */
export function entityBytes(row: Row): number {
  let bytes = 4 + (row.partitionKey.length + row.rowKey.length) * 2;
  for (const [name, value] of Object.entries(row)) {
    if (SYSTEM.has(name)) continue;
    bytes += 8 + name.length * 2;
    bytes += typeof value === 'string' ? 4 + value.length * 2 : typeof value === 'boolean' ? 1 : 8;
  }
  return bytes;
}

/** Build an entity and check the 1 MiB entity limit. */
export function toRow(partitionKey: string, rowKey: string, fields: Record<string, unknown>, what: string): Row {
  const row: Row = { partitionKey, rowKey, ...encodeColumns(fields, what) };
  const bytes = entityBytes(row);
  if (bytes > MAX_ENTITY_BYTES) {
    throw new ValidationError(`${what} is too large: about ${Math.ceil(bytes / 1024)} KiB stored, max 1024 KiB`);
  }
  return row;
}

function plainNumber(value: bigint, name: string, what: string): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new ValidationError(`${what}: ${name} holds an Int64 beyond the safe integer range`, { code: 'CorruptRow' });
  }
  return Number(value);
}

/** An outgoing `{ value, type }` column (a row not yet written) reads as its plain value. */
function typedValue(value: unknown): unknown {
  return typeof value === 'object' && value !== null && 'type' in value && 'value' in value
    ? (value as { value: unknown }).value
    : value;
}

/** Columns back to plain fields: JSON columns re-joined and parsed, Int64 converted to number. */
export function decodeColumns(entity: Record<string, unknown>, what: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const json = new Map<string, string[]>();
  for (const [name, value] of Object.entries(entity)) {
    if (SYSTEM.has(name)) continue;
    const match = /^(.+)Json(\d*)$/.exec(name);
    if (match && typeof value === 'string') {
      const [, base = name, index = ''] = match;
      const parts = json.get(base) ?? [];
      parts[index === '' ? 0 : Number(index) - 1] = value;
      json.set(base, parts);
    } else {
      out[name] = typeof value === 'bigint' ? plainNumber(value, name, what) : typedValue(value);
    }
  }
  for (const [base, parts] of json) {
    try {
      out[base] = JSON.parse(Array.from(parts, (p) => p ?? '').join(''));
    } catch (err) {
      throw new ValidationError(`${what}: column ${base} is not valid JSON`, { cause: err, code: 'CorruptRow' });
    }
  }
  return out;
}

function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}

/** Validate a domain value before writing (strips unknown fields). */
export function validateDomain<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ValidationError(`${what} is invalid: ${describe(parsed.error)}`);
  return parsed.data;
}

/** Parse a row read back; a row that no longer fits the schema is a `CorruptRow` ValidationError. */
export function fromRow<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, entity: Record<string, unknown>, what: string): T {
  const parsed = schema.safeParse(decodeColumns(entity, what));
  if (!parsed.success) {
    throw new ValidationError(`${what}: stored row is corrupt: ${describe(parsed.error)}`, { code: 'CorruptRow' });
  }
  return parsed.data;
}
