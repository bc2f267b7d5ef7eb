/**
 * The one place that reads `process.env`. Parsed with zod once at start-up; a bad value stops the
 * app with a readable message. Local runs need nothing: every field has a local default, and the
 * Azurite connection string is used until an account endpoint is configured.
 */
import { randomBytes } from 'node:crypto';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { DEV_LINK_CODE_KEY } from './services/link-codes.js';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['true', '1', 'yes', 'on'].includes(v));

const port = z.coerce.number().int().min(1).max(65535);

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    /** 0 lets the OS pick a free port (tests). */
    PORT: z.coerce.number().int().min(0).max(65535).default(3978),
    HOST: z.string().min(1).default('127.0.0.1'),
    /** Public base URL used in tracked links and card buttons (the dev tunnel or App Service URL). */
    PUBLIC_BASE_URL: z.string().url().optional(),
    /** Azure: Storage account name; storage then uses DefaultAzureCredential (managed identity). */
    STORAGE_ACCOUNT_NAME: z.string().regex(/^[a-z0-9]{3,24}$/, 'must be 3-24 lowercase letters or digits').optional(),
    /** Local/other: a full connection string (Azurite by default). */
    STORAGE_CONNECTION_STRING: z.string().min(1).optional(),
    STORAGE_TABLE_PREFIX: z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,20}$/, 'letters and digits, starting with a letter').default('ah'),
    /** Start Azurite from the app (local runs). Default: on when no storage is configured. */
    AZURITE: booleanFlag.optional(),
    AZURITE_LOCATION: z.string().min(1).default('.data/azurite'),
    AZURITE_TABLE_PORT: port.default(10002),
    AZURITE_QUEUE_PORT: port.default(10001),
    /** Seed the demo programme on start when the tenant is empty. */
    SEED_DEMO: booleanFlag.optional(),
    /** Start the Microsoft 365 Agents Playground against the bot (local runs). */
    PLAYGROUND: booleanFlag.optional(),
    PLAYGROUND_PORT: port.default(56150),
    /** Teams app id (manifest `id`), for deep links into the app's tabs; without it links open the tab URL. */
    TEAMS_APP_ID: z.string().uuid().optional(),
    BOT_ID: z.string().uuid().optional(),
    SECRET_BOT_PASSWORD: z.string().min(1).optional(),
    BOT_TENANT_ID: z.string().min(1).optional(),
    /** Entra app (client) id of the tab SSO app; required for `AUTH_MODE=entra`. */
    AAD_APP_CLIENT_ID: z.string().uuid().optional(),
    AAD_APP_TENANT_ID: z.string().min(1).optional(),
    /** `dev` trusts a local identity (never in production); `entra` validates Teams SSO tokens. */
    AUTH_MODE: z.enum(['dev', 'entra']).optional(),
    /** Tenant and employee the dev identity acts as. */
    DEV_TENANT_ID: z.string().min(1).default('local-tenant'),
    DEV_USER_ID: z.string().min(1).default('demo-admin'),
    /** Built tab files (Vite output), relative to the working directory. */
    TAB_DIST_DIR: z.string().min(1).default('dist/tab'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Key of the HMAC-SHA256 of IP + user agent that identifies a click's visitor; required in production. */
    SECRET_CLICK_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
    /** Key of the tag that makes link and prompt codes self-verifying (a code failing it costs no storage read); required in production. */
    SECRET_LINK_CODE_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
    /** Per-visitor requests per minute on `/l/:code` (per instance; docs/privacy.md). */
    RATE_LIMIT_LINKS_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(120),
    /** Per-visitor requests per minute on the share door `/s/:code/:network` (per instance). */
    RATE_LIMIT_SHARES_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(60),
    /** Per-sender requests per minute on `POST /api/conversions` (per instance). */
    RATE_LIMIT_WEBHOOK_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(600),
    /**
     * Proxies in front of the app whose X-Forwarded-For entries are trusted (App Service: 1, its
     * front end). The client address is the entry the outermost trusted proxy appended, so a
     * visitor cannot pick their own address by sending X-Forwarded-For.
     */
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(1),
    /** Click events older than this many days are deleted once a day (aggregates stay). */
    CLICK_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(400),
    /** Key material (at least 32 characters) of the AES-256-GCM key that encrypts secrets in the Settings table (the tenants' webhook keys); required in production. */
    SETTINGS_ENCRYPTION_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
    /** HMAC-SHA256 key of the conversions webhook; without it in production the webhook is off. */
    SECRET_CONVERSIONS_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
    /** This instance's click journal; default `.data/click-journal/<instance id>`. */
    CLICK_JOURNAL_DIR: z.string().min(1).optional(),
    /** Unflushed journal bound: beyond it clicks are still redirected but counted as dropped. */
    CLICK_JOURNAL_MAX_BYTES: z.coerce.number().int().min(1024 * 1024).default(256 * 1024 * 1024),
    /** Set by App Service, one per instance (each instance keeps its own click journal). */
    WEBSITE_INSTANCE_ID: z.string().min(1).optional(),
    /** How often each instance checks whether this week's jobs (contest update, pilot digest) are due; the first check comes within 30 s of start. */
    WEEKLY_CHECK_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(300_000),
    /** Campaign delivery worker inside this process (`npm start`, App Service); default on except in tests. */
    DELIVERY_WORKER: booleanFlag.optional(),
    /** Proactive sends per second per tenant across every worker (Teams: 50 per app per tenant). */
    TENANT_SEND_RATE: z.coerce.number().int().min(1).max(1000).default(50),
    /** Publish training modules to Viva Learning through Microsoft Graph (issue 11); off by default. */
    VIVA_LEARNING: booleanFlag.optional(),
    /** The learning provider registration id in Viva Learning (required with VIVA_LEARNING). */
    VIVA_LEARNING_PROVIDER_ID: z.string().min(1).optional(),
    /** Entra group whose members the people sync imports (Microsoft Graph); without it the sync is off. */
    GRAPH_SYNC_GROUP_ID: z.string().uuid().optional(),
    /** Microsoft Graph base URL (national clouds, local test servers). */
    GRAPH_BASE_URL: z.string().url().default('https://graph.microsoft.com/v1.0'),
    /** AI writing help: the Azure OpenAI resource endpoint, e.g. https://contoso-ai.openai.azure.com (with AZURE_OPENAI_DEPLOYMENT). */
    AZURE_OPENAI_ENDPOINT: z.string().url().optional(),
    /** AI writing help: the chat model deployment's name. */
    AZURE_OPENAI_DEPLOYMENT: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'letters, digits, dot, dash or underscore (at most 64)').optional(),
    /** Azure OpenAI data-plane API version (a GA version by default). */
    AZURE_OPENAI_API_VERSION: z.string().regex(/^\d{4}-\d{2}-\d{2}(-preview)?$/, 'like 2024-10-21').default('2024-10-21'),
    /** API key of the resource; without it the app uses its managed identity (DefaultAzureCredential). Never logged. */
    AZURE_OPENAI_API_KEY: z.string().min(1).optional(),
    /** How long a rewrite waits for the model. */
    AZURE_OPENAI_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(120_000).default(20_000),
    /** "Help me rewrite" requests per person per minute (per instance). */
    AI_WRITING_PER_MINUTE: z.coerce.number().int().min(1).max(60).default(5),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && env.AUTH_MODE !== 'entra') {
      ctx.addIssue({ code: 'custom', path: ['AUTH_MODE'], message: 'must be "entra" in production' });
    }
    if ((env.AUTH_MODE ?? 'dev') === 'entra' && !env.AAD_APP_CLIENT_ID) {
      ctx.addIssue({ code: 'custom', path: ['AAD_APP_CLIENT_ID'], message: 'is required when AUTH_MODE=entra' });
    }
    if (env.BOT_ID && !env.SECRET_BOT_PASSWORD && env.NODE_ENV !== 'production') {
      // A bot id without a password is allowed in production (managed identity), not locally.
      ctx.addIssue({ code: 'custom', path: ['SECRET_BOT_PASSWORD'], message: 'is required with BOT_ID outside production' });
    }
    if (env.VIVA_LEARNING === true && !env.VIVA_LEARNING_PROVIDER_ID) {
      ctx.addIssue({ code: 'custom', path: ['VIVA_LEARNING_PROVIDER_ID'], message: 'is required when VIVA_LEARNING is on' });
    }
    if (env.NODE_ENV === 'production' && !env.BOT_ID) {
      // Without an app id the adapter accepts unsigned activities (local tools only).
      ctx.addIssue({ code: 'custom', path: ['BOT_ID'], message: 'is required in production (without it /api/messages would accept unsigned activities)' });
    }
    if (env.NODE_ENV === 'production' && !env.SECRET_CLICK_KEY) {
      ctx.addIssue({ code: 'custom', path: ['SECRET_CLICK_KEY'], message: 'is required in production (the dev key is public)' });
    }
    if (env.NODE_ENV === 'production' && !env.SETTINGS_ENCRYPTION_KEY) {
      ctx.addIssue({ code: 'custom', path: ['SETTINGS_ENCRYPTION_KEY'], message: 'is required in production (the dev key is public; keep it stable: stored webhook keys made with one key cannot be read with another)' });
    }
    if (Boolean(env.AZURE_OPENAI_ENDPOINT) !== Boolean(env.AZURE_OPENAI_DEPLOYMENT)) {
      ctx.addIssue({ code: 'custom', path: [env.AZURE_OPENAI_ENDPOINT ? 'AZURE_OPENAI_DEPLOYMENT' : 'AZURE_OPENAI_ENDPOINT'], message: 'AZURE_OPENAI_ENDPOINT and AZURE_OPENAI_DEPLOYMENT go together (AI writing help)' });
    }
    if (env.NODE_ENV === 'production' && env.AZURE_OPENAI_ENDPOINT && !env.AZURE_OPENAI_ENDPOINT.startsWith('https://')) {
      ctx.addIssue({ code: 'custom', path: ['AZURE_OPENAI_ENDPOINT'], message: 'must be https:// in production' });
    }
    if (env.NODE_ENV === 'production' && !env.SECRET_LINK_CODE_KEY) {
      ctx.addIssue({ code: 'custom', path: ['SECRET_LINK_CODE_KEY'], message: 'is required in production (the dev key is public; keep it stable: links made with one key fail with another)' });
    }
  });

