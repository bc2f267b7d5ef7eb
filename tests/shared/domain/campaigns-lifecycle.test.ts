import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CAMPAIGN_STATES, type Campaign } from '../../../src/shared/domain/campaigns.js';
import { allowedCampaignChanges, applyCampaignEdit, CAMPAIGN_CHANGES, checkCampaignChange, duplicateWindow } from '../../../src/shared/domain/campaigns-lifecycle.js';

const campaign: Campaign = {
  id: 'c1', tenantId: 't', kind: 'share', subjectId: 'item-1',
  audience: { personas: [], teams: ['Sales'], topicIds: [], languages: [], employeeIds: [] },
  window: { start: '2026-12-07T00:00:00.000Z', end: '2026-12-09T00:00:00.000Z' },
  slotMinutes: 30, state: 'draft', createdBy: 'admin-1', createdAt: '2026-12-03T09:00:00.000Z', seed: 7,
};

describe('checkCampaignChange', () => {
  it.each([
    ['draft', 'edit', undefined], ['draft', 'delete', undefined], ['draft', 'launch', undefined], ['draft', 'cancel', undefined], ['draft', 'pause', 'wrong-state'],
    ['running', 'edit', 'launched'], ['running', 'delete', 'launched'], ['running', 'launch', 'launched'], ['running', 'pause', undefined], ['running', 'resume', 'wrong-state'],
    ['paused', 'edit', 'launched'], ['paused', 'delete', 'launched'], ['paused', 'resume', undefined], ['paused', 'cancel', undefined],
    ['cancelled', 'edit', 'finished'], ['cancelled', 'delete', 'finished'], ['cancelled', 'cancel', 'finished'], ['cancelled', 'duplicate', undefined],
    ['completed', 'delete', 'finished'], ['completed', 'duplicate', undefined],
  ] as const)('%s campaign, %s -> %s', (state, change, refusal) => {
    expect(checkCampaignChange({ state }, change)).toBe(refusal);
  });

  it('locks a draft whose launch has begun (edit and delete refused, launch retry and cancel allowed)', () => {
    const launching = { state: 'draft' as const, launchingAt: '2026-12-03T10:00:00.000Z' };
    expect(checkCampaignChange(launching, 'edit')).toBe('launching');
    expect(checkCampaignChange(launching, 'delete')).toBe('launching');
    expect(checkCampaignChange(launching, 'launch')).toBeUndefined();
    expect(checkCampaignChange(launching, 'cancel')).toBeUndefined();
  });

  it('only drafts are ever edited or deleted, and any campaign can be duplicated (every state x change)', () => {
    fc.assert(fc.property(fc.constantFrom(...CAMPAIGN_STATES), fc.boolean(), fc.constantFrom(...CAMPAIGN_CHANGES), (state, launching, change) => {
      const c = { state, ...(launching ? { launchingAt: 'x' } : {}) };
      const refusal = checkCampaignChange(c, change);
      expect(refusal === undefined).toBe(allowedCampaignChanges(c).includes(change));
      if ((change === 'edit' || change === 'delete') && refusal === undefined) expect([state, launching]).toEqual(['draft', false]);
      if (change === 'duplicate') expect(refusal).toBeUndefined();
    }));
  });
});

describe('applyCampaignEdit', () => {
  it('changes the edited fields only', () => {
    const edited = applyCampaignEdit(campaign, { subjectId: 'item-2', audience: { ...campaign.audience, teams: [] }, window: { start: '2026-12-08T00:00:00.000Z', end: '2026-12-10T00:00:00.000Z' }, slotMinutes: 60 });
    expect(edited).toEqual({ ...campaign, subjectId: 'item-2', audience: { ...campaign.audience, teams: [] }, window: { start: '2026-12-08T00:00:00.000Z', end: '2026-12-10T00:00:00.000Z' }, slotMinutes: 60 });
  });
});

describe('duplicateWindow', () => {
  it('keeps a window that has not started', () => {
    expect(duplicateWindow(campaign.window, new Date('2026-12-03T09:15:00Z'))).toEqual(campaign.window);
  });
  it('moves a started or past window to the next whole hour, same length', () => {
    expect(duplicateWindow(campaign.window, new Date('2026-12-20T09:15:00Z'))).toEqual({ start: '2026-12-20T10:00:00.000Z', end: '2026-12-22T10:00:00.000Z' });
    expect(duplicateWindow(campaign.window, new Date('2026-12-08T00:00:00Z'))).toEqual({ start: '2026-12-08T01:00:00.000Z', end: '2026-12-10T01:00:00.000Z' });
  });
});
