/**
 * The share prompt: one post suggested to one person, with everything needed to share it in
 * their own words in at most two clicks.
 *
 * - Stage `open` (the editor): the suggested text for the network shown (the person's saved edit
 *   if any) in an editable box with its length counted as that network counts it, and one
 *   "Share on <network>" button per network not shared yet. Click 1 (`share.prepare`) saves the
 *   text and turns the card to stage `ready`.
 * - Stage `ready`: the final text and a prominent "Open <network>" (`Action.OpenUrl` to the
 *   `/s/<code>/<network>` intent). Click 2 lands in the network's composer with those words.
 * - After a share the card lists "Shared on <network>" with that share's live click count.
 * - Skipped and snoozed prompts show one line saying so.
 *
 * The card carries a `refresh` (verb `share.refresh`, `userIds` = the person) so Teams asks the
 * bot for the person's current state whenever they look at it: the click count stays live.
 */
import { SKIP_REASONS } from '../../../../shared/contracts/card-actions.js';
import type { ContentCategory, Language, Network } from '../../../../shared/domain/types.js';
import { translator } from '../../../../shared/i18n/index.js';
import { CARD_VERBS } from '../../verbs.js';
import { expandCard, type AdaptiveCardJson } from '../expand.js';
import { inertText } from '../inert-text.js';
import template from './share-prompt.card.json' with { type: 'json' };

/** One network offered by the prompt. */
export interface SharePromptNetwork {
  network: Network;
  /** Current text (suggested or the person's saved edit), without the disclosure. */
  text: string;
  disclosure?: string;
  /** Counted as the network counts it (disclosure and link included when the service says so). */
  length: number;
  limit: number;
  /** `/s/<promptCode>/<network>`: records the share and redirects to the composer. */
  intentUrl: string;
  shared?: { clicks: number };
}

/** What the share prompt card shows. */
export interface SharePromptCardData {
  promptCode: string;
  title: string;
  summary: string;
  imageUrl?: string;
  category: ContentCategory;
  /** Topic names in the person's language. */
  topics: string[];
  /** Why it matters to this person, already translated. */
  why?: string;
  networks: SharePromptNetwork[];
  state: 'open' | 'shared' | 'skipped' | 'snoozed';
  boardDeepLink: string;
  /** `open` shows the editor, `ready` the "Open <network>" step. */
  stage: 'open' | 'ready';
  /** Network shown in the editor (stage open) or ready to open (stage ready); default the first not shared. */
  network?: Network;
  /** The person's words to put back in the editor (after a refused save). */
  draft?: string;
  /** A problem with the last action, already translated. */
  notice?: string;
  /** Teams user ids (`29:...`) whose clients refresh the card; omitted, no refresh. */
  refreshUserIds?: string[];
}

/** Render the share prompt card in `language`. */
export function renderSharePromptCard(data: SharePromptCardData, language: Language): AdaptiveCardJson {
  const t = translator(language, 'bot');
  const common = translator(language, 'common');
  const networkName = (n: Network) => common(`network.${n}`);
  const open = data.state === 'open' || data.state === 'shared';
  const unshared = data.networks.filter((n) => !n.shared);
  const shown =
    data.networks.find((n) => n.network === data.network) ?? unshared[0] ?? data.networks[0];
  const lengthLine = (n: SharePromptNetwork) =>
    n.disclosure
      ? t('share.lengthWithDisclosure', { length: n.length, limit: n.limit, network: networkName(n.network), disclosure: n.disclosure })
      : t('share.length', { length: n.length, limit: n.limit, network: networkName(n.network) });
  const ready = open && data.stage === 'ready' && shown && !shown.shared ? shown : undefined;
  const editor = open && !ready && shown && unshared.length > 0 ? shown : undefined;

  const view = {
    eyebrow: t('share.eyebrow'),
    title: inertText(data.title),
    imageUrl: data.imageUrl ?? null,
    meta: t('share.categoryAndTopics', { category: common(`category.${data.category}`), topics: inertText(data.topics.join(', ')) }).replace(/ · $/, ''),
    summary: inertText(data.summary),
    why: data.why ? `${t('share.why')}: ${data.why}` : null,
    sharedRows: data.networks
      .filter((n) => n.shared)
      .map((n) => ({ label: `✅ ${t('share.shared', { network: networkName(n.network) })}`, clicks: t('share.clicks', { count: n.shared?.clicks ?? 0 }) })),
    notice: data.notice ?? null,
    editor: editor
      ? {
          label: t('share.editLabel', { network: networkName(editor.network) }),
          text: data.draft ?? editor.text,
          length: lengthLine(editor),
          buttons: unshared.map((n, index) => ({
            verb: CARD_VERBS.sharePrepare,
            title: t('share.shareOn', { network: networkName(n.network) }),
            style: index === 0 ? 'positive' : 'default',
            data: { promptCode: data.promptCode, network: n.network, shownNetwork: editor.network },
          })),
        }
      : null,
    ready: ready
      ? {
          title: t('share.readyTitle', { network: networkName(ready.network) }),
          text: [ready.text, ready.disclosure].filter(Boolean).join(' '),
          length: lengthLine(ready),
          hint: ready.network === 'facebook' ? t('share.readyHintFacebook') : t('share.readyHint', { network: networkName(ready.network) }),
          open: t('share.open', { network: networkName(ready.network) }),
          url: ready.intentUrl,
          edit: t('share.edit'),
          editVerb: CARD_VERBS.shareEdit,
          editData: { promptCode: data.promptCode, stage: 'open', network: ready.network },
          done: t('share.done'),
          doneVerb: CARD_VERBS.shareRefresh,
          doneData: { promptCode: data.promptCode, stage: 'open' },
        }
      : null,
    closed: data.state === 'skipped' ? t('share.skipped') : data.state === 'snoozed' ? t('share.snoozed') : null,
    // Once shared somewhere, "Not for me" and "later" no longer fit: only sharing elsewhere does.
    declinable: editor !== undefined && data.state === 'open',
    notForMe: {
      title: t('share.notForMe'),
      reasonLabel: t('share.reasonLabel'),
      reasons: SKIP_REASONS.map((reason) => ({ title: t(`share.reasons.${reason}`), value: reason })),
      verb: CARD_VERBS.shareSkip,
      confirm: t('share.skipConfirm'),
      data: { promptCode: data.promptCode },
    },
    later: { verb: CARD_VERBS.shareLater, title: t('share.later'), data: { promptCode: data.promptCode } },
    openBoard: t('share.openBoard'),
    boardDeepLink: data.boardDeepLink,
  };
  const card = expandCard(template, view);
  if (data.refreshUserIds?.length) {
    card.refresh = {
      action: {
        type: 'Action.Execute',
        verb: CARD_VERBS.shareRefresh,
        data: { promptCode: data.promptCode, stage: ready ? 'ready' : 'open', ...(shown ? { network: shown.network } : {}) },
      },
      userIds: data.refreshUserIds,
    };
  }
  return card;
}
