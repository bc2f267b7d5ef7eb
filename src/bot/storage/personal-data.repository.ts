/**
 * Erasure of one person's data across the tables that hold it (`PersonalDataEraser`): one place
 * that knows every key layout a person's rows live under (`keys.ts`). Rows are deleted, except
 * what aggregates need: the share row by content item, the tracked link and its click rows stay,
 * with the person's id replaced by `ERASED_PERSON_ID` (and the share's own words emptied), so
 * links keep redirecting and click and share totals per item do not move. The employee record
 * goes last (`removeRecord`, after the traces elsewhere are rewritten), so a run cut short can be
 * run again.
 */
import type { TableClient } from '@azure/data-tables';
import { odata } from '@azure/data-tables';
import { isoWeekKey } from '../../shared/domain/contest-snapshots.js';
import { ERASED_PERSON_ID, type ErasureCounts } from '../../shared/domain/data-requests.js';
import type { ErasedLink, PersonalDataEraser } from '../services/data-requests.ports.js';
import { decodeColumns } from './entity-codec.js';
import { guard, translateError } from './errors.js';
import { composeKey, encodeKeyPart, keys, KEY_SEPARATOR } from './keys.js';
import { listPartition, readRow } from './table-ops.js';
import { mapLimit } from '../util/map-limit.js';

/** The tables a person's data lives in. */
export interface PersonalDataTables {
  employees: TableClient;
  conversationReferences: TableClient;
  contentResponses: TableClient;
  shares: TableClient;
  trackedLinks: TableClient;
  clicks: TableClient;
  prompts: TableClient;
  policyAcknowledgements: TableClient;
  goals: TableClient;
  trainingProgress: TableClient;
  suggestions: TableClient;
  tallies: TableClient;
  wins: TableClient;
  scores: TableClient;
  contests: TableClient;
}

type Row = Record<string, unknown>;
const CONCURRENCY = 8;

