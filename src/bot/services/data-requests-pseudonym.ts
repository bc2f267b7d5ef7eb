/**
 * The pseudonym of a deleted person: `~erased-` and 16 hex digits of HMAC-SHA256 over the tenant
 * and employee id, keyed with a deployment secret. Stable (every audit entry of one person gets
 * the same one, so the log still shows that one unnamed person did these things), not reversible
 * without the key, and never an employee id (ids never start with `~`), so it never ranks, wins
 * or is messaged.
 */
import { createHmac } from 'node:crypto';
import { ERASED_PERSON_ID } from '../../shared/domain/data-requests.js';

/** Pseudonym of one person of one tenant under `key`. */
export function personPseudonym(key: string, tenantId: string, employeeId: string): string {
  const digest = createHmac('sha256', key).update(`data-request|${tenantId}|${employeeId}`).digest('hex');
  return `${ERASED_PERSON_ID}-${digest.slice(0, 16)}`;
}
