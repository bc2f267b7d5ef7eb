/**
 * Push a published module (dialog): the audience (personas, topic roles, teams, learning styles;
 * empty = everyone the module is for), now or on a cadence, the spread and the training cap. The
 * answer says how many people get the nudge and why the others do not.
 */
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrainingModuleDto, TrainingPushResult } from '../../shared/contracts/training.js';
import { LEARNING_STYLES, PERSONAS, TOPIC_ROLES, type LearningStyle, type Persona, type TopicRole } from '../../shared/domain/types.js';
import { ApiError } from '../api/client.js';
import { useTabContext } from '../app/tab-context.js';
import { trainingApi } from './training-api.js';

const useStyles = makeStyles({
  surface: { maxWidth: '640px', width: '100%' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  group: { border: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: 0, marginBottom: tokens.spacingVerticalXS, color: tokens.colorNeutralForeground1 },
  row: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(160px, 1fr))', gap: tokens.spacingHorizontalM },
  intro: { color: tokens.colorNeutralForeground2 },
  reasons: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
});

const toggle = <T,>(list: T[], value: T, on: boolean): T[] => (on ? [...new Set([...list, value])] : list.filter((v) => v !== value));

export function PushDialog({ module, onClose, onPushed }: { module: TrainingModuleDto; onClose(): void; onPushed(result: TrainingPushResult): void }) {
  const styles = useStyles();
  const { t } = useTranslation('training');
  const { t: tc } = useTranslation('common');
  const { api } = useTabContext();
  const [personas, setPersonas] = useState<Persona[]>([]);
  const [topicRoles, setTopicRoles] = useState<TopicRole[]>([]);
  const [learningStyles, setLearningStyles] = useState<LearningStyle[]>([]);
  const [teams, setTeams] = useState('');
  const [when, setWhen] = useState<'now' | 'cadence'>('now');
  const [everyDays, setEveryDays] = useState('7');
  const [spreadHours, setSpreadHours] = useState('72');
  const [gapDays, setGapDays] = useState('7');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [result, setResult] = useState<TrainingPushResult | undefined>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSending(true);
    setError(undefined);
    try {
      const answer = await trainingApi.push(api, module.id, {
        audience: { personas, topicRoles, learningStyles, teams: teams.split(',').map((s) => s.trim()).filter(Boolean) },
        ...(when === 'cadence' ? { cadence: { everyDays: Number(everyDays) } } : {}),
        spreadHours: Number(spreadHours),
        gapDays: Number(gapDays),
      });
      setResult(answer);
      onPushed(answer);
    } catch (err) {
      setError(err instanceof ApiError ? tc(`error.${err.code}`, { details: err.details ?? '' }) : tc('error.generic'));
    } finally {
      setSending(false);
    }
  }

  const excluded = Object.entries(result?.excluded ?? {}).filter(([, n]) => n > 0);
  return (
    <Dialog open modalType="modal" onOpenChange={(_e, data) => !data.open && onClose()}>
      <DialogSurface className={styles.surface} aria-describedby="push-intro">
        <form onSubmit={(e) => void submit(e)} noValidate>
          <DialogBody>
            <DialogTitle>{t('push.title', { title: module.title })}</DialogTitle>
            <DialogContent className={styles.form}>
              <Text id="push-intro" className={styles.intro}>{t('push.intro')}</Text>
              {error && (
                <MessageBar intent="error" role="alert">
                  <MessageBarBody>{error}</MessageBarBody>
                </MessageBar>
              )}
              {result && (
                <MessageBar intent="success" role="status" data-testid="push-result">
                  <MessageBarBody>
                    {t('push.sent', { count: result.recipients })}
                    {excluded.length > 0 && (
                      <>
                        {' '}
                        {t('push.excluded')}:
                        <ul className={styles.reasons}>
                          {excluded.map(([reason, n]) => <li key={reason}>{t(`push.reason.${reason}`)}: {n}</li>)}
                        </ul>
                      </>
                    )}
                  </MessageBarBody>
                </MessageBar>
              )}
              <Text size={200} className={styles.intro}>{t('push.audienceHint')}</Text>
              <fieldset className={styles.group}>
                <legend className={styles.legend}>{t('push.personas')}</legend>
                {PERSONAS.map((p) => (
                  <Checkbox key={p} label={tc(`persona.${p}`)} checked={personas.includes(p)} onChange={(_e, d) => setPersonas(toggle(personas, p, d.checked === true))} data-testid={`push-persona-${p}`} />
                ))}
              </fieldset>
              <fieldset className={styles.group}>
                <legend className={styles.legend}>{t('push.topicRoles')}</legend>
                {TOPIC_ROLES.map((r) => (
                  <Checkbox key={r} label={t(`topicRole.${r}`)} checked={topicRoles.includes(r)} onChange={(_e, d) => setTopicRoles(toggle(topicRoles, r, d.checked === true))} />
                ))}
              </fieldset>
              <fieldset className={styles.group}>
                <legend className={styles.legend}>{t('push.learningStyles')}</legend>
                {LEARNING_STYLES.map((s) => (
                  <Checkbox key={s} label={t(`learningStyle.${s}`)} checked={learningStyles.includes(s)} onChange={(_e, d) => setLearningStyles(toggle(learningStyles, s, d.checked === true))} />
                ))}
              </fieldset>
              <Field label={t('push.teams')}>
                <Input value={teams} onChange={(_e, d) => setTeams(d.value)} placeholder="Sales, Marketing" />
              </Field>
              <Field label={t('push.when')}>
                <RadioGroup value={when} onChange={(_e, d) => setWhen(d.value as 'now' | 'cadence')} layout="horizontal">
                  <Radio value="now" label={t('push.now')} />
                  <Radio value="cadence" label={t('push.cadence')} />
                </RadioGroup>
              </Field>
              <div className={styles.row}>
                {when === 'cadence' && (
                  <Field label={t('push.everyDays')}>
                    <Input type="number" min={1} max={90} value={everyDays} onChange={(_e, d) => setEveryDays(d.value)} />
                  </Field>
                )}
                <Field label={t('push.spreadHours')}>
                  <Input type="number" min={0.5} max={168} step={0.5} value={spreadHours} onChange={(_e, d) => setSpreadHours(d.value)} data-testid="push-spread" />
                </Field>
                <Field label={t('push.gapDays')}>
                  <Input type="number" min={0} max={60} value={gapDays} onChange={(_e, d) => setGapDays(d.value)} />
                </Field>
              </div>
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={onClose}>{t('form.cancel')}</Button>
              <Button appearance="primary" type="submit" disabled={sending || result !== undefined} data-testid="push-send">{t('push.send')}</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
