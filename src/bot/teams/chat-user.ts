/**
 * Who and where an incoming Teams activity comes from, read the way Teams sends it. Shared by the
 * handlers so every feature keys people the same way as the conversation-reference table.
 */
import type { Activity } from 'botbuilder';
import type { ChatUser } from '../services/conversation-reference.service.js';

/** Tenant used when an activity carries none (local tools such as the Bot Framework Emulator). */
export const LOCAL_TENANT_ID = 'local-tenant';

/**
 * The tenant the Microsoft 365 Agents Playground puts on every activity (its built-in mock
 * tenant). Locally it stands for the demo tenant, so a person trying the bot there meets the
 * seeded programme.
 */
export const PLAYGROUND_TENANT_ID = '00000000-0000-0000-0000-0000000000001';

/** How to read tenants. */
export interface ChatUserOptions {
  /**
   * Local runs only (no bot credentials): the tenant that activities without a tenant, or from
   * the Playground's mock tenant, belong to (the demo seed's tenant). Never set in production,
   * where every activity carries its real tenant.
   */
  localTenantId?: string;
}

/**
 * Tenant from `conversation.tenantId` (Teams sets it on every activity), else
 * `channelData.tenant.id`, else {@link LOCAL_TENANT_ID}; person from `from.aadObjectId` (their
 * Entra object id, the employee id), else the channel account id. With `localTenantId`, the
 * Playground's mock tenant and "no tenant" map to it.
 */
export function chatUserOf(activity: Partial<Activity>, options: ChatUserOptions = {}): ChatUser {
  const channelData = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const channelTenant = typeof channelData?.tenant?.id === 'string' ? channelData.tenant.id : undefined;
  const given = activity.conversation?.tenantId || channelTenant;
  const local = options.localTenantId;
  const tenantId = local && (!given || given === PLAYGROUND_TENANT_ID) ? local : given || LOCAL_TENANT_ID;
  const userId = activity.from?.aadObjectId || activity.from?.id || 'unknown-user';
  return { tenantId, userId };
}

/**
 * True in a one-to-one chat with the bot. Only there is a conversation reference a person's own
 * (a channel or group chat reference must never replace it, or prompts would land in the channel).
 */
export function isPersonalChat(activity: Partial<Activity>): boolean {
  const type = activity.conversation?.conversationType;
  return type === undefined || type === 'personal';
}

/**
 * The person's IANA time zone as their Teams client reports it: `localTimezone` on messages,
 * else the `timezone` of the `clientInfo` entity. `undefined` when neither is there (install
 * events, the Playground).
 */
export function timeZoneOf(activity: Partial<Activity>): string | undefined {
  if (typeof activity.localTimezone === 'string' && activity.localTimezone) return activity.localTimezone;
  const clientInfo = (activity.entities ?? []).find((e) => e.type === 'clientInfo') as { timezone?: unknown } | undefined;
  return typeof clientInfo?.timezone === 'string' && clientInfo.timezone ? clientInfo.timezone : undefined;
}
