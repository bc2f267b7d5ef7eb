/**
 * Viva Learning connector (issue 11, optional, off by default): our modules become learning
 * content of our learning provider, are assigned per persona as learning course activities, and
 * completion flows both ways. Microsoft Graph v1.0, request shapes from the Graph documentation:
 *
 * - `PATCH /employeeExperience/learningProviders/{providerId}/learningContents(externalId='{id}')`
 *   creates or replaces a content's metadata (title, description, contentWebUrl, languageTag,
 *   duration as ISO 8601, format, isActive, ...); answers 202 with the content and its `id`.
 * - `POST /employeeExperience/learningProviders/{providerId}/learningCourseActivities` with
 *   `@odata.type: #microsoft.graph.learningAssignment` (assignmentType, learnerUserId,
 *   learningContentId, learningProviderId, externalCourseActivityId, status) answers 201.
 * - `GET .../learningCourseActivities(externalCourseActivityId={id})` reads one back (404 if none).
 * - `PATCH .../learningCourseActivities/{id}` updates status, completedDateTime, completionPercentage.
 *
 * The provider must have `isCourseActivitySyncEnabled` for activities. Transport is a port
 * (`GraphHttp`), so tests run the client against a local server that speaks these endpoints.
 */
import { z } from 'zod';
import type { TrainingModuleRecord } from '../../shared/domain/training.js';
import type { Persona } from '../../shared/domain/types.js';
import type { EmployeeRepository } from './ports.js';
import type { TrainingService } from './training.service.js';

/** One HTTP call to Microsoft Graph (JSON in and out); the adapter adds the bearer token. */
export type GraphHttp = (method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown) => Promise<{ status: number; body: unknown }>;

/** A Graph answer that was not what we asked for. */
export class GraphError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
    this.name = 'GraphError';
  }
}

