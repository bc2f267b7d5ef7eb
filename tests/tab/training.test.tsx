// @vitest-environment happy-dom
/**
 * Training components with Testing Library: the module form refuses a module with no target
 * before any request and posts the targets once one is chosen; My training (on My impact) shows
 * the caller's own progress and marks a started module done.
 */
import { cleanup, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { MyTrainingResponse, TrainingModuleDto } from '../../src/shared/contracts/training.js';
import { en } from '../../src/shared/i18n/catalogs/training/en.js';
import { ModuleForm } from '../../src/tab/training/module-form.js';
import { MyTrainingProgress } from '../../src/tab/training/my-progress.js';
import { renderInTab } from './support.js';

afterEach(cleanup);

const saved: TrainingModuleDto = {
  id: 'm-1',
  title: 'Post in your own words',
  format: 'article',
  learningStyle: 'reading',
  durationMinutes: 10,
  languages: ['en'],
  body: '- Three lines',
  targetPersonas: ['networker'],
  targetTopicRoles: [],
  state: 'draft',
  createdBy: 'trainer',
  createdAt: '2026-12-03T09:00:00.000Z',
  updatedAt: '2026-12-03T09:00:00.000Z',
};

describe('ModuleForm', () => {
  it('refuses a module with no target, then posts the chosen targets', async () => {
    const user = userEvent.setup();
    let done: TrainingModuleDto | undefined;
    const { seen } = await renderInTab(<ModuleForm modules={[]} onClose={() => undefined} onSaved={(m) => (done = m)} />, { 'POST /api/training/modules': () => [201, saved] });
    await user.type(await screen.findByTestId('module-title'), saved.title);
    await user.type(screen.getByTestId('module-body'), 'Three lines');
    await user.click(screen.getByTestId('module-save'));
    expect(await screen.findByText(en.form.noTarget)).toBeTruthy();
    expect(seen.filter((r) => r.method === 'POST')).toEqual([]);

    await user.click(screen.getByTestId('target-persona-networker'));
    await user.click(screen.getByTestId('module-save'));
    await waitFor(() => expect(done?.id).toBe('m-1'));
    const post = seen.find((r) => r.method === 'POST');
    expect(post?.body).toMatchObject({ title: saved.title, targetPersonas: ['networker'], targetTopicRoles: [], languages: ['en'], body: 'Three lines' });
  });
});

describe('MyTrainingProgress', () => {
  it("shows the caller's own progress and marks a started module done", async () => {
    const user = userEvent.setup();
    let state: MyTrainingResponse = {
      completed: 0,
      started: 1,
      items: [{ moduleId: 'm-1', title: saved.title, format: 'article', durationMinutes: 10, status: 'started', notNows: 0, startedAt: '2026-12-01T09:00:00.000Z' }],
      recommended: [],
    };
    const { seen } = await renderInTab(<MyTrainingProgress />, {
      'GET /api/training/me': () => [200, state],
      'POST /api/training/me/modules/m-1/done': () => {
        state = { ...state, completed: 1, started: 0, items: [{ ...state.items[0]!, status: 'completed', completedAt: '2026-12-03T09:00:00.000Z' }] };
        return [200, state.items[0]];
      },
    });
    expect(await screen.findByText('0 completed · 1 in progress')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: en.mine.done }));
    expect(await screen.findByText('1 completed · 0 in progress')).toBeTruthy();
    expect(seen.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/training/me', 'POST /api/training/me/modules/m-1/done', 'GET /api/training/me']);
  });
});
