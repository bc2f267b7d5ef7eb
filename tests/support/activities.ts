/**
 * Builders for the activities Teams sends to a bot, as JSON on the wire: channel `msteams`,
 * `conversation.tenantId` and `channelData.tenant.id`, `from.aadObjectId`, `recipient` = the bot,
 * `serviceUrl` = where replies go (a {@link ConnectorServer}'s `serviceUrl` in tests), a
 * `clientInfo` entity with the locale. Use {@link createChat} to build several activities for one
 * person's personal chat, or the single builders with explicit options.
 */
import { randomUUID } from 'node:crypto';

/** An activity as JSON (what Teams POSTs to `/api/messages`). */
export interface ActivityJson {
  type: string;
  id: string;
  [key: string]: unknown;
}

/** A Teams user as the bot sees them. */
export interface TeamsUser {
  /** Channel account id (`29:...`). */
  id: string;
  /** Entra object id: the employee id. */
  aadObjectId: string;
  name: string;
}

/** A Teams conversation. */
export interface TeamsConversation {
  id: string;
  conversationType: 'personal' | 'groupChat' | 'channel';
  tenantId: string;
}

/** Tenant used by the builders unless told otherwise. */
export const TEST_TENANT_ID = '6c2b1a9e-4d1f-4c63-9a57-0e1f2d3c4b5a';

/** The bot as Teams addresses it (`28:` + its app id). */
export const TEST_BOT = { id: '28:00000000-0000-0000-0000-00000000b07', name: 'Advocacy Hub' } as const;

/** A new user with random ids. */
export function testUser(overrides: Partial<TeamsUser> = {}): TeamsUser {
  const aadObjectId = overrides.aadObjectId ?? randomUUID();
  return { id: `29:1${aadObjectId.replace(/-/g, '')}`, aadObjectId, name: 'Aiko Tanaka', ...overrides };
}

/** The personal (1:1) conversation of a user with the bot. */
export function personalConversation(user: TeamsUser, tenantId = TEST_TENANT_ID): TeamsConversation {
  return { id: `a:1${user.aadObjectId.replace(/-/g, '')}`, conversationType: 'personal', tenantId };
}

/** What every builder needs to know. */
export interface ActivityOptions {
  /** Where the bot sends replies (the connector server's `serviceUrl`). */
  serviceUrl: string;
  user?: TeamsUser;
  tenantId?: string;
  /** Default: the user's personal chat. */
  conversation?: TeamsConversation;
  /** Teams client locale (`ja-JP`); omitted on install events unless given. */
  locale?: string;
  bot?: { id: string; name: string };
  /** Activity id; default a fresh one. */
  id?: string;
}

let sequence = 0;
function nextActivityId(): string {
  sequence += 1;
  return `${Date.now()}${String(sequence).padStart(4, '0')}`;
}

function envelope(type: string, options: ActivityOptions): ActivityJson {
  const tenantId = options.conversation?.tenantId ?? options.tenantId ?? TEST_TENANT_ID;
  const user = options.user ?? testUser();
  const conversation = options.conversation ?? personalConversation(user, tenantId);
  const now = new Date().toISOString();
  return {
    type,
    id: options.id ?? nextActivityId(),
    timestamp: now,
    localTimestamp: now,
    channelId: 'msteams',
    serviceUrl: options.serviceUrl,
    from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
    conversation: { ...conversation },
    recipient: { ...(options.bot ?? TEST_BOT) },
    channelData: { tenant: { id: tenantId } },
    ...(options.locale
      ? {
          locale: options.locale,
          entities: [{ type: 'clientInfo', locale: options.locale, country: options.locale.split('-')[1] ?? '', platform: 'Web' }],
        }
      : {}),
  };
}

/** A message typed by the user (default locale `en-US`, like the Teams web client). */
export function messageActivity(options: ActivityOptions & { text: string }): ActivityJson {
  return { ...envelope('message', { locale: 'en-US', ...options }), text: options.text, textFormat: 'plain' };
}

/** `conversationUpdate` with members added; by default the bot itself (the app was installed). */
export function conversationUpdateMembersAdded(
  options: ActivityOptions & { membersAdded?: Array<{ id: string; aadObjectId?: string }> },
): ActivityJson {
  const activity = envelope('conversationUpdate', options);
  const bot = options.bot ?? TEST_BOT;
  return { ...activity, membersAdded: options.membersAdded ?? [{ id: bot.id }] };
}

/** `installationUpdate` (`add` by default; `add-upgrade` after an app update, `remove` on uninstall). */
export function installationUpdateAdd(
  options: ActivityOptions & { action?: 'add' | 'add-upgrade' | 'remove' },
): ActivityJson {
  const activity = envelope('installationUpdate', options);
  const channelData = activity.channelData as Record<string, unknown>;
  return { ...activity, action: options.action ?? 'add', channelData: { ...channelData, source: { name: 'message' } } };
}

/**
 * An `Action.Execute` press on an Adaptive Card (Universal Actions): an `invoke` named
 * `adaptiveCard/action`; the bot must answer with an invoke response.
 */
export function invokeAdaptiveCardAction(
  verb: string,
  data: Record<string, unknown>,
  options: ActivityOptions & { replyToId?: string },
): ActivityJson {
  return {
    ...envelope('invoke', { locale: 'en-US', ...options }),
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', id: `${verb}-action`, verb, data }, trigger: 'manual' },
    ...(options.replyToId ? { replyToId: options.replyToId } : {}),
  };
}

/**
 * A message extension search (`composeExtension/query`) typed in a compose box: the manifest's
 * command id and its parameters (`initialRun` sends `{ name: 'initialRun', value: 'true' }`).
 */
export function messageExtensionQuery(
  commandId: string,
  parameters: Array<{ name: string; value: string }>,
  options: ActivityOptions,
): ActivityJson {
  return {
    ...envelope('invoke', { locale: 'en-US', ...options }),
    name: 'composeExtension/query',
    value: { commandId, parameters, queryOptions: { skip: 0, count: 25 } },
  };
}

/** One person's personal chat with the bot: builders with the user, tenant and locale filled in. */
export interface TestChat {
  user: TeamsUser;
  tenantId: string;
  conversation: TeamsConversation;
  message(text: string, overrides?: Partial<ActivityOptions>): ActivityJson;
  membersAdded(overrides?: Partial<ActivityOptions>): ActivityJson;
  installationUpdate(action?: 'add' | 'add-upgrade' | 'remove', overrides?: Partial<ActivityOptions>): ActivityJson;
  /** `replyToId`: the id of the message carrying the card (Teams sets it on card actions). */
  cardAction(verb: string, data: Record<string, unknown>, overrides?: Partial<ActivityOptions> & { replyToId?: string }): ActivityJson;
}

/** Builders for one person's personal chat (fresh user unless given). */
export function createChat(options: ActivityOptions): TestChat {
  const user = options.user ?? testUser();
  const tenantId = options.conversation?.tenantId ?? options.tenantId ?? TEST_TENANT_ID;
  const conversation = options.conversation ?? personalConversation(user, tenantId);
  const base: ActivityOptions = { ...options, user, tenantId, conversation };
  return {
    user,
    tenantId,
    conversation,
    message: (text, overrides = {}) => messageActivity({ ...base, ...overrides, text }),
    membersAdded: (overrides = {}) => conversationUpdateMembersAdded({ ...base, ...overrides }),
    installationUpdate: (action = 'add', overrides = {}) => installationUpdateAdd({ ...base, ...overrides, action }),
    cardAction: (verb, data, overrides = {}) => invokeAdaptiveCardAction(verb, data, { ...base, ...overrides }),
  };
}
