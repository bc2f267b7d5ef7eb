/**
 * Topic hub demo (issue 13): four hubs from the seed articles' themes, beside the programme's
 * topics: social listening and influencer relations (Onalytica: "level up social listening and
 * external-influencer work"), closed-loop marketing (GaggleAMP: lead source passed to the CRM) and
 * labour participation (Lam's example of a social topic). Some pyramid roles are filled by demo
 * people, others left unfilled; two people have proposed themselves; each map has a few entries
 * owned by employees. The outside people are fictional (`.example` addresses).
 * Idempotent: nothing is written once the first hub exists, so a tester's changes are kept.
 */
import { withTopicRole, type TopicProposal } from '../../shared/domain/topics-membership.js';
import { topicRoleOf } from '../../shared/domain/topics.js';
import type { Topic, TopicRole } from '../../shared/domain/types.js';
import { ConflictError } from '../services/errors.js';
import type { EmployeeRepository } from '../services/ports.js';
import type { InfluencerEntry, TopicHubStores } from '../services/topics.ports.js';

const HOUR = 3_600_000;

export const DEMO_HUBS: Topic[] = [
  {
    id: 'social-listening',
    name: { en: 'Social listening', ja: 'ソーシャルリスニング', th: 'การรับฟังเสียงบนโซเชียล', ru: 'Социальный мониторинг', it: 'Social listening', zh: '社交聆听' },
    description: 'Hear what customers and experts say about our field, and answer in our own words.',
    languages: ['en', 'ja', 'it'],
  },
  {
    id: 'influencer-relations',
    name: { en: 'Influencer relations', ja: 'インフルエンサーリレーションズ', th: 'ความสัมพันธ์กับผู้ทรงอิทธิพล', ru: 'Работа с лидерами мнений', it: 'Relazioni con gli influencer', zh: '影响者关系' },
    description: 'Who outside the company shapes opinion on our topics, and which of us knows them.',
    languages: ['en', 'ru', 'zh'],
  },
  {
    id: 'closed-loop-marketing',
    name: { en: 'Closed-loop marketing', ja: 'クローズドループ・マーケティング', th: 'การตลาดแบบวงจรปิด', ru: 'Маркетинг замкнутого цикла', it: 'Marketing a ciclo chiuso', zh: '闭环营销' },
    description: 'From a shared post to a closed deal: tracing leads back to the message that brought them.',
    languages: ['en', 'th'],
  },
  {
    id: 'labour-participation',
    name: { en: 'Labour participation', ja: '労働参加', th: 'การมีส่วนร่วมในตลาดแรงงาน', ru: 'Участие в рынке труда', it: 'Partecipazione al lavoro', zh: '劳动参与' },
    description: 'A social topic: helping more people into work, and what we learn doing it.',
    languages: ['en', 'it', 'ja'],
  },
];

/** What the programme's own demo topics (demo-topics.ts) are about, added to hubs that have no description yet. */
const PROGRAMME_HUB_DETAILS: Record<string, Pick<Topic, 'description' | 'languages'>> = {
  'employee-advocacy': { description: 'Employees as trusted voices: earned media rather than broadcast brand content.', languages: ['en', 'ja', 'zh'] },
  'social-selling': { description: 'Conversations that help buyers who research on social media before they buy.', languages: ['en', 'ru'] },
  'customer-engagement': { description: 'A topic, not a product: how we listen to and talk with customers.', languages: ['en', 'ja'] },
  'thought-leadership': { description: 'Articles, talks and panels where our experts share what they know.', languages: ['en', 'it'] },
  'employer-branding': { description: 'What it is like to work here, told by the people who do.', languages: ['en', 'it', 'th'] },
  'marketing-analytics': { description: 'Clicks, leads and conversions: measuring what sharing brings.', languages: ['en'] },
  innovation: { description: 'Problem solving and new ideas from our labs and teams.', languages: ['en', 'it', 'zh'] },
  sustainability: { description: 'How we reduce our footprint and what we learn on the way.', languages: ['en', 'zh'] },
  'community-impact': { description: 'Community stories employees are proud to share.', languages: ['en', 'th'] },
};

/** Demo people in roles; every role not listed stays unfilled. */
const DEMO_ROLES: Array<{ employeeId: string; topicId: string; role: TopicRole }> = [
  { employeeId: 'demo-employee', topicId: 'social-listening', role: 'social-mind' },
  { employeeId: 'emp-customer-success-003', topicId: 'social-listening', role: 'subject-matter-expert' },
  { employeeId: 'emp-partners-002', topicId: 'influencer-relations', role: 'social-mind' },
  { employeeId: 'emp-marketing-003', topicId: 'influencer-relations', role: 'thought-leader' },
  { employeeId: 'demo-exec', topicId: 'influencer-relations', role: 'spokesperson' },
  { employeeId: 'emp-sales-004', topicId: 'closed-loop-marketing', role: 'subject-matter-expert' },
];

