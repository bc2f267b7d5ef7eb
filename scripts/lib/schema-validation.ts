/**
 * Offline validation of Teams manifests and localization files against the JSON schemas bundled in
 * @microsoft/app-manifest. The `$schema` URL is mapped to the bundled file; an unknown URL is an
 * error, never a download.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';

type Schema = NonNullable<Parameters<typeof AppManifestUtils.validateAgainstSchema>[1]>;

const require = createRequire(import.meta.url);
const SCHEMA_URL =
  /^https:\/\/developer\.microsoft\.com\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?json-schemas\/teams\/(v\d+\.\d+|vDevPreview)\/(MicrosoftTeams(?:\.Localization)?\.schema\.json)$/i;

/** The bundled copy of a Teams schema URL, or undefined when the package does not ship it. */
export function bundledSchemaPath(url: string): string | undefined {
  const match = SCHEMA_URL.exec(url);
  if (!match) return undefined;
  const root = dirname(require.resolve('@microsoft/app-manifest/package.json'));
  const path = join(root, 'build', 'json-schemas', 'teams', match[1] ?? '', match[2] ?? '');
  return existsSync(path) ? path : undefined;
}

const schemaCache = new Map<string, Schema>();

/**
 * Validate a manifest or localization document against the schema named by its `$schema`, from the
 * bundled copy only (never the network). Returns readable errors, empty when valid.
 */
export async function validateAgainstBundledSchema(doc: Record<string, unknown>, label: string): Promise<string[]> {
  const url = typeof doc.$schema === 'string' ? doc.$schema : '';
  const path = bundledSchemaPath(url);
  if (!path) return [`${label}: $schema "${url}" is not a Teams schema bundled with @microsoft/app-manifest`];
  let schema = schemaCache.get(path);
  if (!schema) {
    // Same clean-up as AppManifestUtils.fetchSchema: some schemas carry \a and \v escapes JSON lacks.
    const text = readFileSync(path, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b');
    schema = repairPatterns(JSON.parse(text)) as Schema;
    schemaCache.set(path, schema);
  }
  try {
    const errors = await AppManifestUtils.validateAgainstSchema(doc as unknown as AppManifest, schema);
    return errors.map((e) => `${label}: ${e}`);
  } catch (error) {
    return [`${label}: schema validation could not run: ${(error as Error).message}`];
  }
}

/** Escape `]` outside character classes, which the `u` flag (used by ajv) rejects. */
export function escapeLoneBrackets(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i += 1) {
    const ch = source[i];
    if (ch === '\\') {
      out += ch + (source[i + 1] ?? '');
      i += 1;
    } else if (ch === '[') {
      inClass = true;
      out += ch;
    } else if (ch === ']') {
      out += inClass ? ch : '\\]';
      inClass = false;
    } else out += ch;
  }
  return out;
}

function compilesAsUnicode(source: string): boolean {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
}

/**
 * Some bundled schemas (the v1.2x localization schemas) have patterns with a lone `]` that ajv
 * cannot compile; repair those, leaving every valid pattern untouched.
 */
export function repairPatterns(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(repairPatterns);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'patternProperties' && value && typeof value === 'object') {
      out[key] = Object.fromEntries(
        Object.entries(value).map(([p, v]) => [compilesAsUnicode(p) ? p : escapeLoneBrackets(p), repairPatterns(v)]),
      );
    } else if (key === 'pattern' && typeof value === 'string' && !compilesAsUnicode(value)) {
      out[key] = escapeLoneBrackets(value);
    } else out[key] = repairPatterns(value);
  }
  return out;
}

