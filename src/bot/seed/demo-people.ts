/**
 * The demo organisation: about 200 employees across teams, time zones (one team works
 * Sunday-Thursday), languages and audit profiles, plus the named demo accounts a local tester
 * uses (`demo-admin`, `demo-trainer`, `demo-exec`, `demo-employee`). Deterministic: the same
 * rows every run, so seeding is repeatable.
 */
import { createSeededRandom } from '../../shared/domain/stagger-balance.js';
import type { Language, LearningStyle, Role, Weekday } from '../../shared/domain/types.js';

export interface DemoTeam {
  name: string;
  timeZone: string;
  language: Language;
  workingDays: Weekday[];
  hours: { start: number; end: number };
  size: number;
  topics: string[];
}

const MON_FRI: Weekday[] = [1, 2, 3, 4, 5];
const SUN_THU: Weekday[] = [0, 1, 2, 3, 4];

export const DEMO_TEAMS: DemoTeam[] = [
  { name: 'Leadership', timeZone: 'America/New_York', language: 'en', workingDays: MON_FRI, hours: { start: 8, end: 18 }, size: 10, topics: ['thought-leadership', 'employer-branding'] },
  { name: 'Sales', timeZone: 'Europe/London', language: 'en', workingDays: MON_FRI, hours: { start: 8, end: 18 }, size: 30, topics: ['social-selling', 'customer-engagement'] },
  { name: 'Marketing', timeZone: 'America/New_York', language: 'en', workingDays: MON_FRI, hours: { start: 9, end: 17 }, size: 25, topics: ['marketing-analytics', 'employee-advocacy', 'employer-branding'] },
  { name: 'Engineering', timeZone: 'Europe/Rome', language: 'it', workingDays: MON_FRI, hours: { start: 9, end: 18 }, size: 30, topics: ['innovation', 'thought-leadership'] },
  { name: 'Customer Success', timeZone: 'Asia/Tokyo', language: 'ja', workingDays: MON_FRI, hours: { start: 9, end: 18 }, size: 25, topics: ['customer-engagement'] },
  { name: 'Operations', timeZone: 'Asia/Bangkok', language: 'th', workingDays: MON_FRI, hours: { start: 8, end: 17 }, size: 20, topics: ['community-impact', 'innovation'] },
  { name: 'Partners', timeZone: 'Europe/Moscow', language: 'ru', workingDays: MON_FRI, hours: { start: 9, end: 18 }, size: 20, topics: ['social-selling'] },
  { name: 'Shanghai R&D', timeZone: 'Asia/Shanghai', language: 'zh', workingDays: MON_FRI, hours: { start: 9, end: 18 }, size: 20, topics: ['innovation', 'sustainability'] },
  { name: 'Middle East', timeZone: 'Asia/Jerusalem', language: 'en', workingDays: SUN_THU, hours: { start: 8, end: 17 }, size: 20, topics: ['customer-engagement', 'sustainability'] },
];