/** Pending self-proposals (relative to `now`). */
export function demoProposals(now: Date): TopicProposal[] {
  const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * HOUR).toISOString();
  return [
    { id: 'demo-prop-1', topicId: 'closed-loop-marketing', employeeId: 'demo-trainer', role: 'social-mind', note: 'I already post our webinar recaps and would like to connect them to the lead story.', status: 'pending', proposedAt: at(26) },
    { id: 'demo-prop-2', topicId: 'labour-participation', employeeId: 'emp-operations-005', role: 'thought-leader', note: 'I spoke at two job fairs in Bangkok about our apprenticeship programme.', status: 'pending', proposedAt: at(5) },
  ];
}

/** Map entries owned by the employees on each hub (relative to `now`). */
export function demoInfluencers(now: Date): InfluencerEntry[] {
  const at = new Date(now.getTime() - 48 * HOUR).toISOString();
  const entry = (e: Omit<InfluencerEntry, 'createdBy' | 'createdAt' | 'updatedAt'>): InfluencerEntry => ({ ...e, createdBy: e.ownerIds[0] ?? 'demo-admin', createdAt: at, updatedAt: at });
  return [
    entry({ id: 'demo-inf-1', topicId: 'social-listening', name: 'Mara Lindqvist', tier: 'mass-maven', handle: '@maralistens', profileUrl: 'https://maralistens.example/blog', notes: 'Writes long, data-heavy posts on B2B listening; our customers quote her.', ownerIds: ['emp-customer-success-003'] }),
    entry({ id: 'demo-inf-2', topicId: 'social-listening', name: 'Listening Lab newsletter', tier: 'media', profileUrl: 'https://listeninglab.example', notes: 'Trade newsletter whose editor asks practitioners for real examples.', ownerIds: ['demo-employee'] }),
    entry({ id: 'demo-inf-3', topicId: 'influencer-relations', name: 'Kenji Arakawa', tier: 'mass-connector', handle: '@kenji_a', notes: 'Posts short daily tips on creator partnerships to a very wide audience.', ownerIds: ['emp-partners-002', 'emp-marketing-003'] }),
    entry({ id: 'demo-inf-4', topicId: 'influencer-relations', name: 'Regional Chamber of Commerce', tier: 'organisation', profileUrl: 'https://chamber.example/events', notes: 'Runs the yearly panel on peer influence where our spokesperson could speak.', ownerIds: ['demo-exec'] }),
    entry({ id: 'demo-inf-5', topicId: 'closed-loop-marketing', name: 'Ana Ruiz', tier: 'potential-influencer', notes: 'A customer who reviews marketing automation tools; peers choosing a CRM read her.', ownerIds: ['emp-sales-004'] }),
  ];
}

const ignoreConflict = (err: unknown) => {
  if (!(err instanceof ConflictError)) throw err;
};

/** Seed the topic hub demo once per tenant (see the file header). */
export async function seedTopicHubs(stores: TopicHubStores, employees: Pick<EmployeeRepository, 'find' | 'update'>, tenantId: string, now: Date): Promise<boolean> {
  const existing = new Set((await stores.hubs.list(tenantId)).map((t) => t.id));
  if (existing.has(DEMO_HUBS[0]!.id)) return false;
  for (const role of DEMO_ROLES) {
    const found = await employees.find(tenantId, role.employeeId);
    if (!found || topicRoleOf(found.value, role.topicId) !== undefined) continue;
    await employees.update({ ...found.value, topics: withTopicRole(found.value.topics, role.topicId, role.role) }, found.etag).catch(ignoreConflict);
  }
  for (const proposal of demoProposals(now)) await stores.proposals.create(tenantId, proposal).catch(ignoreConflict);
  await stores.influencers.upsertMany(tenantId, demoInfluencers(now));
  const described = (await stores.hubs.list(tenantId)).filter((t) => t.description === undefined && PROGRAMME_HUB_DETAILS[t.id]);
  if (described.length > 0) await stores.hubs.upsertMany(tenantId, described.map((t) => ({ ...t, ...PROGRAMME_HUB_DETAILS[t.id] })));
  // Hubs last: the first one is the "already seeded" marker.
  for (const hub of [...DEMO_HUBS].reverse()) if (!existing.has(hub.id)) await stores.hubs.create(tenantId, hub).catch(ignoreConflict);
  return true;
}
