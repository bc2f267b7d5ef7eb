/**
 * Every card of the Teams layer, rendered from fixtures in every language: parses with the
 * `adaptivecards` library without errors, no `${` left, Adaptive Card 1.5, under Teams' 28 KB;
 * plus what each card must say and do (verbs, payloads, links, the two-click share).
 */
import { describe, expect, it } from 'vitest';
import { renderAuditCard } from '../../../../src/bot/teams/cards/audit/audit.card.js';
import { renderBoardItemCard } from '../../../../src/bot/teams/cards/board-item/board-item.card.js';
import { renderBoardCard } from '../../../../src/bot/teams/cards/board/board.card.js';
import type { AdaptiveCardJson } from '../../../../src/bot/teams/cards/expand.js';
import { renderHelpCard } from '../../../../src/bot/teams/cards/help/help.card.js';
import { renderLeaderboardCard } from '../../../../src/bot/teams/cards/leaderboard/leaderboard.card.js';
import { renderNoticeCard } from '../../../../src/bot/teams/cards/notice/notice.card.js';
import { renderPersonaCard } from '../../../../src/bot/teams/cards/persona/persona.card.js';
import { renderPolicyCard } from '../../../../src/bot/teams/cards/policy/policy.card.js';
import { renderScoreCard } from '../../../../src/bot/teams/cards/score/score.card.js';
import { renderSharePromptCard } from '../../../../src/bot/teams/cards/share-prompt/share-prompt.card.js';
import { renderWinsCard } from '../../../../src/bot/teams/cards/wins/wins.card.js';
import { CHAT_COMMAND_ORDER } from '../../../../src/bot/teams/commands.js';
import { CARD_VERBS } from '../../../../src/bot/teams/verbs.js';
import { SUPPORTED_LANGUAGES, type Language } from '../../../../src/shared/domain/types.js';
import { bot as botCatalogs } from '../../../../src/shared/i18n/catalogs/bot/index.js';
import { common as commonCatalogs } from '../../../../src/shared/i18n/catalogs/common/index.js';
import { cardTexts, checkAdaptiveCard, TEAMS_CARD_SIZE_LIMIT } from '../../../support/cards.js';
import { actionsOf } from '../../../support/replies.js';
import { PROMPT_CODE, promptFixture } from './card-fixtures.js';

const CONTEST = { name: 'Autumn sharing contest', endsAt: '2026-12-20T23:59:59.000Z' };

