/**
 * The contest editor of Admin > Contests: name, window (local date and time in the form, ISO
 * instants in the API), points per event, prizes (rank and label), excluded roles, excluded
 * people (a people picker over the admin people list) and the weekly update channel (a team
 * channel the bot is installed in, or none). The domain's `validateContest` runs as the admin
 * types, so a wrong window or weights are named before anything is sent.
 */
import {
  Button, Checkbox, Dropdown, Field, Input, Option, SpinButton, Tag, TagPicker, TagPickerControl, TagPickerGroup, TagPickerInput, TagPickerList, TagPickerOption, Text,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminPerson } from '../../shared/contracts/admin.js';
import type { AdminContest, ContestInput, TeamChannel } from '../../shared/contracts/contests.js';
import { CONTEST_LIMITS, DEFAULT_CONTEST_DAYS, DEFAULT_CONTEST_PRIZES, DEFAULT_CONTEST_WEIGHTS, DEFAULT_EXCLUDED_ROLES, DAY_MS, validateContest } from '../../shared/domain/contests.js';
import { ROLES } from '../../shared/domain/types.js';
import { useAdminStyles } from './admin-ui.js';

const NO_CHANNEL = '';
const NO_MATCH = '\u0000none';
const WEIGHTS = ['uniqueClick', 'share', 'conversion'] as const;

/** `YYYY-MM-DDTHH:mm` in the browser's time zone (what a datetime-local input shows). */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** The instant a datetime-local value means in the browser's time zone ('' when incomplete). */
export function fromLocalInput(value: string): string {
  const d = new Date(value);
  return value && !Number.isNaN(d.getTime()) ? d.toISOString() : '';
}

/** A new contest as the form starts it: the seed-003 defaults from today's local midnight. */
export function newContestInput(now: Date): ContestInput {
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  return {
    name: '',
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + DEFAULT_CONTEST_DAYS * DAY_MS).toISOString(),
    weights: { ...DEFAULT_CONTEST_WEIGHTS },
    prizes: DEFAULT_CONTEST_PRIZES.map((p) => ({ ...p })),
    excludedRoles: [...DEFAULT_EXCLUDED_ROLES],
    excludedEmployeeIds: [],
    updateChannelId: null,
  };
}

/** The form's input for an existing contest. */
export function contestToInput(c: AdminContest): ContestInput {
  return { name: c.name, startsAt: c.startsAt, endsAt: c.endsAt, weights: { ...c.weights }, prizes: c.prizes.map((p) => ({ ...p })), excludedRoles: [...c.excludedRoles], excludedEmployeeIds: [...c.excludedEmployeeIds], updateChannelId: c.updateChannelId ?? null };
}

export interface ContestFormProps {
  initial: ContestInput;
  people: readonly AdminPerson[];
  channels: readonly TeamChannel[];
  busy?: boolean;
  onSubmit: (input: ContestInput) => void;
  onCancel: () => void;
}

