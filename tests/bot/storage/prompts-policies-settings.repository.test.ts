/** Share prompts, policies with acknowledgements, and programme settings on Azurite. */
import { TableClient } from '@azure/data-tables';
import { beforeAll, describe, expect, it, inject } from 'vitest';
import type { SharePrompt, StoredPolicy } from '../../../src/bot/services/sharing.ports.js';
import { ConflictError, ValidationError } from '../../../src/bot/storage/errors.js';
import { createTableRepositories, type TableRepositories } from '../../../src/bot/storage/index.js';
import { keys, tableName } from '../../../src/bot/storage/keys.js';
import { uniqueTablePrefix } from '../../support/azurite.js';

let repos: TableRepositories;
let prefix: string;
beforeAll(async () => {
  prefix = uniqueTablePrefix('pps');
  repos = await createTableRepositories({ connectionString: inject('azuriteConnectionString'), tablePrefix: prefix });
  await repos.ensure();
});

const aPrompt = (overrides: Partial<SharePrompt> = {}): SharePrompt => ({
  code: 'Prompt000001',
  tenantId: 't1',
  employeeId: 'e1',
  contentId: 'c1',
  linkCodes: { linkedin: 'LinkLi000001', x: 'LinkX0000001', facebook: 'LinkFb000001' },
  texts: {},
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
  ...overrides,
});

describe('TablePromptRepository', () => {
  it('creates one prompt per (person, item, campaign): a second create returns the first', async () => {
    const first = await repos.prompts.createOnce(aPrompt());
    expect(first.created).toBe(true);
    const second = await repos.prompts.createOnce(aPrompt({ code: 'Prompt000002', linkCodes: { linkedin: 'a', x: 'b', facebook: 'c' } }));
    expect(second).toMatchObject({ created: false, prompt: { value: { code: 'Prompt000001', linkCodes: { linkedin: 'LinkLi000001' } } } });
    expect((await repos.prompts.find('Prompt000002'))).toBeUndefined();
    const other = await repos.prompts.createOnce(aPrompt({ code: 'Prompt000003', campaignId: 'q4' }));
    expect(other.created).toBe(true);
    expect((await repos.prompts.listByEmployee('t1', 'e1')).map((p) => p.code).sort()).toEqual(['Prompt000001', 'Prompt000003']);
    expect(await repos.prompts.listByEmployee('t1', 'e2')).toEqual([]);
  });

  it('writes the prompt when a crash left its slot claimed without it', async () => {
    const raw = TableClient.fromConnectionString(inject('azuriteConnectionString'), tableName(prefix, 'prompts'), { allowInsecureConnection: true });
    await raw.createEntity({
      partitionKey: keys.prompt.indexPk('t1', 'e9'),
      rowKey: keys.prompt.indexRk('c9', undefined),
      code: 'Orphan000001',
      contentId: 'c9',
      createdAt: '2026-12-01T00:00:00.000Z',
    });
    const result = await repos.prompts.createOnce(aPrompt({ code: 'Fresh0000001', employeeId: 'e9', contentId: 'c9' }));
    expect(result).toMatchObject({ created: false, prompt: { value: { code: 'Orphan000001', employeeId: 'e9', contentId: 'c9' } } });
    expect((await repos.prompts.find('Orphan000001'))?.value.linkCodes.linkedin).toBe('LinkLi000001');
  });

  it('updates under an ETag and refuses a stale one', async () => {
    const { prompt } = await repos.prompts.createOnce(aPrompt({ code: 'Prompt000010', contentId: 'c10' }));
    const updated = await repos.prompts.update(
      { ...prompt.value, texts: { x: 'mine' }, response: { kind: 'snoozed', at: '2026-12-01T01:00:00.000Z', until: '2026-12-02T00:00:00.000Z' } },
      prompt.etag,
    );
    expect((await repos.prompts.find('Prompt000010'))?.value).toEqual(updated.value);
    await expect(repos.prompts.update({ ...prompt.value, texts: {} }, prompt.etag)).rejects.toBeInstanceOf(ConflictError);
    await expect(repos.prompts.update(prompt.value, '*')).rejects.toBeInstanceOf(ValidationError);
  });
});

const policy = (version: number): StoredPolicy => ({
  version,
  publishedAt: '2026-12-01T00:00:00.000Z',
  createdAt: '2026-12-01T00:00:00.000Z',
  texts: { en: { title: 'T', summary: 'S', body: '# B' }, ja: { title: 'タ', summary: 'サ', body: '# ボ' } },
});

describe('TablePolicyRepository', () => {
  it('lists versions in numeric order with their texts, per tenant', async () => {
    await repos.policies.upsert('t1', policy(10));
    await repos.policies.upsert('t1', policy(2));
    expect((await repos.policies.list('t1')).map((p) => p.version)).toEqual([2, 10]);
    expect((await repos.policies.list('t1'))[0]).toEqual(policy(2));
    expect(await repos.policies.list('t2')).toEqual([]);
  });

  it('refuses a version without English text or with a bad number', async () => {
    const { en: _en, ...noEnglish } = policy(3).texts;
    await expect(repos.policies.upsert('t1', { ...policy(3), texts: noEnglish as StoredPolicy['texts'] })).rejects.toBeInstanceOf(ValidationError);
    await expect(repos.policies.upsert('t1', policy(0))).rejects.toBeInstanceOf(ValidationError);
  });

  it('keeps the first acknowledgement of a version', async () => {
    await repos.policies.recordAcknowledgement({ tenantId: 't1', employeeId: 'e1', version: 2, at: '2026-12-01T01:00:00.000Z' });
    await repos.policies.recordAcknowledgement({ tenantId: 't1', employeeId: 'e1', version: 2, at: '2026-12-01T02:00:00.000Z' });
    await repos.policies.recordAcknowledgement({ tenantId: 't1', employeeId: 'e1', version: 1, at: '2026-11-01T00:00:00.000Z' });
    expect(await repos.policies.listAcknowledgements('t1', 'e1')).toEqual([
      { tenantId: 't1', employeeId: 'e1', version: 1, at: '2026-11-01T00:00:00.000Z' },
      { tenantId: 't1', employeeId: 'e1', version: 2, at: '2026-12-01T01:00:00.000Z' },
    ]);
  });
});

describe('TableSettingsRepository', () => {
  it('has no settings until saved, then reads them back', async () => {
    expect(await repos.settings.find('t1')).toBeUndefined();
    await repos.settings.upsert('t1', { disclosureEnabled: false, companyName: 'Fabrikam', networks: ['x'] });
    expect(await repos.settings.find('t1')).toEqual({ disclosureEnabled: false, companyName: 'Fabrikam', networks: ['x'] });
    await expect(repos.settings.upsert('t1', { disclosureEnabled: true, companyName: '', networks: [] })).rejects.toBeInstanceOf(ValidationError);
  });
});
