/**
 * A share prompt as the card, the message extension and the tab show it: one read of everything
 * a prompt's view needs (person, item, settings, topics, policies, shares), then the text per
 * network from `share-text.ts`. Part of the sharing service; apart so each file reads on its own.
 */
import { buildPublicLinkUrl } from '../../shared/domain/tracked-links.js';
import type { ContentCategory, ContentItem, Employee, Language, Network } from '../../shared/domain/types.js';
import { isPolicyAcknowledged } from './policy.service.js';
import type { Repositories } from './ports.js';
import { composeNetworkText, disclosureFor, explainWhy, suggestedBody, type NetworkText } from './share-text.js';
import type { ProgrammeSettings, SharePrompt } from './sharing.ports.js';

/** One prompt for one person: what the share prompt card renders and refreshes from. */
export interface SharePromptView {
  /** unguessable; one per (person, content, campaign) */
  promptCode: string;
  tenantId: string;
  employeeId: string;
  contentId: string;
  campaignId?: string;
  /** person's language */
  language: Language;
  title: string;
  summary: string;
  url: string;
  imageUrl?: string;
  category: ContentCategory;
  topics: Array<{ id: string; name: string }>;
  /** i18n key in the `sharing` namespace explaining why it matters to this person (persona/topic) */
  why: { key: string; params: Record<string, string | number> };
  networks: Array<{
    network: Network;
    /** current text (suggested or the person's saved edit), disclosure NOT included */
    text: string;
    /** appended when the setting is on and the length allows */
    disclosure?: string;
    /** counted as the network counts it (domain countNetworkLength), whole post */
    length: number;
    limit: number;
    /** `${publicBaseUrl}/s/<promptCode>/<network>` */
    intentUrl: string;
    shared?: { at: string; linkCode: string; clicks: number };
  }>;
  state: 'open' | 'shared' | 'skipped' | 'snoozed';
  policyAcknowledged: boolean;
  /** Teams deep link to the board tab item */
  boardDeepLink: string;
}

/** Deterministic share id per (prompt, network): a replayed door converges on one share. */
export function shareIdOf(promptCode: string, network: Network): string {
  return `${promptCode}-${network}`;
}

/** What the view builder reads and how it links. */
export interface PromptViewDeps {
  repositories: Pick<Repositories, 'employees' | 'content' | 'topics' | 'policies' | 'shares' | 'clicks'>;
  /** Without a trailing slash. */
  publicBaseUrl: string;
  teamsAppId?: string;
  clock: () => Date;
  settingsOf: (tenantId: string) => Promise<ProgrammeSettings>;
}

/** Builds views and the per-network text (shared with the share door, so both say the same words). */
export interface PromptViewBuilder {
  publicUrl(prompt: SharePrompt, network: Network): string;
  networkTextOf(prompt: SharePrompt, item: ContentItem, employee: Employee, network: Network, settings: ProgrammeSettings): NetworkText & { url: string };
  build(prompt: SharePrompt): Promise<SharePromptView>;
}

/**
 * Teams deep link to the board tab with the item as sub-entity when the app id is known, else the
 * tab URL with the item in the hash (local runs, the Playground).
 */
export function boardItemLink(publicBaseUrl: string, contentId: string, teamsAppId?: string): string {
  return teamsAppId
    ? `https://teams.microsoft.com/l/entity/${encodeURIComponent(teamsAppId)}/board?context=${encodeURIComponent(JSON.stringify({ subEntityId: `item:${contentId}` }))}`
    : `${publicBaseUrl}/tab/#/board?item=${encodeURIComponent(contentId)}`;
}

/** Build the view builder. */
export function createPromptViewBuilder(deps: PromptViewDeps): PromptViewBuilder {
  const repos = deps.repositories;
  const base = deps.publicBaseUrl;
  const { clock, settingsOf } = deps;
  const publicUrl = (prompt: SharePrompt, network: Network): string => buildPublicLinkUrl(base, prompt.linkCodes[network]);
  const boardDeepLink = (contentId: string): string => boardItemLink(base, contentId, deps.teamsAppId);

  function networkTextOf(prompt: SharePrompt, item: ContentItem, employee: Employee, network: Network, settings: ProgrammeSettings): NetworkText & { url: string } {
    const url = publicUrl(prompt, network);
    const disclosure = disclosureFor(settings, employee.language);
    const body = prompt.texts[network] ?? suggestedBody(item, employee.id, employee.language, network, url, disclosure);
    return { url, ...composeNetworkText(body, network, url, disclosure) };
  }

  async function build(prompt: SharePrompt): Promise<SharePromptView> {
    const { tenantId, employeeId } = prompt;
    const [employee, item, settings, topics, policies, shares] = await Promise.all([
      repos.employees.get(tenantId, employeeId),
      repos.content.get(tenantId, prompt.contentId),
      settingsOf(tenantId),
      repos.topics.list(tenantId),
      repos.policies.list(tenantId),
      repos.shares.listByEmployee(tenantId, employeeId),
    ]);
    const person = employee.value;
    const content = item.value;
    const language = person.language;
    const networks = await Promise.all(
      settings.networks.map(async (network) => {
        const text = networkTextOf(prompt, content, person, network, settings);
        const share = shares.find((s) => s.id === shareIdOf(prompt.code, network));
        const shared = share && { at: share.sharedAt, linkCode: share.linkCode, clicks: await repos.clicks.countByCode(share.linkCode) };
        return {
          network,
          text: text.body,
          ...(text.disclosure !== undefined ? { disclosure: text.disclosure } : {}),
          length: text.length,
          limit: text.limit,
          intentUrl: `${base}/s/${prompt.code}/${network}`,
          ...(shared ? { shared } : {}),
        };
      }),
    );
    // A snoozed prompt that came back (re-offered after the snooze) is open again until answered anew.
    const cameBack = prompt.response?.kind === 'snoozed' && prompt.reofferedAt !== undefined && prompt.reofferedAt >= prompt.response.at;
    const answer = cameBack ? undefined : prompt.response?.kind;
    const state: SharePromptView['state'] = networks.some((n) => n.shared) ? 'shared' : (answer ?? 'open');
    return {
      promptCode: prompt.code,
      tenantId,
      employeeId,
      contentId: content.id,
      ...(prompt.campaignId !== undefined ? { campaignId: prompt.campaignId } : {}),
      language,
      title: content.title,
      summary: content.summary,
      url: content.url,
      ...(content.imageUrl !== undefined ? { imageUrl: content.imageUrl } : {}),
      category: content.category,
      topics: content.topics.map((id) => {
        const topic = topics.find((t) => t.id === id);
        return { id, name: topic ? (topic.name[language] ?? topic.name.en) : id };
      }),
      why: explainWhy(content, person, topics, language),
      networks,
      state,
      policyAcknowledged: isPolicyAcknowledged(person, policies, clock()),
      boardDeepLink: boardDeepLink(content.id),
    };
  }

  return { publicUrl, networkTextOf, build };
}
