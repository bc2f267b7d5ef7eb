/**
 * The one share service: whatever the door (card, message extension, tab, `/s/` link), a share
 * is prepared, edited, refused, snoozed and recorded here. A prompt is one per (person, content,
 * campaign); its code is the capability of the public share door, and its tracked-link codes
 * are drawn at creation so repeated or concurrent opens converge on one share and one link.
 */
import { nextAllowedSlot } from '../../shared/domain/prompt-slots.js';
import { isLive } from '../../shared/domain/targeting.js';
import { buildShareDialogUrl, buildTrackedUrl, isValidLinkCode, validateShareTarget } from '../../shared/domain/tracked-links.js';
import { createLinkCodes, type LinkCodes } from './link-codes.js';
import { NETWORKS, type ContentItem, type ContentResponse, type Language, type Network, type Share, type TrackedLink } from '../../shared/domain/types.js';
import { ConflictError, NotFoundError, ValidationError } from './errors.js';
import { selectNextOffer } from './next-offer.js';
import { isPolicyAcknowledged } from './policy.service.js';
import type { Repositories } from './ports.js';
import { retryOnConflict } from './retry-on-conflict.js';
import { checkEditedBody } from './share-text.js';
import { createPromptViewBuilder, shareIdOf, type SharePromptView } from './share-prompt-view.js';
import { DEFAULT_PROGRAMME_SETTINGS, type ProgrammeSettings, type SharePrompt, type SkipReason } from './sharing.ports.js';

export { shareIdOf, type SharePromptView } from './share-prompt-view.js';

/** Why the share door refused (the page says it in the person's language; nothing is recorded). */
export type RefusalReason = 'unknown-code' | 'network-not-offered' | 'policy-not-acknowledged' | 'content-unavailable';

/** Where the share door sends the browser: a composer, the Facebook copy page first, or a refusal page. */
export type ShareIntentOutcome =
  | { kind: 'redirect'; location: string; language: Language }
  | { kind: 'copy-then-continue'; network: 'facebook'; text: string; location: string; language: Language }
  | { kind: 'refused'; reason: RefusalReason; language: Language };

/** "Not for me" (with an optional reason) or "Remind me later". */
export type PromptResponse = { kind: 'skipped'; reason?: SkipReason } | { kind: 'snoozed' };

/** The one share service (see the module comment); every door calls it. */
export interface SharingService {
  /** Next item to offer this person now (targeting by persona, topics, team, language; never skipped ones; snoozed ones only when due; respects pause and weekly cap), or undefined. */
  nextOffer(tenantId: string, employeeId: string, now: Date): Promise<ContentItem | undefined>;
  /** Create (idempotently) or load the prompt for (person, content, campaign) and return its view. */
  preparePrompt(input: { tenantId: string; employeeId: string; contentId: string; campaignId?: string; now: Date }): Promise<SharePromptView>;
  /** Current view of a prompt (for card refresh); NotFoundError if unknown or not this person's. */
  getPrompt(tenantId: string, employeeId: string, promptCode: string): Promise<SharePromptView>;
  /** Save the person's edited text for one network (validated: non-empty, within the network limit incl. url); returns the updated view. */
  saveText(tenantId: string, employeeId: string, promptCode: string, network: Network, text: string, now: Date): Promise<SharePromptView>;
  /** The /s/ door and every other door: records the share once per (prompt, network), creates its tracked link, returns where to go. */
  openIntent(promptCode: string, network: string, now: Date): Promise<ShareIntentOutcome>;
  /** "Not for me" (optional reason) -> never offered again; "later" -> re-offered once at the person's next allowed slot. */
  respond(tenantId: string, employeeId: string, promptCode: string, response: PromptResponse, now: Date): Promise<SharePromptView>;
}

/** Called after a share is recorded for the first time (scoring, wins); must be idempotent on `share.id`. */
export interface SharingEvents {
  onShareRecorded(share: Share & { tenantId: string }): Promise<void>;
}

/** What the sharing service is built from (the composition root passes the app's). */
export interface SharingServiceDeps {
  repositories: Pick<Repositories, 'employees' | 'content' | 'contentResponses' | 'shares' | 'trackedLinks' | 'clicks' | 'topics' | 'prompts' | 'policies' | 'settings'>;
  /** Public origin of `/s/` and `/l/` links (config `publicBaseUrl`). */
  publicBaseUrl: string;
  /** `crypto.randomBytes` in the app; codes are drawn from it. */
  randomBytes: (count: number) => Uint8Array;
  /** Signs the codes drawn (SECRET_LINK_CODE_KEY, see link-codes.ts); default: the dev key. */
  linkCodes?: Pick<LinkCodes, 'create'>;
  /** Teams app id for deep links; without it links point at the tab URL. */
  teamsAppId?: string;
  /** Time for reads that take no `now` (card refresh). */
  clock?: () => Date;
  events?: SharingEvents;
  logger?: { warn(details: object, message: string): void };
}

