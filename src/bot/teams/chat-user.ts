/**
 * Who and where an incoming Teams activity comes from, read the way Teams sends it. Shared by the
 * handlers so every feature keys people the same way as the conversation-reference table.
 */
import type { Activity } from 'botbuilder';
import type { ChatUser } from '../services/conversation-reference.service.js';

/** Tenant used when an activity carries none (local tools such as the Bot Framework Emulator). */
export const LOCAL_TENANT_ID = 'local-tenant';

/**
 * Tenant from `conversation.tenantId` (Teams sets it on every activity), else
 * `channelData.tenant.id`, else {@link LOCAL_TENANT_ID}; person from `from.aadObjectId` (their
 * Entra object id, the employee id), else the channel account id.
 */
export function chatUserOf(activity: Partial<Activity>): ChatUser {
  const channelData = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const channelTenant = typeof channelData?.tenant?.id === 'string' ? channelData.tenant.id : undefined;
  const tenantId = activity.conversation?.tenantId || channelTenant || LOCAL_TENANT_ID;
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
