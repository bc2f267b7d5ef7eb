/**
 * The welcome card sent when the app is installed: what Advocacy Hub does in three points, and how
 * to get help or change language. Text comes from the `bot` catalog of the person's language; the
 * template is expanded on the server (adaptivecards-templating), so Teams receives plain card JSON.
 */
import type { Attachment } from 'botbuilder';
import { CardFactory } from 'botbuilder';
import { Template } from 'adaptivecards-templating';
import type { TFunction } from 'i18next';
import template from './welcome.card.json' with { type: 'json' };

/** What the welcome card shows besides catalog text. */
export interface WelcomeCardData {
  /** The person's display name from Teams, for the greeting; omitted, the card has no greeting. */
  userName?: string;
  /** The command the "Show commands" button sends as if the person typed it. */
  helpCommand: string;
}

/** The three points, in order, with the icon each is shown with. */
const POINTS = [
  { key: 'prompts', icon: '📣' },
  { key: 'impact', icon: '📈' },
  { key: 'growth', icon: '🎓' },
] as const;

/** Expand the welcome card template with `t` (a translator for namespace `bot`). */
export function renderWelcomeCard(data: WelcomeCardData, t: TFunction): Attachment {
  const name = data.userName?.trim();
  const view = {
    ...(name ? { greeting: t('welcome.greeting', { name }) } : {}),
    title: t('welcome.title'),
    intro: t('welcome.intro'),
    points: POINTS.map((point) => ({ icon: point.icon, text: t(`welcome.points.${point.key}`) })),
    helpHint: t('welcome.helpHint'),
    languageHint: t('welcome.languageHint'),
    helpAction: t('welcome.helpAction'),
    helpCommand: data.helpCommand,
  };
  const card = new Template(template).expand({ $root: view }) as object;
  return CardFactory.adaptiveCard(card);
}
