/** Go / no-go: the checklist's recommendation, the decision form (who is the caller) and the history. */
import { Badge, Button, Field, makeStyles, Radio, RadioGroup, Text, Textarea, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PilotResponse } from '../../shared/contracts/pilot.js';
import type { Formatters } from '../impact/format.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '640px' },
  history: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  entry: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, paddingBottom: tokens.spacingVerticalS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground2 },
  blockers: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
});

export function PilotDecisionPanel({ view, format, busy, onDecide }: { view: PilotResponse; format: Formatters; busy: boolean; onDecide(decision: 'go' | 'no-go', reason: string): Promise<boolean> }) {
  const styles = useStyles();
  const { t } = useTranslation('analytics');
  const [decision, setDecision] = useState<'go' | 'no-go'>(view.recommendation.decision);
  const [reason, setReason] = useState('');
  const valid = reason.trim().length >= 3;
  const rec = view.recommendation;
  return (
    <>
      <div className={styles.row}>
        <Text>{t('pilot.decision.recommendation', { decision: t(`pilot.decision.${rec.decision}`) })}</Text>
        <Badge appearance="filled" color={rec.decision === 'go' ? 'success' : 'warning'} data-testid="recommendation">{t(`pilot.decision.${rec.decision}`)}</Badge>
      </div>
      {rec.blockingReasons.length > 0 && (
        <>
          <Text className={styles.muted}>{t('pilot.decision.blocking')}</Text>
          <ul className={styles.blockers}>
            {rec.blockingReasons.map((id) => <li key={id}><Text size={200}>{t(`pilot.checklist.items.${id}`)}</Text></li>)}
          </ul>
        </>
      )}
      <form
        className={styles.form}
        onSubmit={(e) => {
          e.preventDefault();
          if (!valid) return;
          void onDecide(decision, reason.trim()).then((ok) => ok && setReason(''));
        }}
      >
        <Field label={t('pilot.decision.choice')}>
          <RadioGroup layout="horizontal" value={decision} onChange={(_e, data) => setDecision(data.value as 'go' | 'no-go')}>
            <Radio value="go" label={t('pilot.decision.go')} data-testid="decision-go" />
            <Radio value="no-go" label={t('pilot.decision.no-go')} data-testid="decision-no-go" />
          </RadioGroup>
        </Field>
        <Field label={t('pilot.decision.reason')} hint={t('pilot.decision.reasonHint')} required>
          <Textarea value={reason} onChange={(_e, data) => setReason(data.value)} maxLength={1000} resize="vertical" data-testid="decision-reason" />
        </Field>
        <div>
          <Button type="submit" appearance="primary" disabled={!valid || busy} data-testid="decision-submit">{t('pilot.decision.submit')}</Button>
        </div>
      </form>
      <Text as="h3" size={400} weight="semibold">{t('pilot.decision.history')}</Text>
      {view.decisions.length === 0 ? (
        <Text className={styles.muted}>{t('pilot.decision.empty')}</Text>
      ) : (
        <ul className={styles.history} data-testid="decisions">
          {view.decisions.map((d) => (
            <li key={d.id} className={styles.entry} data-decision={d.decision}>
              <div className={styles.row}>
                <Badge appearance="filled" color={d.decision === 'go' ? 'success' : 'danger'}>{t(`pilot.decision.${d.decision}`)}</Badge>
                <Text weight="semibold">{t('pilot.decision.by', { name: d.decidedByName, date: format.dateTime(d.at) })}</Text>
                {d.decision !== d.recommended && <Badge appearance="outline" color="warning">{t('pilot.decision.differs')}</Badge>}
              </div>
              <Text>{d.reason}</Text>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
