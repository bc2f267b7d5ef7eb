/**
 * The board's share panel: the tab's door to the one sharing service. Opening the panel prepares
 * (idempotently) the person's prompt for the item, exactly as a share card does; saving text and
 * "Not for me" go through the same service calls as the card's actions, and the panel's Share
 * buttons open the same share door (`/s/<code>/<network>`), which applies the policy gate and
 * records a tracked share. This module only adds what the panel shows beyond the card's view:
 * the tracked link and disclosure for the live counter, and every share of the item by the
 * person (whatever the door) with its clicks.
 */
import type { RewriteRequest, SharePanel, SharePanelNetwork } from '../../shared/contracts/board-share.js';
import { measureSharePost } from '../../shared/contracts/board-share.js';
import { isSafeUrl } from '../../shared/contracts/board.js';
import { isLive } from '../../shared/domain/targeting.js';
import { buildPublicLinkUrl } from '../../shared/domain/tracked-links.js';
import type { Network } from '../../shared/domain/types.js';
import { AiWritingUnavailableError } from './ai-writing.ports.js';
import type { AiWritingService, RewriteResult } from './ai-writing.service.js';
import { NotFoundError } from './errors.js';
import type { Repositories } from './ports.js';
import { disclosureFor } from './share-text.js';
import type { SharingService, SharePromptView } from './sharing.service.js';
import { DEFAULT_PROGRAMME_SETTINGS, type SkipReason } from './sharing.ports.js';

/** The panel's use cases; every one acts for the caller only (ids come from the authenticated identity). */
export interface BoardShareService {
  /** The panel for a live board item (NotFoundError otherwise); creates the person's prompt on first open. */
  open(tenantId: string, employeeId: string, contentId: string, now: Date): Promise<SharePanel>;
  /** Save the person's words for one network (validated by the sharing service: not empty, within the limit). */
  saveText(tenantId: string, employeeId: string, contentId: string, network: Network, text: string, now: Date): Promise<SharePanel>;
  /** "Not for me" with an optional reason: never offered again by the bot. */
  notForMe(tenantId: string, employeeId: string, contentId: string, reason: SkipReason | undefined, now: Date): Promise<SharePanel>;
  /**
   * "Help me rewrite": versions of the person's current words for one network, in their language
   * (or `request.language`). Throws AiWritingUnavailableError when the feature is off; nothing is saved.
   */
  rewrite(tenantId: string, employeeId: string, contentId: string, request: RewriteRequest, now: Date): Promise<RewriteResult>;
}

export interface BoardShareServiceDeps {
  sharing: Pick<SharingService, 'preparePrompt' | 'saveText' | 'respond'>;
  repositories: Pick<Repositories, 'content' | 'prompts' | 'settings' | 'shares' | 'clicks'>;
  /** Public origin of `/l/` links (config `publicBaseUrl`), as the sharing service uses. */
  publicBaseUrl: string;
  /** AI writing help; without it the panel never offers "Help me rewrite". */
  aiWriting?: Pick<AiWritingService, 'available' | 'rewrite'>;
}

/** Build the panel service over the sharing service. */
export function createBoardShareService(deps: BoardShareServiceDeps): BoardShareService {
  const repos = deps.repositories;
  const base = deps.publicBaseUrl.replace(/\/+$/, '');

  async function prepare(tenantId: string, employeeId: string, contentId: string, now: Date): Promise<SharePromptView> {
    const item = (await repos.content.get(tenantId, contentId)).value;
    if (!isLive(item, now.toISOString()) || !isSafeUrl(item.url)) throw new NotFoundError(`board item ${contentId}: not on the board`);
    return deps.sharing.preparePrompt({ tenantId, employeeId, contentId, now });
  }

  /** The person's tracked link per network and the disclosure in their language. */
  async function tailsOf(view: SharePromptView): Promise<{ linkUrl: (network: Network) => string; disclosure: string | undefined }> {
    const [prompt, settings] = await Promise.all([repos.prompts.find(view.promptCode), repos.settings.find(view.tenantId)]);
    if (!prompt) throw new NotFoundError(`share prompt for ${view.contentId}: not found`);
    return {
      linkUrl: (network) => buildPublicLinkUrl(base, prompt.value.linkCodes[network]),
      disclosure: disclosureFor(settings ?? { ...DEFAULT_PROGRAMME_SETTINGS }, view.language),
    };
  }

  async function panelOf(view: SharePromptView): Promise<SharePanel> {
    const { tenantId, employeeId } = view;
    const [tails, shares, aiWriting] = await Promise.all([
      tailsOf(view),
      repos.shares.listByEmployee(tenantId, employeeId),
      deps.aiWriting ? deps.aiWriting.available(tenantId) : Promise.resolve(false),
    ]);
    const disclosure = tails.disclosure;
    const ofItem = shares.filter((s) => s.contentId === view.contentId).sort((a, b) => b.sharedAt.localeCompare(a.sharedAt));
    const history = await Promise.all(ofItem.map(async (s) => ({ network: s.network, at: s.sharedAt, clicks: await repos.clicks.countByCode(s.linkCode) })));
    const networks = view.networks.map((n): SharePanelNetwork => {
      const linkUrl = tails.linkUrl(n.network);
      const measured = measureSharePost(n.text, n.network, linkUrl, disclosure);
      return {
        network: n.network,
        text: n.text,
        ...(disclosure !== undefined ? { disclosure } : {}),
        disclosureFits: measured.disclosureKept,
        linkUrl,
        length: n.length,
        limit: n.limit,
        intentPath: `/s/${view.promptCode}/${n.network}`,
        ...(n.shared ? { shared: { at: n.shared.at, clicks: n.shared.clicks } } : {}),
      };
    });
    return {
      contentId: view.contentId,
      title: view.title,
      summary: view.summary,
      url: view.url,
      ...(view.imageUrl !== undefined && isSafeUrl(view.imageUrl) ? { imageUrl: view.imageUrl } : {}),
      category: view.category,
      language: view.language,
      networks,
      state: view.state,
      policyAcknowledged: view.policyAcknowledged,
      history,
      aiWriting,
    };
  }

  return {
    async open(tenantId, employeeId, contentId, now) {
      return panelOf(await prepare(tenantId, employeeId, contentId, now));
    },
    async saveText(tenantId, employeeId, contentId, network, text, now) {
      const view = await prepare(tenantId, employeeId, contentId, now);
      return panelOf(await deps.sharing.saveText(tenantId, employeeId, view.promptCode, network, text, now));
    },
    async notForMe(tenantId, employeeId, contentId, reason, now) {
      const view = await prepare(tenantId, employeeId, contentId, now);
      const response = reason !== undefined ? { kind: 'skipped' as const, reason } : { kind: 'skipped' as const };
      return panelOf(await deps.sharing.respond(tenantId, employeeId, view.promptCode, response, now));
    },
    async rewrite(tenantId, employeeId, contentId, request, now) {
      const aiWriting = deps.aiWriting;
      if (!aiWriting) throw new AiWritingUnavailableError('no-model');
      // The feature is checked before the prompt is prepared: when it is off, nothing is read or created.
      return aiWriting.rewrite(tenantId, async () => {
        const view = await prepare(tenantId, employeeId, contentId, now);
        const tails = await tailsOf(view);
        // Only the content and the person's words: no name, email or id goes to the model.
        return {
          title: view.title,
          summary: view.summary,
          text: request.text,
          network: request.network,
          language: request.language ?? view.language,
          linkUrl: tails.linkUrl(request.network),
          ...(tails.disclosure !== undefined ? { disclosure: tails.disclosure } : {}),
        };
      });
    },
  };
}
