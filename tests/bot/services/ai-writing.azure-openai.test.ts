/**
 * The Azure OpenAI adapter of AI writing help against a local server speaking the service's REST
 * API: the managed-identity path (an Entra ID bearer token, never a key from the environment),
 * the key path, and refusals and throttling in our error types.
 */
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PERSONAL_LOG_FIELDS, SECRET_LOG_FIELDS } from '../../../src/bot/http/server.js';
import { createAzureOpenAiModel } from '../../../src/bot/services/ai-writing.azure-openai.js';
import { ModelBusyError, ModelFailedError } from '../../../src/bot/services/ai-writing.ports.js';
import { startAzureOpenAiServer, type AzureOpenAiServer } from '../../support/azure-openai-server.js';

let server: AzureOpenAiServer;
const MESSAGES = [
  { role: 'system' as const, content: 'Rules.' },
  { role: 'user' as const, content: '{"currentText":"Hello"}' },
];

beforeAll(async () => {
  server = await startAzureOpenAiServer();
});
afterAll(async () => {
  await server?.close();
});
afterEach(() => {
  delete process.env.AZURE_OPENAI_API_KEY;
});

const options = () => ({ endpoint: `${server.endpoint}/`, deployment: server.deployment, apiVersion: '2024-10-21', timeoutMs: 2000 });

describe('createAzureOpenAiModel', () => {
  it('uses the token provider (managed identity) and never a key from the environment', async () => {
    process.env.AZURE_OPENAI_API_KEY = 'key-from-the-environment';
    let asked = 0;
    const model = createAzureOpenAiModel({ ...options(), tokenProvider: async () => { asked += 1; return server.bearerToken; } });
    server.script({ kind: 'variants', variants: ['One.'] });
    expect(JSON.parse(await model.complete(MESSAGES))).toEqual({ variants: ['One.'] });
    expect(asked).toBe(1);
    expect(server.requests.at(-1)).toMatchObject({ auth: 'bearer', credential: server.bearerToken, apiVersion: '2024-10-21', path: `/openai/deployments/${server.deployment}/chat/completions` });
    expect(server.requests.at(-1)?.body.messages).toEqual(MESSAGES);
  });

  it('sends the key as the api-key header when one is configured', async () => {
    const model = createAzureOpenAiModel({ ...options(), apiKey: server.apiKey });
    await model.complete(MESSAGES);
    expect(server.requests.at(-1)).toMatchObject({ auth: 'api-key', credential: server.apiKey, status: 200 });
  });

  it('turns a refused credential into ModelFailedError with its status, without retrying', async () => {
    const before = server.requests.length;
    const model = createAzureOpenAiModel({ ...options(), apiKey: 'wrong-key' });
    const err = await model.complete(MESSAGES).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ModelFailedError);
    expect((err as ModelFailedError).status).toBe(401);
    expect((err as Error).message).not.toContain('wrong-key');
    expect(server.requests.length).toBe(before + 1);
  });

  it('turns a 429 into ModelBusyError with the Retry-After of the service, and a missing deployment into a 404 failure', async () => {
    const model = createAzureOpenAiModel({ ...options(), apiKey: server.apiKey });
    server.script({ kind: 'throttle', retryAfterSeconds: 12 });
    const busy = await model.complete(MESSAGES).catch((e: unknown) => e);
    expect(busy).toBeInstanceOf(ModelBusyError);
    expect((busy as ModelBusyError).retryAfterSeconds).toBe(12);
    const wrong = createAzureOpenAiModel({ ...options(), deployment: 'no-such-deployment', apiKey: server.apiKey });
    const missing = await wrong.complete(MESSAGES).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(ModelFailedError);
    expect((missing as ModelFailedError).status).toBe(404);
  });

  it('reports an answer stopped by the content filter, an empty answer and one cut at the token limit as failures', async () => {
    const model = createAzureOpenAiModel({ ...options(), apiKey: server.apiKey });
    server.script({ kind: 'content', content: '', finishReason: 'content_filter' }, { kind: 'content', content: '   ' }, { kind: 'content', content: '{"variants": ["cut', finishReason: 'length' });
    const filtered = await model.complete(MESSAGES).catch((e: unknown) => e);
    expect(filtered).toMatchObject({ name: 'ModelFailedError', code: 'content-filter' });
    const empty = await model.complete(MESSAGES).catch((e: unknown) => e);
    expect(empty).toBeInstanceOf(ModelFailedError);
    const cut = await model.complete(MESSAGES).catch((e: unknown) => e);
    expect(cut).toMatchObject({ name: 'ModelFailedError', message: 'the answer was cut at the token limit' });
  });

  it('reports a model that cannot be reached as a failure', async () => {
    const model = createAzureOpenAiModel({ ...options(), endpoint: 'http://127.0.0.1:9', apiKey: 'k' });
    await expect(model.complete(MESSAGES)).rejects.toBeInstanceOf(ModelFailedError);
  });
});

describe('the server log redaction', () => {
  it('never writes an API key or a bearer token, at any of the shapes a log line may hold it', () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk: Buffer, _enc, done) => { lines.push(chunk.toString()); done(); } });
    const log = pino({ redact: { paths: ['req.headers.authorization', ...PERSONAL_LOG_FIELDS, ...SECRET_LOG_FIELDS], censor: '[redacted]' } }, sink);
    log.warn({ apiKey: 'sk-top', model: { apiKey: 'sk-one', 'api-key': 'sk-dash' }, err: { request: { headers: { 'api-key': 'sk-two', authorization: 'Bearer tok' } } } }, 'model failed');
    const line = lines.join('');
    for (const secret of ['sk-top', 'sk-one', 'sk-dash', 'sk-two', 'Bearer tok']) expect(line).not.toContain(secret);
    expect(line).toContain('[redacted]');
  });
});
