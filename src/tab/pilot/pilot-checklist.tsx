/** The rollout checklist: computed items with their figures, hand-ticked items with who and when. */
import { Checkbox, makeStyles, Text, tokens } from '@fluentui/react-components';
import { CheckmarkCircle20Filled, Circle20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { PilotResponse } from '../../shared/contracts/pilot.js';
import type { Formatters } from '../impact/format.js';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minHeight: '32px' },
  met: { color: tokens.colorPaletteGreenForeground1, flexShrink: 0 },
  unmet: { color: tokens.colorNeutralForeground3, flexShrink: 0 },
  detail: { color: tokens.colorNeutralForeground2 },
  texts: { display: 'flex', flexDirection: 'column' },
  // Who ticked a hand-ticked item lines up with the checkbox label, not the box.
  tickDetail: { color: tokens.colorNeutralForeground2, paddingInlineStart: tokens.spacingHorizontalXXXL },
});

const PERCENT_ITEMS = new Set(['training-completed']);

export function PilotChecklist({ checklist, format, busy, onTick }: { checklist: PilotResponse['checklist']; format: Formatters; busy: boolean; onTick(item: string, checked: boolean): void }) {
  const styles = useStyles();
  const { t } = useTranslation('analytics');
  const figure = (value: number, id: string) => (PERCENT_ITEMS.has(id) ? `${format.number(value)}%` : format.number(value));
  return (
    <ul className={styles.list} data-testid="checklist">
      {checklist.items.map((item) => {
        const label = t(`pilot.checklist.items.${item.id}`);
        if (item.source === 'manual') {
          return (
            <li key={item.id} className={styles.item} data-item={item.id} data-met={item.met}>
              <div className={styles.texts}>
                <Checkbox label={label} checked={item.met} disabled={busy} onChange={(_e, data) => onTick(item.id, data.checked === true)} data-testid={`tick-${item.id}`} />
                {item.tick && (
                  <Text size={200} className={styles.tickDetail}>
                    {t(item.tick.checked ? 'pilot.checklist.tickedBy' : 'pilot.checklist.untickedBy', { name: item.tick.byName, date: format.dateTime(item.tick.at) })}
                  </Text>
                )}
              </div>
            </li>
          );
        }
        return (
          <li key={item.id} className={styles.item} data-item={item.id} data-met={item.met}>
            {item.met ? <CheckmarkCircle20Filled className={styles.met} aria-label={t('pilot.checklist.met')} /> : <Circle20Regular className={styles.unmet} aria-label={t('pilot.checklist.notMet')} />}
            <div className={styles.texts}>
              <Text>{label}</Text>
              {item.actual !== undefined && item.target !== undefined && (
                <Text size={200} className={styles.detail}>
                  {t('pilot.checklist.computed')} · {t('pilot.checklist.actual', { actual: figure(item.actual, item.id), target: figure(item.target, item.id) })}
                </Text>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
