/**
 * People import (admins): `POST /api/admin/people/import` takes a CSV file (`text/csv`, at most
 * 5 MB) and answers 202 with the job; `GET /api/admin/people/import/:id` gives its progress and
 * per-row report; `GET /api/admin/people/import/:id/report.csv` downloads the report. The rules
 * are in `people-import.service.ts` and the domain's `people-import.ts`.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ImportColumn, RowIssue } from '../../shared/domain/people-import.js';
import { ValidationError } from '../services/errors.js';
import type { PeopleImportService } from '../services/people-import.service.js';
import { requireRole } from './auth.js';
import { sendCsv, type CsvColumn } from './csv.js';
import { describeZodError, sendError } from './errors.js';

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
const ParamsSchema = z.object({ id: z.string().regex(/^[A-Za-z0-9-]{1,64}$/) });

/** Columns of the import report CSV (also used by the admin tab's export). */
export const REPORT_COLUMNS: CsvColumn<RowIssue>[] = [
  { header: 'line', value: (i) => i.line },
  { header: 'column', value: (i) => i.column },
  { header: 'problem', value: (i) => i.problem },
  { header: 'value', value: (i) => i.value },
];

export interface PeopleRoutesDeps {
  peopleImport: Pick<PeopleImportService, 'start' | 'startFromDirectory' | 'status'>;
  /** The people of the programme's directory group (Microsoft Graph), when a sync is configured. */
  directory?: () => AsyncIterable<Partial<Record<ImportColumn, string>>>;
}

export function registerPeopleRoutes(fastify: FastifyInstance, deps: PeopleRoutesDeps): void {
  fastify.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: MAX_IMPORT_BYTES }, (_request, body, done) => done(null, body));

  fastify.post('/api/admin/people/import', { preHandler: requireRole('admin'), bodyLimit: MAX_IMPORT_BYTES }, async (request, reply) => {
    if (typeof request.body !== 'string') return sendError(reply, request, 400, 'badRequest', 'send the file as text/csv');
    const identity = request.identity!;
    try {
      const { job } = await deps.peopleImport.start(identity.tenantId, identity.employeeId, request.body);
      return reply.code(202).header('location', `/api/admin/people/import/${job.id}`).send({ job });
    } catch (err) {
      if (err instanceof ValidationError) return sendError(reply, request, 400, 'badRequest', err.message);
      throw err;
    }
  });

  fastify.post('/api/admin/people/sync', { preHandler: requireRole('admin') }, async (request, reply) => {
    if (!deps.directory) return sendError(reply, request, 409, 'conflict', 'directory sync is not configured (GRAPH_SYNC_GROUP_ID)');
    const identity = request.identity!;
    try {
      const { job } = await deps.peopleImport.startFromDirectory(identity.tenantId, identity.employeeId, deps.directory());
      return reply.code(202).header('location', `/api/admin/people/import/${job.id}`).send({ job });
    } catch (err) {
      if (err instanceof ValidationError) return sendError(reply, request, 400, 'badRequest', err.message);
      request.log.error({ error: err instanceof Error ? err.message : String(err) }, 'directory sync failed');
      return sendError(reply, request, 502, 'generic', 'the directory could not be read');
    }
  });

  fastify.get('/api/admin/people/import/:id', { preHandler: requireRole('admin') }, async (request, reply) => {
    const params = ParamsSchema.safeParse(request.params);
    if (!params.success) return sendError(reply, request, 400, 'badRequest', describeZodError(params.error));
    const status = await deps.peopleImport.status(request.identity!.tenantId, params.data.id);
    if (!status) return sendError(reply, request, 404, 'notFound');
    return reply.header('cache-control', 'private, no-store').send(status);
  });

  fastify.get('/api/admin/people/import/:id/report.csv', { preHandler: requireRole('admin') }, async (request, reply) => {
    const params = ParamsSchema.safeParse(request.params);
    if (!params.success) return sendError(reply, request, 400, 'badRequest', describeZodError(params.error));
    const status = await deps.peopleImport.status(request.identity!.tenantId, params.data.id);
    if (!status) return sendError(reply, request, 404, 'notFound');
    return sendCsv(reply, `people-import-${params.data.id}.csv`, REPORT_COLUMNS, status.issues);
  });
}
