/**
 * The Viva Connections dashboard card's views, as the bot-powered Adaptive Card Extension
 * protocol wants them (botframework-schema `sharepoint`): the card view (posts waiting, clicks this
 * week, rank) and the quick views (top three posts with a Share button each; one post's networks,
 * each an `Action.OpenUrl` to the share door `/s/<code>/<network>`). Pure: data in, JSON out, every
 * string from the `viva` catalog in the person's language, numbers with `Intl`.
 */
import type { CardViewResponse, QuickViewResponse } from 'botbuilder';
import type { Language, Network } from '../../../../shared/domain/types.js';
import { translator } from '../../../../shared/i18n/index.js';

/** The dashboard card as the manifest declares it (`dashboardCards[].id`), declared once. */
export const VIVA_DASHBOARD_CARD = {
  id: '6a1f3c2e-8d4b-4f6a-9b1e-2c7d5e8f0a31',
  dataVersion: '1.0',
  iconProperty: 'Megaphone',
} as const;

/** View ids the card answers with (and the quick view a button asks for). */
export const VIVA_VIEWS = { card: 'viva.card', top: 'viva.top', share: 'viva.share' } as const;

/** `data.action` of the quick views' `Action.Submit` buttons (`cardExtension/handleAction`). */
export const VIVA_ACTIONS = { share: 'viva.share', back: 'viva.back' } as const;

/** What the card view shows. */
export interface VivaCardSummary {
  /** False: the person has not joined the programme in Teams yet (no employee record). */
  enrolled: boolean;
  postsWaiting: number;
  clicksThisWeek: number;
  /** Absent when no contest runs. */
  contest?: { rank?: number; ranked: number };
  /** Where "Open in Teams" and "Open the board" go (Teams deep link or the tab URL). */
  boardUrl: string;
}

/** One post of the top-three quick view. */
export interface VivaTopPost {
  contentId: string;
  title: string;
  /** Category and topic names, already in the person's language. */
  tags: string[];
}

/** The share quick view of one post. */
export interface VivaShareView {
  title: string;
  policyAcknowledged: boolean;
  networks: Array<{ network: Network; text: string; intentUrl: string; shared: boolean }>;
}

type Card = Record<string, unknown>;

const aceData = (language: Language) => ({
  cardSize: 'Medium' as const,
  dataVersion: VIVA_DASHBOARD_CARD.dataVersion,
  id: VIVA_DASHBOARD_CARD.id,
  title: translator(language, 'viva')('title'),
  iconProperty: VIVA_DASHBOARD_CARD.iconProperty,
  description: translator(language, 'viva')('quick.title'),
  properties: {},
});

const number = (language: Language, value: number) => new Intl.NumberFormat(language).format(value);

/** The card view: posts waiting (header), clicks this week and rank (body), "Top posts" (footer). */
export function renderVivaCardView(summary: VivaCardSummary, language: Language): CardViewResponse {
  const t = translator(language, 'viva');
  const cardBar = [{ componentName: 'cardBar' as const, title: t('title') }] as CardViewResponse['cardViewParameters']['cardBar'];
  if (!summary.enrolled) {
    const open = { type: 'ExternalLink' as const, parameters: { target: summary.boardUrl } };
    return {
      aceData: aceData(language),
      viewId: VIVA_VIEWS.card,
      cardViewParameters: {
        cardViewType: 'text',
        cardBar,
        header: [{ componentName: 'text', text: t('card.join') }],
        body: undefined,
        footer: [{ componentName: 'cardButton', id: 'open', title: t('card.joinButton'), action: open }],
      },
      onCardSelection: open,
    };
  }
  const standing = !summary.contest
    ? t('card.noContest')
    : summary.contest.rank === undefined
      ? t('card.notRanked')
      : t('card.rank', { rank: number(language, summary.contest.rank), ranked: number(language, summary.contest.ranked) });
  const clicks = t('card.clicks', { count: summary.clicksThisWeek, value: number(language, summary.clicksThisWeek) });
  const top = { type: 'QuickView' as const, parameters: { view: VIVA_VIEWS.top } };
  return {
    aceData: aceData(language),
    viewId: VIVA_VIEWS.card,
    cardViewParameters: {
      cardViewType: 'text',
      cardBar,
      header: [{ componentName: 'text', text: t('card.waiting', { count: summary.postsWaiting, value: number(language, summary.postsWaiting) }) }],
      body: [{ componentName: 'text', text: `${clicks} · ${standing}` }],
      footer: [{ componentName: 'cardButton', id: 'top', title: t('card.open'), action: top, style: 'positive' }],
    },
    onCardSelection: top,
  };
}

