/**
 * Social media policy versions (table `Policies`, one partition per tenant, one row per version
 * with its text in every language) and acknowledgements (table `PolicyAcknowledgements`, one
 * partition per person, one row per version acknowledged, with the time).
 */
import { odata, type TableClient } from '@azure/data-tables';
import { z } from 'zod';
import { SUPPORTED_LANGUAGES } from '../../shared/domain/types.js';
import type { PolicyAcknowledgementRecord, PolicyRepository, PolicyText, StoredPolicy } from '../services/sharing.ports.js';
import { ConflictError, guard } from './errors.js';
import { fromRow, toRow, validateDomain } from './entity-codec.js';
import { keys } from './keys.js';
import { listRows } from './table-ops.js';

const instant = z.string().min(1);
const policyText: z.ZodType<PolicyText, z.ZodTypeDef, unknown> = z.object({
  title: z.string().min(1),
  summary: z.string().min(1),
  body: z.string().min(1),
});
const version = z.number().int().min(1);

export const storedPolicySchema: z.ZodType<StoredPolicy, z.ZodTypeDef, unknown> = z.object({
  version,
  publishedAt: instant.optional(),
  texts: z
    .object(Object.fromEntries(SUPPORTED_LANGUAGES.map((l) => [l, policyText.optional()])))
    .extend({ en: policyText }) as unknown as z.ZodType<StoredPolicy['texts'], z.ZodTypeDef, unknown>,
  createdAt: instant,
});

export const policyAcknowledgementSchema: z.ZodType<PolicyAcknowledgementRecord, z.ZodTypeDef, unknown> = z.object({
  tenantId: z.string().min(1),
  employeeId: z.string().min(1),
  version,
  at: instant,
});

/** PolicyRepository on two tables: versions and acknowledgements. */
export class TablePolicyRepository implements PolicyRepository {
  constructor(
    private readonly policies: TableClient,
    private readonly acknowledgements: TableClient,
  ) {}

  async list(tenantId: string): Promise<StoredPolicy[]> {
    const pk = keys.policy.pk(tenantId);
    const label = `policies of ${tenantId}`;
    const rows = await listRows(this.policies, label, { filter: odata`PartitionKey eq ${pk}` });
    return rows.map((row) => fromRow(storedPolicySchema, row, label)).sort((a, b) => a.version - b.version);
  }

  async upsert(tenantId: string, policy: StoredPolicy): Promise<void> {
    const label = `policy ${tenantId}/v${policy.version}`;
    const valid = validateDomain(storedPolicySchema, policy, label);
    const row = toRow(keys.policy.pk(tenantId), keys.policy.rk(valid.version), { ...valid }, label);
    await guard(label, () => this.policies.upsertEntity(row, 'Replace'));
  }

  async recordAcknowledgement(ack: PolicyAcknowledgementRecord): Promise<void> {
    const label = `policy acknowledgement ${ack.tenantId}/${ack.employeeId}/v${ack.version}`;
    const valid = validateDomain(policyAcknowledgementSchema, ack, label);
    const row = toRow(keys.policyAcknowledgement.pk(valid.tenantId, valid.employeeId), keys.policyAcknowledgement.rk(valid.version), { ...valid }, label);
    try {
      await guard(label, () => this.acknowledgements.createEntity(row));
    } catch (err) {
      // Acknowledged before: the first time is the record that counts.
      if (!(err instanceof ConflictError)) throw err;
    }
  }

  async listAcknowledgements(tenantId: string, employeeId: string): Promise<PolicyAcknowledgementRecord[]> {
    const pk = keys.policyAcknowledgement.pk(tenantId, employeeId);
    const label = `policy acknowledgements of ${tenantId}/${employeeId}`;
    const rows = await listRows(this.acknowledgements, label, { filter: odata`PartitionKey eq ${pk}` });
    return rows.map((row) => fromRow(policyAcknowledgementSchema, row, label)).sort((a, b) => a.version - b.version);
  }
}
