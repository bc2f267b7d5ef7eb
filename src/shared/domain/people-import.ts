/**
 * People import (programme admin): the rules for one CSV row of employees, pure. A row is either
 * accepted whole or refused with every problem named, never half-applied; an accepted row is
 * merged into the stored person so that what the programme learnt (persona, audit, topics, policy
 * acknowledgement, prompt choices) survives a re-import, while what the directory owns (name,
 * email, team, manager, time zone, language, roles) is replaced.
 */
import { isValidTimeZone } from './time-zones.js';
import { ROLES, SUPPORTED_LANGUAGES, type Employee, type Language, type Role } from './types.js';

/** Columns of the import file, in the documented order. */
export const IMPORT_COLUMNS = ['id', 'name', 'email', 'team', 'manager', 'timeZone', 'language', 'roles'] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** Header spellings accepted for each column (compared lower-case, without spaces, `_` or `-`). */
const HEADER_ALIASES: Record<ImportColumn, readonly string[]> = {
  id: ['id', 'entraobjectid', 'objectid', 'aadobjectid', 'oid'],
  name: ['name', 'displayname', 'fullname'],
  email: ['email', 'mail', 'userprincipalname', 'upn'],
  team: ['team', 'department'],
  manager: ['manager', 'managerid', 'managerobjectid'],
  timeZone: ['timezone', 'tz'],
  language: ['language', 'lang', 'preferredlanguage'],
  roles: ['roles', 'role'],
};

/** Columns a file must have; the others may be left out. */
export const REQUIRED_COLUMNS: readonly ImportColumn[] = ['id', 'name', 'email'];

/** The column a header names, or `undefined` for an unknown header. */
export function columnOfHeader(header: string): ImportColumn | undefined {
  const key = header.trim().toLowerCase().replace(/[\s_-]/g, '');
  return IMPORT_COLUMNS.find((column) => HEADER_ALIASES[column].includes(key));
}

/** What is wrong with one cell of a row; the tab shows it as `people.import.problem.<problem>`. */
export type ImportProblem =
  | 'missing'
  | 'invalid-id'
  | 'invalid-email'
  | 'invalid-time-zone'
  | 'unsupported-language'
  | 'invalid-role'
  | 'too-long'
  | 'duplicate-id'
  | 'self-manager'
  | 'wrong-column-count'
  /** Valid, but storage refused the write (reported, the rest goes on). */
  | 'not-saved';

export interface RowIssue {
  /** 1-based line of the file (the header is line 1). */
  line: number;
  column: ImportColumn | 'row';
  problem: ImportProblem;
  /** The offending value, cut to 100 characters, for the report. */
  value?: string;
}

/**
 * What the directory owns of a person: the fields an import sets. An optional field left
 * `undefined` means the file has no such column (a directory sync without roles, say): the stored
 * value is kept. `managerId: null` means the column is there and empty: the manager is removed.
 */
export interface ImportedPerson {
  id: string;
  displayName: string;
  email: string;
  team?: string;
  managerId?: string | null;
  timeZone?: string;
  language?: Language;
  roles?: Role[];
}

/** Entra object ids are GUIDs; seeded and test ids are short slugs: both are `[A-Za-z0-9._-]`. */
const ID_PATTERN = /^[A-Za-z0-9._-]{1,128}$/;
/** Deliberately simple: one `@`, a dot in the domain, no spaces (directories hold odd but valid addresses). */
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_TEXT = 200;

/**
 * Validate one row (cells keyed by column; a column the file lacks is absent from `cells`).
 * Returns the person, or every problem found. Roles are separated by `;`, `,`, `|` or spaces;
 * `employee` is always added (everyone imported is enrolled). An empty time zone or language
 * leaves the stored one (or the enrolment default).
 */
