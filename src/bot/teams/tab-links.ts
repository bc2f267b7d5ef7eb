/**
 * Links from chat to a page of the tab: a Teams deep link to the app's static tab when the Teams
 * app id is known (`TEAMS_APP_ID`), else the tab's own URL (local runs, the Playground).
 */

/** The tab page `page` (a static tab's entity id, e.g. `leaderboard`). */
export function tabPageUrl(options: { publicBaseUrl: string; teamsAppId?: string }, page: string): string {
  if (options.teamsAppId) return `https://teams.microsoft.com/l/entity/${encodeURIComponent(options.teamsAppId)}/${encodeURIComponent(page)}`;
  return `${options.publicBaseUrl.replace(/\/+$/, '')}/tab/#/${encodeURIComponent(page)}`;
}
