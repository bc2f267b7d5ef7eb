/**
 * The starter training modules shipped with the product (issue 11), written from the seed
 * documents: one module per theme and language, each aimed at the personas and topic roles the
 * theme serves (never one course for everyone, seed 000/001). Stored as ordinary published
 * modules (`starterTheme` set), so trainers and admins edit, retire or push them like their own.
 *
 * Themes: best times and frequency per network, what works on each network (seed 003's launch
 * presentation); writing in your own words and commenting on industry content, growing your
 * network (000/001); connecting with external influencers on your topic, blogging and presenting,
 * speaking to the press for spokespeople only (004).
 */
import type { TrainingFormat, TrainingModuleRecord } from '../../shared/domain/training.js';
import { SUPPORTED_LANGUAGES, type Language, type LearningStyle, type Persona, type TopicRole } from '../../shared/domain/types.js';
import { STARTER_TEXT_EN } from './training-modules-en.js';
import { STARTER_TEXT_IT } from './training-modules-it.js';
import { STARTER_TEXT_JA } from './training-modules-ja.js';
import { STARTER_TEXT_RU } from './training-modules-ru.js';
import { STARTER_TEXT_TH } from './training-modules-th.js';
import { STARTER_TEXT_ZH } from './training-modules-zh.js';

export const STARTER_THEMES = ['best-times', 'what-works', 'own-words', 'grow-network', 'external-influencers', 'blogging-presenting', 'press'] as const;
export type StarterTheme = (typeof STARTER_THEMES)[number];

/** A starter module's text in one language. */
export interface StarterText {
  title: string;
  summary: string;
  /** Markdown. */
  body: string;
}

export type StarterTexts = Record<StarterTheme, StarterText>;

interface ThemeSpec {
  format: TrainingFormat;
  learningStyle: LearningStyle;
  durationMinutes: number;
  targetPersonas: Persona[];
  targetTopicRoles: TopicRole[];
  prerequisite?: StarterTheme;
}

/** Who each theme is for and how it is taught. */
export const STARTER_THEME_SPECS: Record<StarterTheme, ThemeSpec> = {
  'best-times': { format: 'article', learningStyle: 'reading', durationMinutes: 6, targetPersonas: ['observer', 'sharer', 'networker'], targetTopicRoles: ['social-mind'] },
  'what-works': { format: 'checklist', learningStyle: 'hands-on', durationMinutes: 8, targetPersonas: ['observer', 'sharer', 'networker'], targetTopicRoles: ['social-mind'], prerequisite: 'best-times' },
  'own-words': { format: 'checklist', learningStyle: 'hands-on', durationMinutes: 10, targetPersonas: ['sharer', 'networker', 'influencer'], targetTopicRoles: ['social-mind', 'subject-matter-expert'] },
  'grow-network': { format: 'article', learningStyle: 'reading', durationMinutes: 8, targetPersonas: ['observer', 'sharer'], targetTopicRoles: [] },
  'external-influencers': { format: 'article', learningStyle: 'reading', durationMinutes: 12, targetPersonas: ['networker', 'influencer'], targetTopicRoles: ['subject-matter-expert', 'thought-leader'] },
  'blogging-presenting': { format: 'checklist', learningStyle: 'hands-on', durationMinutes: 15, targetPersonas: ['influencer'], targetTopicRoles: ['thought-leader'] },
  press: { format: 'live-session', learningStyle: 'live', durationMinutes: 45, targetPersonas: [], targetTopicRoles: ['spokesperson'] },
};

export const STARTER_TEXTS: Record<Language, StarterTexts> = {
  en: STARTER_TEXT_EN,
  ja: STARTER_TEXT_JA,
  th: STARTER_TEXT_TH,
  ru: STARTER_TEXT_RU,
  it: STARTER_TEXT_IT,
  zh: STARTER_TEXT_ZH,
};

/** Id of a starter module: `starter-<theme>-<language>`. */
export function starterModuleId(theme: StarterTheme, language: Language): string {
  return `starter-${theme}-${language}`;
}

/** Every starter module for a tenant, published, as of `now`. */
export function buildStarterModules(tenantId: string, now: Date): TrainingModuleRecord[] {
  const at = now.toISOString();
  const modules: TrainingModuleRecord[] = [];
  for (const language of SUPPORTED_LANGUAGES) {
    for (const theme of STARTER_THEMES) {
      const spec = STARTER_THEME_SPECS[theme];
      const text = STARTER_TEXTS[language][theme];
      modules.push({
        id: starterModuleId(theme, language),
        tenantId,
        title: text.title,
        summary: text.summary,
        body: text.body,
        format: spec.format,
        learningStyle: spec.learningStyle,
        durationMinutes: spec.durationMinutes,
        languages: [language],
        targetPersonas: [...spec.targetPersonas],
        targetTopicRoles: [...spec.targetTopicRoles],
        ...(spec.prerequisite ? { prerequisiteId: starterModuleId(spec.prerequisite, language) } : {}),
        state: 'published',
        starterTheme: theme,
        createdBy: 'system',
        createdAt: at,
        updatedAt: at,
        publishedAt: at,
      });
    }
  }
  return modules;
}
