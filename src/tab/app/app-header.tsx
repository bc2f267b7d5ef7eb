/** The banner: product mark and name, and who/where the tab runs as. */
import { Badge, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { Eye16Regular, MegaphoneLoud24Filled } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { RoleSwitcher } from '../shell/role-switcher.js';
import { useTabContext } from './tab-context.js';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXXL}`,
    '@media (max-width: 600px)': { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}` },
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    boxShadow: tokens.shadow2,
    position: 'sticky',
    top: 0,
    zIndex: 1,
  },
  mark: {
    display: 'grid',
    placeItems: 'center',
    width: '36px',
    height: '36px',
    flexShrink: 0,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  name: { margin: 0, whiteSpace: 'nowrap', '@media (max-width: 600px)': { fontSize: tokens.fontSizeBase400 } },
  spacer: { flexGrow: 1 },
  meta: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'flex-end',
    gap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
    minWidth: 0,
    flexShrink: 1,
  },
  // The badge shrinks with the bar and ends in an ellipsis (its text sits in a span: an ellipsis
  // needs a block-level box, and the badge itself is an inline flex box).
  badge: { maxWidth: '100%', minWidth: 0, flexShrink: 1, overflow: 'hidden' },
  badgeText: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', minWidth: 0 },
  standalone: { '@media (max-width: 600px)': { display: 'none' } },
});

/** Top bar of every page. */
export function AppHeader() {
  const styles = useStyles();
  const { t } = useTranslation(['tab', 'common']);
  const { host, me } = useTabContext();
  return (
    <header className={styles.header}>
      <span className={styles.mark} aria-hidden="true">
        <MegaphoneLoud24Filled />
      </span>
      <Text as="span" size={500} weight="semibold" className={styles.name}>
        {t('common:productName')}
      </Text>
      <span className={styles.spacer} />
      <div className={styles.meta}>
        {(host.devUser || me.devIdentities) && (
          <Badge className={styles.badge} appearance="tint" color="warning" icon={<Eye16Regular />} title={t('tab:app.viewingAs', { user: me.displayName })}>
            <span className={styles.badgeText}>{t('tab:app.viewingAs', { user: me.displayName })}</span>
          </Badge>
        )}
        {me.devIdentities && me.devIdentities.length > 0 && <RoleSwitcher identities={me.devIdentities} currentId={me.employeeId} />}
        {host.mode === 'standalone' && (
          <Badge className={mergeClasses(styles.badge, styles.standalone)} appearance="outline" color="informative">
            <span className={styles.badgeText}>{t('tab:app.standaloneBadge')}</span>
          </Badge>
        )}
        {host.mode === 'teams' && host.userName && (
          <Text size={200} truncate wrap={false}>
            {host.userName}
          </Text>
        )}
      </div>
    </header>
  );
}
