/**
 * Directory sync from Microsoft Graph: the members of the programme's Entra group (nested groups
 * included) as import rows for the people import, so a sync goes through exactly the same
 * validation and writes as a CSV file. Application permissions: `GroupMember.Read.All` and
 * `User.Read.All`. Disabled accounts are left out. The rows carry no roles, manager or time zone
 * columns, so those stay as the programme set them.
 */
import type { ImportColumn } from '../../shared/domain/people-import.js';
import { SUPPORTED_LANGUAGES } from '../../shared/domain/types.js';
import type { GraphClient } from './graph-client.js';

/** The user properties read (`$select`). */
export const DIRECTORY_SELECT = ['id', 'displayName', 'mail', 'userPrincipalName', 'department', 'preferredLanguage', 'accountEnabled'] as const;

interface GraphUser {
  id?: string;
  displayName?: string | null;
  mail?: string | null;
  userPrincipalName?: string | null;
  department?: string | null;
  preferredLanguage?: string | null;
  accountEnabled?: boolean | null;
}

/** The import cells of every enabled user in `groupId` (transitively). */
export async function* listGroupPeople(graph: GraphClient, groupId: string): AsyncIterable<Partial<Record<ImportColumn, string>>> {
  const path = `/groups/${encodeURIComponent(groupId)}/transitiveMembers/microsoft.graph.user?$select=${DIRECTORY_SELECT.join(',')}&$top=999&$count=true`;
  // The OData cast with $count is an advanced query: Graph requires ConsistencyLevel: eventual.
  for await (const user of graph.pages<GraphUser>(path, { consistencylevel: 'eventual' })) {
    if (user.accountEnabled === false) continue;
    yield {
      id: user.id ?? '',
      name: user.displayName ?? '',
      email: user.mail ?? user.userPrincipalName ?? '',
      team: user.department ?? '',
      // A language the app has no catalog for is left empty (the stored or default one is kept), not refused.
      language: supported(user.preferredLanguage) ? (user.preferredLanguage ?? '') : '',
    };
  }
}

function supported(locale: string | null | undefined): boolean {
  const primary = (locale ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  return (SUPPORTED_LANGUAGES as readonly string[]).includes(primary);
}
