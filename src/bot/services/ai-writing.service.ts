/**
 * AI writing help: a few alternative versions of a person's own post, from a language model, for
 * one network and in their language. Available only when the tenant turned it on (Admin >
 * Settings, `aiHelp`) and the deployment has a model (config `aiWriting.model`). The prompt and
 * the checks of the answer are pure rules (`shared/domain/ai-writing.ts`): the model sees the
 * item's title and summary, the person's words, the network and the language, nothing else; what
 * it answers is cleaned, fitted to the network and refused when it holds a blocked phrase. Nothing
 * is saved or posted: the person picks a version into the editor and still edits it.
 */
import type { AdminSettings } from '../../shared/contracts/admin.js';
import {
  buildRewriteMessages,
  checkModelVariants,
  parseModelVariants,
  type DroppedVariants,
  type PostTail,
  type RewriteContext,
  type RewriteVariant,
} from '../../shared/domain/ai-writing.js';
import type { Language, Network } from '../../shared/domain/types.js';
import { DEFAULT_ADMIN_SETTINGS, type AdminSettingsRepository } from './admin.ports.js';
import { AiWritingUnavailableError, ModelFailedError, type WritingModel } from './ai-writing.ports.js';

/** The versions offered for one network. */
export interface RewriteResult {
  network: Network;
  language: Language;
  variants: RewriteVariant[];
  /** Versions of the model that were not offered, and why. */
  dropped: DroppedVariants;
}

export interface AiWritingService {
  /** A model is configured for this deployment. */
  readonly modelConfigured: boolean;
  /** The tenant turned the feature on and a model is configured. */
  available(tenantId: string): Promise<boolean>;
  /**
   * Versions of the post `load` describes (called only once the feature is known to be on).
   * Throws {@link AiWritingUnavailableError}, or the model's `ModelBusyError` / `ModelFailedError`.
   */
  rewrite(tenantId: string, load: () => Promise<RewriteContext & PostTail>): Promise<RewriteResult>;
}

export interface AiWritingServiceDeps {
  /** The model; `undefined` when none is configured (the feature is then unavailable everywhere). */
  model: WritingModel | undefined;
  adminSettings: Pick<AdminSettingsRepository, 'find'>;
  logger?: { warn(details: object, message: string): void };
}

/** Build the AI writing service. */
export function createAiWritingService(deps: AiWritingServiceDeps): AiWritingService {
  const settingsOf = async (tenantId: string) => (await deps.adminSettings.find(tenantId)) ?? DEFAULT_ADMIN_SETTINGS;
  return {
    modelConfigured: deps.model !== undefined,

    async available(tenantId) {
      return deps.model !== undefined && (await settingsOf(tenantId)).aiHelp;
    },

    async rewrite(tenantId, load) {
      const model = deps.model;
      if (!model) throw new AiWritingUnavailableError('no-model');
      const settings = await settingsOf(tenantId);
      if (!settings.aiHelp) throw new AiWritingUnavailableError('turned-off');
      const post = await load();
      const tail: PostTail = { linkUrl: post.linkUrl, ...(post.disclosure !== undefined ? { disclosure: post.disclosure } : {}) };
      const answer = await model.complete(buildRewriteMessages(post, tail));
      const raw = parseModelVariants(answer);
      if (!raw) throw new ModelFailedError('the model did not answer in the expected JSON shape');
      const checked = checkModelVariants({ raw, network: post.network, language: post.language, tail, blockedPhrases: settings.blockedPhrases, currentText: post.text });
      if (checked.dropped.blocked > 0) deps.logger?.warn({ tenantId, blocked: checked.dropped.blocked }, 'AI writing help: versions with a blocked phrase were refused');
      return { network: post.network, language: post.language, variants: checked.variants, dropped: checked.dropped };
    },
  };
}

/**
 * Admin > Settings with whether a model is configured (`aiModelConfigured`), so the form can say
 * why the switch alone does nothing. Everything else of `settings` is left as it is.
 */
export function withAiModelStatus<S extends { get(tenantId: string): Promise<AdminSettings> }>(settings: S, modelConfigured: boolean): S {
  const wrapped = Object.create(settings) as S;
  wrapped.get = async (tenantId: string) => ({ ...(await settings.get(tenantId)), aiModelConfigured: modelConfigured });
  return wrapped;
}
