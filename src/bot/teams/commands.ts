/**
 * The chat commands, declared once: the help card lists them, the message router dispatches on
 * them, and the app-package test checks that the manifest's command menu offers exactly these.
 * Keywords stay English in every language (people type them); descriptions live in the `bot`
 * catalog under `help.commands.<key>`.
 */

/** Every chat command: what a person types, and where the manifest offers it. */
export const CHAT_COMMANDS = {
  help: { keyword: 'help', scopes: ['personal', 'team'] },
  myScore: { keyword: 'my score', scopes: ['personal'] },
  leaderboard: { keyword: 'leaderboard', scopes: ['personal', 'team'] },
  board: { keyword: 'board', scopes: ['personal', 'team'] },
  language: { keyword: 'language', scopes: ['personal'] },
  pause: { keyword: 'pause', scopes: ['personal'] },
  resume: { keyword: 'resume', scopes: ['personal'] },
  audit: { keyword: 'audit', scopes: ['personal'] },
} as const satisfies Record<string, { keyword: string; scopes: ReadonlyArray<'personal' | 'team'> }>;

/** A chat command, named by its catalog key. */
export type ChatCommand = keyof typeof CHAT_COMMANDS;

/** Commands in menu order. */
export const CHAT_COMMAND_ORDER = Object.keys(CHAT_COMMANDS) as ChatCommand[];

/** A message read as a command: which one, and what followed the keyword (`language ja` -> `ja`). */
export interface ParsedCommand {
  command: ChatCommand;
  argument: string;
}

/**
 * Read a message as a command: case-insensitive, extra spaces and a trailing `.`/`!` ignored, a
 * leading `/` allowed (people coming from other bots type `/help`). Longest keyword wins, so
 * `my score` is never read as something shorter. `undefined` for anything else.
 */
export function parseCommand(text: string | undefined): ParsedCommand | undefined {
  const normalized = (text ?? '').replace(/\s+/g, ' ').trim().replace(/^\//, '').replace(/[.!。！]+$/u, '');
  const lower = normalized.toLowerCase();
  const byLength = [...CHAT_COMMAND_ORDER].sort((a, b) => CHAT_COMMANDS[b].keyword.length - CHAT_COMMANDS[a].keyword.length);
  for (const command of byLength) {
    const keyword = CHAT_COMMANDS[command].keyword;
    if (lower === keyword) return { command, argument: '' };
    if (lower.startsWith(`${keyword} `)) return { command, argument: normalized.slice(keyword.length).trim() };
  }
  return undefined;
}