export function ContestForm({ initial, people, channels, busy, onSubmit, onCancel }: ContestFormProps) {
  const styles = useAdminStyles();
  const { t } = useTranslation('admin');
  const [form, setForm] = useState<ContestInput>(initial);
  const [start, setStart] = useState(toLocalInput(initial.startsAt));
  const [end, setEnd] = useState(toLocalInput(initial.endsAt));
  const [query, setQuery] = useState('');
  const patch = (p: Partial<ContestInput>) => setForm((f) => ({ ...f, ...p }));
  const names = useMemo(() => new Map(people.map((p) => [p.id, p.displayName])), [people]);
  const candidates = people.filter((p) => !form.excludedEmployeeIds.includes(p.id) && `${p.displayName} ${p.email} ${p.team}`.toLowerCase().includes(query.trim().toLowerCase())).slice(0, 20);
  const current: ContestInput = { ...form, startsAt: fromLocalInput(start), endsAt: fromLocalInput(end) };
  const problems = validateContest(current);
  const nameMissing = form.name.trim() === '';
  const problemText = (p: string) => t(`contests.problem.${p}`, { max: CONTEST_LIMITS.maxWeight });
  const windowProblem = problems.find((p) => p.startsWith('window-'));
  const weightProblem = problems.find((p) => p.startsWith('weight'));
  const prizeProblem = problems.find((p) => p.includes('prize')) ?? (form.prizes.some((p) => p.label.trim() === '') ? 'prize-label-missing' : undefined);

  return (
    <form className={styles.form} data-testid="contest-form" noValidate onSubmit={(e) => { e.preventDefault(); if (problems.length === 0 && !nameMissing && !prizeProblem) onSubmit(current); }}>
      <Field label={t('contests.fields.name')} required validationState={nameMissing ? 'error' : 'none'} validationMessage={nameMissing ? t('contests.problem.name-missing') : undefined}>
        <Input value={form.name} maxLength={120} onChange={(_e, d) => patch({ name: d.value })} data-testid="contest-name" />
      </Field>
      <fieldset className={styles.card}>
        <legend>{t('contests.fields.window')}</legend>
        <div className={styles.row}>
          <Field label={t('contests.fields.startsAt')}><Input type="datetime-local" value={start} onChange={(_e, d) => setStart(d.value)} data-testid="contest-start" /></Field>
          <Field label={t('contests.fields.endsAt')} validationState={windowProblem ? 'error' : 'none'} validationMessage={windowProblem ? problemText(windowProblem) : undefined}>
            <Input type="datetime-local" value={end} onChange={(_e, d) => setEnd(d.value)} data-testid="contest-end" />
          </Field>
        </div>
      </fieldset>
      <fieldset className={styles.card}>
        <legend>{t('contests.fields.weights')}</legend>
        <Text className={styles.muted}>{t('contests.fields.weightsHint', { max: CONTEST_LIMITS.maxWeight })}</Text>
        <div className={styles.row}>
          {WEIGHTS.map((k) => (
            <Field key={k} label={t(`contests.fields.${k}`)}>
              <SpinButton min={0} max={CONTEST_LIMITS.maxWeight} value={form.weights[k]} data-testid={`contest-weight-${k}`}
                onChange={(_e, d) => { const v = Math.round(Number(d.value ?? d.displayValue ?? form.weights[k])); if (Number.isFinite(v)) patch({ weights: { ...form.weights, [k]: v } }); }} />
            </Field>
          ))}
        </div>
        {weightProblem && <Text role="alert" data-testid="contest-weight-problem">{problemText(weightProblem)}</Text>}
      </fieldset>
      <fieldset className={styles.card}>
        <legend>{t('contests.fields.prizes')}</legend>
        {form.prizes.map((prize, i) => (
          <div key={i} className={styles.row} data-testid={`contest-prize-${i}`}>
            <Field label={t('contests.fields.rank')}>
              <SpinButton min={1} max={CONTEST_LIMITS.maxPrizeRank} value={prize.rank}
                onChange={(_e, d) => { const v = Math.round(Number(d.value ?? d.displayValue ?? prize.rank)); if (Number.isFinite(v)) patch({ prizes: form.prizes.map((p, j) => (j === i ? { ...p, rank: v } : p)) }); }} />
            </Field>
            <Field label={t('contests.fields.prizeLabel')}>
              <Input value={prize.label} maxLength={120} onChange={(_e, d) => patch({ prizes: form.prizes.map((p, j) => (j === i ? { ...p, label: d.value } : p)) })} />
            </Field>
            <Button aria-label={t('contests.fields.removePrize', { rank: prize.rank })} onClick={() => patch({ prizes: form.prizes.filter((_, j) => j !== i) })}>{t('contests.fields.remove')}</Button>
          </div>
        ))}
        {prizeProblem && <Text role="alert">{problemText(prizeProblem)}</Text>}
        <div>
          <Button disabled={form.prizes.length >= CONTEST_LIMITS.maxPrizes} data-testid="contest-add-prize"
            onClick={() => patch({ prizes: [...form.prizes, { rank: Math.max(0, ...form.prizes.map((p) => p.rank)) + 1, label: '' }] })}>{t('contests.fields.addPrize')}</Button>
        </div>
      </fieldset>
      <fieldset className={styles.card}>
        <legend>{t('contests.fields.excludedRoles')}</legend>
        <div className={styles.row}>
          {ROLES.map((r) => (
            <Checkbox key={r} label={t(`people.role.${r}`)} checked={form.excludedRoles.includes(r)} data-testid={`contest-role-${r}`}
              onChange={(_e, d) => patch({ excludedRoles: d.checked ? [...form.excludedRoles, r] : form.excludedRoles.filter((x) => x !== r) })} />
          ))}
        </div>
      </fieldset>
      <Field label={t('contests.fields.excludedPeople')} hint={t('contests.fields.excludedPeopleHint')}>
        <TagPicker selectedOptions={form.excludedEmployeeIds}
          onOptionSelect={(_e, d) => { if (d.value === NO_MATCH) return; patch({ excludedEmployeeIds: d.selectedOptions }); setQuery(''); }}>
          <TagPickerControl>
            <TagPickerGroup aria-label={t('contests.fields.excludedPeople')}>
              {form.excludedEmployeeIds.map((id) => <Tag key={id} shape="rounded" value={id} data-testid={`contest-excluded-${id}`}>{names.get(id) ?? id}</Tag>)}
            </TagPickerGroup>
            <TagPickerInput aria-label={t('contests.fields.pickPerson')} placeholder={t('contests.fields.pickPerson')} value={query} onChange={(e) => setQuery(e.target.value)} data-testid="contest-people" />
          </TagPickerControl>
          <TagPickerList>
            {candidates.length > 0
              ? candidates.map((p) => <TagPickerOption key={p.id} value={p.id} text={p.displayName} secondaryContent={p.team}>{p.displayName}</TagPickerOption>)
              : <TagPickerOption value={NO_MATCH} text="">{t('contests.fields.noMatch')}</TagPickerOption>}
          </TagPickerList>
        </TagPicker>
      </Field>
      <Field label={t('contests.fields.channel')} hint={channels.length === 0 ? t('contests.fields.noChannels') : t('contests.fields.channelHint')}>
        <Dropdown data-testid="contest-channel" value={form.updateChannelId ? (channels.find((c) => c.id === form.updateChannelId)?.name ?? form.updateChannelId) : t('contests.fields.channelNone')}
          selectedOptions={[form.updateChannelId ?? NO_CHANNEL]} onOptionSelect={(_e, d) => patch({ updateChannelId: d.optionValue && d.optionValue !== NO_CHANNEL ? d.optionValue : null })}>
          <Option value={NO_CHANNEL}>{t('contests.fields.channelNone')}</Option>
          {channels.map((c) => <Option key={c.id} value={c.id}>{c.name}</Option>)}
        </Dropdown>
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={busy || problems.length > 0 || nameMissing || prizeProblem !== undefined} data-testid="contest-save">{t('common.save')}</Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}
