import { describe, expect, it } from 'vitest';
import { allowedContentActions, effectiveContentStatus, transitionContent, type ContentAction } from '../../../src/shared/domain/content-lifecycle.js';
import type { ContentStatus, SuggestedText } from '../../../src/shared/domain/types.js';

const NOW = '2026-12-03T10:00:00.000Z';
const texts: SuggestedText[] = [{ network: 'linkedin', language: 'en', variants: ['Worth a read'] }];

describe('content lifecycle transitions', () => {
  const table: Array<[ContentStatus, ContentAction, ContentStatus | 'refused']> = [
    ['draft', 'approve', 'approved'],
    ['draft', 'publish', 'refused'],
    ['draft', 'expire', 'refused'],
    ['draft', 'reopen', 'refused'],
    ['approved', 'publish', 'published'],
    ['approved', 'reopen', 'draft'],
    ['approved', 'approve', 'refused'],
    ['approved', 'expire', 'refused'],
    ['published', 'expire', 'expired'],
    ['published', 'approve', 'refused'],
    ['published', 'reopen', 'refused'],
    ['expired', 'reopen', 'draft'],
    ['expired', 'publish', 'refused'],
  ];
  it.each(table)('%s + %s -> %s', (from, action, expected) => {
    const result = transitionContent({ status: from, suggestedTexts: texts }, action, NOW);
    if (expected === 'refused') expect(result).toEqual({ ok: false, reason: 'not-allowed' });
    else expect(result.ok && result.status).toBe(expected);
  });

  it('offers the actions of the table', () => {
    expect(allowedContentActions('draft')).toEqual(['approve']);
    expect(allowedContentActions('approved')).toEqual(['publish', 'reopen']);
    expect(allowedContentActions('published')).toEqual(['expire']);
    expect(allowedContentActions('expired')).toEqual(['reopen']);
  });
});

describe('publishing', () => {
  const cases: Array<[string, { publishAt?: string; expiresAt?: string; suggestedTexts?: SuggestedText[] }, string]> = [
    ['stamps now without a publish date', {}, `ok:${NOW}`],
    ['keeps a future publish date', { publishAt: '2026-12-10T00:00:00.000Z' }, 'ok:2026-12-10T00:00:00.000Z'],
    ['a past publish date becomes now', { publishAt: '2026-11-01T00:00:00.000Z' }, `ok:${NOW}`],
    ['refuses an expiry already passed', { expiresAt: '2026-12-01T00:00:00.000Z' }, 'expiry-passed'],
    ['refuses an expiry before the publish date', { publishAt: '2026-12-10T00:00:00.000Z', expiresAt: '2026-12-05T00:00:00.000Z' }, 'expiry-before-publish'],
    ['refuses without any suggested text', { suggestedTexts: [{ network: 'x', language: 'en', variants: ['  '] }] }, 'missing-suggested-text'],
  ];
  it.each(cases)('%s', (_name, item, expected) => {
    const result = transitionContent({ status: 'approved', suggestedTexts: texts, ...item }, 'publish', NOW);
    expect(result.ok ? `ok:${result.publishAt}` : result.reason).toBe(expected);
  });

  it('a published item past its expiry reads as expired', () => {
    expect(effectiveContentStatus({ status: 'published', expiresAt: '2026-12-01T00:00:00.000Z' }, NOW)).toBe('expired');
    expect(effectiveContentStatus({ status: 'published', expiresAt: '2026-12-31T00:00:00.000Z' }, NOW)).toBe('published');
    expect(effectiveContentStatus({ status: 'approved', expiresAt: '2026-12-01T00:00:00.000Z' }, NOW)).toBe('approved');
  });
});