function quickView(viewId: string, title: string, body: Card[], actions: Card[], boardUrl: string): QuickViewResponse {
  return {
    viewId,
    title,
    data: {},
    template: { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5', body, actions } as unknown as QuickViewResponse['template'],
    externalLink: { isTeamsDeepLink: boardUrl.startsWith('https://teams.microsoft.com/'), target: boardUrl } as QuickViewResponse['externalLink'],
    focusParameters: { focusTarget: 'title', ariaLive: 'polite' } as QuickViewResponse['focusParameters'],
  };
}

const heading = (text: string): Card => ({ type: 'TextBlock', id: 'title', text, weight: 'Bolder', size: 'Medium', wrap: true });
const note = (text: string): Card => ({ type: 'TextBlock', text, wrap: true, isSubtle: true });

/** The top posts (at most three) with a Share button each, and "Open the board". */
export function renderVivaTopView(posts: readonly VivaTopPost[], boardUrl: string, language: Language): QuickViewResponse {
  const t = translator(language, 'viva');
  const body: Card[] = [heading(t('quick.title'))];
  if (posts.length === 0) body.push(note(t('quick.empty')));
  for (const post of posts.slice(0, 3)) {
    body.push({
      type: 'Container',
      separator: true,
      spacing: 'Medium',
      items: [
        { type: 'TextBlock', text: post.title, weight: 'Bolder', wrap: true },
        ...(post.tags.length ? [note(post.tags.join(' · '))] : []),
        {
          type: 'ActionSet',
          actions: [{ type: 'Action.Submit', title: t('quick.share'), data: { action: VIVA_ACTIONS.share, contentId: post.contentId } }],
        },
      ],
    });
  }
  return quickView(VIVA_VIEWS.top, t('quick.title'), body, [{ type: 'Action.OpenUrl', title: t('quick.board'), url: boardUrl }], boardUrl);
}

/** One post: a button per network to the share door, or why sharing must wait. */
export function renderVivaShareView(view: VivaShareView | 'unavailable', boardUrl: string, language: Language): QuickViewResponse {
  const t = translator(language, 'viva');
  const networkName = (network: Network) => translator(language, 'common')(`network.${network}`);
  const back = { type: 'Action.Submit', title: t('quick.back'), data: { action: VIVA_ACTIONS.back } };
  if (view === 'unavailable') {
    return quickView(VIVA_VIEWS.share, t('quick.shareTitle'), [heading(t('quick.shareTitle')), note(t('quick.unavailable'))], [back], boardUrl);
  }
  if (!view.policyAcknowledged) {
    const body = [heading(view.title), note(t('quick.policyFirst'))];
    return quickView(VIVA_VIEWS.share, t('quick.shareTitle'), body, [{ type: 'Action.OpenUrl', title: t('card.joinButton'), url: boardUrl }, back], boardUrl);
  }
  const body: Card[] = [heading(view.title), note(t('quick.shareHint'))];
  for (const network of view.networks) {
    body.push({
      type: 'Container',
      separator: true,
      items: [
        { type: 'TextBlock', text: network.text, wrap: true, maxLines: 4 },
        network.shared
          ? { type: 'TextBlock', text: `✓ ${t('quick.sharedOn', { network: networkName(network.network) })}`, color: 'Good', wrap: true }
          : { type: 'ActionSet', actions: [{ type: 'Action.OpenUrl', title: t('quick.shareOn', { network: networkName(network.network) }), url: network.intentUrl }] },
      ],
    });
  }
  return quickView(VIVA_VIEWS.share, t('quick.shareTitle'), body, [back], boardUrl);
}
