/**
 * Ports of AI writing help: the language model behind "Help me rewrite" (Azure OpenAI in
 * production, `ai-writing.azure-openai.ts`; a local server that speaks the same REST API in
 * tests), and the typed errors the HTTP layer turns into clear answers.
 */
import type { ChatMessage } from '../../shared/domain/ai-writing.js';

/** A chat model that answers one list of messages with one text. */
export interface WritingModel {
  /** Throws {@link ModelBusyError} (throttled, timed out) or {@link ModelFailedError} (anything else). */
  complete(messages: ChatMessage[], options?: { signal?: AbortSignal }): Promise<string>;
}

/** The feature is off for the tenant (Admin > Settings) or no model is configured for the deployment. */
export class AiWritingUnavailableError extends Error {
  constructor(readonly reason: 'turned-off' | 'no-model') {
    super(reason === 'no-model' ? 'AI writing help: no model is configured' : 'AI writing help is turned off for this programme');
    this.name = 'AiWritingUnavailableError';
  }
}

/** The model is throttled (429) or did not answer in time: worth trying again a bit later. */
export class ModelBusyError extends Error {
  constructor(
    message: string,
    /** Seconds the model asked to wait (its Retry-After), when it said so. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ModelBusyError';
  }
}

/** The model refused, failed (5xx, auth) or answered something unusable. */
export class ModelFailedError extends Error {
  constructor(
    message: string,
    /** HTTP status of the model's answer, when there was one. */
    readonly status?: number,
    /** `content-filter`: Azure's content filter refused the request or the answer. */
    readonly code?: 'content-filter',
  ) {
    super(message);
    this.name = 'ModelFailedError';
  }
}
