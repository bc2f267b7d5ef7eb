/**
 * A data request's part in the topics (the `removePerson` of the topics service): the person's
 * self-proposals go, and they stop owning influencer-map entries; an entry nobody else owns goes
 * with them (an entry belongs to the employees who hold the relationship).
 */
import type { TopicHubStores } from './topics.ports.js';

/** Remove the person's proposals and map ownerships; the number of rows changed. */
export async function removePersonFromTopics(stores: Pick<TopicHubStores, 'proposals' | 'influencers'>, tenantId: string, employeeId: string, now: () => string): Promise<number> {
  const [proposals, entries] = await Promise.all([stores.proposals.list(tenantId), stores.influencers.list(tenantId)]);
  let changed = 0;
  for (const p of proposals.filter((x) => x.employeeId === employeeId)) {
    await stores.proposals.remove(tenantId, p.id);
    changed += 1;
  }
  for (const e of entries.filter((x) => x.ownerIds.includes(employeeId))) {
    const current = await stores.influencers.get(tenantId, e.id);
    const ownerIds = current.value.ownerIds.filter((id) => id !== employeeId);
    if (ownerIds.length === 0) await stores.influencers.remove(tenantId, e.id, current.etag);
    else await stores.influencers.update(tenantId, { ...current.value, ownerIds, updatedAt: now() }, current.etag);
    changed += 1;
  }
  return changed;
}