/** Graph over `fetch`: `baseUrl` like `https://graph.microsoft.com/v1.0`, a token per call. */
export function fetchGraphHttp(baseUrl: string, getToken: () => Promise<string>, doFetch: typeof fetch = fetch): GraphHttp {
  const base = baseUrl.replace(/\/+$/, '');
  return async (method, path, body) => {
    const res = await doFetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${await getToken()}`, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  };
}

const FORMAT: Record<TrainingModuleRecord['format'], string> = { video: 'Video', article: 'Article', 'live-session': 'Live session', checklist: 'Checklist' };
const LANGUAGE_TAG: Record<string, string> = { en: 'en-us', ja: 'ja-jp', th: 'th-th', ru: 'ru-ru', it: 'it-it', zh: 'zh-cn' };

const contentAnswer = z.object({ id: z.string().min(1), externalId: z.string() }).passthrough();
const activityAnswer = z.object({ id: z.string().min(1), status: z.string(), completedDateTime: z.string().nullable().optional() }).passthrough();
export type VivaActivity = z.infer<typeof activityAnswer>;

const quote = (value: string) => value.replace(/'/g, "''");

/** The Graph calls, one method per endpoint used. */
export function createVivaLearningClient(http: GraphHttp, providerId: string) {
  const provider = `/employeeExperience/learningProviders/${encodeURIComponent(providerId)}`;
  const expect = (res: { status: number; body: unknown }, ok: number[], what: string) => {
    if (!ok.includes(res.status)) throw new GraphError(res.status, `${what}: Graph answered ${res.status}`);
  };
  return {
    /** Create or replace the module's learning content (inactive unless published); returns the content id. */
    async upsertContent(module: TrainingModuleRecord, contentWebUrl: string): Promise<string> {
      const res = await http('PATCH', `${provider}/learningContents(externalId='${encodeURIComponent(quote(module.id))}')`, {
        externalId: module.id,
        title: module.title,
        ...(module.summary ? { description: module.summary } : {}),
        contentWebUrl,
        languageTag: LANGUAGE_TAG[module.languages[0] ?? 'en'] ?? 'en-us',
        duration: `PT${Math.round(module.durationMinutes)}M`,
        format: FORMAT[module.format],
        sourceName: 'Advocacy Hub',
        additionalTags: [...module.targetPersonas, ...module.targetTopicRoles],
        createdDateTime: module.createdAt,
        lastModifiedDateTime: module.updatedAt,
        isActive: module.state === 'published',
        isPremium: false,
        isSearchable: true,
      });
      expect(res, [200, 201, 202], `learning content ${module.id}`);
      return contentAnswer.parse(res.body).id;
    },

    /** Assign content to a learner (a recommended learningAssignment), keyed by our external id. */
    async assign(input: { contentId: string; learnerUserId: string; assignerUserId?: string; externalCourseActivityId: string; at: Date }): Promise<string> {
      const res = await http('POST', `${provider}/learningCourseActivities`, {
        '@odata.type': '#microsoft.graph.learningAssignment',
        assignedDateTime: input.at.toISOString(),
        assignmentType: 'recommended',
        ...(input.assignerUserId ? { assignerUserId: input.assignerUserId } : {}),
        externalCourseActivityId: input.externalCourseActivityId,
        learningContentId: input.contentId,
        learningProviderId: providerId,
        learnerUserId: input.learnerUserId,
        status: 'notStarted',
      });
      expect(res, [201], `assignment ${input.externalCourseActivityId}`);
      return activityAnswer.parse(res.body).id;
    },

    /** An activity by our external id, or `undefined` when Graph has none. */
    async findActivity(externalCourseActivityId: string): Promise<VivaActivity | undefined> {
      const res = await http('GET', `${provider}/learningCourseActivities(externalCourseActivityId=${encodeURIComponent(externalCourseActivityId)})`);
      if (res.status === 404) return undefined;
      expect(res, [200], `activity ${externalCourseActivityId}`);
      return activityAnswer.parse(res.body);
    },

    /** Mark an activity completed in Viva Learning. */
    async complete(activityId: string, at: Date): Promise<void> {
      const res = await http('PATCH', `${provider}/learningCourseActivities/${encodeURIComponent(activityId)}`, {
        '@odata.type': '#microsoft.graph.learningAssignment',
        status: 'completed',
        completedDateTime: at.toISOString(),
        completionPercentage: 100,
      });
      expect(res, [200, 204], `activity ${activityId}`);
    },
  };
}

export type VivaLearningClient = ReturnType<typeof createVivaLearningClient>;

/** Our external id of a person's activity on a module. */
export const activityExternalId = (moduleId: string, employeeId: string) => `${moduleId}:${employeeId}`;

export interface VivaLearningSyncDeps {
  client: VivaLearningClient;
  training: Pick<TrainingService, 'getModule' | 'respond' | 'personProgress'>;
  employees: Pick<EmployeeRepository, 'listByTenant'>;
  /** Where a learner opens a module (the Training deep link or the module's own link). */
  contentUrl: (module: TrainingModuleRecord) => string;
  clock: () => Date;
}

/** Publishing, assigning per persona and completion both ways. */
export function createVivaLearningSync(deps: VivaLearningSyncDeps) {
  const { client } = deps;
  const targetsOf = async (tenantId: string, module: TrainingModuleRecord, persona?: Persona) =>
    (await deps.employees.listByTenant(tenantId)).filter((e) => (persona ? e.persona === persona : module.targetPersonas.includes(e.persona)) && module.targetPersonas.includes(e.persona));

  return {
    /** Publish (or refresh) a module as learning content; returns the Viva content id. */
    async publish(tenantId: string, moduleId: string): Promise<string> {
      const module = await deps.training.getModule(tenantId, moduleId);
      return client.upsertContent(module, module.link ?? deps.contentUrl(module));
    },

    /** Assign a published module to the people of one persona it targets (or every targeted persona). */
    async assignToPersona(tenantId: string, moduleId: string, assignerUserId: string, persona?: Persona): Promise<{ assigned: number; existing: number }> {
      const module = await deps.training.getModule(tenantId, moduleId);
      const contentId = await client.upsertContent(module, module.link ?? deps.contentUrl(module));
      let assigned = 0;
      let existing = 0;
      for (const person of await targetsOf(tenantId, module, persona)) {
        const externalCourseActivityId = activityExternalId(module.id, person.id);
        if (await client.findActivity(externalCourseActivityId)) {
          existing += 1;
          continue;
        }
        await client.assign({ contentId, learnerUserId: person.id, assignerUserId, externalCourseActivityId, at: deps.clock() });
        assigned += 1;
      }
      return { assigned, existing };
    },

    /** Completion done in Viva Learning becomes Done here (and counts the win once). */
    async syncCompletions(tenantId: string, moduleId: string): Promise<number> {
      const module = await deps.training.getModule(tenantId, moduleId);
      let synced = 0;
      for (const person of await targetsOf(tenantId, module)) {
        const activity = await client.findActivity(activityExternalId(module.id, person.id));
        if (activity?.status !== 'completed') continue;
        const mine = (await deps.training.personProgress(tenantId, person.id)).find((r) => r.moduleId === module.id);
        if (mine?.status === 'completed') continue;
        await deps.training.respond(tenantId, person.id, module.id, 'done');
        synced += 1;
      }
      return synced;
    },

    /** Done here becomes completed in Viva Learning (the training service's completion hook). */
    async onCompleted(_tenantId: string, employeeId: string, module: TrainingModuleRecord, at: Date): Promise<void> {
      const activity = await client.findActivity(activityExternalId(module.id, employeeId));
      if (activity && activity.status !== 'completed') await client.complete(activity.id, at);
    },
  };
}

export type VivaLearningSync = ReturnType<typeof createVivaLearningSync>;