export type { AiWritingConfig, AppConfig, ClickConfig, ProtectionConfig, StorageConfig } from './config-types.js';
import type { AppConfig, ClickConfig, StorageConfig } from './config-types.js';

/** Public local-only key of link-code tags; production refuses to start without SECRET_LINK_CODE_KEY. */
export const DEV_ONLY_LINK_CODE_KEY = DEV_LINK_CODE_KEY;

/** Public local-only key material of settings encryption; production refuses to start without SETTINGS_ENCRYPTION_KEY. */
export const DEV_ONLY_SETTINGS_ENCRYPTION_KEY = 'dev-only-settings-encryption-key-public-never-used-in-production';

/** Public local-only key of the conversions webhook; production never falls back to it (the webhook is off instead). */
export const DEV_ONLY_CONVERSIONS_KEY = 'dev-only-conversions-key-public-never-used-in-production';

/** Public, so never used in production (config refuses to start without SECRET_CLICK_KEY there). */
export const DEV_ONLY_CLICK_KEY = 'dev-only-click-key-public-never-used-in-production';

/**
 * Each instance journals to its own directory: App Service's instance id, else host and port. With
 * PORT=0 (tests, several apps in one run) the port is not known yet, so the journal goes to a
 * per-process temporary directory instead.
 */
