/**
 * Links from chat to a page of the tab: a Teams deep link to the app's static tab when the Teams
 * app id is known (`TEAMS_APP_ID`), else the tab's own URL (local runs, the Playground). The one
 * place such links are made (board, leaderboard, a topic hub).
 */

/** Where a deep link lands inside the page: Teams' sub-entity id, and the same place as a hash path. */
export interface TabPageTarget {
  subEntityId: string;
  /** Path after `#/<page>/` (already encoded). */
  path: string;
}

/** The tab page `page` (a static tab's entity id, e.g. `leaderboard`), optionally at `target`. */
export function tabPageUrl(options: { publicBaseUrl: string; teamsAppId?: string }, page: string, target?: TabPageTarget): string {
  if (options.teamsAppId) {
    const context = target ? `?context=${encodeURIComponent(JSON.stringify({ subEntityId: target.subEntityId }))}` : '';
    return `https://teams.microsoft.com/l/entity/${encodeURIComponent(options.teamsAppId)}/${encodeURIComponent(page)}${context}`;
  }
  return `${options.publicBaseUrl.replace(/\/+$/, '')}/tab/#/${encodeURIComponent(page)}${target ? `/${target.path}` : ''}`;
}
