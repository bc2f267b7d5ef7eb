/**
 * A local Microsoft Graph v1.0 that speaks the Viva Learning endpoints the connector uses
 * (`src/bot/services/viva-learning.ts`), validating each request against the shapes in the Graph
 * documentation, and keeping what it was sent:
 *
 * - `PATCH /v1.0/employeeExperience/learningProviders/{id}/learningContents(externalId='{ext}')`:
 *   title, contentWebUrl, languageTag and externalId required (externalId = the key in the path),
 *   duration ISO 8601; 202 with the content and its generated `id`.
 * - `POST /v1.0/employeeExperience/learningProviders/{id}/learningCourseActivities`: `@odata.type`
 *   learningAssignment, assignmentType required|recommended, status notStarted|inProgress|completed,
 *   learningProviderId = the provider, learningContentId of a known content; 201; 409 on a second
 *   activity with the same externalCourseActivityId.
 * - `GET .../learningCourseActivities(externalCourseActivityId={ext})`: 200 or 404.
 * - `PATCH .../learningCourseActivities/{id}`: status, completedDateTime, completionPercentage 0-100; 200.
 *
 * Every request needs `Authorization: Bearer ...` (401 otherwise); an unknown provider is 400 as
 * Graph answers "provider isn't enabled for the given tenant". Invalid bodies are 400 and recorded.
 */
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';

const iso = z.string().datetime({ offset: true });
const contentSchema = z
  .object({
    externalId: z.string().min(1),
    title: z.string().min(1),
    contentWebUrl: z.string().url(),
    languageTag: z.string().regex(/^[a-z]{2}-[a-z]{2}$/),
    description: z.string().optional(),
    duration: z.string().regex(/^P(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+S)?)?$/).optional(),
    format: z.string().optional(),
    sourceName: z.string().optional(),
    additionalTags: z.array(z.string()).optional(),
    skillTags: z.array(z.string()).optional(),
    contributors: z.array(z.string()).optional(),
    thumbnailWebUrl: z.string().url().optional(),
    numberOfPages: z.number().int().optional(),
    createdDateTime: iso.optional(),
    lastModifiedDateTime: iso.optional(),
    isActive: z.boolean().optional(),
    isPremium: z.boolean().optional(),
    isSearchable: z.boolean().optional(),
  })
  .strict();

const STATUSES = ['notStarted', 'inProgress', 'completed'] as const;
const activitySchema = z
  .object({
    '@odata.type': z.literal('#microsoft.graph.learningAssignment'),
    assignmentType: z.enum(['required', 'recommended']),
    learnerUserId: z.string().min(1),
    learningContentId: z.string().min(1),
    learningProviderId: z.string().min(1),
    status: z.enum(STATUSES),
    assignedDateTime: iso.optional(),
    assignerUserId: z.string().optional(),
    completedDateTime: iso.nullable().optional(),
    completionPercentage: z.number().int().min(0).max(100).nullable().optional(),
    dueDateTime: z.object({ dateTime: z.string(), timeZone: z.string() }).optional(),
    externalCourseActivityId: z.string().optional(),
    notes: z.object({ contentType: z.enum(['text', 'html']), content: z.string() }).optional(),
  })
  .strict();
const activityUpdateSchema = z
  .object({
    '@odata.type': z.literal('#microsoft.graph.learningAssignment'),
    status: z.enum(STATUSES).optional(),
    completedDateTime: iso.nullable().optional(),
    completionPercentage: z.number().int().min(0).max(100).nullable().optional(),
  })
  .strict();

export type GraphContent = z.infer<typeof contentSchema> & { id: string };
export type GraphActivity = z.infer<typeof activitySchema> & { id: string };

/** A request as received. */
export interface GraphRequest {
  method: string;
  path: string;
  authorization?: string;
  body?: unknown;
  status: number;
}

export interface GraphServer {
  /** Base URL to give the connector: `http://127.0.0.1:<port>/v1.0`. */
  baseUrl: string;
  providerId: string;
  requests: GraphRequest[];
  contents: Map<string, GraphContent>;
  activities: Map<string, GraphActivity>;
  /** What a learner does in Viva Learning: complete their activity there. */
  completeInViva(externalCourseActivityId: string, at: Date): void;
  stop(): Promise<void>;
}

const PROVIDER = /^\/v1\.0\/employeeExperience\/learningProviders\/([^/()]+)(\/.*)$/;

function reply(res: ServerResponse, status: number, body?: unknown): void {
  res.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json' });
  res.end(body === undefined ? undefined : JSON.stringify(body));
}

const error = (code: string, message: string) => ({ error: { code, message } });

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as unknown) : undefined;
}

