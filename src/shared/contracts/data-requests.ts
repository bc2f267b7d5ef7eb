/** Answer of `DELETE /api/admin/people/:id` (a data request's deletion), shared by the route and the tab. */
import { z } from 'zod';

const count = z.number().int().min(0);

export const PersonDeletionSchema = z.object({
  employeeId: z.string(),
  deletedAt: z.string(),
  /** Rows removed, or kept but made anonymous (links, clicks), per kind. */
  erased: z.record(count),
  total: count,
  /** Rows kept (accountability, aggregates) with the pseudonym in place of every identifier, per table. */
  pseudonymised: z.record(count),
  /** What stands for the person in the rows kept (e.g. the audit log). */
  pseudonym: z.string(),
  /** What remains, only as counts that name no one. */
  remains: z.object({
    links: count,
    clicks: count,
    clicksByContent: z.array(z.object({ contentId: z.string(), clicks: count })),
    deliveries: count,
    auditEntries: count,
  }),
});
export type PersonDeletionDto = z.infer<typeof PersonDeletionSchema>;
