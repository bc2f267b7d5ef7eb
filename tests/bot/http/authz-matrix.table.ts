/**
 * The authorisation matrix: one row per route the running app serves (tests/bot/http/authz-matrix.test.ts
 * reads the route list from Fastify and FAILS for any route without a row here).
 *
 * HOW TO ADD A ROW (for every new route, in the same commit as the route):
 *   1. `route`: `METHOD /path/:param` exactly as Fastify registers it (HEAD is left out).
 *   2. `allow`: who may call it:
 *        - a list of roles, e.g. `['admin', 'coordinator']` (what the route's `requireRole(...)` says);
 *        - `'enrolled'`  = any programme role (`requireRole(...ROLES)`);
 *        - `'signed-in'` = any valid Teams SSO token of the programme tenant, enrolled or not;
 *        - `'public'`    = no Teams SSO at all (every caller, even with a bad token, gets `ok`);
 *          the bot endpoint and the signed conversions webhook are `'public'` too: their own
 *          credential (Bot Framework JWT, HMAC signature) is absent, so `ok` is their refusal.
 *   3. `request`: a concrete request (params filled in, body) that must NOT write anything when it
 *      passes authorisation: use a body that fails validation (400), an unknown id (404), or a read.
 *      It is sent by every caller, so the matrix itself changes no data (the one exception is
 *      the webhook-key rotation, which takes no input: admins rotate it once per run).
 *   4. `ok`: the exact status an allowed caller gets for that request. Refused callers get 401
 *      (no, expired, forged, wrong-audience, wrong-issuer or other-tenant token) or 403 (valid
 *      token without the role, or not enrolled); the test derives those from `allow`.
 */
import type { Role } from '../../../src/shared/domain/types.js';

export interface AuthzRow {
  route: string;
  allow: 'public' | 'signed-in' | 'enrolled' | readonly Role[];
  request: { url: string; payload?: unknown; headers?: Record<string, string> };
  ok: number;
}

const ADMIN = ['admin'] as const;
const STAFF = ['admin', 'coordinator'] as const;
const TRAINERS = ['trainer', 'admin'] as const;
const LEADERS = ['executive', 'admin'] as const;
/** A body no route accepts (strict schemas): authorised callers get 400, nothing is written. */
const INVALID = { unexpected: true };
/** An id that exists nowhere (passes every id pattern). */
const NONE = 'sec-none-0000';