const GIVEN: Record<Language, string[]> = {
  en: ['Alex', 'Sam', 'Jordan', 'Taylor', 'Morgan', 'Riley', 'Casey', 'Jamie', 'Avery', 'Quinn', 'Harper', 'Rowan', 'Noa', 'Eli', 'Maya', 'Omar', 'Lena', 'Priya'],
  ja: ['陽菜', '蓮', '結衣', '大翔', '美咲', '悠真', '葵', '湊', '凛', '颯太'],
  th: ['สมชาย', 'สุภาพร', 'วรรณา', 'ธนพล', 'กมลชนก', 'ปิยะ', 'อรุณี', 'ณัฐวุฒิ'],
  ru: ['Анна', 'Дмитрий', 'Мария', 'Иван', 'Ольга', 'Сергей', 'Екатерина', 'Алексей'],
  it: ['Giulia', 'Marco', 'Chiara', 'Luca', 'Francesca', 'Matteo', 'Sara', 'Davide'],
  zh: ['伟', '芳', '娜', '敏', '静', '磊', '洋', '婷'],
};
const FAMILY: Record<Language, string[]> = {
  en: ['Smith', 'Garcia', 'Chen', 'Okafor', 'Levi', 'Khan', 'Murphy', 'Novak', 'Haddad', 'Brown', 'Cohen', 'Patel'],
  ja: ['佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '山本', '中村'],
  th: ['ใจดี', 'ศรีสุข', 'วงศ์ไทย', 'แสงทอง', 'บุญมา', 'สุขสวัสดิ์'],
  ru: ['Иванова', 'Смирнов', 'Кузнецова', 'Попов', 'Соколова', 'Волков'],
  it: ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano'],
  zh: ['王', '李', '张', '刘', '陈', '杨'],
};

export interface DemoPersonRow {
  id: string;
  displayName: string;
  email: string;
  team: DemoTeam;
  language: Language;
  roles: Role[];
  audience: { linkedin: number; x: number; facebook: number };
  postsPerMonth: number;
  learningStyle: LearningStyle;
  wantsToGrow: boolean;
  goals: string[];
  weeklyPromptCap: number;
}

const STYLES: LearningStyle[] = ['video', 'reading', 'hands-on', 'live'];
const GOALS = ['build-skills', 'job-opportunities', 'stand-out', 'grow-network', 'support-team'];

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)] as T;
}

/** Named accounts for local testing; they take the first rows of their team. */
const NAMED: Record<string, { team: string; roles: Role[]; name: string }> = {
  'demo-exec': { team: 'Leadership', roles: ['executive', 'employee'], name: 'Dana Whitfield' },
  'demo-admin': { team: 'Marketing', roles: ['admin', 'coordinator', 'employee'], name: 'Robin Adeyemi' },
  'demo-trainer': { team: 'Marketing', roles: ['trainer', 'employee'], name: 'Kim Laurent' },
  'demo-employee': { team: 'Sales', roles: ['employee'], name: 'Sasha Moreau' },
};

/** Generate the demo organisation's people (deterministic). */
export function generateDemoPeople(seed = 20261124): DemoPersonRow[] {
  const rand = createSeededRandom(seed);
  const rows: DemoPersonRow[] = [];
  const named = Object.entries(NAMED);
  for (const team of DEMO_TEAMS) {
    for (let i = 0; i < team.size; i++) {
      const namedHere = named.filter(([, n]) => n.team === team.name)[i];
      const language = team.name === 'Leadership' ? pick(rand, ['en', 'en', 'ja', 'it'] as const) : team.language;
      const id = namedHere ? namedHere[0] : `emp-${team.name.toLowerCase().replace(/[^a-z]+/g, '-')}-${String(i + 1).padStart(3, '0')}`;
      const displayName = namedHere ? namedHere[1].name : nameFor(rand, language);
      // Audience and activity spread so every persona is represented; leaders skew large.
      const large = rand() < (team.name === 'Leadership' ? 0.6 : 0.3);
      const active = rand() < 0.4;
      const base = large ? 600 + Math.floor(rand() * 9000) : 20 + Math.floor(rand() * 400);
      rows.push({
        id,
        displayName,
        email: `${id}@contoso.example`,
        team,
        language,
        roles: namedHere ? namedHere[1].roles : team.name === 'Leadership' ? ['executive', 'employee'] : ['employee'],
        audience: { linkedin: base, x: Math.floor(base * rand() * 0.6), facebook: Math.floor(base * rand() * 0.3) },
        postsPerMonth: active ? 4 + Math.floor(rand() * 20) : Math.floor(rand() * 4),
        learningStyle: pick(rand, STYLES),
        wantsToGrow: rand() < 0.7,
        goals: [pick(rand, GOALS), pick(rand, GOALS)].filter((g, k, all) => all.indexOf(g) === k),
        weeklyPromptCap: pick(rand, [2, 3, 3, 5]),
      });
    }
  }
  return rows;
}

function nameFor(rand: () => number, language: Language): string {
  const given = pick(rand, GIVEN[language]);
  const family = pick(rand, FAMILY[language]);
  return language === 'ja' || language === 'zh' ? `${family}${language === 'ja' ? ' ' : ''}${given}` : `${given} ${family}`;
}