/** How long after a link's creation a missing share is treated as an interrupted first open. */
const RECOVERY_AFTER_MS = 60_000;

/** Build the sharing service. */
export function createSharingService(deps: SharingServiceDeps): SharingService {
  const codes = deps.linkCodes ?? createLinkCodes();
  const repos = deps.repositories;
  const base = deps.publicBaseUrl.replace(/\/+$/, '');
  const clock = deps.clock ?? (() => new Date());

  const settingsOf = async (tenantId: string): Promise<ProgrammeSettings> => (await repos.settings.find(tenantId)) ?? { ...DEFAULT_PROGRAMME_SETTINGS };
  const view = createPromptViewBuilder({ repositories: repos, publicBaseUrl: base, clock, settingsOf, ...(deps.teamsAppId !== undefined ? { teamsAppId: deps.teamsAppId } : {}) });
  const { publicUrl, networkTextOf } = view;
  const buildView = view.build;

  async function ownPrompt(tenantId: string, employeeId: string, code: string) {
    const found = isValidLinkCode(code) ? await repos.prompts.find(code) : undefined;
    if (!found || found.value.tenantId !== tenantId || found.value.employeeId !== employeeId) {
      throw new NotFoundError(`share prompt ${code}: not found`);
    }
    return found;
  }

  async function updatePrompt(code: string, mutate: (p: SharePrompt) => SharePrompt | undefined): Promise<SharePrompt> {
    return retryOnConflict(
      async () => {
        const found = await repos.prompts.find(code);
        if (!found) throw new NotFoundError(`share prompt ${code}: not found`);
        return found;
      },
      mutate,
      (next, etag) => repos.prompts.update(next, etag),
    );
  }

  const nextOffer = (tenantId: string, employeeId: string, now: Date) => selectNextOffer(repos, tenantId, employeeId, now);

  async function preparePrompt(input: { tenantId: string; employeeId: string; contentId: string; campaignId?: string; now: Date }): Promise<SharePromptView> {
    const { tenantId, employeeId, contentId, now } = input;
    await Promise.all([repos.employees.get(tenantId, employeeId), repos.content.get(tenantId, contentId)]);
    const at = now.toISOString();
    const draw = () => codes.create(deps.randomBytes);
    const { prompt } = await repos.prompts.createOnce({
      code: draw(),
      tenantId,
      employeeId,
      contentId,
      ...(input.campaignId !== undefined ? { campaignId: input.campaignId } : {}),
      linkCodes: { linkedin: draw(), x: draw(), facebook: draw() },
      texts: {},
      createdAt: at,
      updatedAt: at,
    });
    let value = prompt.value;
    const response = value.response;
    if (response?.kind === 'snoozed' && value.reofferedAt === undefined && Date.parse(response.until) <= now.getTime()) {
      value = await updatePrompt(value.code, (p) => (p.reofferedAt !== undefined ? undefined : { ...p, reofferedAt: at, updatedAt: at }));
    }
    return buildView(value);
  }

  async function getPrompt(tenantId: string, employeeId: string, promptCode: string): Promise<SharePromptView> {
    return buildView((await ownPrompt(tenantId, employeeId, promptCode)).value);
  }

  async function saveText(tenantId: string, employeeId: string, promptCode: string, network: Network, text: string, now: Date): Promise<SharePromptView> {
    const found = await ownPrompt(tenantId, employeeId, promptCode);
    const problem = checkEditedBody(text, network, publicUrl(found.value, network));
    if (problem) throw new ValidationError(`Edited text for ${network} is ${problem === 'empty' ? 'empty' : 'longer than the network allows'}`, { code: problem === 'empty' ? 'TextEmpty' : 'TextTooLong' });
    const body = text.trim();
    const updated = await updatePrompt(promptCode, (p) => (p.texts[network] === body ? undefined : { ...p, texts: { ...p.texts, [network]: body }, updatedAt: now.toISOString() }));
    return buildView(updated);
  }

  async function respond(tenantId: string, employeeId: string, promptCode: string, response: PromptResponse, now: Date): Promise<SharePromptView> {
    const found = await ownPrompt(tenantId, employeeId, promptCode);
    const at = now.toISOString();
    const prompt = found.value;
    let stored: ContentResponse;
    let next: SharePrompt['response'];
    if (response.kind === 'skipped') {
      next = { kind: 'skipped', at, ...(response.reason !== undefined ? { reason: response.reason } : {}) };
      stored = { contentId: prompt.contentId, employeeId, kind: 'skipped', at };
    } else {
      const employee = (await repos.employees.get(tenantId, employeeId)).value;
      const until = new Date(nextAllowedSlot(employee, now.getTime())).toISOString();
      next = { kind: 'snoozed', at, until };
      stored = { contentId: prompt.contentId, employeeId, kind: 'snoozed', at, until };
    }
    const updated = await updatePrompt(promptCode, (p) => ({ ...p, response: next, updatedAt: at }));
    await repos.contentResponses.record(tenantId, stored);
    return buildView(updated);
  }

  async function openIntent(promptCode: string, networkParam: string, now: Date): Promise<ShareIntentOutcome> {
    const prompt = isValidLinkCode(promptCode) ? (await repos.prompts.find(promptCode))?.value : undefined;
    if (!prompt) return { kind: 'refused', reason: 'unknown-code', language: 'en' };
    const { tenantId, employeeId } = prompt;
    const [employeeRow, settings] = await Promise.all([repos.employees.find(tenantId, employeeId), settingsOf(tenantId)]);
    if (!employeeRow) return { kind: 'refused', reason: 'unknown-code', language: 'en' };
    const employee = employeeRow.value;
    const language = employee.language;
    const network = (NETWORKS as readonly string[]).includes(networkParam) ? (networkParam as Network) : undefined;
    if (!network || !settings.networks.includes(network)) return { kind: 'refused', reason: 'network-not-offered', language };
    const [item, policies] = await Promise.all([
      repos.content.get(tenantId, prompt.contentId).then((r) => r.value, (err: unknown) => {
        if (err instanceof NotFoundError) return undefined;
        throw err;
      }),
      repos.policies.list(tenantId),
    ]);
    if (!item || !isLive(item, now.toISOString()) || !validateShareTarget(item.url).ok) return { kind: 'refused', reason: 'content-unavailable', language };
    if (!isPolicyAcknowledged(employee, policies, now)) return { kind: 'refused', reason: 'policy-not-acknowledged', language };

    const text = networkTextOf(prompt, item, employee, network, settings);
    const code = prompt.linkCodes[network];
    const share: Share = {
      id: shareIdOf(prompt.code, network),
      employeeId,
      contentId: item.id,
      ...(prompt.campaignId !== undefined ? { campaignId: prompt.campaignId } : {}),
      network,
      linkCode: code,
      text: text.fullText,
      sharedAt: now.toISOString(),
    };
    const link: TrackedLink = {
      code,
      tenantId,
      targetUrl: buildTrackedUrl(item.url, { network, code, ...(prompt.campaignId !== undefined ? { campaign: prompt.campaignId } : {}) }),
      shareId: share.id,
      employeeId,
      contentId: item.id,
      ...(prompt.campaignId !== undefined ? { campaignId: prompt.campaignId } : {}),
      network,
      createdAt: share.sharedAt,
    };
    await recordOnce(tenantId, share, link, now);
    const location = buildShareDialogUrl(network, text.url, text.textWithoutLink);
    if (network === 'facebook') return { kind: 'copy-then-continue', network, text: text.textWithoutLink, location, language };
    return { kind: 'redirect', location, language };
  }

  /**
   * The link's insert is the claim: whoever creates it records the share and tells `events`.
   * A later or concurrent open finds the link and records nothing new, except when the share
   * is still missing well after the link was made (a first open that died half-way), which it
   * then completes.
   */
  async function recordOnce(tenantId: string, share: Share, link: TrackedLink, now: Date): Promise<void> {
    let first = true;
    try {
      await repos.trackedLinks.create(link);
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err;
      first = false;
    }
    if (!first) {
      const existing = await repos.trackedLinks.find(link.code);
      const shares = await repos.shares.listByEmployee(tenantId, share.employeeId);
      if (shares.some((s) => s.id === share.id)) return;
      const createdAt = existing ? Date.parse(existing.createdAt) : now.getTime();
      if (now.getTime() - createdAt < RECOVERY_AFTER_MS) return; // the first open is writing it right now
      share.sharedAt = existing?.createdAt ?? share.sharedAt;
    }
    await repos.shares.record(tenantId, share);
    await repos.contentResponses.record(tenantId, { contentId: share.contentId, employeeId: share.employeeId, kind: 'shared', at: share.sharedAt });
    if (deps.events) {
      try {
        await deps.events.onShareRecorded({ ...share, tenantId });
      } catch (err) {
        // The share stands; scoring catches up from the share rows.
        deps.logger?.warn({ shareId: share.id, error: err instanceof Error ? err.message : String(err) }, 'onShareRecorded failed');
      }
    }
  }

  return { nextOffer, preparePrompt, getPrompt, saveText, openIntent, respond };
}
