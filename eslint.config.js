// Lint: typescript-eslint strict rules plus the import direction of the architecture.
// shared/domain imports nothing outside itself; shared imports neither bot nor tab nor any
// Teams, Azure or React package; the tab never imports bot code; only bot/storage touches Azure storage SDKs.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const teamsAzureReact = [
  '@microsoft/*', '@azure/*', 'botbuilder', 'botbuilder-*', 'botframework-*',
  'react', 'react-dom', 'react/*', 'react-dom/*', '@fluentui/*', 'adaptivecards', 'adaptivecards-*',
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
        ],
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
    files: ['src/bot/**/*.ts'],
    ignores: ['src/bot/storage/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['@azure/data-tables', '@azure/storage-queue'], message: 'Only src/bot/storage talks to Azure Storage.' },
          { group: ['**/tab/**'], message: 'The bot never imports tab code.' },
        ],
      }],
    },
  },
);
