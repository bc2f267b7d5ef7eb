/**
 * Who is calling the tab API. Set on every `/api/*` request by the auth hook (`auth.ts`):
 * from a validated Teams SSO token in production, or from the explicit dev identity locally.
 */
import type { Role } from '../../shared/domain/types.js';

export interface Identity {
  tenantId: string;
  /** Entra object id; equals `Employee.id`. */
  employeeId: string;
  displayName: string;
  roles: Role[];
}

declare module 'fastify' {
  interface FastifyRequest {
    identity?: Identity;
  }
}
