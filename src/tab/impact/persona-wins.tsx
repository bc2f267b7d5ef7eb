/** Persona with the next step on the journey (`common:persona.next.*`), and the person's wins. */
import { Badge, makeStyles, Text, tokens } from '@fluentui/react-components';
import { Trophy20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { ImpactResponse } from '../../shared/contracts/impact.js';
import type { Formatters } from './format.js';
import { usePageStyles } from '../shell/page-layout.js';

const useStyles = makeStyles({
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  next: {
    margin: 0,
    padding: tokens.spacingHorizontalM,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorCompoundBrandStroke}`,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  wins: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyle: 'none' },
  win: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  icon: { color: tokens.colorBrandForeground1, flexShrink: 0 },
  winText: { display: 'flex', flexDirection: 'column' },
});

/** Numbers in the advice (audience, posts) formatted for the locale. */
function formatParams(params: Record<string, string | number>, format: Formatters): Record<string, string> {
  return Object.fromEntries(Object.entries(params).map(([key, value]) => [key, typeof value === 'number' ? format.number(value) : value]));
}

export function PersonaCard({ persona, format }: { persona: ImpactResponse['persona']; format: Formatters }) {
  const styles = useStyles();
  const page = usePageStyles();
  const { t } = useTranslation(['impact', 'common']);
  return (
    <section className={page.card} aria-labelledby="persona-title" data-testid="persona-card">
      <Text as="h2" id="persona-title" size={500} weight="semibold" className={page.h2}>
        {t('impact:impact.persona.title')}
      </Text>
      <div className={styles.row}>
        <Badge appearance="filled" color="brand" size="large" data-testid="persona-name">
          {t(`common:persona.${persona.current}`)}
        </Badge>
        {persona.leader && (
          <Badge appearance="tint" color="important">
            {t('impact:impact.persona.leader')}
          </Badge>
        )}
        {persona.since && (
          <Text size={200} className={page.muted}>
            {t('impact:impact.persona.since', { date: format.date(persona.since) })}
          </Text>
        )}
      </div>
      <div>
        <Text as="h3" size={300} weight="semibold" className={page.h2}>
          {t('impact:impact.persona.next')}
        </Text>
        <p className={styles.next} data-testid="persona-next">
          {t(`common:${persona.next.key}`, formatParams(persona.next.params, format))}
        </p>
      </div>
    </section>
  );
}

export function WinsCard({ wins, format }: { wins: ImpactResponse['wins']; format: Formatters }) {
  const styles = useStyles();
  const page = usePageStyles();
  const { t } = useTranslation(['impact', 'common']);
  return (
    <section className={page.card} aria-labelledby="wins-title" data-testid="wins-card">
      <Text as="h2" id="wins-title" size={500} weight="semibold" className={page.h2}>
        {t('impact:impact.wins.title')}
      </Text>
      {wins.length === 0 ? (
        <Text className={page.muted}>{t('impact:impact.wins.empty')}</Text>
      ) : (
        <ul className={styles.wins}>
          {wins.map((win) => (
            <li key={win.id} className={styles.win}>
              <Trophy20Regular className={styles.icon} aria-hidden="true" />
              <span className={styles.winText}>
                <Text weight="semibold">
                  {t(`impact:impact.wins.kind.${win.kind}`, { persona: win.detail ? t(`common:persona.${win.detail}`, { defaultValue: win.detail }) : '' })}
                </Text>
                <Text size={200} className={page.muted}>
                  <time dateTime={win.at}>{format.date(win.at)}</time>
                </Text>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
