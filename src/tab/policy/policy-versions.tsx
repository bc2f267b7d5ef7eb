/** The published versions, newest first, each with its date and whether the caller agreed. */
import { Badge, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { PolicyResponse } from '../../shared/contracts/policy.js';
import { routeHref } from '../app/router.js';
import type { Formatters } from '../impact/format.js';
import { usePageStyles } from '../shell/page-layout.js';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, margin: 0, padding: 0, listStyle: 'none' },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground1,
    textDecoration: 'none',
    border: `${tokens.strokeWidthThin} solid transparent`,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  // A border, not a background: stays readable in high contrast, where selected backgrounds invert.
  selected: { border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`, borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorCompoundBrandStroke}` },
  line: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export function PolicyVersions({ versions, shown, format }: { versions: PolicyResponse['versions']; shown: number | undefined; format: Formatters }) {
  const styles = useStyles();
  const page = usePageStyles();
  const { t } = useTranslation('impact');
  return (
    <nav className={page.card} aria-labelledby="versions-title" data-testid="policy-versions">
      <Text as="h2" id="versions-title" size={400} weight="semibold" className={page.h2}>
        {t('policy.history.title')}
      </Text>
      <ul className={styles.list}>
        {versions.map((v) => {
          const href = v.current ? routeHref('policy') : routeHref('policy', 'version', String(v.version));
          const selected = v.version === shown;
          return (
            <li key={v.version}>
              <a
                href={href}
                className={mergeClasses(styles.item, selected && styles.selected)}
                aria-current={selected ? 'page' : undefined}
                data-testid={`policy-version-${v.version}`}
              >
                <span className={styles.line}>
                  <Text weight="semibold">{t('policy.version', { version: v.version })}</Text>
                  {v.current && (
                    <Badge appearance="tint" color="brand">
                      {t('policy.history.current')}
                    </Badge>
                  )}
                </span>
                <Text size={200} className={page.muted}>
                  {format.date(v.publishedAt)} · {v.acknowledgedAt ? t('policy.history.agreed', { date: format.date(v.acknowledgedAt) }) : t('policy.history.notAgreed')}
                </Text>
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