/** Every card, rendered from a fixture in `language`. */
const CARDS: Record<string, (language: Language) => AdaptiveCardJson> = {
  audit: (l) => renderAuditCard({ topics: [{ id: 'sustainability', name: 'Sustainability' }, { id: 'ai', name: 'AI' }] }, l),
  'audit (retaken, invalid)': (l) =>
    renderAuditCard(
      {
        topics: [{ id: 'ai', name: 'AI' }],
        previous: { audit: { audience: { linkedin: 350 }, postsPerMonth: 2, goals: ['visibility'], learningStyle: 'video', wantsToGrow: true }, topics: ['ai'], promptsPaused: false },
        invalidFields: ['postsPerMonth', 'audience'],
      },
      l,
    ),
  persona: (l) => renderPersonaCard({ persona: 'sharer', levelUpFrom: 'observer', advice: { key: 'persona.next.sharer.grow-network', params: { audienceNeeded: 150, targetAudience: 500 } }, promptsPaused: false }, l),
  'persona (no prompts)': (l) => renderPersonaCard({ persona: 'observer', advice: { key: 'persona.next.keep-pace', params: { postsPerMonth: 0 } }, promptsPaused: true }, l),
  policy: (l) => renderPolicyCard({ version: 2, policyTitle: 'Social media policy', summary: '- Be yourself.\n- Never share confidential information.', fullTextUrl: 'https://advocacy.example/tab/#/policy', changed: true }, l),
  'policy (agreed)': (l) => renderPolicyCard({ version: 2, policyTitle: 'Social media policy', summary: 'Be yourself.', fullTextUrl: 'https://advocacy.example/tab/#/policy', changed: false, agreedAt: '2026-12-03T09:00:00.000Z' }, l),
  'share prompt (editor)': (l) => renderSharePromptCard(promptFixture(), l),
  'share prompt (ready)': (l) => renderSharePromptCard(promptFixture({ stage: 'ready', network: 'x' }), l),
  'share prompt (shared)': (l) =>
    renderSharePromptCard(promptFixture({ state: 'shared', networks: promptFixture().networks.map((n, i) => (i === 0 ? { ...n, shared: { clicks: 12 } } : n)) }), l),
  'share prompt (too long)': (l) => renderSharePromptCard(promptFixture({ network: 'x', draft: 'x'.repeat(300), notice: 'Too long' }), l),
  'share prompt (skipped)': (l) => renderSharePromptCard(promptFixture({ state: 'skipped' }), l),
  'share prompt (snoozed)': (l) => renderSharePromptCard(promptFixture({ state: 'snoozed' }), l),
  notice: (l) => renderNoticeCard('stale', l),
  help: (l) => renderHelpCard({ commands: CHAT_COMMAND_ORDER, buttons: ['board', 'myScore'] }, l),
  'help (unknown input)': (l) => renderHelpCard({ commands: CHAT_COMMAND_ORDER, buttons: [], unknownInput: 'hello **there**' }, l),
  board: (l) =>
    renderBoardCard(
      { items: [{ contentId: 'c1', title: 'Community Day', category: 'company', topics: ['Community impact'], imageUrl: 'https://contoso.example/a.png' }, { contentId: 'c2', title: 'AI at work', category: 'industry', topics: [] }], boardUrl: 'https://advocacy.example/tab/#/board' },
      l,
    ),
  'board (empty)': (l) => renderBoardCard({ items: [], boardUrl: 'https://advocacy.example/tab/#/board' }, l),
  'board item': (l) => renderBoardItemCard({ contentId: 'c1', title: 'Community Day', summary: '600 volunteers, 14 cities.', url: 'https://contoso.example/community', category: 'company', topics: ['Community impact'] }, l),
  score: (l) => renderScoreCard({ contest: CONTEST, points: 42, rank: 3, ranked: 17, clicks: 40, shares: 2 }, l),
  'score (no contest)': (l) => renderScoreCard(undefined, l),
  wins: (l) => renderWinsCard([{ kind: 'first-share' }, { kind: 'clicks-10' }, { kind: 'persona-level-up', detail: 'sharer' }, { kind: 'training-completed', detail: 'linkedin-basics' }], l),
  'win (one)': (l) => renderWinsCard([{ kind: 'clicks-100' }], l),
  leaderboard: (l) =>
    renderLeaderboardCard({ employeeId: 'e2', board: { contest: CONTEST, rows: [{ rank: 1, employeeId: 'e1', displayName: 'Marco Rossi', points: 90 }, { rank: 2, employeeId: 'e2', displayName: 'Aiko Tanaka', points: 42 }] } }, l),
};

const cases = Object.keys(CARDS).flatMap((name) => SUPPORTED_LANGUAGES.map((language) => [name, language] as const));

describe('every card in every language', () => {
  it.each(cases)('%s (%s): parses cleanly, nothing unexpanded, 1.5, under 28 KB', (name, language) => {
    const card = CARDS[name]!(language);
    const check = checkAdaptiveCard(card);
    expect(check.errors).toEqual([]);
    expect(check.unexpanded).toBe(false);
    expect(check.version).toBe('1.5');
    expect(check.bytes).toBeLessThan(TEAMS_CARD_SIZE_LIMIT);
    expect(JSON.stringify(card)).not.toMatch(/\{\{\w+\}\}/); // no i18next placeholder left
  });
});


