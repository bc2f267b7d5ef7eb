/**
 * The shape of the configuration `loadConfig` (config.ts) builds from the environment; every
 * module that needs a setting takes it from here, never from `process.env`.
 */

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
  /** Teams app id for deep links (`TEAMS_APP_ID`), when known. */
  teamsAppId?: string;
  auth:
    | { mode: 'dev'; tenantId: string; userId: string }
    | { mode: 'entra'; clientId: string; tenantId?: string };
  logLevel: string;
  tabDistDir: string;
  version: string;
  clicks: ClickConfig;
  /** `POST /api/conversions`: its signing key, or undefined when the webhook is off (production without a key). */
  conversions: { secretKey?: string; devKey: boolean };
  /** Campaign deliveries: whether this process runs a worker, and the tenant send budget per second. */
  delivery: { worker: boolean; perSecond: number; weeklyCheckMs: number };
  /** Viva Learning (training modules as learning content); off unless VIVA_LEARNING is on. */
  vivaLearning: { enabled: boolean; providerId?: string; graphBaseUrl: string };
  /** Microsoft Graph: the base URL and the directory group the people sync reads, when configured. */
  graph: { baseUrl: string; syncGroupId?: string };
  /** Abuse and privacy (docs/privacy.md): link-code tag key, per-visitor limits per minute, click retention. */
  protection: ProtectionConfig;
  /** Key material of the encryption of secrets stored in Settings (SETTINGS_ENCRYPTION_KEY; a public dev default locally). */
  settingsEncryptionKey: string;
  /** AI writing help: the model (absent when AZURE_OPENAI_* are not set) and the per-person limit. */
  aiWriting: AiWritingConfig;
}

/** AI writing help (docs/admin.md): Azure OpenAI chat completions, with a key or the managed identity. */
export interface AiWritingConfig {
  model?: { endpoint: string; deployment: string; apiVersion: string; apiKey?: string; timeoutMs: number };
  /** Rewrites per person per minute, over all instances. */
  perMinute: number;
}

/** Abuse and privacy settings (SECURITY.md, docs/privacy.md). */
export interface ProtectionConfig {
  /** HMAC key of the tag in every link and prompt code (SECRET_LINK_CODE_KEY, dev default locally). */
  linkCodeKey: string;
  /** Requests per minute per visitor address, over all instances (http/shared-rate-store.ts). */
  rateLimits: { links: number; shares: number; webhook: number };
  /** Click events older than this are deleted by the daily retention job. */
  clickRetentionDays: number;
  /** Trusted proxy hops for the client address (Fastify `trustProxy`). */
  trustedProxyHops: number;
}

/** Click pipeline: the visitor-key secret and this instance's journal. */
export interface ClickConfig {
  secretKey: string;
  instanceId: string;
  journalDir: string;
  journalMaxBytes: number;
  /** True when the journal lives in a per-process temporary directory (PORT=0: tests). */
  ephemeralJournal: boolean;
}
