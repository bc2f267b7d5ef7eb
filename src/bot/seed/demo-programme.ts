/**
 * Builds the demo programme as domain objects (no I/O): people with audits and personas, topic
 * roles, the content board, a running click contest and a leadership pilot. `seed.service.ts`
 * writes it; tests use it to know what was seeded.
 */
import { defaultContest } from '../../shared/domain/contests.js';
import { classifyPersona } from '../../shared/domain/personas.js';
import { createSeededRandom } from '../../shared/domain/stagger-balance.js';
import type {
  Contest, ContentItem, Employee, Language, Network, Pilot, SuggestedText, Topic, TopicAssignment, TopicRole,
} from '../../shared/domain/types.js';
import { DEMO_ARTICLES } from './demo-articles.js';
import { DEMO_CONTENT, type DemoContentRow } from './demo-content.js';
import { generateDemoPeople, type DemoPersonRow } from './demo-people.js';
import { DEMO_TOPICS } from './demo-topics.js';

export interface DemoProgramme {
  tenantId: string;
  employees: Employee[];
  topics: Topic[];
  content: ContentItem[];
  contest: Contest;
  pilot: Pilot;
}

const DAY = 86_400_000;

/** The demo programme as of `now` for `tenantId` (deterministic for a given `now`). */
export function buildDemoProgramme(tenantId: string, now: Date): DemoProgramme {
  const rand = createSeededRandom(7);
  const people = generateDemoPeople();
  const employees = people.map((p) => toEmployee(tenantId, p, now, rand));
  const content = [
    ...DEMO_ARTICLES.map(({ publishedOn: _original, ...item }, i): ContentItem => ({
      ...item,
      status: 'published',
      publishAt: iso(now.getTime() - (i + 1) * DAY),
      createdAt: iso(now.getTime() - (i + 2) * DAY),
    })),
    ...DEMO_CONTENT.map((row) => toContentItem(row, now)),
  ];
  const quarterStart = new Date(Date.UTC(now.getUTCFullYear(), Math.floor(now.getUTCMonth() / 3) * 3, 1));
  const quarter = Math.floor(quarterStart.getUTCMonth() / 3) + 1;
  // Seed 003 defaults: 90 days, unique clicks only, $100/$50/$25, executives and coordinators excluded.
  const contest = defaultContest({
    id: `contest-${quarterStart.getUTCFullYear()}-q${quarter}`,
    name: `Q${quarter} ${quarterStart.getUTCFullYear()} click contest`,
    startsAt: quarterStart.toISOString(),
  });
  const pilot: Pilot = {
    id: 'leadership-pilot',
    name: 'Leadership pilot',
    cohort: employees.filter((e) => e.leader).map((e) => e.id),
    phase: 'education-and-launch',
    startedAt: iso(now.getTime() - 14 * DAY),
  };
  return { tenantId, employees, topics: DEMO_TOPICS, content, contest, pilot };
}

function toEmployee(tenantId: string, p: DemoPersonRow, now: Date, rand: () => number): Employee {
  const audit = {
    audience: p.audience,
    postsPerMonth: p.postsPerMonth,
    goals: p.goals,
    learningStyle: p.learningStyle,
    wantsToGrow: p.wantsToGrow,
    auditedAt: iso(now.getTime() - 30 * DAY),
  };
  const persona = classifyPersona(audit);
  const joinedAt = iso(now.getTime() - Math.floor(30 + rand() * 300) * DAY);
  return {
    id: p.id,
    tenantId,
    displayName: p.displayName,
    email: p.email,
    team: p.team.name,
    timeZone: p.team.timeZone,
    workingDays: p.team.workingDays,
    workingHours: p.team.hours,
    language: p.language,
    roles: p.roles,
    persona,
    leader: p.roles.includes('executive'),
    personaHistory: [{ persona, since: audit.auditedAt }],
    topics: p.team.topics.map((topicId): TopicAssignment => ({ topicId, role: topicRoleFor(p, rand) })),
    audit,
    weeklyPromptCap: p.weeklyPromptCap,
    promptsPaused: false,
    policyVersionAcknowledged: rand() < 0.8 ? 1 : undefined,
    joinedAt,
  };
}

/** Mostly social minds, some experts, a few thought leaders; spokespeople only among leaders. */
function topicRoleFor(p: DemoPersonRow, rand: () => number): TopicRole {
  const r = rand();
  if (p.roles.includes('executive')) return r < 0.5 ? 'spokesperson' : 'thought-leader';
  if (r < 0.08) return 'thought-leader';
  if (r < 0.3) return 'subject-matter-expert';
  return 'social-mind';
}

function toContentItem(row: DemoContentRow, now: Date): ContentItem {
  const published = now.getTime() - row.ageDays * DAY;
  const expires = row.expiresAfterDays !== undefined ? published + row.expiresAfterDays * DAY : undefined;
  const status = row.slug.startsWith('draft-') ? 'draft' : expires !== undefined && expires <= now.getTime() ? 'expired' : 'published';
  return {
    id: row.slug,
    title: row.title,
    url: `https://news.contoso.example/${row.language}/${row.slug}`,
    summary: row.summary,
    language: row.language,
    category: row.category,
    topics: row.topics,
    targetTeams: row.teams ?? [],
    targetPersonas: row.personas ?? [],
    targetLanguages: [],
    suggestedTexts: suggestedTexts(row.language, row.texts),
    status,
    publishAt: iso(published),
    ...(expires !== undefined ? { expiresAt: iso(expires) } : {}),
    createdAt: iso(published - DAY),
  };
}

function suggestedTexts(language: Language, texts: string[]): SuggestedText[] {
  const networks: Network[] = ['linkedin', 'x', 'facebook'];
  return networks.map((network) => ({
    network,
    language,
    variants: network === 'x' ? texts.slice(0, 2).map((t) => t.slice(0, 200)) : texts,
  }));
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
