/**
 * Admin use cases for the programme: settings (quiet hours, weekly cap, working days default,
 * disclosure line, blocked phrases, AI help, the rotatable conversion webhook key), people's
 * roles, and the policy (publish a new version and ask everyone again through the bot; who
 * acknowledged which version).
 */
import type { AdminPerson, AdminSettings, AdminSettingsInput } from '../../shared/contracts/admin.js';
import { cleanBlockedPhrases } from '../../shared/domain/blocked-phrases.js';
import type { Language, Role, Weekday } from '../../shared/domain/types.js';
import { DEFAULT_ADMIN_SETTINGS, type AdminSettingsRepository, type StoredAdminSettings } from './admin.ports.js';
import { ValidationError } from './errors.js';
import type { PolicyService } from './policy.service.js';
import type { EmployeeRepository } from './ports.js';
import { retryOnConflict } from './retry-on-conflict.js';
import type { SecretBox } from './secret-box.js';
import { DEFAULT_PROGRAMME_SETTINGS, type PolicyRepository, type PolicyText, type ProgrammeSettings, type StoredPolicy } from './sharing.ports.js';

/** Policy re-asks sent at the same time. */
const ASK_CONCURRENCY = 8;

/** Prepares the current policy card of a tenant, then sends it to one person at a time (bot, proactive). */
export type PolicyAsker = (tenantId: string) => Promise<(employeeId: string) => Promise<'sent' | 'no-reference' | 'unreachable'>>;

export interface AdminSettingsServiceDeps {
  adminSettings: AdminSettingsRepository;
  employees: Pick<EmployeeRepository, 'listByTenant' | 'get' | 'update'>;
  policies: Pick<PolicyRepository, 'list'>;
  policy: Pick<PolicyService, 'publish'>;
  randomBytes: (count: number) => Uint8Array;
  clock: () => Date;
  askPolicy?: PolicyAsker;
  logger?: { warn(details: object, message: string): void };
  /** Encrypts the webhook key at rest (without it the key is stored as is: tests and tools only). */
  secrets?: SecretBox;
}

/** Versions of the policy with how many people acknowledged each, and who. */
export interface PolicyAdminView {
  versions: Array<{ version: number; publishedAt?: string; title: string; body: string; acknowledged: number }>;
  current?: number;
  enrolled: number;
  people: Array<{ id: string; displayName: string; team: string; acknowledgedVersion?: number }>;
}

export interface AdminSettingsService {
  get(tenantId: string): Promise<AdminSettings>;
  save(tenantId: string, input: AdminSettingsInput): Promise<{ before: AdminSettings; after: AdminSettings }>;
  /** A new webhook key, returned this once. */
  rotateWebhookSecret(tenantId: string): Promise<{ secret: string; rotatedAt: string }>;
  /** The tenant's webhook key, for the conversions route only. */
  webhookSecret(tenantId: string): Promise<string | undefined>;
  people(tenantId: string): Promise<AdminPerson[]>;
  setRoles(tenantId: string, employeeId: string, roles: Role[]): Promise<{ before: Role[]; after: Role[] }>;
  policyView(tenantId: string): Promise<PolicyAdminView>;
  /** Publish `text` as the next version now, then ask every enrolled person again. */
  publishPolicy(tenantId: string, text: PolicyText & { translations?: Partial<Record<Language, PolicyText>> }): Promise<{ version: number; asked: number; noReference: number; unreachable: number; failed: number }>;
}

const visible = (s: StoredAdminSettings): AdminSettings => ({
  quietHours: s.quietHours,
  weeklyPromptCap: s.weeklyPromptCap,
  defaultWorkingDays: s.defaultWorkingDays,
  disclosureLine: s.disclosureLine,
  blockedPhrases: s.blockedPhrases,
  aiHelp: s.aiHelp,
  webhookSecretSet: s.webhookSecret !== undefined,
  ...(s.webhookSecretRotatedAt !== undefined ? { webhookSecretRotatedAt: s.webhookSecretRotatedAt } : {}),
});

