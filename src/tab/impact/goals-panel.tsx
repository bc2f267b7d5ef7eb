/**
 * "My goals": progress per goal (computed by the server from stored shares and clicks, and the
 * person's social audit), and a form to set or clear them (`PUT /api/me/goals`).
 */
import { Button, Field, Input, makeStyles, MessageBar, MessageBarBody, ProgressBar, Text, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { GOAL_KINDS, GOAL_MAX_TARGET, type GoalKind } from '../../shared/domain/goals.js';
import type { GoalProgressDto } from '../../shared/contracts/impact.js';
import { ApiError } from '../api/client.js';
import type { Formatters } from './format.js';
import { usePageStyles } from '../shell/page-layout.js';

const useStyles = makeStyles({
  head: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, margin: 0, padding: 0, listStyle: 'none' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

export interface GoalsPanelProps {
  goals: GoalProgressDto[];
  format: Formatters;
  /** Saves the whole set; resolves to the goals with fresh progress. */
  onSave(goals: { kind: GoalKind; target: number }[]): Promise<GoalProgressDto[]>;
}

type Drafts = Record<GoalKind, string>;

function draftsOf(goals: readonly GoalProgressDto[]): Drafts {
  const byKind = new Map(goals.map((g) => [g.kind, g.target]));
  return Object.fromEntries(GOAL_KINDS.map((kind) => [kind, byKind.has(kind) ? String(byKind.get(kind)) : ''])) as Drafts;
}

/** A draft's target, `null` for empty, `undefined` when invalid. */
function parseTarget(kind: GoalKind, draft: string): number | null | undefined {
  const text = draft.trim();
  if (text === '') return null;
  if (!/^\d+$/.test(text)) return undefined;
  const value = Number(text);
  return value >= 1 && value <= GOAL_MAX_TARGET[kind] ? value : undefined;
}

export function GoalsPanel({ goals, format, onSave }: GoalsPanelProps) {
  const styles = useStyles();
  const page = usePageStyles();
  const { t } = useTranslation(['impact', 'common']);
  const [editing, setEditing] = useState(false);
  const [drafts, setDrafts] = useState<Drafts>(() => draftsOf(goals));
  const [touched, setTouched] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  const [saved, setSaved] = useState(false);
  // Focus follows the form: into its first field when it opens, back to "Set goals" when it closes.
  const firstInput = useRef<HTMLInputElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const opened = useRef(false);
  useEffect(() => {
    if (editing) firstInput.current?.focus();
    else if (opened.current) editButton.current?.focus();
    opened.current ||= editing;
  }, [editing]);

  const parsed = GOAL_KINDS.map((kind) => ({ kind, target: parseTarget(kind, drafts[kind]) }));
  const invalid = parsed.some((p) => p.target === undefined);

  const startEditing = () => {
    setDrafts(draftsOf(goals));
    setTouched(false);
    setError(undefined);
    setSaved(false);
    setEditing(true);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (invalid) return;
    setSaving(true);
    setError(undefined);
    try {
      await onSave(parsed.flatMap((p) => (typeof p.target === 'number' ? [{ kind: p.kind, target: p.target }] : [])));
      setEditing(false);
      setSaved(true);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError('generic', 0));
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className={page.card} aria-labelledby="goals-title" data-testid="goals-panel">
      <div className={styles.head}>
        <div>
          <Text as="h2" id="goals-title" size={500} weight="semibold" className={page.h2}>
            {t('impact.goals.title')}
          </Text>
          <Text as="p" size={200} className={page.subtitle}>
            {t('impact.goals.subtitle')}
          </Text>
        </div>
        {!editing && (
          <Button ref={editButton} appearance="secondary" onClick={startEditing} data-testid="goals-edit">
            {t('impact.goals.edit')}
          </Button>
        )}
      </div>

      {saved && (
        <MessageBar intent="success">
          <MessageBarBody role="status">{t('impact.goals.saved')}</MessageBarBody>
        </MessageBar>
      )}

      {editing ? (
        <form className={styles.form} onSubmit={(e) => void submit(e)} aria-label={t('impact.goals.formLabel')} noValidate>
          <Text size={200} className={page.muted}>
            {t('impact.goals.hint')}
          </Text>
          {GOAL_KINDS.map((kind, index) => {
            const bad = touched && parseTarget(kind, drafts[kind]) === undefined;
            return (
              <Field
                key={kind}
                label={t(`impact.goals.kind.${kind}`)}
                hint={kind === 'audience' ? t('impact.goals.audienceSource') : undefined}
                validationState={bad ? 'error' : 'none'}
                validationMessage={bad ? t('impact.goals.invalid', { max: format.number(GOAL_MAX_TARGET[kind]) }) : undefined}
              >
                <Input
                  ref={index === 0 ? firstInput : undefined}
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={GOAL_MAX_TARGET[kind]}
                  step={1}
                  value={drafts[kind]}
                  onChange={(_e, data) => setDrafts((d) => ({ ...d, [kind]: data.value }))}
                  data-testid={`goal-input-${kind}`}
                />
              </Field>
            );
          })}
          {error && (
            <MessageBar intent="error">
              <MessageBarBody role="alert">{t(`common:error.${error.code}`, { details: error.details ?? '' })}</MessageBarBody>
            </MessageBar>
          )}
          <div className={styles.actions}>
            <Button type="submit" appearance="primary" disabled={saving} data-testid="goals-save">
              {t('impact.goals.save')}
            </Button>
            <Button type="button" onClick={() => setEditing(false)} disabled={saving}>
              {t('impact.goals.cancel')}
            </Button>
          </div>
        </form>
      ) : goals.length === 0 ? (
        <Text className={page.muted}>{t('impact.goals.empty')}</Text>
      ) : (
        <ul className={styles.list}>
          {goals.map((goal) => (
            <li key={goal.kind} data-testid={`goal-${goal.kind}`}>
              <Field
                label={t(`impact.goals.kind.${goal.kind}`)}
                validationState={goal.reached ? 'success' : 'none'}
                validationMessage={
                  goal.reached
                    ? `${t('impact.goals.progress', { current: format.number(goal.current), target: format.number(goal.target) })} · ${t('impact.goals.reached')}`
                    : t('impact.goals.progress', { current: format.number(goal.current), target: format.number(goal.target) })
                }
              >
                <ProgressBar value={goal.ratio} max={1} thickness="large" color={goal.reached ? 'success' : 'brand'} />
              </Field>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
