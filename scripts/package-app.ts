/**
 * `npm run package -- --env dev`: builds the Teams app package an admin uploads in the Teams admin
 * centre. Resolves `${{NAME}}` placeholders from `env/.env.<env>` (+ git-ignored `.env.<env>.user`),
 * refuses unresolved ones, validates the manifest and every localization file offline against the
 * schemas bundled in @microsoft/app-manifest, checks the icons and cross-references, then zips
 * manifest.json, the icons and the localization files into appPackage/build/appPackage.<env>.zip.
 */
import { mkdirSync, readFileSync, writeFileSync, createWriteStream, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import { findPlaceholders, loadEnvironment, resolvePlaceholders } from './lib/env-files.js';
import { decodePng, readPngHeader } from './lib/png.js';
import { languageOfFile, syncLocalization, syncManifest } from './lib/manifest-parts.js';
import { validateAgainstBundledSchema } from './lib/schema-validation.js';

/** Placeholders that may resolve to an empty string (e.g. no name suffix in production). */
export const MAY_BE_EMPTY: ReadonlySet<string> = new Set(['APP_NAME_SUFFIX']);
const ICON_SIZES = { color: 192, outline: 32 } as const;
/** A fixed timestamp makes the zip byte-for-byte reproducible. */
const ZIP_MTIME = new Date('2020-01-01T00:00:00Z');

type Json = Record<string, unknown>;

/** Options of one packaging run. */
export interface PackageOptions {
  /** Environment name, used in the zip file name. */
  env: string;
  /** Variables that resolve the placeholders. */
  vars: Readonly<Record<string, string | undefined>>;
  /** Folder holding manifest.json, icons and localization files (default `appPackage`). */
  sourceDir?: string;
  /** Output folder (default `<sourceDir>/build`). */
  outDir?: string;
}

/** What a run produced, or every problem found, one readable line each. */
export type PackageResult =
  | { ok: true; zipPath: string; manifestPath: string; entries: string[]; manifest: Json; schemaVersion: string }
  | { ok: false; errors: string[] };

const sortedJson = (doc: Json) => JSON.stringify(Object.fromEntries(Object.entries(doc).sort(([a], [b]) => a.localeCompare(b))));

/**
 * The generated sections (scripts/lib/manifest-parts.ts) as the declarations make them now, or a
 * line per file that drifted. Reads the files as written (placeholders unresolved).
 */
export function checkGeneratedSections(sourceDir: string): string[] {
  const errors: string[] = [];
  const fix = 'run `npm run package -- --sync` and commit the result';
  let manifest: Json;
  try {
    manifest = JSON.parse(readFileSync(join(sourceDir, 'manifest.json'), 'utf8')) as Json;
  } catch {
    return []; // reported by the build itself
  }
  const synced = syncManifest(manifest);
  for (const key of ['bots', 'staticTabs', 'dashboardCards']) {
    if (JSON.stringify(synced[key]) !== JSON.stringify(manifest[key])) {
      errors.push(`manifest.json: ${key} differs from the app's declarations (chat commands, tab pages, Viva card); ${fix}`);
    }
  }
  for (const file of localeFilesOf(manifest)) {
    const language = languageOfFile(manifest, file);
    if (!language || !existsSync(join(sourceDir, file))) continue;
    let doc: Json;
    try {
      doc = JSON.parse(readFileSync(join(sourceDir, file), 'utf8')) as Json;
    } catch {
      continue;
    }
    if (sortedJson(syncLocalization(doc, language)) !== sortedJson(doc)) {
      errors.push(`${file}: tab names or command descriptions differ from the ${language} catalogs; ${fix}`);
    }
  }
  return errors;
}

/** Write the generated sections into the committed manifest and localization files. */
export function syncSourceFiles(sourceDir = 'appPackage'): string[] {
  const written: string[] = [];
  const manifestPath = join(sourceDir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Json;
  writeFileSync(manifestPath, `${JSON.stringify(syncManifest(manifest), null, 2)}\n`);
  written.push(manifestPath);
  for (const file of localeFilesOf(manifest)) {
    const language = languageOfFile(manifest, file);
    const path = join(sourceDir, file);
    if (!language || !existsSync(path)) continue;
    writeFileSync(path, `${JSON.stringify(syncLocalization(JSON.parse(readFileSync(path, 'utf8')) as Json, language), null, 2)}\n`);
    written.push(path);
  }
  return written;
}

function localeFilesOf(manifest: Json): string[] {
  const info = (manifest.localizationInfo ?? {}) as { defaultLanguageFile?: string; additionalLanguages?: { file: string }[] };
  return [info.defaultLanguageFile, ...(info.additionalLanguages ?? []).map((l) => l.file)].filter((f): f is string => typeof f === 'string');
}

/** Follow a localization key such as `bots[0].commandLists[1].commands[2].description`. */
export function valueAtPath(doc: unknown, path: string): unknown {
  let node: unknown = doc;
  for (const part of path.replace(/\[(\d+)\]/g, '.$1').split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** Icons: right sizes, PNG, and the outline white on transparent as Teams requires. */
export function checkIcons(files: ReadonlyMap<string, Buffer>, manifest: Json): string[] {
  const icons = (manifest.icons ?? {}) as Record<string, string>;
  const errors: string[] = [];
  for (const [kind, size] of Object.entries(ICON_SIZES)) {
    const name = icons[kind];
    const bytes = name ? files.get(name) : undefined;
    if (!name || !bytes) {
      errors.push(`icons.${kind}: file ${name ?? '(none)'} not found`);
      continue;
    }
    try {
      const { width, height } = readPngHeader(bytes);
      if (width !== size || height !== size) errors.push(`${name}: ${width}x${height}, must be ${size}x${size}`);
      if (kind === 'outline') {
        const { data } = decodePng(bytes);
        for (let i = 0; i < data.length; i += 4) {
          if ((data[i + 3] ?? 0) > 0 && (data[i] !== 255 || data[i + 1] !== 255 || data[i + 2] !== 255)) {
            errors.push(`${name}: must be white (#FFFFFF) on transparent; pixel ${i / 4} is not`);
            break;
          }
        }
      }
    } catch (error) {
      errors.push(`${name}: ${(error as Error).message}`);
    }
  }
  return errors;
}

/** Cross-file rules the schemas cannot express. */
export function checkReferences(manifest: Json, locales: ReadonlyMap<string, Json>, defaultFile?: string): string[] {
  const errors: string[] = [];
  const domains = new Set((manifest.validDomains as string[] | undefined) ?? []);
  const urls = [
    ...((manifest.staticTabs as Json[] | undefined) ?? []).map((t) => t.contentUrl),
    ...((manifest.configurableTabs as Json[] | undefined) ?? []).map((t) => t.configurationUrl),
  ].filter((u): u is string => typeof u === 'string');
  for (const url of urls) {
    let host = '';
    try {
      host = new URL(url).host;
    } catch {
      errors.push(`manifest.json: "${url}" is not a valid URL`);
      continue;
    }
    if (!url.startsWith('https://')) errors.push(`manifest.json: ${url} must use https`);
    if (!domains.has(host)) errors.push(`manifest.json: host ${host} of ${url} is missing from validDomains`);
  }
  const keySets = [...locales].map(([file, doc]) => [file, Object.keys(doc).sort().join('\n')] as const);
  for (const [file, doc] of locales) {
    for (const [key, value] of Object.entries(doc)) {
      if (key === '$schema' || key === 'localizationKeys') continue;
      const target = valueAtPath(manifest, key);
      if (typeof target !== 'string') errors.push(`${file}: key "${key}" matches nothing in manifest.json`);
      else if (file === defaultFile && target !== value) {
        errors.push(`${file}: "${key}" differs from manifest.json (the default language file must match it)`);
      }
    }
    if (keySets[0] && keySets.find(([f]) => f === file)?.[1] !== keySets[0][1]) {
      errors.push(`${file}: keys differ from ${keySets[0][0]}; every localization file must translate the same keys`);
    }
  }
  return errors;
}

function parseJson(text: string, label: string, errors: string[]): Json | undefined {
  try {
    return JSON.parse(text) as Json;
  } catch (error) {
    errors.push(`${label}: not valid JSON after resolving placeholders (${(error as Error).message})`);
    return undefined;
  }
}

/** Resolve, validate and zip. Never throws for a bad package: problems come back in `errors`. */
export async function buildAppPackage(options: PackageOptions): Promise<PackageResult> {
  const sourceDir = resolve(options.sourceDir ?? 'appPackage');
  const outDir = resolve(options.outDir ?? join(sourceDir, 'build'));
  const errors: string[] = [];
  // Values go into JSON strings: escape them so a quote or backslash cannot break the document.
  const jsonVars = Object.fromEntries(
    Object.entries(options.vars).map(([k, v]) => [k, v === undefined ? undefined : JSON.stringify(v).slice(1, -1)]),
  );
  const readResolved = (name: string): Json | undefined => {
    const path = join(sourceDir, name);
    if (!existsSync(path)) {
      errors.push(`${name}: file not found in ${sourceDir}`);
      return undefined;
    }
    const { text, unresolved } = resolvePlaceholders(readFileSync(path, 'utf8'), jsonVars, MAY_BE_EMPTY);
    for (const placeholder of unresolved) {
      const where = `env/.env.${options.env}${placeholder.startsWith('SECRET_') ? '.user' : ''}`;
      errors.push(`${name}: placeholder \${{${placeholder}}} is missing or empty in ${where} (provision first, or set it)`);
    }
    return unresolved.length > 0 ? undefined : parseJson(text, name, errors);
  };

  const manifest = readResolved('manifest.json');
  const localization = (manifest?.localizationInfo ?? {}) as { defaultLanguageFile?: string; additionalLanguages?: { file: string }[] };
  const localeFiles = [localization.defaultLanguageFile, ...(localization.additionalLanguages ?? []).map((l) => l.file)].filter(
    (f): f is string => typeof f === 'string',
  );
  const locales = new Map<string, Json>();
  for (const file of localeFiles) {
    const doc = readResolved(file);
    if (doc) locales.set(file, doc);
  }
  // Refuse unresolved placeholders before anything else: schema errors about them would only be noise.
  if (!manifest || errors.length > 0) return { ok: false, errors };
  errors.push(...checkGeneratedSections(sourceDir));

  const domain = options.vars.BOT_DOMAIN;
  if (domain && !/^[a-z0-9.-]+(:\d+)?$/i.test(domain)) {
    errors.push(`BOT_DOMAIN "${domain}" must be a host name without scheme or path`);
  }
  errors.push(...(await validateAgainstBundledSchema(manifest, 'manifest.json')));
  for (const [file, doc] of locales) errors.push(...(await validateAgainstBundledSchema(doc, file)));
  errors.push(...checkReferences(manifest, locales, localization.defaultLanguageFile));

  const icons = (manifest.icons ?? {}) as Record<string, string>;
  const iconFiles = new Map<string, Buffer>();
  for (const name of Object.values(icons)) {
    const path = join(sourceDir, name);
    if (existsSync(path)) iconFiles.set(name, readFileSync(path));
  }
  errors.push(...checkIcons(iconFiles, manifest));
  if (errors.length > 0) return { ok: false, errors };

  mkdirSync(outDir, { recursive: true });
  const zipPath = join(outDir, `appPackage.${options.env}.zip`);
  const manifestPath = join(outDir, `manifest.${options.env}.json`);
  const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
  writeFileSync(manifestPath, manifestText);
  const zip = new yazl.ZipFile();
  const entries: string[] = [];
  const add = (buffer: Buffer, name: string) => {
    zip.addBuffer(buffer, name, { mtime: ZIP_MTIME, mode: 0o100644 });
    entries.push(name);
  };
  add(Buffer.from(manifestText), 'manifest.json');
  for (const [name, bytes] of iconFiles) add(bytes, name);
  for (const [name, doc] of locales) add(Buffer.from(`${JSON.stringify(doc, null, 2)}\n`), name);
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(zipPath));
  const schemaVersion = String(manifest.manifestVersion ?? '');
  return { ok: true, zipPath, manifestPath, entries, manifest, schemaVersion };
}

/** Every placeholder name the package files use, for docs and env checks. */
export function placeholdersIn(sourceDir = 'appPackage'): string[] {
  const manifestText = readFileSync(join(sourceDir, 'manifest.json'), 'utf8');
  const names = new Set(findPlaceholders(manifestText));
  const manifest = JSON.parse(manifestText) as { localizationInfo?: { defaultLanguageFile?: string; additionalLanguages?: { file: string }[] } };
  const info = manifest.localizationInfo;
  for (const file of [info?.defaultLanguageFile, ...(info?.additionalLanguages ?? []).map((l) => l.file)]) {
    if (file) for (const name of findPlaceholders(readFileSync(join(sourceDir, file), 'utf8'))) names.add(name);
  }
  return [...names];
}

/**
 * Fill placeholders the env files leave missing or empty from the process environment (Teams
 * Toolkit actions and CI pass values that way); a value in the files always wins.
 */
export function withProcessEnv(
  vars: Readonly<Record<string, string>>,
  names: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): Record<string, string> {
  const out = { ...vars };
  for (const name of names) {
    const fromEnv = env[name];
    if (!out[name] && fromEnv) out[name] = fromEnv;
  }
  return out;
}

/** Parse `--env dev` / `--env=dev` (default `local`) and `--sync`. */
export function parseArgs(argv: readonly string[]): { env: string; sync: boolean } {
  let env = 'local';
  argv.forEach((arg, i) => {
    if (arg === '--env') env = argv[i + 1] ?? env;
    else if (arg.startsWith('--env=')) env = arg.slice('--env='.length);
  });
  return { env, sync: argv.includes('--sync') };
}

async function main(): Promise<number> {
  const { env, sync } = parseArgs(process.argv.slice(2));
  if (sync) for (const path of syncSourceFiles(resolve('appPackage'))) console.log(`synced ${path}`);
  let vars: Record<string, string>;
  try {
    vars = withProcessEnv(loadEnvironment(resolve('env'), env), placeholdersIn(resolve('appPackage')));
  } catch (error) {
    console.error(`Cannot package for "${env}": ${(error as Error).message}`);
    return 1;
  }
  const result = await buildAppPackage({ env, vars });
  if (!result.ok) {
    console.error(`App package for "${env}" NOT built, ${result.errors.length} problem(s):`);
    for (const error of result.errors) console.error(`  - ${error}`);
    return 1;
  }
  console.log(`Schema validation passed (manifest v${result.schemaVersion}, ${result.entries.length - 3} localization files, icons checked).`);
  console.log(`App package: ${result.zipPath}`);
  console.log(`Resolved manifest: ${result.manifestPath}`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