export const AUTHZ_TABLE: readonly AuthzRow[] = [
  // Public pages and endpoints with their own credential.
  { route: 'GET /', allow: 'public', request: { url: '/' }, ok: 302 },
  { route: 'GET /healthz', allow: 'public', request: { url: '/healthz' }, ok: 200 },
  { route: 'GET /tab', allow: 'public', request: { url: '/tab' }, ok: 200 },
  { route: 'GET /tab/', allow: 'public', request: { url: '/tab/' }, ok: 200 },
  { route: 'GET /tab/*', allow: 'public', request: { url: '/tab/no-such-file.js' }, ok: 404 },
  { route: 'GET /policy', allow: 'public', request: { url: '/policy?tenant=no-such-tenant' }, ok: 404 },
  { route: 'GET /l/:code', allow: 'public', request: { url: '/l/NoSuchCode1' }, ok: 404 },
  { route: 'GET /s/:code/:network', allow: 'public', request: { url: '/s/NoSuchCode12/linkedin' }, ok: 404 },
  { route: 'POST /api/messages', allow: 'public', request: { url: '/api/messages', payload: {} }, ok: 400 },
  { route: 'POST /api/conversions', allow: 'public', request: { url: '/api/conversions', payload: { kind: 'lead' } }, ok: 401 },

  // Who am I.
  { route: 'GET /api/me', allow: 'signed-in', request: { url: '/api/me' }, ok: 200 },

  // Everyone enrolled: board, share panel, impact, goals, leaderboard, policy, suggestions, own training.
  { route: 'GET /api/board', allow: 'enrolled', request: { url: '/api/board' }, ok: 200 },
  { route: 'GET /api/board/items/:id/share', allow: 'enrolled', request: { url: `/api/board/items/${NONE}/share` }, ok: 404 },
  { route: 'PUT /api/board/items/:id/share/:network', allow: 'enrolled', request: { url: `/api/board/items/${NONE}/share/linkedin`, payload: INVALID }, ok: 400 },
  { route: 'POST /api/board/items/:id/not-for-me', allow: 'enrolled', request: { url: `/api/board/items/${NONE}/not-for-me`, payload: INVALID }, ok: 400 },
  { route: 'POST /api/board/items/:id/rewrite', allow: 'enrolled', request: { url: `/api/board/items/${NONE}/rewrite`, payload: INVALID }, ok: 400 },
  { route: 'GET /api/me/impact', allow: 'enrolled', request: { url: '/api/me/impact' }, ok: 200 },
  { route: 'GET /api/me/goals', allow: 'enrolled', request: { url: '/api/me/goals' }, ok: 200 },
  { route: 'PUT /api/me/goals', allow: 'enrolled', request: { url: '/api/me/goals', payload: INVALID }, ok: 400 },
  { route: 'GET /api/leaderboard', allow: 'enrolled', request: { url: '/api/leaderboard' }, ok: 200 },
  { route: 'GET /api/policy', allow: 'enrolled', request: { url: '/api/policy' }, ok: 200 },
  { route: 'GET /api/policy/versions/:version', allow: 'enrolled', request: { url: '/api/policy/versions/999' }, ok: 404 },
  { route: 'POST /api/policy/acknowledge', allow: 'enrolled', request: { url: '/api/policy/acknowledge', payload: INVALID }, ok: 400 },
  { route: 'POST /api/suggestions', allow: 'enrolled', request: { url: '/api/suggestions', payload: INVALID }, ok: 400 },
  { route: 'GET /api/suggestions/mine', allow: 'enrolled', request: { url: '/api/suggestions/mine' }, ok: 200 },
  { route: 'GET /api/training/me', allow: 'enrolled', request: { url: '/api/training/me' }, ok: 200 },
  { route: 'GET /api/training/me/modules/:id', allow: 'enrolled', request: { url: `/api/training/me/modules/${NONE}` }, ok: 404 },
  { route: 'POST /api/training/me/modules/:id/:action', allow: 'enrolled', request: { url: `/api/training/me/modules/${NONE}/start` }, ok: 404 },

  // Trainers (and admins).
  { route: 'GET /api/training/modules', allow: TRAINERS, request: { url: '/api/training/modules' }, ok: 200 },
  { route: 'POST /api/training/modules', allow: TRAINERS, request: { url: '/api/training/modules', payload: INVALID }, ok: 400 },
  { route: 'GET /api/training/modules/:id', allow: TRAINERS, request: { url: `/api/training/modules/${NONE}` }, ok: 404 },
  { route: 'PUT /api/training/modules/:id', allow: TRAINERS, request: { url: `/api/training/modules/${NONE}`, payload: INVALID }, ok: 400 },
  { route: 'POST /api/training/modules/:id/:action', allow: TRAINERS, request: { url: `/api/training/modules/${NONE}/publish` }, ok: 404 },
  { route: 'POST /api/training/modules/:id/viva/:action', allow: TRAINERS, request: { url: `/api/training/modules/${NONE}/viva/sync` }, ok: 404 },
  { route: 'GET /api/training/pushes', allow: TRAINERS, request: { url: '/api/training/pushes' }, ok: 200 },
  { route: 'POST /api/training/pushes/:id/stop', allow: TRAINERS, request: { url: `/api/training/pushes/${NONE}/stop` }, ok: 404 },
  { route: 'GET /api/training/progress', allow: TRAINERS, request: { url: '/api/training/progress' }, ok: 200 },
  { route: 'GET /api/training/progress/:employeeId', allow: TRAINERS, request: { url: '/api/training/progress/sec-other' }, ok: 200 },

  // Executives (and admins): analytics and the leadership pilot.
  { route: 'GET /api/analytics', allow: LEADERS, request: { url: '/api/analytics' }, ok: 200 },
  { route: 'GET /api/analytics/export', allow: LEADERS, request: { url: '/api/analytics/export?table=no-such-table' }, ok: 400 },
  // No pilot is set up in the test tenant: 404 (not 401/403) for executives and admins.
  { route: 'GET /api/pilot', allow: LEADERS, request: { url: '/api/pilot' }, ok: 404 },
  { route: 'PUT /api/pilot/checklist/:item', allow: LEADERS, request: { url: '/api/pilot/checklist/no-such-item', payload: { checked: true } }, ok: 400 },
  { route: 'PUT /api/pilot/goals', allow: LEADERS, request: { url: '/api/pilot/goals', payload: INVALID }, ok: 400 },
  { route: 'POST /api/pilot/phase', allow: LEADERS, request: { url: '/api/pilot/phase', payload: INVALID }, ok: 400 },
  { route: 'POST /api/pilot/decision', allow: LEADERS, request: { url: '/api/pilot/decision', payload: INVALID }, ok: 400 },

  // Coordinators (and admins): campaigns, content and the suggestions queue.
  { route: 'GET /api/campaigns', allow: STAFF, request: { url: '/api/campaigns' }, ok: 200 },
  { route: 'POST /api/campaigns', allow: STAFF, request: { url: '/api/campaigns', payload: INVALID }, ok: 400 },
  { route: 'GET /api/campaigns/audience', allow: STAFF, request: { url: '/api/campaigns/audience' }, ok: 200 },
  { route: 'GET /api/campaigns/:id', allow: STAFF, request: { url: `/api/campaigns/${NONE}` }, ok: 404 },
  { route: 'GET /api/campaigns/:id/preview', allow: STAFF, request: { url: `/api/campaigns/${NONE}/preview` }, ok: 404 },
  { route: 'POST /api/campaigns/:id/:action', allow: STAFF, request: { url: `/api/campaigns/${NONE}/launch` }, ok: 404 },
  { route: 'PUT /api/campaigns/:id', allow: STAFF, request: { url: `/api/campaigns/${NONE}`, payload: INVALID }, ok: 400 },
  { route: 'DELETE /api/campaigns/:id', allow: STAFF, request: { url: `/api/campaigns/${NONE}`, payload: INVALID }, ok: 400 },
  { route: 'GET /api/admin/content', allow: STAFF, request: { url: '/api/admin/content' }, ok: 200 },
  { route: 'POST /api/admin/content', allow: STAFF, request: { url: '/api/admin/content', payload: INVALID }, ok: 400 },
  { route: 'PUT /api/admin/content/:id', allow: STAFF, request: { url: `/api/admin/content/${NONE}`, payload: INVALID }, ok: 400 },
  { route: 'POST /api/admin/content/:id/transition', allow: STAFF, request: { url: `/api/admin/content/${NONE}/transition`, payload: { action: 'publish' } }, ok: 404 },
  { route: 'GET /api/admin/suggestions', allow: STAFF, request: { url: '/api/admin/suggestions' }, ok: 200 },
  { route: 'POST /api/admin/suggestions/:id/approve', allow: STAFF, request: { url: `/api/admin/suggestions/${NONE}/approve` }, ok: 404 },
  { route: 'POST /api/admin/suggestions/:id/reject', allow: STAFF, request: { url: `/api/admin/suggestions/${NONE}/reject`, payload: INVALID }, ok: 400 },

  // Admins only.
  { route: 'GET /api/admin/audit', allow: ADMIN, request: { url: '/api/admin/audit' }, ok: 200 },
  { route: 'GET /api/admin/settings', allow: ADMIN, request: { url: '/api/admin/settings' }, ok: 200 },
  { route: 'PUT /api/admin/settings', allow: ADMIN, request: { url: '/api/admin/settings', payload: INVALID }, ok: 400 },
  { route: 'POST /api/admin/settings/webhook-secret', allow: ADMIN, request: { url: '/api/admin/settings/webhook-secret', payload: INVALID }, ok: 200 },
  { route: 'GET /api/admin/people', allow: ADMIN, request: { url: '/api/admin/people' }, ok: 200 },
  { route: 'PUT /api/admin/people/:id/roles', allow: ADMIN, request: { url: '/api/admin/people/sec-other/roles', payload: INVALID }, ok: 400 },
  { route: 'GET /api/admin/people/:id/export', allow: ADMIN, request: { url: '/api/admin/people/sec-other/export' }, ok: 200 },
  { route: 'POST /api/admin/people/import', allow: ADMIN, request: { url: '/api/admin/people/import', payload: INVALID }, ok: 400 },
  { route: 'GET /api/admin/people/import/:id', allow: ADMIN, request: { url: `/api/admin/people/import/${NONE}` }, ok: 404 },
  { route: 'GET /api/admin/people/import/:id/report.csv', allow: ADMIN, request: { url: `/api/admin/people/import/${NONE}/report.csv` }, ok: 404 },
  { route: 'POST /api/admin/people/sync', allow: ADMIN, request: { url: '/api/admin/people/sync' }, ok: 409 },
  { route: 'DELETE /api/admin/people/:id', allow: ADMIN, request: { url: `/api/admin/people/${NONE}` }, ok: 404 },
  { route: 'GET /api/admin/contests', allow: ADMIN, request: { url: '/api/admin/contests' }, ok: 200 },
  { route: 'POST /api/admin/contests', allow: ADMIN, request: { url: '/api/admin/contests', payload: INVALID }, ok: 400 },
  { route: 'PUT /api/admin/contests/:id', allow: ADMIN, request: { url: `/api/admin/contests/${NONE}`, payload: INVALID }, ok: 400 },
  { route: 'DELETE /api/admin/contests/:id', allow: ADMIN, request: { url: `/api/admin/contests/${NONE}`, payload: INVALID }, ok: 400 },
  { route: 'POST /api/admin/contests/:id/end', allow: ADMIN, request: { url: `/api/admin/contests/${NONE}/end`, payload: INVALID }, ok: 400 },
  { route: 'GET /api/admin/policy', allow: ADMIN, request: { url: '/api/admin/policy' }, ok: 200 },
  { route: 'POST /api/admin/policy/versions', allow: ADMIN, request: { url: '/api/admin/policy/versions', payload: INVALID }, ok: 400 },
  // Topics (issue 13): everyone enrolled reads hubs, proposes themselves and keeps their own map entries; staff run the hubs.
  { route: 'GET /api/topics', allow: 'enrolled', request: { url: '/api/topics' }, ok: 200 },
  { route: 'GET /api/topics/proposals/mine', allow: 'enrolled', request: { url: '/api/topics/proposals/mine' }, ok: 200 },
  { route: 'GET /api/topics/:id', allow: 'enrolled', request: { url: `/api/topics/${NONE}` }, ok: 404 },
  { route: 'POST /api/topics/:id/proposals', allow: 'enrolled', request: { url: `/api/topics/${NONE}/proposals`, payload: INVALID }, ok: 400 },
  { route: 'POST /api/topics/:id/influencers', allow: 'enrolled', request: { url: `/api/topics/${NONE}/influencers`, payload: INVALID }, ok: 400 },
  { route: 'PUT /api/topics/:id/influencers/:entryId', allow: 'enrolled', request: { url: `/api/topics/${NONE}/influencers/${NONE}`, payload: INVALID }, ok: 400 },
  { route: 'DELETE /api/topics/:id/influencers/:entryId', allow: 'enrolled', request: { url: `/api/topics/${NONE}/influencers/${NONE}` }, ok: 404 },
  { route: 'POST /api/admin/topics', allow: STAFF, request: { url: '/api/admin/topics', payload: INVALID }, ok: 400 },
  { route: 'PUT /api/admin/topics/:id', allow: STAFF, request: { url: `/api/admin/topics/${NONE}`, payload: INVALID }, ok: 400 },
  { route: 'GET /api/admin/topics/people', allow: STAFF, request: { url: '/api/admin/topics/people' }, ok: 200 },
  { route: 'PUT /api/admin/topics/:id/roles/:employeeId', allow: STAFF, request: { url: `/api/admin/topics/${NONE}/roles/${NONE}`, payload: INVALID }, ok: 400 },
  { route: 'DELETE /api/admin/topics/:id/roles/:employeeId', allow: STAFF, request: { url: `/api/admin/topics/${NONE}/roles/${NONE}` }, ok: 404 },
  { route: 'GET /api/admin/topics/proposals', allow: STAFF, request: { url: '/api/admin/topics/proposals' }, ok: 200 },
  { route: 'POST /api/admin/topics/proposals/:id/accept', allow: STAFF, request: { url: `/api/admin/topics/proposals/${NONE}/accept` }, ok: 404 },
  { route: 'POST /api/admin/topics/proposals/:id/decline', allow: STAFF, request: { url: `/api/admin/topics/proposals/${NONE}/decline`, payload: INVALID }, ok: 400 },
  { route: 'PUT /api/admin/topics/:id/influencers/:entryId/owners', allow: STAFF, request: { url: `/api/admin/topics/${NONE}/influencers/${NONE}/owners`, payload: INVALID }, ok: 400 },
];
