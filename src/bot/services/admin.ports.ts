/** Storage ports of the admin area (programme settings an admin edits). */
import { DEFAULT_BLOCKED_PHRASES } from '../../shared/domain/blocked-phrases.js';
import type { IsoInstant, Weekday } from '../../shared/domain/types.js';

/** Programme-wide admin settings of a tenant, as stored (the webhook secret never leaves the service). */
export interface StoredAdminSettings {
  /** Local hours [start, end) when no prompt is sent (wraps midnight when start > end). */
  quietHours: { start: number; end: number };
  /** Default max prompts per ISO week for new people. */
  weeklyPromptCap: number;
  /** Working days given to people imported without their own. */
  defaultWorkingDays: Weekday[];
  /** Disclosure appended to shared text, e.g. "I work at Contoso. #employee". */
  disclosureLine: string;
  /** Phrases that flag suggestions and suggested text (domain `blocked-phrases.ts`). */
  blockedPhrases: string[];
  /** AI writing help on or off. */
  aiHelp: boolean;
  /** The tenant's conversion webhook key (HMAC needs the key itself); set by rotation only. */
  webhookSecret?: string;
  webhookSecretRotatedAt?: IsoInstant;
}

/** Defaults of a tenant that never saved admin settings. */
export const DEFAULT_ADMIN_SETTINGS: Readonly<StoredAdminSettings> = Object.freeze({
  quietHours: { start: 20, end: 8 },
  weeklyPromptCap: 3,
  defaultWorkingDays: [1, 2, 3, 4, 5] as Weekday[],
  disclosureLine: 'I work at Contoso. #employee',
  blockedPhrases: [...DEFAULT_BLOCKED_PHRASES],
  aiHelp: false,
});

/** Storage of admin settings (`TableAdminSettingsRepository`, a row of the Settings table). */
export interface AdminSettingsRepository {
  find(tenantId: string): Promise<StoredAdminSettings | undefined>;
  upsert(tenantId: string, settings: StoredAdminSettings): Promise<void>;
}