async function remove(client: TableClient, pk: string, rk: string, what: string): Promise<number> {
  try {
    await client.deleteEntity(pk, rk);
    return 1;
  } catch (err) {
    const typed = translateError(err, what);
    if (typed.statusCode === 404) return 0;
    throw typed;
  }
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

const removeRows = async (client: TableClient, rows: readonly Row[], what: string): Promise<number> =>
  sum(await mapLimit(rows, CONCURRENCY, (row) => remove(client, String(row.partitionKey), String(row.rowKey), what)));

/** Set columns of a row in place (Merge): other columns stay. */
const merge = (client: TableClient, pk: string, rk: string, fields: Record<string, string>, what: string) =>
  guard(what, () => client.updateEntity({ partitionKey: pk, rowKey: rk, ...fields }, 'Merge'));

/** PersonalDataEraser on Azure Table Storage. */
export class TablePersonalDataEraser implements PersonalDataEraser {
  constructor(private readonly t: PersonalDataTables) {}

  async erase(tenantId: string, employeeId: string): Promise<{ counts: ErasureCounts; links: ErasedLink[] }> {
    const t = this.t;
    const who = `${tenantId}/${employeeId}`;
    const counts: ErasureCounts = { employee: 0, conversationReference: 0, prompts: 0, responses: 0, shares: 0, goals: 0, trainingProgress: 0, suggestions: 0, policyAcknowledgements: 0, wins: 0, scores: 0, topicRoles: 0, linksAnonymised: 0, clicksAnonymised: 0 };

    // Share prompts (and the link codes fixed on them), then shares: the links they lead to.
    const linkCodes = new Set<string>();
    const indexRows = await listPartition(t.prompts, keys.prompt.indexPk(tenantId, employeeId), `prompt index of ${who}`);
    const promptCodes = [...new Set(indexRows.map((r) => String(r.code ?? '')).filter(Boolean))];
    // (Counts are summed from the results: `counts.x += await ...` in parallel would lose updates.)
    counts.prompts = sum(await mapLimit(promptCodes, CONCURRENCY, async (code) => {
      const row = await readRow(t.prompts, keys.prompt.pk(code), keys.prompt.rk(), `prompt ${code}`);
      if (!row || row.employeeId !== employeeId) return 0;
      const codes = (decodeColumns(row, `prompt ${code}`).linkCodes ?? {}) as Record<string, string>;
      for (const linkCode of Object.values(codes)) linkCodes.add(linkCode);
      return remove(t.prompts, keys.prompt.pk(code), keys.prompt.rk(), `prompt ${code}`);
    }));
    await removeRows(t.prompts, indexRows, `prompt index of ${who}`);

    const shares = await listPartition(t.shares, keys.share.byEmployeePk(tenantId, employeeId), `shares of ${who}`);
    counts.shares = sum(await mapLimit(shares, CONCURRENCY, async (row) => {
      linkCodes.add(String(row.linkCode));
      // The row by content item stays for the item's share count, naming no one and without the person's words.
      try {
        await merge(t.shares, keys.share.byContentPk(tenantId, String(row.contentId)), String(row.rowKey), { employeeId: ERASED_PERSON_ID, text: '' }, `share ${String(row.id)}`);
      } catch (err) {
        if ((err as { statusCode?: number }).statusCode !== 404) throw err;
      }
      return remove(t.shares, String(row.partitionKey), String(row.rowKey), `share ${String(row.id)}`);
    }));

    // Tracked links keep redirecting; they and their clicks now point at no one.
    const found = await mapLimit([...linkCodes], CONCURRENCY, async (code) => {
      const link = await readRow(t.trackedLinks, keys.trackedLink.pk(code), keys.trackedLink.rk(), `link ${code}`);
      if (!link || link.tenantId !== tenantId || (link.employeeId !== employeeId && link.employeeId !== ERASED_PERSON_ID)) return undefined;
      const anonymised = link.employeeId === employeeId ? 1 : 0;
      if (anonymised) await merge(t.trackedLinks, keys.trackedLink.pk(code), keys.trackedLink.rk(), { employeeId: ERASED_PERSON_ID }, `link ${code}`);
      const clicks = await listPartition(t.clicks, keys.click.pk(code), `clicks of ${code}`);
      const mine = clicks.filter((c) => c.employeeId === employeeId);
      await mapLimit(mine, CONCURRENCY, (c) => merge(t.clicks, String(c.partitionKey), String(c.rowKey), { employeeId: ERASED_PERSON_ID }, `click of ${code}`));
      return { link: { code, contentId: String(link.contentId), clicks: clicks.length }, anonymised, clicksAnonymised: mine.length };
    });
    const kept = found.filter((f) => f !== undefined);
    counts.linksAnonymised = sum(kept.map((f) => f.anonymised));
    counts.clicksAnonymised = sum(kept.map((f) => f.clicksAnonymised));
    const links: ErasedLink[] = kept.map((f) => f.link);

    // Wins: the person's rows and their copies in the weekly feed.
    const wins = await listPartition(t.wins, keys.win.byEmployeePk(tenantId, employeeId), `wins of ${who}`);
    await mapLimit(wins, CONCURRENCY, (row) => remove(t.wins, keys.win.byWeekPk(tenantId, isoWeekKey(String(row.at))), String(row.rowKey), `win feed of ${who}`));
    counts.wins = await removeRows(t.wins, wins, `wins of ${who}`);

    // Tallies: ledger, totals, weeks and contest scores of the person (their bucket is shared with others).
    const ledger = `l${KEY_SEPARATOR}${composeKey('ledger row', employeeId)}${KEY_SEPARATOR}`;
    const week = `w${KEY_SEPARATOR}${composeKey('week row', employeeId)}${KEY_SEPARATOR}`;
    const totals = keys.tally.totalsRk(employeeId);
    const scoreSuffix = `${KEY_SEPARATOR}${encodeKeyPart(employeeId)}`;
    const tallies = (await listPartition(t.tallies, keys.tally.pk(tenantId, employeeId), `tallies of ${who}`)).filter((r) => {
      const rk = String(r.rowKey);
      return rk === totals || rk.startsWith(ledger) || rk.startsWith(week) || (rk.startsWith(`c${KEY_SEPARATOR}`) && rk.endsWith(scoreSuffix) && r.employeeId === employeeId);
    });
    counts.scores += await removeRows(t.tallies, tallies, `tallies of ${who}`);
    const contests = await listPartition(t.contests, keys.contest.pk(tenantId), `contests of ${tenantId}`, { select: ['id'] });
    counts.scores += sum(await mapLimit(contests, CONCURRENCY, (c) => remove(t.scores, keys.score.pk(String(c.id), employeeId), keys.score.rk(employeeId), `score of ${who}`)));

    // Rows under the person's own partitions or found by a column.
    const all = (client: TableClient, pk: string, what: string, where?: string) => listPartition(client, pk, what, where === undefined ? {} : { where });
    counts.responses = await removeRows(t.contentResponses, await all(t.contentResponses, keys.contentResponse.pk(tenantId, employeeId), `answers of ${who}`), `answers of ${who}`);
    counts.goals = await removeRows(t.goals, await all(t.goals, keys.goal.pk(tenantId, employeeId), `goals of ${who}`), `goals of ${who}`);
    counts.policyAcknowledgements = await removeRows(t.policyAcknowledgements, await all(t.policyAcknowledgements, keys.policyAcknowledgement.pk(tenantId, employeeId), `acknowledgements of ${who}`), `acknowledgements of ${who}`);
    counts.trainingProgress = await removeRows(t.trainingProgress, await all(t.trainingProgress, keys.trainingProgress.pk(tenantId), `training of ${who}`, odata`employeeId eq ${employeeId}`), `training of ${who}`);
    counts.suggestions = await removeRows(t.suggestions, await all(t.suggestions, keys.suggestion.pk(tenantId), `suggestions of ${who}`, odata`suggestedBy eq ${employeeId}`), `suggestions of ${who}`);
    counts.conversationReference = await remove(t.conversationReferences, keys.conversationReference.pk(tenantId), keys.conversationReference.rk(employeeId), `conversation of ${who}`);
    return { counts, links: links.sort((a, b) => a.code.localeCompare(b.code)) };
  }

  async removeRecord(tenantId: string, employeeId: string): Promise<number> {
    return remove(this.t.employees, keys.employee.pk(tenantId), keys.employee.rk(employeeId), `employee ${tenantId}/${employeeId}`);
  }
}
