/**
 * The writing model over Azure OpenAI chat completions (`POST {endpoint}/openai/deployments/
 * {deployment}/chat/completions?api-version=...`) with the `openai` package's `AzureOpenAI`
 * client. Authentication: the API key when one is configured, else Microsoft Entra ID through
 * `DefaultAzureCredential` (the App Service's managed identity, which needs the "Cognitive
 * Services OpenAI User" role on the resource). No retries here: the person is waiting and can
 * ask again; a throttled or slow model is a {@link ModelBusyError}, anything else a
 * {@link ModelFailedError}. Nothing of the request (key, token, text) is logged.
 */
import { DefaultAzureCredential, getBearerTokenProvider } from '@azure/identity';
import { AzureOpenAI, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import type { ChatMessage } from '../../shared/domain/ai-writing.js';
import { ModelBusyError, ModelFailedError, type WritingModel } from './ai-writing.ports.js';

/** Scope of Azure OpenAI data-plane tokens. */
export const AZURE_OPENAI_SCOPE = 'https://cognitiveservices.azure.com/.default';

/** Where the model is and how to reach it (config `aiWriting.model`). */
export interface AzureOpenAiOptions {
  /** Resource endpoint, e.g. `https://contoso-ai.openai.azure.com`. */
  endpoint: string;
  deployment: string;
  apiVersion: string;
  /** API key; without it an Entra ID token is used. */
  apiKey?: string;
  timeoutMs: number;
  /** Entra ID token source (default `DefaultAzureCredential`); tests pass their own. */
  tokenProvider?: () => Promise<string>;
  /** Longest answer asked for, in tokens. */
  maxTokens?: number;
}

/** Seconds from a `retry-after` (seconds or HTTP date) or `retry-after-ms` header. */
function retryAfterSeconds(headers: Record<string, string | null | undefined> | undefined): number | undefined {
  const ms = Number(headers?.['retry-after-ms']);
  if (Number.isFinite(ms) && ms > 0) return Math.max(1, Math.ceil(ms / 1000));
  const value = headers?.['retry-after'];
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.max(1, Math.ceil(seconds));
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(1, Math.ceil((date - Date.now()) / 1000)) : undefined;
}

/** The SDK's errors in our terms. */
function translateError(err: unknown): Error {
  if (err instanceof ModelBusyError || err instanceof ModelFailedError) return err;
  if (err instanceof APIConnectionTimeoutError) return new ModelBusyError('the model did not answer in time');
  if (err instanceof APIUserAbortError) return new ModelBusyError('the request to the model was cancelled');
  if (err instanceof APIError) {
    const status = err.status;
    if (status === 429) return new ModelBusyError('the model is throttled (429)', retryAfterSeconds(err.headers));
    if (status === 408) return new ModelBusyError('the model did not answer in time (408)');
    if (status === 400 && err.code === 'content_filter') return new ModelFailedError('the content filter refused the request', 400, 'content-filter');
    if (status === undefined) return new ModelFailedError('the model cannot be reached');
    return new ModelFailedError(`the model answered ${status}`, status);
  }
  return new ModelFailedError(err instanceof Error ? err.message.split('\n')[0] ?? 'model error' : 'model error');
}

/** Build the Azure OpenAI writing model. */
export function createAzureOpenAiModel(options: AzureOpenAiOptions): WritingModel {
  const auth = options.apiKey
    ? { apiKey: options.apiKey }
    : {
        // `null`, not undefined: the SDK would otherwise read AZURE_OPENAI_API_KEY from the environment itself.
        apiKey: null as unknown as undefined,
        azureADTokenProvider: options.tokenProvider ?? getBearerTokenProvider(new DefaultAzureCredential(), AZURE_OPENAI_SCOPE),
      };
  const client = new AzureOpenAI({
    ...auth,
    // Everything explicit, so the SDK reads nothing from process.env (config.ts is the one place that does).
    baseURL: `${options.endpoint.replace(/\/+$/, '')}/openai`,
    deployment: options.deployment,
    apiVersion: options.apiVersion,
    organization: null,
    project: null,
    timeout: options.timeoutMs,
    maxRetries: 0,
  });
  return {
    async complete(messages: ChatMessage[], callOptions) {
      try {
        const completion = await client.chat.completions.create(
          {
            model: options.deployment,
            messages,
            temperature: 0.8,
            max_tokens: options.maxTokens ?? 2400,
            response_format: { type: 'json_object' },
          },
          callOptions?.signal ? { signal: callOptions.signal } : undefined,
        );
        const choice = completion.choices[0];
        if (choice?.finish_reason === 'content_filter') throw new ModelFailedError('the content filter stopped the answer', 200, 'content-filter');
        if (choice?.finish_reason === 'length') throw new ModelFailedError('the answer was cut at the token limit', 200);
        const content = choice?.message.content;
        if (typeof content !== 'string' || content.trim() === '') throw new ModelFailedError('the model answered nothing', 200);
        return content;
      } catch (err) {
        throw translateError(err);
      }
    },
  };
}
