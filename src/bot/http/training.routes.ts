/**
 * Training routes of the tab API (issue 11). Transport only: zod-validated input (the shared
 * contract), one training service call, JSON out; typed service errors become 400/404/409.
 *
 * - Trainers and admins: modules (list with filters, read, create, edit, publish, retire, push),
 *   pushes (list, stop), progress (dashboard, one person's records).
 * - Any enrolled person: their own progress and modules (`/api/training/me...`); nobody reads
 *   another person's progress through these.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  MY_TRAINING_ACTIONS,
  TrainingIdSchema,
  TrainingModuleInputSchema,
  TrainingModuleQuerySchema,
  TrainingProgressQuerySchema,
  TrainingPushInputSchema,
} from '../../shared/contracts/training.js';
import { PERSONAS, ROLES, type Role } from '../../shared/domain/types.js';
import type { TrainingPushService } from '../services/training-push.service.js';
import type { TrainingService } from '../services/training.service.js';
import type { VivaLearningSync } from '../services/viva-learning.js';
import { requireRole } from './auth.js';
import { describeZodError, sendError } from './errors.js';

const IdParams = z.object({ id: TrainingIdSchema }).strict();
const ModuleActionParams = z.object({ id: TrainingIdSchema, action: z.enum(['publish', 'retire']) }).strict();
const MyActionParams = z.object({ id: TrainingIdSchema, action: z.enum(MY_TRAINING_ACTIONS) }).strict();
const VivaParams = z.object({ id: TrainingIdSchema, action: z.enum(['publish', 'assign', 'sync']) }).strict();
const VivaAssignSchema = z.object({ persona: z.enum(PERSONAS).optional() }).strict();
const EmployeeParams = z.object({ employeeId: z.string().regex(/^[A-Za-z0-9._@:-]{1,128}$/) }).strict();

export interface TrainingRoutesDeps {
  training: TrainingService;
  pushes: TrainingPushService;
  /** Viva Learning (publish, assign per persona, sync completion); absent when VIVA_LEARNING is off. */
  viva?: Pick<VivaLearningSync, 'publish' | 'assignToPersona' | 'syncCompletions'>;
}

/** Parse or answer 400 with the zod issues; `undefined` means the reply was sent. */
function parse<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, value: unknown, request: FastifyRequest, reply: FastifyReply): T | undefined {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  void sendError(reply, request, 400, 'badRequest', describeZodError(parsed.error));
  return undefined;
}

const noStore = (reply: FastifyReply) => reply.header('cache-control', 'private, no-store');

/** Registers `/api/training/...`. */
export function registerTrainingRoutes(fastify: FastifyInstance, deps: TrainingRoutesDeps): void {
  const trainers = { preHandler: requireRole('trainer', 'admin') };
  const enrolled = { preHandler: requireRole(...(ROLES as readonly Role[])) };

  fastify.get('/api/training/modules', trainers, async (request, reply) => {
    const query = parse(TrainingModuleQuerySchema, request.query ?? {}, request, reply);
    if (!query) return reply;
    const { lang: _lang, ...filters } = query;
    return noStore(reply).send({ modules: await deps.training.listModules(request.identity!.tenantId, filters) });
  });

  fastify.post('/api/training/modules', trainers, async (request, reply) => {
    const body = parse(TrainingModuleInputSchema, request.body ?? {}, request, reply);
    if (!body) return reply;
    const identity = request.identity!;
    return reply.code(201).send(await deps.training.createModule(identity.tenantId, identity.employeeId, body));
  });

  fastify.get('/api/training/modules/:id', trainers, async (request, reply) => {
    const params = parse(IdParams, request.params, request, reply);
    if (!params) return reply;
    return noStore(reply).send(await deps.training.getModule(request.identity!.tenantId, params.id));
  });

  fastify.put('/api/training/modules/:id', trainers, async (request, reply) => {
    const params = parse(IdParams, request.params, request, reply);
    const body = params && parse(TrainingModuleInputSchema, request.body ?? {}, request, reply);
    if (!params || !body) return reply;
    return reply.send(await deps.training.updateModule(request.identity!.tenantId, params.id, body));
  });

  fastify.post('/api/training/modules/:id/:action', trainers, async (request, reply) => {
    const raw = request.params as { action?: string };
    if (raw.action === 'push') {
      const params = parse(IdParams, { id: (request.params as { id?: string }).id }, request, reply);
      const body = params && parse(TrainingPushInputSchema, request.body ?? {}, request, reply);
      if (!params || !body) return reply;
      const identity = request.identity!;
      const result = await deps.pushes.push(identity.tenantId, identity.employeeId, params.id, body);
      return reply.code(201).send(result);
    }
    const params = parse(ModuleActionParams, request.params, request, reply);
    if (!params) return reply;
    const tenantId = request.identity!.tenantId;
    return reply.send(params.action === 'publish' ? await deps.training.publish(tenantId, params.id) : await deps.training.retire(tenantId, params.id));
  });

  fastify.post('/api/training/modules/:id/viva/:action', trainers, async (request, reply) => {
    const params = parse(VivaParams, request.params, request, reply);
    if (!params) return reply;
    if (!deps.viva) return sendError(reply, request, 404, 'notFound', 'Viva Learning is not turned on (VIVA_LEARNING)');
    const identity = request.identity!;
    if (params.action === 'publish') return reply.send({ contentId: await deps.viva.publish(identity.tenantId, params.id) });
    if (params.action === 'sync') return reply.send({ synced: await deps.viva.syncCompletions(identity.tenantId, params.id) });
    const body = parse(VivaAssignSchema, request.body ?? {}, request, reply);
    if (!body) return reply;
    return reply.send(await deps.viva.assignToPersona(identity.tenantId, params.id, identity.employeeId, body.persona));
  });

  fastify.get('/api/training/pushes', trainers, async (request, reply) => noStore(reply).send({ pushes: await deps.pushes.list(request.identity!.tenantId) }));

  fastify.post('/api/training/pushes/:id/stop', trainers, async (request, reply) => {
    const params = parse(IdParams, request.params, request, reply);
    if (!params) return reply;
    return reply.send(await deps.pushes.stop(request.identity!.tenantId, params.id));
  });

  fastify.get('/api/training/progress', trainers, async (request, reply) => {
    const query = parse(TrainingProgressQuerySchema, request.query ?? {}, request, reply);
    if (!query) return reply;
    return noStore(reply).send(await deps.training.progress(request.identity!.tenantId, query.stuckAfterDays));
  });

  fastify.get('/api/training/progress/:employeeId', trainers, async (request, reply) => {
    const params = parse(EmployeeParams, request.params, request, reply);
    if (!params) return reply;
    return noStore(reply).send({ records: await deps.training.personProgress(request.identity!.tenantId, params.employeeId) });
  });

  fastify.get('/api/training/me', enrolled, async (request, reply) => {
    const identity = request.identity!;
    return noStore(reply).send(await deps.training.myTraining(identity.tenantId, identity.employeeId));
  });

  fastify.get('/api/training/me/modules/:id', enrolled, async (request, reply) => {
    const params = parse(IdParams, request.params, request, reply);
    if (!params) return reply;
    const identity = request.identity!;
    return noStore(reply).send(await deps.training.myModule(identity.tenantId, identity.employeeId, params.id));
  });

  fastify.post('/api/training/me/modules/:id/:action', enrolled, async (request, reply) => {
    const params = parse(MyActionParams, request.params, request, reply);
    if (!params) return reply;
    const identity = request.identity!;
    const result = await deps.training.respond(identity.tenantId, identity.employeeId, params.id, params.action);
    return reply.send(result.item);
  });
}