/** Build the admin settings service. */
export function createAdminSettingsService(deps: AdminSettingsServiceDeps): AdminSettingsService {
  const stored = async (tenantId: string): Promise<StoredAdminSettings> => (await deps.adminSettings.find(tenantId)) ?? { ...DEFAULT_ADMIN_SETTINGS, blockedPhrases: [...DEFAULT_ADMIN_SETTINGS.blockedPhrases] };
  return {
    async get(tenantId) {
      return visible(await stored(tenantId));
    },

    async save(tenantId, input) {
      const cleaned = cleanBlockedPhrases(input.blockedPhrases);
      if (!cleaned.ok) throw new ValidationError(`blockedPhrases: ${cleaned.problem}${cleaned.phrase ? ` (${cleaned.phrase.slice(0, 40)})` : ''}`);
      const before = await stored(tenantId);
      const next: StoredAdminSettings = {
        ...before,
        quietHours: input.quietHours,
        weeklyPromptCap: input.weeklyPromptCap,
        defaultWorkingDays: [...input.defaultWorkingDays].sort((a, b) => a - b) as Weekday[],
        disclosureLine: input.disclosureLine,
        blockedPhrases: cleaned.phrases,
        aiHelp: input.aiHelp,
      };
      await deps.adminSettings.upsert(tenantId, next);
      return { before: visible(before), after: visible(next) };
    },

    async rotateWebhookSecret(tenantId) {
      const before = await stored(tenantId);
      const secret = `whsec_${Buffer.from(deps.randomBytes(32)).toString('base64url')}`;
      const rotatedAt = deps.clock().toISOString();
      await deps.adminSettings.upsert(tenantId, { ...before, webhookSecret: deps.secrets ? deps.secrets.seal(secret) : secret, webhookSecretRotatedAt: rotatedAt });
      return { secret, rotatedAt };
    },

    async webhookSecret(tenantId) {
      const stored = (await deps.adminSettings.find(tenantId))?.webhookSecret;
      return stored !== undefined && deps.secrets ? deps.secrets.open(stored) : stored;
    },

    async people(tenantId) {
      const people = await deps.employees.listByTenant(tenantId);
      return people
        .map((e) => ({ id: e.id, displayName: e.displayName, email: e.email, team: e.team, roles: e.roles, language: e.language, timeZone: e.timeZone }))
        .sort((a, b) => a.displayName.localeCompare(b.displayName) || a.id.localeCompare(b.id));
    },

    async setRoles(tenantId, employeeId, roles) {
      const unique = [...new Set(roles)];
      let before: Role[] = [];
      await retryOnConflict(
        () => deps.employees.get(tenantId, employeeId),
        (current) => {
          before = current.roles;
          return { ...current, roles: unique };
        },
        (next, etag) => deps.employees.update(next, etag),
      );
      return { before, after: unique };
    },

    async policyView(tenantId) {
      const [versions, people] = await Promise.all([deps.policies.list(tenantId), deps.employees.listByTenant(tenantId)]);
      const now = deps.clock().toISOString();
      const published = versions.filter((v) => v.publishedAt !== undefined && v.publishedAt <= now).sort((a, b) => b.version - a.version);
      return {
        versions: [...versions].sort((a, b) => b.version - a.version).map((v) => ({
          version: v.version,
          ...(v.publishedAt !== undefined ? { publishedAt: v.publishedAt } : {}),
          title: v.texts.en.title,
          body: v.texts.en.body,
          acknowledged: people.filter((p) => p.policyVersionAcknowledged === v.version).length,
        })),
        ...(published[0] ? { current: published[0].version } : {}),
        enrolled: people.length,
        people: people
          .map((p) => ({ id: p.id, displayName: p.displayName, team: p.team, ...(p.policyVersionAcknowledged !== undefined ? { acknowledgedVersion: p.policyVersionAcknowledged } : {}) }))
          .sort((a, b) => a.displayName.localeCompare(b.displayName)),
      };
    },

    async publishPolicy(tenantId, text) {
      const versions = await deps.policies.list(tenantId);
      const version = Math.max(0, ...versions.map((v) => v.version)) + 1;
      const now = deps.clock().toISOString();
      const { translations, ...en } = text;
      // English is the text (and the fallback); translations of the other languages ride along.
      const texts = { ...Object.fromEntries(Object.entries(translations ?? {}).filter(([language, t]) => language !== 'en' && t !== undefined)), en } as StoredPolicy['texts'];
      const policy: StoredPolicy = { version, publishedAt: now, createdAt: now, texts };
      await deps.policy.publish(tenantId, policy);
      const counts = { version, asked: 0, noReference: 0, unreachable: 0, failed: 0 };
      if (!deps.askPolicy) return counts;
      // A few sends at a time: one slow or unreachable chat must not hold up everyone else's.
      const queue = (await deps.employees.listByTenant(tenantId)).map((p) => p.id);
      const ask = await deps.askPolicy(tenantId);
      const worker = async () => {
        for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
          try {
            const outcome = await ask(id);
            if (outcome === 'sent') counts.asked += 1;
            else if (outcome === 'no-reference') counts.noReference += 1;
            else counts.unreachable += 1;
          } catch (err) {
            counts.failed += 1;
            deps.logger?.warn({ error: err instanceof Error ? err.message : String(err) }, 'policy re-ask not sent');
          }
        }
      };
      await Promise.all(Array.from({ length: ASK_CONCURRENCY }, worker));
      return counts;
    },
  };
}

/**
 * The programme settings as sharing reads them, with the admin's disclosure line (Admin >
 * Settings) laid over: a line the admin changed replaces the translated default in every
 * language; the untouched default (or an empty line) keeps the translated one. Everything else
 * of `settings` is left as it is (the wrapper delegates to it).
 */
export function withAdminDisclosure<R extends { find(tenantId: string): Promise<ProgrammeSettings | undefined> }>(settings: R, admin: Pick<AdminSettingsRepository, 'find'>): R {
  const wrapped = Object.create(settings) as R;
  wrapped.find = async (tenantId: string) => {
    const [programme, adminSettings] = await Promise.all([settings.find(tenantId), admin.find(tenantId)]);
    const line = adminSettings?.disclosureLine.trim() ?? '';
    if (!line || line === DEFAULT_ADMIN_SETTINGS.disclosureLine) return programme;
    return { ...(programme ?? { ...DEFAULT_PROGRAMME_SETTINGS, networks: [...DEFAULT_PROGRAMME_SETTINGS.networks] }), disclosureLine: line };
  };
  return wrapped;
}

/**
 * What other use cases read from Admin > Settings, only once an admin (or the demo seed) saved
 * them; a tenant without the row keeps each use case's own defaults.
 */
export function adminSettingsReaders(admin: Pick<AdminSettingsRepository, 'find'>) {
  return {
    /** Quiet hours for the campaign planner. */
    quietHours: async (tenantId: string) => (await admin.find(tenantId))?.quietHours,
    /** Weekly cap and working days for people the import adds. */
    importDefaults: async (tenantId: string) => {
      const found = await admin.find(tenantId);
      return found ? { weeklyPromptCap: found.weeklyPromptCap, workingDays: [...found.defaultWorkingDays] } : undefined;
    },
  };
}
