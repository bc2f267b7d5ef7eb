/**
 * The one place that reads `process.env`. Parsed with zod once at start-up; a bad value stops the
 * app with a readable message. Local runs need nothing: every field has a local default, and the
 * Azurite connection string is used until an account endpoint is configured.
 */
import { z } from 'zod';

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
  });

export type StorageConfig =
  | { kind: 'azurite'; location: string; tablePort: number; queuePort: number }
  | { kind: 'connection-string'; connectionString: string }
  | { kind: 'account'; accountName: string };

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  publicBaseUrl: string;
  storage: StorageConfig;
  tablePrefix: string;
  seedDemo: boolean;
  playground: { enabled: boolean; port: number };
  bot: { id?: string; password?: string; tenantId?: string };
  auth:
    | { mode: 'dev'; tenantId: string; userId: string }
    | { mode: 'entra'; clientId: string; tenantId?: string };
  logLevel: string;
  tabDistDir: string;
  version: string;
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
    auth:
      authMode === 'entra'
        ? { mode: 'entra', clientId: env.AAD_APP_CLIENT_ID ?? '', tenantId: env.AAD_APP_TENANT_ID }
        : { mode: 'dev', tenantId: env.DEV_TENANT_ID, userId: env.DEV_USER_ID },
    logLevel: env.LOG_LEVEL,
    tabDistDir: env.TAB_DIST_DIR,
    version,
  };
}
