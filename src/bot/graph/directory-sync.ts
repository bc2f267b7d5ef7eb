/** The people sync's source in Azure: the configured group, read with the managed identity's Graph token. */
import type { ImportColumn } from '../../shared/domain/people-import.js';
import { createGraphClient } from './graph-client.js';
import { listGroupPeople } from './graph-directory.js';
import { azureGraphToken } from './graph-token.js';

export function directorySync(baseUrl: string, groupId: string): () => AsyncIterable<Partial<Record<ImportColumn, string>>> {
  const graph = createGraphClient({ baseUrl, getToken: azureGraphToken() });
  return () => listGroupPeople(graph, groupId);
}