function clickConfig(env: z.infer<typeof envSchema>): ClickConfig {
  const safe = (id: string) => id.replace(/[^A-Za-z0-9._-]/g, '_');
  const ephemeral = !env.CLICK_JOURNAL_DIR && !env.WEBSITE_INSTANCE_ID && env.PORT === 0;
  const instanceId = safe(env.WEBSITE_INSTANCE_ID ?? (ephemeral ? `${hostname()}-${process.pid}-${randomBytes(4).toString('hex')}` : `${hostname()}-${env.PORT}`));
  const journalDir = env.CLICK_JOURNAL_DIR ?? (ephemeral ? join(tmpdir(), 'advocacy-hub-click-journal', instanceId) : join('.data', 'click-journal', instanceId));
  return {
    secretKey: env.SECRET_CLICK_KEY ?? DEV_ONLY_CLICK_KEY,
    instanceId,
    journalDir,
    journalMaxBytes: env.CLICK_JOURNAL_MAX_BYTES,
    ephemeralJournal: ephemeral,
  };
}

/** Thrown with every problem listed, one per line, so a person can fix them all at once. */
export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid configuration:\n${issues.map((i) => `  - ${i}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parse an environment (default `process.env`) into the app configuration, or throw ConfigError. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env, version = '0.0.0'): AppConfig {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || 'env'}: ${i.message}`));
  }
  const env = parsed.data;
  const local = env.NODE_ENV !== 'production';
  const storage: StorageConfig = env.STORAGE_ACCOUNT_NAME
    ? { kind: 'account', accountName: env.STORAGE_ACCOUNT_NAME }
    : env.STORAGE_CONNECTION_STRING && env.AZURITE !== true
      ? { kind: 'connection-string', connectionString: env.STORAGE_CONNECTION_STRING }
      : {
          kind: 'azurite',
          location: env.AZURITE_LOCATION,
          tablePort: env.AZURITE_TABLE_PORT,
          queuePort: env.AZURITE_QUEUE_PORT,
        };
  if (storage.kind === 'azurite' && !local) {
    throw new ConfigError(['STORAGE_ACCOUNT_NAME: is required in production (Azurite is for local runs only)']);
  }
  const authMode = env.AUTH_MODE ?? 'dev';
  return {
    env: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    publicBaseUrl: (env.PUBLIC_BASE_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ''),
    storage,
    tablePrefix: env.STORAGE_TABLE_PREFIX,
    seedDemo: env.SEED_DEMO ?? local,
    playground: { enabled: env.PLAYGROUND ?? (local && env.NODE_ENV !== 'test'), port: env.PLAYGROUND_PORT },
    bot: { id: env.BOT_ID, password: env.SECRET_BOT_PASSWORD, tenantId: env.BOT_TENANT_ID },
    ...(env.TEAMS_APP_ID ? { teamsAppId: env.TEAMS_APP_ID } : {}),
    auth:
      authMode === 'entra'
        ? { mode: 'entra', clientId: env.AAD_APP_CLIENT_ID ?? '', tenantId: env.AAD_APP_TENANT_ID }
        : { mode: 'dev', tenantId: env.DEV_TENANT_ID, userId: env.DEV_USER_ID },
    logLevel: env.LOG_LEVEL,
    tabDistDir: env.TAB_DIST_DIR,
    version,
    clicks: clickConfig(env),
    conversions: env.SECRET_CONVERSIONS_KEY
      ? { secretKey: env.SECRET_CONVERSIONS_KEY, devKey: false }
      : { secretKey: env.NODE_ENV === 'production' ? undefined : DEV_ONLY_CONVERSIONS_KEY, devKey: env.NODE_ENV !== 'production' },
    delivery: { worker: env.DELIVERY_WORKER ?? env.NODE_ENV !== 'test', perSecond: env.TENANT_SEND_RATE, weeklyCheckMs: env.WEEKLY_CHECK_MS },
    vivaLearning: { enabled: env.VIVA_LEARNING ?? false, ...(env.VIVA_LEARNING_PROVIDER_ID ? { providerId: env.VIVA_LEARNING_PROVIDER_ID } : {}), graphBaseUrl: env.GRAPH_BASE_URL },
    graph: { baseUrl: env.GRAPH_BASE_URL.replace(/\/+$/, ''), ...(env.GRAPH_SYNC_GROUP_ID ? { syncGroupId: env.GRAPH_SYNC_GROUP_ID } : {}) },
    protection: {
      linkCodeKey: env.SECRET_LINK_CODE_KEY ?? DEV_ONLY_LINK_CODE_KEY,
      rateLimits: { links: env.RATE_LIMIT_LINKS_PER_MINUTE, shares: env.RATE_LIMIT_SHARES_PER_MINUTE, webhook: env.RATE_LIMIT_WEBHOOK_PER_MINUTE },
      clickRetentionDays: env.CLICK_RETENTION_DAYS,
      trustedProxyHops: env.TRUSTED_PROXY_HOPS,
    },
    settingsEncryptionKey: env.SETTINGS_ENCRYPTION_KEY ?? DEV_ONLY_SETTINGS_ENCRYPTION_KEY,
    aiWriting: {
      ...(env.AZURE_OPENAI_ENDPOINT && env.AZURE_OPENAI_DEPLOYMENT
        ? {
            model: {
              endpoint: env.AZURE_OPENAI_ENDPOINT.replace(/\/+$/, ''),
              deployment: env.AZURE_OPENAI_DEPLOYMENT,
              apiVersion: env.AZURE_OPENAI_API_VERSION,
              ...(env.AZURE_OPENAI_API_KEY ? { apiKey: env.AZURE_OPENAI_API_KEY } : {}),
              timeoutMs: env.AZURE_OPENAI_TIMEOUT_MS,
            },
          }
        : {}),
      perMinute: env.AI_WRITING_PER_MINUTE,
    },
  };
}