/** Start the server on a random loopback port for one provider id. */
export async function startGraphServer(providerId = randomUUID()): Promise<GraphServer> {
  const requests: GraphRequest[] = [];
  const contents = new Map<string, GraphContent>();
  const activities = new Map<string, GraphActivity>();
  const byExternal = (ext: string) => [...activities.values()].find((a) => a.externalCourseActivityId === ext);

  async function handle(req: IncomingMessage, res: ServerResponse, record: GraphRequest): Promise<number> {
    if (!/^Bearer \S+$/.test(req.headers.authorization ?? '')) return send(401, error('InvalidAuthenticationToken', 'Access token is empty.'));
    const path = decodeURIComponent((req.url ?? '').split('?')[0] ?? '');
    const match = PROVIDER.exec(path);
    if (!match) return send(404, error('ResourceNotFound', 'Resource not found.'));
    if (match[1] !== providerId) return send(400, error('BadRequest', "This provider isn't enabled for the given tenant."));
    const rest = match[2] ?? '';
    let body: unknown;
    try {
      body = req.method === 'GET' ? undefined : await readJson(req);
    } catch {
      return send(400, error('BadRequest', 'Invalid JSON.'));
    }
    record.body = body;

    const content = /^\/learningContents\(externalId='((?:[^']|'')+)'\)$/.exec(rest);
    if (content && req.method === 'PATCH') {
      const parsed = contentSchema.safeParse(body);
      const key = content[1]!.replace(/''/g, "'");
      if (!parsed.success) return send(400, error('BadRequest', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')));
      if (parsed.data.externalId !== key) return send(400, error('BadRequest', 'externalId does not match the key.'));
      const stored: GraphContent = { ...parsed.data, id: contents.get(key)?.id ?? randomUUID() };
      contents.set(key, stored);
      return send(202, stored);
    }
    if (rest === '/learningCourseActivities' && req.method === 'POST') {
      const parsed = activitySchema.safeParse(body);
      if (!parsed.success) return send(400, error('BadRequest', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')));
      if (parsed.data.learningProviderId !== providerId) return send(400, error('BadRequest', 'learningProviderId does not match the registration.'));
      if (![...contents.values()].some((c) => c.id === parsed.data.learningContentId)) return send(400, error('BadRequest', 'Unknown learningContentId.'));
      if (parsed.data.externalCourseActivityId && byExternal(parsed.data.externalCourseActivityId)) return send(409, error('Conflict', 'The course activity already exists.'));
      const stored: GraphActivity = { ...parsed.data, id: `${parsed.data.learnerUserId}:${randomUUID()}` };
      activities.set(stored.id, stored);
      return send(201, stored);
    }
    const byExt = /^\/learningCourseActivities\(externalCourseActivityId=([^)]+)\)$/.exec(rest);
    if (byExt && req.method === 'GET') {
      const found = byExternal(byExt[1]!);
      return found ? send(200, found) : send(404, error('NotFound', `The requested assignment ${byExt[1]} doesn't exist.`));
    }
    const byId = /^\/learningCourseActivities\/([^/]+)$/.exec(rest);
    if (byId && req.method === 'PATCH') {
      const found = activities.get(byId[1]!);
      if (!found) return send(404, error('NotFound', `The requested assignment ${byId[1]} doesn't exist.`));
      const parsed = activityUpdateSchema.safeParse(body);
      if (!parsed.success) return send(400, error('BadRequest', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')));
      const { '@odata.type': _type, ...change } = parsed.data;
      const updated = { ...found, ...change };
      activities.set(found.id, updated);
      return send(200, updated);
    }
    return send(405, error('MethodNotAllowed', "This method isn't supported for this entity type."));

    function send(status: number, payload?: unknown): number {
      reply(res, status, payload);
      return status;
    }
  }

  const server: Server = createServer((req, res) => {
    const record: GraphRequest = { method: req.method ?? '', path: decodeURIComponent((req.url ?? '').split('?')[0] ?? ''), ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}), status: 0 };
    requests.push(record);
    handle(req, res, record).then(
      (status) => (record.status = status),
      () => {
        record.status = 500;
        reply(res, 500, error('InternalServerError', 'Internal Server Error'));
      },
    );
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1.0`,
    providerId,
    requests,
    contents,
    activities,
    completeInViva(externalCourseActivityId, at) {
      const found = byExternal(externalCourseActivityId);
      if (!found) throw new Error(`no activity ${externalCourseActivityId}`);
      activities.set(found.id, { ...found, status: 'completed', completedDateTime: at.toISOString(), completionPercentage: 100 });
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
