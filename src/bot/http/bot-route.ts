/**
 * `POST /api/messages`: the Bot Framework endpoint on Fastify. botbuilder's `CloudAdapter.process`
 * expects an Express/Restify-like pair (a request with `body`/`headers`/`method`, a response with
 * `status`/`header`/`send`/`end`); {@link createBufferedResponse} collects what the adapter writes
 * and the route sends it with Fastify's reply once the turn is over. The adapter authenticates the
 * caller itself (JWT when an app id is configured), so this route is outside the tab auth.
 */
import type { Request as BotRequest, Response as BotResponse } from 'botbuilder';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { describeZodError, sendError } from './errors.js';

/** What the route needs from the bot (`createBotApp` returns it). */
export interface BotEndpoint {
  processRequest(req: BotRequest, res: BotResponse): Promise<void>;
}

/** The HTTP answer the adapter produced. */
export interface BotHttpResult {
  status: number;
  headers: Record<string, string>;
  /** Invoke responses carry a body (object or string); other activities none. */
  body?: unknown;
}

/** A botbuilder `Response` that records status, headers and body instead of writing a socket. */
export interface BufferedResponse {
  response: BotResponse;
  result(): BotHttpResult;
}

/** Minimal Bot Framework activity envelope checked before the adapter sees the body. */
export const activityEnvelopeSchema = z
  .object({ type: z.string({ required_error: 'is required' }).min(1) })
  .passthrough();

/** Create a response object for `CloudAdapter.process` that buffers what is written to it. */
export function createBufferedResponse(): BufferedResponse {
  let status = 200;
  let body: unknown;
  const headers: Record<string, string> = {};
  const response: BotResponse = {
    socket: null,
    status(code: number) {
      status = code;
      return response;
    },
    header(name: string, value: unknown) {
      headers[name.toLowerCase()] = String(value);
      return response;
    },
    send(...args: unknown[]) {
      body = args[0];
      return response;
    },
    end(...args: unknown[]) {
      if (args[0] !== undefined && body === undefined) body = args[0];
      return response;
    },
  };
  return { response, result: () => ({ status, headers, ...(body === undefined ? {} : { body }) }) };
}

/** Register `POST /api/messages`; answers 400 when the body is not a JSON object with a `type`. */
export function registerBotRoute(fastify: FastifyInstance, bot: BotEndpoint): void {
  fastify.post('/api/messages', async (request, reply) => {
    const envelope = activityEnvelopeSchema.safeParse(request.body);
    if (!envelope.success) {
      return sendError(reply, request, 400, 'badRequest', `activity ${describeZodError(envelope.error)}`);
    }
    const buffered = createBufferedResponse();
    await bot.processRequest(
      { body: envelope.data, headers: request.headers, method: request.method },
      buffered.response,
    );
    const result = buffered.result();
    reply.status(result.status).headers(result.headers);
    return result.body === undefined ? reply.send() : reply.send(result.body);
  });
}
