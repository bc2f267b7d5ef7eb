/**
 * Teams Toolkit style environment files: `env/.env.<name>` (committed, non-secret) overlaid by
 * `env/.env.<name>.user` (git-ignored, secrets), and `${{NAME}}` placeholders resolved from them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Parse dotenv text: `KEY=value`, `#` comments, optional `export `, single or double quotes. */
export function parseEnvFile(text: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (!line || line.startsWith('#')) continue;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!match) continue;
    const [, key = '', rest = ''] = match;
    let value = rest.trim();
    const quote = value[0];
    if ((quote === '"' || quote === "'") && value.length >= 2 && value.endsWith(quote)) {
      value = value.slice(1, -1);
      if (quote === '"') value = value.replace(/\\n/g, '\n');
    } else {
      value = value.replace(/\s+#.*$/, '');
    }
    vars[key] = value;
  }
  return vars;
}

/** The files read for an environment, in overlay order, and whether each exists. */
export function envFilesFor(envDir: string, envName: string): { path: string; exists: boolean }[] {
  return [join(envDir, `.env.${envName}`), join(envDir, `.env.${envName}.user`)].map((path) => ({
    path,
    exists: existsSync(path),
  }));
}

/**
 * Variables of one environment: `.env.<name>` then `.env.<name>.user`, plus `TEAMSFX_ENV` as the
 * Toolkit defines it. Throws when the environment has no `.env.<name>` file at all.
 */
export function loadEnvironment(envDir: string, envName: string): Record<string, string> {
  if (!/^[A-Za-z0-9_-]+$/.test(envName)) throw new Error(`invalid environment name "${envName}"`);
  const [base, user] = envFilesFor(envDir, envName);
  if (!base?.exists) throw new Error(`environment file ${base?.path ?? envName} not found`);
  const vars: Record<string, string> = { TEAMSFX_ENV: envName };
  for (const file of [base, user]) {
    if (file?.exists) Object.assign(vars, parseEnvFile(readFileSync(file.path, 'utf8')));
  }
  return vars;
}

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** Names of the `${{NAME}}` placeholders in a text, each once, in order of appearance. */
export function findPlaceholders(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ''))];
}

/**
 * Replace `${{NAME}}` placeholders. A name that is missing, or empty while not listed in
 * `mayBeEmpty`, is reported in `unresolved` and left in the text, so the caller can refuse it.
 */
export function resolvePlaceholders(
  text: string,
  vars: Readonly<Record<string, string | undefined>>,
  mayBeEmpty: ReadonlySet<string> = new Set(),
): { text: string; unresolved: string[] } {
  const unresolved = new Set<string>();
  const resolved = text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = vars[name];
    if (value === undefined || (value === '' && !mayBeEmpty.has(name))) {
      unresolved.add(name);
      return whole;
    }
    return value;
  });
  return { text: resolved, unresolved: [...unresolved] };
}
