/**
 * Send activities through the real bot the way Teams does, and get the HTTP answer back:
 * {@link sendActivity} in-process through `processRequest` (no server needed), or
 * {@link postActivity} over HTTP to a running server's `/api/messages`. Both resolve once the
 * turn is over, i.e. after every reply the bot sent reached the connector.
 */
import { createBufferedResponse, type BotEndpoint, type BotHttpResult } from '../../src/bot/http/bot-route.js';
import type { ActivityJson } from './activities.js';

/** Extra request headers, e.g. `authorization` for production-mode tests. */
export interface SendOptions {
  headers?: Record<string, string>;
}

/** Run one activity through `bot.processRequest` as a `POST /api/messages` would. */
export async function sendActivity(bot: BotEndpoint, activity: ActivityJson, options: SendOptions = {}): Promise<BotHttpResult> {
  // A JSON round trip, so the bot sees exactly what it would get off the wire.
  const body = JSON.parse(JSON.stringify(activity)) as Record<string, unknown>;
  const buffered = createBufferedResponse();
  await bot.processRequest(
    { body, headers: { 'content-type': 'application/json', ...options.headers }, method: 'POST' },
    buffered.response,
  );
  return buffered.result();
}

/** POST an activity to `${baseUrl}/api/messages`; the body is parsed when it is JSON. */
export async function postActivity(baseUrl: string, activity: unknown, options: SendOptions = {}): Promise<BotHttpResult> {
  const response = await fetch(new URL('/api/messages', baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...options.headers },
    body: typeof activity === 'string' ? activity : JSON.stringify(activity),
  });
  const text = await response.text();
  let body: unknown = text || undefined;
  if (text && response.headers.get('content-type')?.includes('json')) body = JSON.parse(text) as unknown;
  return { status: response.status, headers: Object.fromEntries(response.headers), ...(body === undefined ? {} : { body }) };
}
