/**
 * Share prompts. The prompt row lives in its own partition (`pk` = escaped code), so the public
 * `/s/<code>/<network>` door is one point read that scales with the number of prompts. A second,
 * small index row per (person, content, campaign) under `i|tenant|employee` claims the slot with
 * an insert: two concurrent "prepare" calls create one prompt, and the weekly cap counts a
 * person's prompts with one partition read.
 *
 * Write order: index first (the claim), then the prompt. A crash in between leaves an index row
 * whose prompt is missing; the next `createOnce` for the slot finds it and writes the prompt.
 */
import { odata, type TableClient } from '@azure/data-tables';
import { z } from 'zod';
import { NETWORKS } from '../../shared/domain/types.js';
import type { Versioned } from '../services/ports.js';
import { SKIP_REASONS, type PromptIndexEntry, type PromptRepository, type SharePrompt } from '../services/sharing.ports.js';
import { ConflictError, guard } from './errors.js';
import { fromRow, toRow, validateDomain } from './entity-codec.js';
import { decodeKeyPart, keys } from './keys.js';
import { listRows, readRow, requireEtag } from './table-ops.js';

const id = z.string().min(1);
const instant = z.string().min(1);
const network = z.enum(NETWORKS);

export const sharePromptSchema: z.ZodType<SharePrompt, z.ZodTypeDef, unknown> = z.object({
  code: id,
  tenantId: id,
  employeeId: id,
  contentId: id,
  campaignId: z.string().min(1).optional(),
  linkCodes: z.object({ linkedin: id, x: id, facebook: id }),
  texts: z.record(network, z.string()),
  response: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('skipped'), reason: z.enum(SKIP_REASONS).optional(), at: instant }),
      z.object({ kind: z.literal('snoozed'), at: instant, until: instant }),
    ])
    .optional(),
  reofferedAt: instant.optional(),
  createdAt: instant,
  updatedAt: instant,
});

export const promptIndexSchema: z.ZodType<PromptIndexEntry, z.ZodTypeDef, unknown> = z.object({
  code: id,
  contentId: id,
  campaignId: z.string().min(1).optional(),
  createdAt: instant,
});

const what = (code: string) => `share prompt ${code}`;

/** PromptRepository on Azure Table Storage. */
export class TablePromptRepository implements PromptRepository {
  constructor(private readonly table: TableClient) {}

  async find(code: string): Promise<Versioned<SharePrompt> | undefined> {
    const row = await readRow(this.table, keys.prompt.pk(code), keys.prompt.rk(), what(code));
    return row && { value: fromRow(sharePromptSchema, row, what(code)), etag: String(row.etag) };
  }

  async createOnce(prompt: SharePrompt): Promise<{ prompt: Versioned<SharePrompt>; created: boolean }> {
    const valid = validateDomain(sharePromptSchema, prompt, what(prompt.code));
    const indexEntry: PromptIndexEntry = {
      code: valid.code,
      contentId: valid.contentId,
      ...(valid.campaignId !== undefined ? { campaignId: valid.campaignId } : {}),
      createdAt: valid.createdAt,
    };
    const pk = keys.prompt.indexPk(valid.tenantId, valid.employeeId);
    const rk = keys.prompt.indexRk(valid.contentId, valid.campaignId);
    const slot = `prompt slot ${valid.tenantId}/${valid.employeeId}/${valid.contentId}`;
    let code = valid.code;
    try {
      await guard(slot, () => this.table.createEntity(toRow(pk, rk, { ...indexEntry }, slot)));
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err;
      const row = await readRow(this.table, pk, rk, slot);
      if (!row) throw err;
      code = fromRow(promptIndexSchema, row, slot).code;
    }
    const claimed = code === valid.code ? valid : { ...valid, code };
    try {
      const row = toRow(keys.prompt.pk(claimed.code), keys.prompt.rk(), { ...claimed }, what(claimed.code));
      const res = await guard(what(claimed.code), () => this.table.createEntity(row));
      return { prompt: { value: claimed, etag: res.etag ?? '' }, created: code === valid.code };
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err;
      const existing = await this.find(claimed.code);
      if (!existing) throw err;
      return { prompt: existing, created: false };
    }
  }

  async update(prompt: SharePrompt, etag: string): Promise<Versioned<SharePrompt>> {
    const valid = validateDomain(sharePromptSchema, prompt, what(prompt.code));
    const row = toRow(keys.prompt.pk(valid.code), keys.prompt.rk(), { ...valid }, what(valid.code));
    const res = await guard(what(valid.code), () => this.table.updateEntity(row, 'Replace', { etag: requireEtag(etag) }));
    return { value: valid, etag: res.etag ?? '' };
  }

  async listByEmployee(tenantId: string, employeeId: string): Promise<PromptIndexEntry[]> {
    const pk = keys.prompt.indexPk(tenantId, employeeId);
    const label = `prompts of ${tenantId}/${employeeId}`;
    const rows = await listRows(this.table, label, { filter: odata`PartitionKey eq ${pk}` });
    return rows.map((row) => fromRow(promptIndexSchema, row, label));
  }

  async listCreatedBetween(tenantId: string, from: string, to: string): Promise<(PromptIndexEntry & { employeeId: string })[]> {
    const prefix = keys.prompt.indexTenantPrefix(tenantId);
    // '|' + 1 = '}': every partition key that starts with the prefix sorts below prefix-without-'|' + '}'.
    const end = `${prefix.slice(0, -1)}}`;
    const label = `prompts of ${tenantId} created ${from}..${to}`;
    const rows = await listRows(this.table, label, {
      filter: odata`PartitionKey ge ${prefix} and PartitionKey lt ${end} and createdAt ge ${from} and createdAt lt ${to}`,
    });
    return rows.map((row) => ({ ...fromRow(promptIndexSchema, row, label), employeeId: decodeKeyPart(String(row.partitionKey).slice(prefix.length)) }));
  }
}
