/** The wins card names a completed training module by its title, never by its id. */
import { describe, expect, it } from 'vitest';
import type { Messenger } from '../../../src/bot/services/ports.js';
import { createWinNotifier } from '../../../src/bot/teams/win-notifier.js';
import type { Language } from '../../../src/shared/domain/types.js';

function capture() {
  const sent: string[] = [];
  const messenger = {
    async sendToEmployee(_tenantId: string, _employeeId: string, build: (language: Language) => { attachments?: Array<{ content?: unknown }> }) {
      sent.push(JSON.stringify(build('ja').attachments?.[0]?.content));
      return true;
    },
  } as unknown as Messenger;
  return { sent, messenger };
}

const win = { id: 'p:training-completed:starter-press-ja', employeeId: 'p', kind: 'training-completed' as const, detail: 'starter-press-ja', at: '2026-12-03T10:00:00.000Z' };

describe('win notifier', () => {
  it('shows the module title', async () => {
    const { sent, messenger } = capture();
    await createWinNotifier(messenger, { trainingTitle: async () => '報道対応の基本' }).notifyWins('t', 'p', [win]);
    expect(sent[0]).toContain('報道対応の基本');
    expect(sent[0]).not.toContain('starter-press-ja');
  });

  it('falls back to the id when the module cannot be read', async () => {
    const { sent, messenger } = capture();
    await createWinNotifier(messenger, { trainingTitle: async () => { throw new Error('storage down'); } }).notifyWins('t', 'p', [win]);
    expect(sent[0]).toContain('starter-press-ja');
  });
});
