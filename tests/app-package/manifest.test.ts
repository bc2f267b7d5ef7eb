/**
 * The Teams app package: placeholders resolved from a test environment, offline schema
 * validation of the manifest and every localization file, icons, zip contents, and the refusals.
 * Plus a cheap guard on the Bicep template's security-relevant lines.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { parseEnvFile, resolvePlaceholders } from '../../scripts/lib/env-files.js';
import { encodePng, readPngHeader } from '../../scripts/lib/png.js';
import { drawColorIcon, drawOutlineIcon } from '../../scripts/make-icons.js';
import { buildAppPackage, checkIcons, parseArgs, placeholdersIn, syncSourceFiles, withProcessEnv } from '../../scripts/package-app.js';
import { CHAT_COMMAND_ORDER, CHAT_COMMANDS } from '../../src/bot/teams/commands.js';
import { MESSAGE_EXTENSION_COMMANDS } from '../../src/bot/teams/verbs.js';

const TEST_VARS = {
  TEAMS_APP_ID: '11111111-2222-4333-8444-555555555555',
  BOT_ID: '66666666-7777-4888-9999-aaaaaaaaaaaa',
  AAD_APP_CLIENT_ID: 'bbbbbbbb-cccc-4ddd-8eee-ffffffffffff',
  BOT_DOMAIN: 'advocacy.example.com',
  APP_NAME_SUFFIX: '-test',
};
const LOCALE_FILES = ['en.json', 'ja.json', 'th.json', 'ru.json', 'it.json', 'zh.json'];

const tempDirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'app-package-'));
  tempDirs.push(dir);
  return dir;
}
afterAll(() => tempDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Entries of a zip file (central directory), inflated. Enough for yazl's output. */
function readZip(zip: Buffer): Map<string, Buffer> {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(eocd + 10);
  let offset = zip.readUInt32LE(eocd + 16);
  const entries = new Map<string, Buffer>();
  for (let i = 0; i < count; i += 1) {
    const method = zip.readUInt16LE(offset + 10);
    const size = zip.readUInt32LE(offset + 20);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extra = zip.readUInt16LE(offset + 30);
    const comment = zip.readUInt16LE(offset + 32);
    const local = zip.readUInt32LE(offset + 42);
    const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(dataStart, dataStart + size);
    entries.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    offset += 46 + nameLength + extra + comment;
  }
  return entries;
}

