/**
 * Pieces the Topics page and Admin > Topics share: styles, a hub's name in the UI language,
 * counts with `Intl`, and the pyramid of roles (Lam, 2015) drawn top (spokesperson, narrow) to
 * bottom (social mind, wide). Unfilled roles get a dashed outline, a warning icon and the word
 * "Unfilled" (never colour alone).
 */
import { Avatar, Badge, Button, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { PeopleTeam16Regular, Warning16Filled } from '@fluentui/react-icons';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { HubDetail, HubPerson } from '../../shared/contracts/topics.js';
import { TOPIC_ROLES, type TopicRole } from '../../shared/domain/types.js';
import { useTabContext } from '../app/tab-context.js';

export const useTopicStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  grid: { display: 'grid', gap: tokens.spacingHorizontalL, gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 280px), 1fr))' },
  /** The last row of a hub card sits at its bottom, so the buttons of one row of cards line up. */
  cardFoot: { marginTop: 'auto' },
  pyramid: { display: 'flex', flexDirection: 'column', alignItems: 'center', gap: tokens.spacingVerticalS, width: '100%' },
  level: {
    boxSizing: 'border-box',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke2}`,
    backgroundColor: tokens.colorBrandBackground2,
    '@media (max-width: 700px)': { width: '100% !important' },
  },
  unfilled: {
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorStatusWarningBorder2}`,
    backgroundColor: tokens.colorStatusWarningBackground1,
  },
  levelHead: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  levelTitle: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  warnIcon: { color: tokens.colorStatusWarningForeground1, flexShrink: 0 },
  chip: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusCircular,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  muted: { color: tokens.colorNeutralForeground2 },
  small: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

/** A hub's name in the UI language, English when it has none. */
export function useHubName(): (name: Record<string, string> & { en: string }) => string {
  const { language } = useTabContext();
  return (name) => name[language] ?? name.en;
}

/** `t(key, { count, n })` with `n` formatted for the locale. */
export function useCount(): (key: string, count: number) => string {
  const { t } = useTranslation('topics');
  const { locale } = useTabContext();
  return (key, count) => t(key, { count, n: new Intl.NumberFormat(locale).format(count) });
}

/** A language's name in the UI locale (`ja` -> "Japanese"), the code when the browser has none. */
export function languageName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Items joined the locale's way ("A, B and C", "A、B、C"). */
export function joinList(items: readonly string[], locale: string): string {
  try {
    return new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);
  } catch {
    return items.join(', ');
  }
}

const SHOWN = 6;

/** A person as a small chip with their initials; `action` renders beside the name (admin remove). */
export function PersonChip({ person, action }: { person: HubPerson; action?: ReactNode }) {
  const styles = useTopicStyles();
  return (
    <span className={styles.chip} data-testid={`holder-${person.id}`}>
      <Avatar size={20} name={person.name} aria-hidden />
      <Text size={200}>{person.name}</Text>
      {action}
    </span>
  );
}

/** The holders of one level: the first few, then "+N more" that shows the rest. */
function Holders({ people, action }: { people: HubPerson[]; action: ((p: HubPerson) => ReactNode) | undefined }) {
  const styles = useTopicStyles();
  const { t } = useTranslation('topics');
  const { locale } = useTabContext();
  const [all, setAll] = useState(false);
  const shown = all ? people : people.slice(0, SHOWN);
  return (
    <div className={styles.row}>
      {shown.map((p) => <PersonChip key={p.id} person={p} action={action?.(p)} />)}
      {!all && people.length > SHOWN && (
        <Button size="small" appearance="transparent" onClick={() => setAll(true)}>
          {t('pyramid.more', { n: new Intl.NumberFormat(locale).format(people.length - SHOWN) })}
        </Button>
      )}
    </div>
  );
}

export interface PyramidProps {
  pyramid: HubDetail['pyramid'];
  /** Buttons at the right of a level (e.g. "Propose myself", "Fill this role"). */
  levelAction?: (role: TopicRole, unfilled: boolean) => ReactNode;
  /** A control beside each holder's name (admin: remove). */
  holderAction?: (person: HubPerson, role: TopicRole) => ReactNode;
}

/** The pyramid, spokesperson on top; each level lists who holds exactly that role. */
export function Pyramid({ pyramid, levelAction, holderAction }: PyramidProps) {
  const styles = useTopicStyles();
  const { t } = useTranslation('topics');
  const { locale } = useTabContext();
  const levels = [...pyramid].sort((a, b) => TOPIC_ROLES.indexOf(b.role) - TOPIC_ROLES.indexOf(a.role));
  return (
    <ol className={styles.pyramid} aria-label={t('pyramid.heading')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {levels.map((level) => {
        const rank = TOPIC_ROLES.indexOf(level.role);
        return (
          <li
            key={level.role}
            className={mergeClasses(styles.level, level.unfilled && styles.unfilled)}
            style={{ width: `${100 - rank * 12}%` }}
            data-testid={`level-${level.role}`}
            data-unfilled={level.unfilled ? 'true' : 'false'}
          >
            <div className={styles.levelHead}>
              <div className={styles.levelTitle}>
                {level.unfilled ? <Warning16Filled className={styles.warnIcon} aria-hidden /> : <PeopleTeam16Regular aria-hidden />}
                <Text weight="semibold">{t(`role.${level.role}`)}</Text>
                {level.unfilled ? (
                  <Badge appearance="outline" color="warning" data-testid="unfilled-badge">{t('pyramid.unfilled')}</Badge>
                ) : (
                  <Badge appearance="tint" color="brand">{new Intl.NumberFormat(locale).format(level.holders.length)}</Badge>
                )}
              </div>
              {levelAction?.(level.role, level.unfilled)}
            </div>
            <Text size={200} className={styles.muted}>{t(`roleHint.${level.role}`)}</Text>
            {level.unfilled ? (
              <Text size={200} className={styles.muted}>{t('pyramid.unfilledHint')}</Text>
            ) : (
              <Holders people={level.holders} action={holderAction ? (p) => holderAction(p, level.role) : undefined} />
            )}
          </li>
        );
      })}
    </ol>
  );
}
