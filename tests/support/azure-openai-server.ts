/**
 * A local server speaking Azure OpenAI's chat completions REST API as the `openai` package's
 * `AzureOpenAI` client calls it: `POST /openai/deployments/{deployment}/chat/completions
 * ?api-version=...`, authenticated by the `api-key` header or an Entra ID bearer token, answering
 * with the service's shapes (chat.completion with content filter results, the 401/404/400/429
 * error bodies, `retry-after` and `retry-after-ms` on throttling). What it answers next is
 * scripted per test ({@link AzureOpenAiServer.script}); every request is recorded so a test can
 * check what reached the model (and what did not).
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/** GA and preview data-plane versions the fake accepts (Azure answers 404 for an unknown one). */
const API_VERSIONS = new Set(['2024-02-01', '2024-06-01', '2024-10-21', '2025-01-01-preview', '2024-12-01-preview']);

/** What the server does with one request. */
export type ModelBehaviour =
  /** 200 with `{"variants": [...]}` as the assistant's content (the JSON the app asks for). */
  | { kind: 'variants'; variants: string[] }
  /** 200 with this content as is (e.g. not JSON), and a finish reason. */
  | { kind: 'content'; content: string; finishReason?: 'stop' | 'length' | 'content_filter' }
  /** 429 as Azure throttles, with `retry-after` seconds. */
  | { kind: 'throttle'; retryAfterSeconds: number }
  /** A server error (500 by default). */
  | { kind: 'error'; status?: number }
  /** 400 `content_filter`: the prompt tripped the content filter. */
  | { kind: 'content-filter' }
  /** Never answers (until the client gives up or the server closes). */
  | { kind: 'hang' };

/** One request as the server received it. */
export interface RecordedModelRequest {
  path: string;
  apiVersion: string | null;
  /** How it authenticated (`none` when neither header was sent). */
  auth: 'api-key' | 'bearer' | 'none';
  /** The raw credential value seen (to check which one was used, never logged). */
  credential: string;
  body: { messages?: Array<{ role: string; content: string }>; response_format?: unknown; max_tokens?: number; temperature?: number; [key: string]: unknown };
  /** The answer's status. */
  status: number;
}

export interface AzureOpenAiServer {
  /** The resource endpoint to configure (AZURE_OPENAI_ENDPOINT). */
  endpoint: string;
  deployment: string;
  apiKey: string;
  /** The bearer token accepted (what a test's token provider returns). */
  bearerToken: string;
  requests: RecordedModelRequest[];
  /** Behaviours for the next requests, in order; after them, `fallback`. */
  script(...behaviours: ModelBehaviour[]): void;
  /** What every request gets once the script is used up (default: three plain variants). */
  fallback: ModelBehaviour;
  close(): Promise<void>;
}

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', 'apim-request-id': randomBytes(8).toString('hex'), 'x-request-id': randomBytes(8).toString('hex'), ...headers });
  res.end(JSON.stringify(body));
};

const filterResults = () => ({
  hate: { filtered: false, severity: 'safe' },
  self_harm: { filtered: false, severity: 'safe' },
  sexual: { filtered: false, severity: 'safe' },
  violence: { filtered: false, severity: 'safe' },
});