export function validatePersonRow(
  line: number,
  cells: Partial<Record<ImportColumn, string>>,
): { ok: true; person: ImportedPerson } | { ok: false; issues: RowIssue[] } {
  const issues: RowIssue[] = [];
  const cell = (column: ImportColumn) => (cells[column] ?? '').trim();
  const present = (column: ImportColumn) => cells[column] !== undefined;
  const problem = (column: ImportColumn, kind: ImportProblem, value?: string) =>
    issues.push({ line, column, problem: kind, ...(value !== undefined ? { value: value.slice(0, 100) } : {}) });

  const id = cell('id');
  if (id === '') problem('id', 'missing');
  else if (!ID_PATTERN.test(id)) problem('id', 'invalid-id', id);

  const displayName = cell('name');
  if (displayName === '') problem('name', 'missing');
  else if (displayName.length > MAX_TEXT) problem('name', 'too-long', displayName);

  const email = cell('email');
  if (email === '') problem('email', 'missing');
  else if (email.length > MAX_TEXT || !EMAIL_PATTERN.test(email)) problem('email', 'invalid-email', email);

  const team = cell('team');
  if (team.length > MAX_TEXT) problem('team', 'too-long', team);

  const managerId = cell('manager');
  if (managerId !== '' && !ID_PATTERN.test(managerId)) problem('manager', 'invalid-id', managerId);
  else if (managerId !== '' && managerId === id) problem('manager', 'self-manager', managerId);

  const timeZone = cell('timeZone');
  if (timeZone !== '' && !isValidTimeZone(timeZone)) problem('timeZone', 'invalid-time-zone', timeZone);

  const languageCell = cell('language').toLowerCase();
  const language = languageCell === '' ? undefined : (languageCell.split(/[-_]/)[0] ?? '');
  if (language !== undefined && !(SUPPORTED_LANGUAGES as readonly string[]).includes(language)) problem('language', 'unsupported-language', cell('language'));

  const roleNames = cell('roles').toLowerCase().split(/[;,|\s]+/).filter((r) => r !== '');
  const unknownRole = roleNames.find((r) => !(ROLES as readonly string[]).includes(r));
  if (unknownRole !== undefined) problem('roles', 'invalid-role', unknownRole);

  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    person: {
      id,
      displayName,
      email,
      ...(present('team') ? { team } : {}),
      ...(present('manager') ? { managerId: managerId === '' ? null : managerId } : {}),
      ...(timeZone !== '' ? { timeZone } : {}),
      ...(language !== undefined ? { language: language as Language } : {}),
      ...(present('roles') ? { roles: ROLES.filter((r) => r === 'employee' || roleNames.includes(r)) } : {}),
    },
  };
}

/** Enrolment defaults for someone imported who is not stored yet. */
export interface ImportDefaults {
  workingDays: Employee['workingDays'];
  workingHours: Employee['workingHours'];
  weeklyPromptCap: number;
  timeZone: string;
  language: Language;
}

/**
 * The stored person after an import row: directory fields replaced (those the file has), programme
 * fields kept. A new person starts as an observer with the defaults. `leader` follows the
 * executive role.
 */
export function mergeImportedPerson(tenantId: string, existing: Employee | undefined, person: ImportedPerson, defaults: ImportDefaults, now: string): Employee {
  const base: Employee = existing ?? {
    id: person.id,
    tenantId,
    displayName: person.displayName,
    email: person.email,
    team: '',
    timeZone: defaults.timeZone,
    workingDays: [...defaults.workingDays],
    workingHours: { ...defaults.workingHours },
    language: defaults.language,
    roles: ['employee'],
    persona: 'observer',
    leader: false,
    personaHistory: [],
    topics: [],
    weeklyPromptCap: defaults.weeklyPromptCap,
    promptsPaused: false,
    joinedAt: now,
  };
  const { managerId: storedManager, ...rest } = base;
  const managerId = person.managerId === undefined ? storedManager : (person.managerId ?? undefined);
  const roles = person.roles ?? base.roles;
  return {
    ...rest,
    displayName: person.displayName,
    email: person.email,
    team: person.team ?? base.team,
    ...(managerId !== undefined ? { managerId } : {}),
    timeZone: person.timeZone ?? base.timeZone,
    language: person.language ?? base.language,
    roles,
    leader: roles.includes('executive'),
  };
}

/** True when the import would change nothing of `existing` (the row is reported as unchanged). */
export function isSamePerson(a: Employee, b: Employee): boolean {
  return JSON.stringify(normalise(a)) === JSON.stringify(normalise(b));
}

function normalise(e: Employee): Employee {
  return Object.fromEntries(Object.entries(e).sort(([x], [y]) => x.localeCompare(y))) as unknown as Employee;
}
