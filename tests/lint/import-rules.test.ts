/**
 * The architecture's import rules (eslint.config.js) fire: each case lints a planted import at a
 * path inside the tree with the project's real ESLint configuration and expects
 * `no-restricted-imports` (or, for allowed imports, no problem at all). A rule that cannot fail
 * would let the layers drift silently.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const planted = 1;\n`, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import rules', () => {
  it.each([
    ['domain imports a package', 'src/shared/domain/planted.ts', "import { z } from 'zod';"],
    ['domain imports a Node built-in', 'src/shared/domain/planted.ts', "import { createHash } from 'node:crypto';"],
    ['domain imports outside itself', 'src/shared/domain/planted.ts', "import { catalogs } from '../i18n/index.js';"],
    ['shared imports bot code', 'src/shared/contracts/planted.ts', "import { loadConfig } from '../../bot/config.js';"],
    ['shared imports a Node built-in', 'src/shared/contracts/planted.ts', "import { readFileSync } from 'node:fs';"],
    ['shared imports a bare Node built-in', 'src/shared/i18n/planted.ts', "import { join } from 'path';"],
    ['shared imports a server package', 'src/shared/contracts/planted.ts', "import Fastify from 'fastify';"],
    ['shared imports a Teams package', 'src/shared/contracts/planted.ts', "import { app } from '@microsoft/teams-js';"],
    ['the tab imports bot code', 'src/tab/board/planted.ts', "import { loadConfig } from '../../bot/config.js';"],
    ['the tab imports a server SDK', 'src/tab/board/planted.ts', "import { TableClient } from '@azure/data-tables';"],
    ['the tab calls teams-js outside src/tab/teams', 'src/tab/board/planted.ts', "import { app } from '@microsoft/teams-js';"],
    ['a route imports the storage adapter', 'src/bot/http/planted.ts', "import { createTableRepositories } from '../storage/index.js';"],
    ['a Teams handler imports the storage adapter', 'src/bot/teams/planted.ts', "import { keys } from '../storage/keys.js';"],
    ['a service imports the storage adapter', 'src/bot/services/planted.ts', "import { guard } from '../storage/errors.js';"],
    ['a job imports the storage adapter', 'src/bot/jobs/planted.ts', "import { keys } from '../storage/keys.js';"],
    ['a handler keeps the Azure rule', 'src/bot/teams/planted.ts', "import { TableClient } from '@azure/data-tables';"],
    ['the bot imports the Azure storage SDK', 'src/bot/seed/planted.ts', "import { QueueClient } from '@azure/storage-queue';"],
    ['the bot imports tab code', 'src/bot/http/planted.ts', "import { App } from '../../tab/app/app.js';"],
    ['the bot imports teams-js', 'src/bot/teams/planted.ts', "import { app } from '@microsoft/teams-js';"],
  ])('refuses: %s', async (_what, filePath, code) => {
    expect(await restrictedImports(filePath, code)).not.toEqual([]);
  });

  it.each([
    ['domain imports a sibling', 'src/shared/domain/planted.ts', "import type { Employee } from './types.js';"],
    ['shared imports zod and the domain', 'src/shared/contracts/planted.ts', "import { z } from 'zod';\nimport type { Employee } from '../domain/types.js';"],
    ['src/tab/teams calls teams-js', 'src/tab/teams/planted.ts', "import { app } from '@microsoft/teams-js';"],
    ['a route imports a service and the ports', 'src/bot/http/planted.ts', "import { createBoardService } from '../services/board.service.js';\nimport type { Repositories } from '../services/ports.js';"],
    ['a service imports the typed errors', 'src/bot/services/planted.ts', "import { NotFoundError } from './errors.js';"],
    ['the composition root wires storage', 'src/bot/index.ts', "import { createTableRepositories } from './storage/index.js';"],
    ['storage imports the Azure SDK', 'src/bot/storage/planted.ts', "import { TableClient } from '@azure/data-tables';"],
  ])('allows: %s', async (_what, filePath, code) => {
    expect(await restrictedImports(filePath, code)).toEqual([]);
  });
});