function completion(content: string, finishReason: string, promptChars: number) {
  const completionTokens = Math.ceil(content.length / 4);
  const promptTokens = Math.ceil(promptChars / 4);
  return {
    choices: [{ content_filter_results: filterResults(), finish_reason: finishReason, index: 0, logprobs: null, message: { content, refusal: null, role: 'assistant' } }],
    created: Math.floor(Date.now() / 1000),
    id: `chatcmpl-${randomBytes(12).toString('base64url')}`,
    model: 'gpt-4o-2024-08-06',
    object: 'chat.completion',
    prompt_filter_results: [{ prompt_index: 0, content_filter_results: filterResults() }],
    system_fingerprint: 'fp_local_test',
    usage: { completion_tokens: completionTokens, prompt_tokens: promptTokens, total_tokens: completionTokens + promptTokens },
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Start the fake on a free loopback port; `close()` it in `afterAll`. */
export async function startAzureOpenAiServer(options: { deployment?: string; apiKey?: string; bearerToken?: string } = {}): Promise<AzureOpenAiServer> {
  const deployment = options.deployment ?? 'gpt-4o-writing';
  const apiKey = options.apiKey ?? randomBytes(16).toString('hex');
  const bearerToken = options.bearerToken ?? `eyJ0eXAiOiJKV1QifQ.${randomBytes(24).toString('base64url')}.sig`;
  const queue: ModelBehaviour[] = [];
  const requests: RecordedModelRequest[] = [];
  const sockets = new Set<Socket>();

  const state: AzureOpenAiServer = {
    endpoint: '',
    deployment,
    apiKey,
    bearerToken,
    requests,
    script: (...behaviours) => void queue.push(...behaviours),
    fallback: { kind: 'variants', variants: ['First version.', 'Second version.', 'Third version.'] },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const raw = await readBody(req);
      const apiKeyHeader = req.headers['api-key'];
      const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      const auth: RecordedModelRequest['auth'] = typeof apiKeyHeader === 'string' ? 'api-key' : bearer ? 'bearer' : 'none';
      let body: RecordedModelRequest['body'] = {};
      try {
        body = raw ? (JSON.parse(raw) as RecordedModelRequest['body']) : {};
      } catch {
        body = {};
      }
      const record = (status: number) => requests.push({ path: url.pathname, apiVersion: url.searchParams.get('api-version'), auth, credential: typeof apiKeyHeader === 'string' ? apiKeyHeader : (bearer ?? ''), body, status });

      const match = /^\/openai\/deployments\/([^/]+)\/chat\/completions$/.exec(url.pathname);
      if (req.method !== 'POST' || !match) {
        record(404);
        return json(res, 404, { error: { code: '404', message: 'Resource not found' } });
      }
      const authorised = (auth === 'api-key' && apiKeyHeader === apiKey) || (auth === 'bearer' && bearer === bearerToken);
      if (!authorised) {
        record(401);
        return json(res, 401, { error: { code: '401', message: 'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.' } });
      }
      const apiVersion = url.searchParams.get('api-version');
      if (!apiVersion || !API_VERSIONS.has(apiVersion)) {
        record(404);
        return json(res, 404, { error: { code: '404', message: 'Resource not found' } });
      }
      if (decodeURIComponent(match[1] ?? '') !== deployment) {
        record(404);
        return json(res, 404, { error: { code: 'DeploymentNotFound', message: 'The API deployment for this resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again.' } });
      }
      const messages = body.messages;
      if (!Array.isArray(messages) || messages.length === 0 || !messages.every((m) => typeof m?.role === 'string' && typeof m?.content === 'string')) {
        record(400);
        return json(res, 400, { error: { message: "'messages' is a required property", type: 'invalid_request_error', param: null, code: null } });
      }
      const promptChars = messages.reduce((n, m) => n + m.content.length, 0);
      const behaviour = queue.shift() ?? state.fallback;
      switch (behaviour.kind) {
        case 'variants':
          record(200);
          return json(res, 200, completion(JSON.stringify({ variants: behaviour.variants }), 'stop', promptChars));
        case 'content':
          record(200);
          return json(res, 200, completion(behaviour.content, behaviour.finishReason ?? 'stop', promptChars));
        case 'throttle':
          record(429);
          return json(
            res,
            429,
            { error: { code: '429', message: `Requests to the ChatCompletions_Create Operation under Azure OpenAI API version ${apiVersion} have exceeded token rate limit of your current OpenAI S0 pricing tier. Please retry after ${behaviour.retryAfterSeconds} seconds.` } },
            { 'retry-after': String(behaviour.retryAfterSeconds), 'retry-after-ms': String(behaviour.retryAfterSeconds * 1000) },
          );
        case 'error':
          record(behaviour.status ?? 500);
          return json(res, behaviour.status ?? 500, { error: { code: 'InternalServerError', message: 'The server had an error while processing your request. Sorry about that!' } });
        case 'content-filter':
          record(400);
          return json(res, 400, {
            error: {
              message: "The response was filtered due to the prompt triggering Azure OpenAI's content management policy. Please modify your prompt and retry.",
              type: null,
              param: 'prompt',
              code: 'content_filter',
              status: 400,
              innererror: { code: 'ResponsibleAIPolicyViolation', content_filter_result: { ...filterResults(), hate: { filtered: true, severity: 'high' } } },
            },
          });
        case 'hang':
          record(0);
          return; // the socket stays open until the client aborts or close() destroys it
      }
    })();
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  state.endpoint = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return state;
}
