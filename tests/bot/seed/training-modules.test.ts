/**
 * The starter training modules: seven themes in six languages, each a valid, targeted module
 * (never one course for everyone), press training for spokespeople only, real translations.
 */
import { describe, expect, it } from 'vitest';
import { buildStarterModules, STARTER_TEXTS, STARTER_THEMES } from '../../../src/bot/seed/training-modules.js';
import { validateTrainingModule } from '../../../src/shared/domain/training.js';
import { SUPPORTED_LANGUAGES } from '../../../src/shared/domain/types.js';

const modules = buildStarterModules('t', new Date('2026-12-03T00:00:00.000Z'));

describe('starter training modules', () => {
  it('has every theme in every language, published, with unique ids', () => {
    expect(modules).toHaveLength(STARTER_THEMES.length * SUPPORTED_LANGUAGES.length);
    expect(new Set(modules.map((m) => m.id)).size).toBe(modules.length);
    for (const language of SUPPORTED_LANGUAGES) {
      expect(modules.filter((m) => m.languages[0] === language).map((m) => m.starterTheme).sort()).toEqual([...STARTER_THEMES].sort());
    }
    expect(modules.every((m) => m.state === 'published')).toBe(true);
  });

  it.each(modules.map((m) => [m.id, m] as const))('%s is a valid, targeted module', (_id, module) => {
    expect(validateTrainingModule(module)).toEqual({ valid: true, issues: [] });
    if (module.prerequisiteId) expect(modules.some((m) => m.id === module.prerequisiteId && m.languages[0] === module.languages[0])).toBe(true);
  });

  it('press training is for spokespeople only', () => {
    for (const m of modules.filter((x) => x.starterTheme === 'press')) {
      expect(m.targetPersonas).toEqual([]);
      expect(m.targetTopicRoles).toEqual(['spokesperson']);
    }
  });

  it.each(SUPPORTED_LANGUAGES.filter((l) => l !== 'en'))('%s is a translation, not an English copy', (language) => {
    for (const theme of STARTER_THEMES) {
      const text = STARTER_TEXTS[language][theme];
      const en = STARTER_TEXTS.en[theme];
      expect(text.title).not.toBe(en.title);
      expect(text.summary).not.toBe(en.summary);
      expect(text.body).not.toBe(en.body);
      expect(text.body.split('\n# ').length).toBe(en.body.split('\n# ').length); // same sections
    }
  });
});
