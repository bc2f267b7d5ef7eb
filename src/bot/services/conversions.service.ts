/**
 * Conversions from marketing automation and the CRM: attributed through the tracked link to the
 * share, person, content, campaign and network, stored once per (tenant, external id), and
 * scored. A repeat of the same external id returns the stored conversion (`duplicate: true`) and
 * re-applies it to scoring, which is idempotent: if the first delivery died after storing and
 * before scoring, the CRM's retry completes it.
 */
import type { Conversion, ConversionKind } from '../../shared/domain/conversions.js';
import { NotFoundError } from './errors.js';
import type { TrackedLinkRepository } from './ports.js';
import type { ConversionRepository } from './scoring.ports.js';
import type { ScoringService } from './scoring.service.js';

/** The link code names no tracked link (HTTP 404 with the code in the message). */
export class UnknownLinkCodeError extends NotFoundError {
  constructor(readonly linkCode: string) {
    super(`unknown link code "${linkCode}": no tracked link has this code`, { code: 'UnknownLinkCode' });
    this.name = 'UnknownLinkCodeError';
  }
}

/** A validated webhook payload, amount already in minor units. */
export interface ConversionInput {
  kind: ConversionKind;
  externalId: string;
  occurredAt: string;
  linkCode: string;
  amountMinor?: number;
  currency?: string;
}

export interface ConversionService {
  record(input: ConversionInput, now: Date): Promise<{ duplicate: boolean; conversion: Conversion }>;
}

export function createConversionService(deps: {
  trackedLinks: Pick<TrackedLinkRepository, 'find'>;
  conversions: ConversionRepository;
  scoring: Pick<ScoringService, 'onConversionRecorded'>;
}): ConversionService {
  return {
    async record(input, now) {
      const link = await deps.trackedLinks.find(input.linkCode);
      if (!link) throw new UnknownLinkCodeError(input.linkCode);
      const candidate: Conversion = {
        externalId: input.externalId,
        tenantId: link.tenantId,
        kind: input.kind,
        ...(input.amountMinor !== undefined ? { amountMinor: input.amountMinor, currency: input.currency } : {}),
        linkCode: link.code,
        shareId: link.shareId,
        employeeId: link.employeeId,
        contentId: link.contentId,
        ...(link.campaignId ? { campaignId: link.campaignId } : {}),
        network: link.network,
        occurredAt: new Date(Date.parse(input.occurredAt)).toISOString(),
        receivedAt: now.toISOString(),
      };
      const { created, conversion } = await deps.conversions.record(candidate);
      await deps.scoring.onConversionRecorded(conversion);
      return { duplicate: !created, conversion };
    },
  };
}
