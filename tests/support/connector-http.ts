/**
 * HTTP plumbing of the test connector (`connector-server.ts`): the Bot Framework error shape,
 * request validation, body reading with a size limit.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';

/** Error `code` the connector answers with per status (the codes Teams' connector uses). */
export const ERROR_CODES: Record<number, string> = {
  400: 'BadSyntax',
  403: 'BotNotInConversationRoster',
  404: 'ConversationNotFound',
  413: 'MessageSizeTooBig',
  429: 'ThrottledRequest',
  500: 'InternalServerError',
  502: 'BadGateway',
  503: 'ServiceUnavailable',
};

/** An activity: any JSON object with a non-empty string `type`. */
export const activitySchema = z.object({ type: z.string().min(1) }).passthrough();
/** `ConversationParameters` of `POST /v3/conversations`: members (1:1) or channelData (channel). */
export const conversationParametersSchema = z
  .object({
    bot: z.object({ id: z.string() }).passthrough().optional(),
    members: z.array(z.object({ id: z.string().min(1) }).passthrough()).optional(),
    tenantId: z.string().optional(),
    channelData: z.record(z.unknown()).optional(),
    activity: activitySchema.optional(),
  })
  .passthrough()
  .refine((p) => (p.members?.length ?? 0) > 0 || p.channelData !== undefined, {
    message: 'members or channelData is required',
  });

/** A request the connector refuses with `status` (and `Retry-After` when given). */
export class HttpError extends Error {
  /** Set for an answer chosen by fault injection (counted apart from real limits). */
  injected = false;

  constructor(
    readonly status: number,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

/** Read the request body as UTF-8; 413 past `limit` bytes. */
export async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) throw new HttpError(413, `body larger than ${limit} bytes`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Parse JSON and validate it with `schema`; 400 with readable details otherwise. */
export function parse<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, raw: string): T {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new HttpError(400, 'body is not valid JSON');
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    throw new HttpError(400, result.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
  }
  return result.data;
}

/** Write a JSON response. */
export function send(res: ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body ?? {});
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(payload) });
  res.end(payload);
}