describe('share prompt card', () => {
  it('editor: the text for the first unshared network, its length as the network counts it, one Share button per network', () => {
    const card = renderSharePromptCard(promptFixture(), 'en');
    const texts = cardTexts(card);
    expect(texts).toContain(botCatalogs.en.share.lengthWithDisclosure.replace('{{length}}', '141').replace('{{limit}}', '3000').replace('{{network}}', 'LinkedIn').replace('{{disclosure}}', 'I work at Contoso. #employee'));
    const input = JSON.stringify(card).match(/"id":"text"[^}]*"value":"([^"]*)"/);
    expect(input?.[1]).toBe(promptFixture().networks[0]?.text);
    const prepare = actionsOf(card).filter((a) => a.verb === CARD_VERBS.sharePrepare);
    expect(prepare.map((a) => (a.data as { network: string }).network)).toEqual(['linkedin', 'x', 'facebook']);
    expect(prepare.map((a) => a.title)).toEqual(['Share on LinkedIn', 'Share on X', 'Share on Facebook']);
    expect(prepare.every((a) => (a.data as { shownNetwork: string }).shownNetwork === 'linkedin' && a.associatedInputs === 'auto')).toBe(true);
    const verbs = actionsOf(card).map((a) => a.verb ?? a.type);
    expect(verbs).toEqual(expect.arrayContaining([CARD_VERBS.shareSkip, CARD_VERBS.shareLater, 'Action.ShowCard', 'Action.OpenUrl']));
    expect(card.refresh).toEqual({
      action: { type: 'Action.Execute', verb: CARD_VERBS.shareRefresh, data: { promptCode: PROMPT_CODE, stage: 'open', network: 'linkedin' } },
      userIds: ['29:1abc'],
    });
  });

  it('ready: click 2 is an Action.OpenUrl to the intent URL of that network, with the final text shown', () => {
    const card = renderSharePromptCard(promptFixture({ stage: 'ready', network: 'linkedin' }), 'ja');
    const open = actionsOf(card).find((a) => a.type === 'Action.OpenUrl' && a.style === 'positive');
    expect(open).toMatchObject({ url: `https://advocacy.example/s/${PROMPT_CODE}/linkedin`, title: 'LinkedIn を開く' });
    expect(cardTexts(card)).toContain(`${promptFixture().networks[0]?.text} I work at Contoso. #employee`);
    expect(actionsOf(card).some((a) => a.verb === CARD_VERBS.sharePrepare)).toBe(false);
    expect((card.refresh as { action: { data: unknown } }).action.data).toEqual({ promptCode: PROMPT_CODE, stage: 'ready', network: 'linkedin' });
  });

  it('after a share: "Shared on LinkedIn" with its clicks, and Share buttons only for the other networks', () => {
    const networks = promptFixture().networks.map((n, i) => (i === 0 ? { ...n, shared: { clicks: 12 } } : n));
    const card = renderSharePromptCard(promptFixture({ state: 'shared', networks }), 'en');
    expect(cardTexts(card)).toEqual(expect.arrayContaining(['✅ Shared on LinkedIn', 'Clicks so far: 12']));
    expect(actionsOf(card).filter((a) => a.verb === CARD_VERBS.sharePrepare).map((a) => (a.data as { network: string }).network)).toEqual(['x', 'facebook']);
    expect(actionsOf(card).some((a) => a.verb === CARD_VERBS.shareSkip || a.verb === CARD_VERBS.shareLater)).toBe(false);
  });

  it('skipped and snoozed prompts say so and offer no share', () => {
    for (const [state, text] of [['skipped', botCatalogs.th.share.skipped], ['snoozed', botCatalogs.th.share.snoozed]] as const) {
      const card = renderSharePromptCard(promptFixture({ state }), 'th');
      expect(cardTexts(card)).toContain(text);
      expect(actionsOf(card).map((a) => a.type)).toEqual(['Action.OpenUrl']);
    }
  });

  it('without refresh users (group chats) the card has no refresh', () => {
    expect(renderSharePromptCard(promptFixture({ refreshUserIds: undefined }), 'en').refresh).toBeUndefined();
  });

  it('a post with template syntax stays literal', () => {
    const card = renderSharePromptCard(promptFixture({ title: '${title} and {{count}}' }), 'en');
    expect(cardTexts(card)).toContain('${title} and {{count}}');
  });
});