describe('app package', async () => {
  const outDir = tempDir();
  const result = await buildAppPackage({ env: 'test', vars: TEST_VARS, sourceDir: 'appPackage', outDir });

  it('passes offline schema validation and the cross-file checks', () => {
    expect(result.ok ? [] : result.errors).toEqual([]);
    expect(result.ok && result.zipPath).toBe(join(outDir, 'appPackage.test.zip'));
  });

  it('uses a bundled, current manifest schema', () => {
    if (!result.ok) throw new Error('package failed');
    expect(result.manifest.$schema).toBe(
      `https://developer.microsoft.com/json-schemas/teams/v${result.schemaVersion}/MicrosoftTeams.schema.json`,
    );
    expect(Number(result.schemaVersion.split('.')[1])).toBeGreaterThanOrEqual(19);
  });

  it('zips the manifest, both icons and every localization file, with nothing unresolved', () => {
    if (!result.ok) throw new Error('package failed');
    const entries = readZip(readFileSync(result.zipPath));
    expect([...entries.keys()].sort()).toEqual(['color.png', 'manifest.json', 'outline.png', ...LOCALE_FILES].sort());
    for (const [name, bytes] of entries) {
      if (name.endsWith('.json')) expect(bytes.toString('utf8'), name).not.toMatch(/\$\{\{/);
    }
    const manifest = JSON.parse(entries.get('manifest.json')?.toString('utf8') ?? '{}') as Record<string, unknown>;
    expect(manifest.id).toBe(TEST_VARS.TEAMS_APP_ID);
    expect(manifest.webApplicationInfo).toEqual({
      id: TEST_VARS.AAD_APP_CLIENT_ID,
      resource: `api://advocacy.example.com/${TEST_VARS.AAD_APP_CLIENT_ID}`,
    });
    expect(readPngHeader(entries.get('color.png') ?? Buffer.alloc(0))).toMatchObject({ width: 192, height: 192 });
    expect(readPngHeader(entries.get('outline.png') ?? Buffer.alloc(0))).toMatchObject({ width: 32, height: 32 });
  });

  it('points every tab at the bot domain over https', () => {
    if (!result.ok) throw new Error('package failed');
    const m = result.manifest as {
      staticTabs: { entityId: string; contentUrl: string }[];
      configurableTabs: { configurationUrl: string }[];
      validDomains: string[];
    };
    expect(m.staticTabs.map((t) => t.entityId)).toEqual(['board', 'impact', 'leaderboard', 'topics', 'training', 'pilot', 'analytics', 'admin']);
    for (const tab of m.staticTabs) {
      expect(tab.contentUrl).toBe(`https://advocacy.example.com/tab/index.html#/${tab.entityId}`);
    }
    expect(m.configurableTabs[0]?.configurationUrl).toBe('https://advocacy.example.com/tab/index.html#/leaderboard/configure');
    expect(m.validDomains).toEqual(['advocacy.example.com']);
  });

  it('declares the bot commands, the board search and the Viva card for the same bot', () => {
    if (!result.ok) throw new Error('package failed');
    const m = result.manifest as {
      bots: { botId: string; commandLists: { scopes: string[]; commands: { title: string }[] }[] }[];
      composeExtensions: { botId: string; commands: { id: string; type: string }[] }[];
      dashboardCards: { contentSource: { botConfiguration: { botId: string } } }[];
    };
    // The chat commands are declared once (src/bot/teams/commands.ts); the menu offers exactly those.
    const inScope = (scope: 'personal' | 'team') =>
      CHAT_COMMAND_ORDER.filter((c) => (CHAT_COMMANDS[c].scopes as readonly string[]).includes(scope)).map((c) => CHAT_COMMANDS[c].keyword);
    expect(m.bots[0]?.commandLists[0]?.commands.map((c) => c.title)).toEqual(inScope('personal'));
    expect(m.bots[0]?.commandLists[0]?.scopes).toEqual(['personal']);
    expect(m.bots[0]?.commandLists[1]?.commands.map((c) => c.title)).toEqual(inScope('team'));
    expect(m.bots[0]?.commandLists[1]?.scopes).toEqual(['team']);
    expect(m.composeExtensions[0]?.commands[0]).toMatchObject({ id: MESSAGE_EXTENSION_COMMANDS.searchBoard, type: 'query' });
    expect(m.composeExtensions[0]?.botId).toBe(TEST_VARS.BOT_ID);
    expect(m.dashboardCards[0]?.contentSource.botConfiguration.botId).toBe(TEST_VARS.BOT_ID);
  });

  it('has localization files that all translate the same keys', () => {
    const keys = LOCALE_FILES.map((file) => Object.keys(JSON.parse(readFileSync(join('appPackage', file), 'utf8')) as object).sort());
    for (const [i, fileKeys] of keys.entries()) expect(fileKeys, LOCALE_FILES[i]).toEqual(keys[0]);
    const ja = JSON.parse(readFileSync('appPackage/ja.json', 'utf8')) as Record<string, string>;
    const en = JSON.parse(readFileSync('appPackage/en.json', 'utf8')) as Record<string, string>;
    expect(ja['description.short']).not.toBe(en['description.short']);
  });

  it('uses exactly the placeholders the Toolkit writes', () => {
    expect(placeholdersIn('appPackage').sort()).toEqual(Object.keys(TEST_VARS).sort());
  });
});

describe('refusals', () => {
  function copyOfAppPackage(): string {
    const dir = tempDir();
    for (const file of readdirSync('appPackage')) {
      if (file !== 'build') cpSync(join('appPackage', file), join(dir, file));
    }
    return dir;
  }

  it('refuses a manifest with an unresolved placeholder and builds no zip', async () => {
    const sourceDir = copyOfAppPackage();
    const manifestPath = join(sourceDir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { developer: { websiteUrl: string } };
    manifest.developer.websiteUrl = 'https://${{SUPPORT_DOMAIN}}/';
    writeFileSync(manifestPath, JSON.stringify(manifest));
    const result = await buildAppPackage({ env: 'test', vars: TEST_VARS, sourceDir, outDir: join(sourceDir, 'build') });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors).toEqual([expect.stringContaining('${{SUPPORT_DOMAIN}}')]);
    expect(readdirSync(sourceDir)).not.toContain('build');
  });

  it('validates localization files too: a name over 30 characters is refused', async () => {
    const sourceDir = copyOfAppPackage();
    const jaPath = join(sourceDir, 'ja.json');
    const ja = JSON.parse(readFileSync(jaPath, 'utf8')) as Record<string, string>;
    ja['name.short'] = 'アドボカシー・ハブ'.repeat(4);
    writeFileSync(jaPath, JSON.stringify(ja));
    const result = await buildAppPackage({ env: 'test', vars: TEST_VARS, sourceDir, outDir: join(sourceDir, 'build') });
    expect(result.ok ? [] : result.errors).toContainEqual(expect.stringMatching(/^ja\.json: \/name\.short must NOT have more than 30/));
  });

  it('refuses an empty required value but allows an empty name suffix', async () => {
    const empty = await buildAppPackage({ env: 'test', vars: { ...TEST_VARS, BOT_ID: '' }, outDir: tempDir() });
    expect(empty.ok ? [] : empty.errors).toContainEqual(expect.stringContaining('${{BOT_ID}}'));
    const noSuffix = await buildAppPackage({ env: 'prod', vars: { ...TEST_VARS, APP_NAME_SUFFIX: '' }, outDir: tempDir() });
    expect(noSuffix.ok ? [] : noSuffix.errors).toEqual([]);
  });

  it('reports schema errors and a wrong BOT_DOMAIN readably', async () => {
    const result = await buildAppPackage({
      env: 'test',
      vars: { ...TEST_VARS, TEAMS_APP_ID: 'not-a-guid', BOT_DOMAIN: 'https://advocacy.example.com' },
      outDir: tempDir(),
    });
    const errors = result.ok ? [] : result.errors;
    expect(errors).toContainEqual(expect.stringMatching(/^manifest\.json: \/id must match pattern/));
    expect(errors).toContainEqual(expect.stringContaining('BOT_DOMAIN "https://advocacy.example.com"'));
  });

  it('refuses a manifest that drifted from the app\'s declarations, and --sync repairs it', async () => {
    const sourceDir = copyOfAppPackage();
    const manifestPath = join(sourceDir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { bots: { commandLists: { commands: unknown[] }[] }[]; staticTabs: unknown[] };
    manifest.bots[0]!.commandLists[0]!.commands.splice(1, 1);
    manifest.staticTabs.splice(3, 1);
    writeFileSync(manifestPath, JSON.stringify(manifest));
    const drifted = await buildAppPackage({ env: 'test', vars: TEST_VARS, sourceDir, outDir: join(sourceDir, 'build') });
    const errors = drifted.ok ? [] : drifted.errors;
    expect(errors).toContainEqual(expect.stringMatching(/^manifest\.json: bots differs from the app's declarations.*npm run package -- --sync/));
    expect(errors).toContainEqual(expect.stringMatching(/^manifest\.json: staticTabs differs/));
    syncSourceFiles(sourceDir);
    const repaired = await buildAppPackage({ env: 'test', vars: TEST_VARS, sourceDir, outDir: join(sourceDir, 'build') });
    expect(repaired.ok ? [] : repaired.errors).toEqual([]);
  });

  it('npm run package: exit 0 and a zip for a good package, exit 1 with every problem listed for a broken one', () => {
    const root = tempDir();
    const sourceDir = join(root, 'appPackage');
    mkdirSync(join(root, 'env'));
    cpSync(copyOfAppPackage(), sourceDir, { recursive: true });
    writeFileSync(join(root, 'env', '.env.ci'), Object.entries(TEST_VARS).map(([k, v]) => `${k}=${v}`).join('\n'));
    const run = () => spawnSync(resolve('node_modules/.bin/tsx'), [resolve('scripts/package-app.ts'), '--env', 'ci'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    const good = run();
    expect(good.status, good.stderr).toBe(0);
    expect(good.stdout).toContain('Schema validation passed');
    expect(existsSync(join(sourceDir, 'build', 'appPackage.ci.zip'))).toBe(true);

    rmSync(join(sourceDir, 'build'), { recursive: true });
    const manifest = JSON.parse(readFileSync(join(sourceDir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    delete manifest.version;
    manifest.accentColor = 'teal';
    writeFileSync(join(sourceDir, 'manifest.json'), JSON.stringify(manifest));
    rmSync(join(sourceDir, 'outline.png'));
    const broken = run();
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain('App package for "ci" NOT built');
    expect(broken.stderr).toMatch(/manifest\.json: .*version/);
    expect(broken.stderr).toMatch(/manifest\.json: \/accentColor/);
    expect(broken.stderr).toContain('icons.outline: file outline.png not found');
    expect(existsSync(join(sourceDir, 'build'))).toBe(false);
  }, 120_000);

  it('keeps the committed icons identical to what scripts/make-icons.ts draws', () => {
    expect(readFileSync('appPackage/color.png').equals(encodePng(drawColorIcon()))).toBe(true);
    expect(readFileSync('appPackage/outline.png').equals(encodePng(drawOutlineIcon()))).toBe(true);
  });

  it('refuses icons of the wrong size or an outline that is not white', () => {
    const color = readFileSync('appPackage/color.png');
    const files = new Map([['color.png', readFileSync('appPackage/outline.png')], ['outline.png', color]]);
    const errors = checkIcons(files, { icons: { color: 'color.png', outline: 'outline.png' } });
    expect(errors).toContainEqual('color.png: 32x32, must be 192x192');
    expect(errors).toContainEqual('outline.png: 192x192, must be 32x32');
    expect(errors).toContainEqual(expect.stringContaining('outline.png: must be white'));
  });
});

describe('environment files', () => {
  it('parses dotenv text and resolves placeholders', () => {
    const vars = parseEnvFile('# c\nA=1\nexport B="two words"\nC=x # note\nEMPTY=\n');
    expect(vars).toEqual({ A: '1', B: 'two words', C: 'x', EMPTY: '' });
    expect(resolvePlaceholders('${{A}}-${{ B }}-${{EMPTY}}-${{NOPE}}', vars)).toEqual({
      text: '1-two words-${{EMPTY}}-${{NOPE}}',
      unresolved: ['EMPTY', 'NOPE'],
    });
    expect(parseArgs(['--env', 'dev'])).toEqual({ env: 'dev', sync: false });
    expect(parseArgs(['--env=prod', '--sync'])).toEqual({ env: 'prod', sync: true });
    expect(parseArgs([])).toEqual({ env: 'local', sync: false });
    // Values the Toolkit or CI pass in the environment fill what the files leave empty; the files win otherwise.
    expect(withProcessEnv({ BOT_ID: '', BOT_DOMAIN: 'a.example' }, ['BOT_ID', 'BOT_DOMAIN', 'TEAMS_APP_ID'], { BOT_ID: 'from-env', BOT_DOMAIN: 'b.example', PATH: '/bin' })).toEqual({
      BOT_ID: 'from-env',
      BOT_DOMAIN: 'a.example',
    });
  });

  it('keeps secrets out of the committed env files', () => {
    for (const file of readdirSync('env').filter((f) => f.startsWith('.env.') && !f.endsWith('.user'))) {
      const vars = parseEnvFile(readFileSync(join('env', file), 'utf8'));
      for (const [key, value] of Object.entries(vars)) {
        if (key.startsWith('SECRET_')) expect(value, `${file}: ${key}`).toBe('');
      }
    }
  });
});

describe('infra/azure.bicep', () => {
  const bicep = readFileSync('infra/azure.bicep', 'utf8');

  it('grants the web app data-plane roles on storage, never account keys', () => {
    expect(bicep).toContain('0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3');
    expect(bicep).toContain('974c5e8b-45b9-4653-ba55-5f855dd0fb88');
    expect(bicep).toMatch(/allowSharedKeyAccess:\s*false/);
    expect(bicep).not.toContain('listKeys(');
    expect(bicep).not.toMatch(/AccountKey=/i);
  });

  it('storage roles go to the web app\'s system-assigned identity; several instances; no key or secret in any output', () => {
    expect(bicep).toMatch(/type:\s*'SystemAssigned, UserAssigned'/);
    expect(bicep.match(/principalId:\s*webApp\.identity\.principalId/g)).toHaveLength(2);
    expect(bicep).not.toContain('AZURE_CLIENT_ID');
    // Every secret production requires (src/bot/config.ts) reaches the app settings from a secure parameter.
    for (const secret of ['SECRET_CLICK_KEY', 'SECRET_LINK_CODE_KEY']) {
      expect(bicep).toMatch(new RegExp(`${secret}: \\w+`));
      expect(readFileSync('infra/azure.parameters.json', 'utf8')).toContain(`\${{${secret}}}`);
    }
    expect(bicep).toMatch(/capacity:\s*instanceCount/);
    expect(bicep).toMatch(/param instanceCount int = [2-9]/);
    expect(bicep).toContain("channelName: 'MsTeamsChannel'");
    expect(bicep).toContain("channelName: 'M365Extensions'");
    const outputs = bicep.split('\n').filter((line) => line.startsWith('output '));
    expect(outputs.length).toBeGreaterThan(3);
    for (const line of outputs) expect(line).not.toMatch(/key|secret|password|connectionstring|clickKey/i);
  });

  it('runs on a Node LTS of 22 or later over HTTPS only', () => {
    expect(bicep).toMatch(/'NODE\|(2[2-9]|[3-9]\d)-lts'/);
    expect(bicep).toMatch(/httpsOnly:\s*true/);
  });
});
