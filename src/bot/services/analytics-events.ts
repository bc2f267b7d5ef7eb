/**
 * The stored events as the metrics rules see them: clicks, shares and conversions from their
 * tables, sessions and engagement from the analytics events, each enriched with the person's team
 * and persona, the content's topics and the campaign (through the share of the link). The read
 * model and the tests that check it both start here, so both count the same events.
 */
import type { Conversion } from '../../shared/domain/conversions.js';
import type { MetricEvent } from '../../shared/domain/metrics.js';
import type { Click, ContentItem, Employee, Share } from '../../shared/domain/types.js';
import type { StoredAnalyticsEvent } from './analytics.ports.js';

/** Everything the events are built from. */
export interface AnalyticsSources {
  clicks: readonly Click[];
  shares: readonly Share[];
  conversions: readonly Conversion[];
  other: readonly StoredAnalyticsEvent[];
  employees: readonly Pick<Employee, 'id' | 'team' | 'persona'>[];
  content: readonly Pick<ContentItem, 'id' | 'topics'>[];
  /** Revenue counts only conversions in this currency (minor units); others count as conversions. */
  currency: string;
}

/** Metric events of the sources (revenue in minor units of `currency`). */
export function toMetricEvents(sources: AnalyticsSources): MetricEvent[] {
  const people = new Map(sources.employees.map((e) => [e.id, e] as const));
  const topics = new Map(sources.content.map((c) => [c.id, c.topics] as const));
  const campaignOfLink = new Map<string, string>();
  for (const share of sources.shares) if (share.campaignId !== undefined) campaignOfLink.set(share.linkCode, share.campaignId);
  const base = (employeeId: string, contentId: string | undefined): Partial<MetricEvent> => {
    const person = people.get(employeeId);
    const itemTopics = contentId === undefined ? undefined : topics.get(contentId);
    return {
      ...(person ? { team: person.team, persona: person.persona } : {}),
      ...(contentId !== undefined ? { contentId } : {}),
      ...(itemTopics && itemTopics.length > 0 ? { topics: [...itemTopics] } : {}),
    };
  };
  const events: MetricEvent[] = [];
  for (const click of sources.clicks) {
    const campaignId = campaignOfLink.get(click.code);
    events.push({ kind: 'click', at: click.at, employeeId: click.employeeId, ...base(click.employeeId, click.contentId), network: click.network, ...(campaignId ? { campaignId } : {}) });
  }
  for (const share of sources.shares) {
    events.push({ kind: 'share', at: share.sharedAt, employeeId: share.employeeId, ...base(share.employeeId, share.contentId), network: share.network, ...(share.campaignId ? { campaignId: share.campaignId } : {}) });
  }
  for (const conversion of sources.conversions) {
    const revenue = conversion.amountMinor !== undefined && conversion.currency === sources.currency ? conversion.amountMinor : undefined;
    events.push({
      kind: 'conversion',
      at: conversion.occurredAt,
      employeeId: conversion.employeeId,
      ...base(conversion.employeeId, conversion.contentId),
      network: conversion.network,
      ...(conversion.campaignId ? { campaignId: conversion.campaignId } : {}),
      ...(revenue !== undefined ? { revenue } : {}),
    });
  }
  for (const event of sources.other) {
    events.push({
      kind: event.kind,
      at: event.at,
      employeeId: event.employeeId,
      ...base(event.employeeId, event.contentId),
      ...(event.network ? { network: event.network } : {}),
      ...(event.count !== undefined ? { count: event.count } : {}),
    });
  }
  return events;
}
