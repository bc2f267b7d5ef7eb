// Lint: typescript-eslint strict rules plus the import direction of the architecture.
// shared/domain imports nothing outside itself; shared imports neither bot nor tab nor any
// Teams, Azure, React or server-only package (no Node built-ins either: it runs in the browser);
// the tab never imports bot code and only src/tab/teams touches @microsoft/teams-js; only
// bot/storage touches Azure storage SDKs; http/, teams/, services/ and jobs/ never import
// storage/ (they see it through the ports in services/ports.ts; only the composition root wires
// the adapters). tests/lint/import-rules.test.ts plants a violation of each rule and expects it.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const teamsAzureReact = [
  '@microsoft/*', '@azure/*', 'botbuilder', 'botbuilder-*', 'botframework-*',
  'react', 'react-dom', 'react/*', 'react-dom/*', '@fluentui/*', 'adaptivecards', 'adaptivecards-*',
];
const serverOnly = ['fastify', '@fastify/*', 'jose', 'azurite'];
// Exact names (not gitignore-style patterns, where `domain` would also match `../domain/types.js`).
const nodeBuiltins = builtinModules.filter((m) => !m.startsWith('_')).map((name) => ({ name, message: 'src/shared runs in the browser too: no Node built-ins.' }));
const botImportRules = [
  { group: ['@azure/data-tables', '@azure/storage-queue'], message: 'Only src/bot/storage talks to Azure Storage.' },
  { group: ['**/tab/**'], message: 'The bot never imports tab code.' },
  { group: ['@microsoft/teams-js'], message: '@microsoft/teams-js is the tab\'s client SDK; it is imported only in src/tab/teams.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'coverage/**', 'node_modules/**', '.data/**', '.tmp/**', 'appPackage/build/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['src/shared/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { regex: '^(\\.\\./)+(bot|tab)(/|$)', message: 'src/shared must not import bot or tab code.' },
          { group: teamsAzureReact, message: 'src/shared must not import Teams, Azure or React packages.' },
          { regex: '^node:', message: 'src/shared runs in the browser too: no Node built-ins.' },
          { group: serverOnly, message: 'src/shared runs in the browser too: no server-only packages.' },
        ],
        paths: nodeBuiltins,
      }],
    },
  },
  {
    files: ['src/shared/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { regex: '^(?!\\./[^/]+$)', message: 'src/shared/domain is pure: it imports only sibling files of src/shared/domain (no packages, no node: built-ins).' },
        ],
      }],
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'Domain rules take time as an argument.' }],
      'no-restricted-globals': ['error', { name: 'process', message: 'Domain rules read no environment.' }],
    },
  },
  {
    files: ['src/tab/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/bot/**'], message: 'The tab never imports bot code.' },
          { group: ['@azure/*', 'botbuilder', 'botbuilder-*', '@microsoft/teams-ai'], message: 'The tab runs in the browser: no server SDKs.' },
        ],
      }],
    },
  },
  {
    files: ['src/tab/**/*.{ts,tsx}'],
    ignores: ['src/tab/teams/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/bot/**'], message: 'The tab never imports bot code.' },
          { group: ['@azure/*', 'botbuilder', 'botbuilder-*', '@microsoft/teams-ai'], message: 'The tab runs in the browser: no server SDKs.' },
          { group: ['@microsoft/teams-js'], message: 'Only src/tab/teams calls @microsoft/teams-js; the rest of the tab uses its host API.' },
        ],
      }],
    },
  },
  {
    files: ['src/bot/**/*.ts'],
    ignores: ['src/bot/storage/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: botImportRules }],
    },
  },
  {
    files: ['src/bot/{http,teams,services,jobs}/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          ...botImportRules,
          { group: ['**/storage/**'], message: 'http/, teams/, services/ and jobs/ reach storage only through the ports in services/ports.ts.' },
        ],
      }],
    },
  },
);