describe('leaderboard card', () => {
  it.each(SUPPORTED_LANGUAGES)('%s: no header is a lone "#" (markdown would turn it into an empty heading)', (language) => {
    const card = CARDS.leaderboard!(language);
    expect(cardTexts(card).filter((t) => /^#+$/.test(t.trim()))).toEqual([]);
  });
});

describe('persona card', () => {
  it('highlights the person\'s quadrant on the 2x2 chart, with the next step from common.persona.next', () => {
    const card = renderPersonaCard({ persona: 'networker', advice: { key: 'persona.next.networker.post-more', params: { postsNeeded: 3, targetPostsPerMonth: 4 } }, promptsPaused: false }, 'en');
    const json = JSON.stringify(card);
    const highlighted = [...json.matchAll(/"style":"accent"[^\]]*?"text":"([^"]+)"/g)].map((m) => m[1]);
    expect(highlighted).toEqual([commonCatalogs.en.persona.networker]);
    expect(cardTexts(card)).toContain('You have a large network. Sharing 3 more posts a month (about 4) lets it hear from you.');
    expect(cardTexts(card)).toContain(botCatalogs.en.persona.you);
  });
});

describe('policy card', () => {
  it('"I agree" carries the version shown (and the share to continue with); agreed, the button is gone', () => {
    const card = renderPolicyCard({ version: 3, policyTitle: 'P', summary: 'S', fullTextUrl: 'https://x.example/p', changed: false, then: { contentId: 'c9' } }, 'en');
    expect(actionsOf(card)).toEqual([
      { type: 'Action.OpenUrl', title: 'Read the full policy', url: 'https://x.example/p' },
      { type: 'Action.Execute', verb: CARD_VERBS.policyAccept, title: 'I agree', style: 'positive', data: { version: 3, then: { contentId: 'c9' } } },
    ]);
    const agreed = renderPolicyCard({ version: 3, policyTitle: 'P', summary: 'S', fullTextUrl: 'https://x.example/p', changed: false, agreedAt: '2026-12-03T09:00:00.000Z' }, 'en');
    expect(actionsOf(agreed).map((a) => a.type)).toEqual(['Action.OpenUrl']);
    expect(cardTexts(agreed)).toContain('Thank you. You agreed to version 3 on December 3, 2026.');
  });
});

describe('audit card', () => {
  it('offers every goal, learning style and topic, and the "no prompts" choice; submits audit.submit', () => {
    const card = renderAuditCard({ topics: [{ id: 'ai', name: 'AI' }] }, 'en');
    const json = JSON.stringify(card);
    for (const id of ['audience_linkedin', 'audience_x', 'audience_facebook', 'postsPerMonth', 'goals', 'learningStyle', 'topics', 'wantsToGrow', 'noPrompts']) {
      expect(json).toContain(`"id":"${id}"`);
    }
    expect(json).toContain(botCatalogs.en.audit.noPrompts);
    expect(actionsOf(card)).toEqual([expect.objectContaining({ verb: CARD_VERBS.auditSubmit, associatedInputs: 'auto' })]);
  });

  it('re-taken, starts from the previous answers', () => {
    const card = renderAuditCard(
      { topics: [{ id: 'ai', name: 'AI' }], previous: { audit: { audience: { x: 1200 }, postsPerMonth: 6, goals: ['stand-out', 'visibility'], learningStyle: 'live', wantsToGrow: false }, topics: ['ai'], promptsPaused: true } },
      'en',
    );
    const json = JSON.stringify(card);
    expect(json).toContain('"id":"audience_x","label":"X"');
    expect(json).toMatch(/"id":"audience_x"[^}]*"value":1200/);
    expect(json).toMatch(/"id":"goals"[^]*"value":"stand-out,visibility"/);
    expect(json).toMatch(/"id":"noPrompts"[^}]*"value":"true"/);
  });
});
