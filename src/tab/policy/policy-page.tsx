/**
 * Route `#/policy`: the social media policy in force (`GET /api/policy`), rendered from markdown
 * and sanitised, with "I agree"; `#/policy/version/<n>` shows an older published version
 * read-only (`GET /api/policy/versions/<n>`). The version history is beside the text.
 */
import { Button, makeStyles, MessageBar, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { PolicyResponseSchema, PolicyTextSchema, type PolicyResponse, type PolicyText } from '../../shared/contracts/policy.js';
import { routeHref, useHashLocation } from '../app/router.js';
import { useTabContext } from '../app/tab-context.js';
import { useFormatters } from '../impact/format.js';
import { usePageStyles } from '../shell/page-layout.js';
import { PageError, PageLoading } from '../impact/page-states.js';
import { useApiResource } from '../impact/use-api.js';
import { PolicyAgree } from './policy-agree.js';
import { PolicyMarkdown } from './policy-markdown.js';
import { PolicyVersions } from './policy-versions.js';

const useStyles = makeStyles({
  columns: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 3fr) minmax(0, 1fr)',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
    '@media (max-width: 900px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  meta: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  footer: { borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalL },
});

/** The version asked for by `#/policy/version/<n>`, if any. */
function askedVersion(rest: readonly string[]): number | undefined {
  if (rest[0] !== 'version' || !rest[1] || !/^\d{1,6}$/.test(rest[1])) return undefined;
  return Number(rest[1]);
}

export function PolicyPage() {
  const styles = useStyles();
  const page = usePageStyles();
  const { t } = useTranslation('impact');
  const format = useFormatters();
  const location = useHashLocation();
  const { language } = useTabContext();
  const policy = useApiResource((api, signal) => api.get('/api/policy', PolicyResponseSchema, { signal }), []);
  const asked = askedVersion(location.rest);
  const current = policy.data?.current ?? null;
  const old = asked !== undefined && asked !== current?.version ? asked : undefined;
  const older = useApiResource(
    (api, signal) => (old === undefined ? Promise.resolve(undefined) : api.get(`/api/policy/versions/${old}`, PolicyTextSchema, { signal })),
    [old],
  );

  const setAgreed = (acknowledgedAt: string) => {
    if (!policy.data || !current) return;
    const data: PolicyResponse = {
      ...policy.data,
      acknowledgedAt,
      versions: policy.data.versions.map((v) => (v.version === current.version ? { ...v, acknowledgedAt } : v)),
    };
    policy.setData(data);
  };

  const shown: PolicyText | null | undefined = old !== undefined ? older.data : current;
  return (
    <section className={page.page} aria-labelledby="policy-title" aria-busy={policy.loading || older.loading}>
      <div className={page.titles}>
        <Text as="h1" id="policy-title" size={700} weight="semibold" className={page.h1}>
          {t('policy.title')}
        </Text>
      </div>
      {policy.error && <PageError error={policy.error} onRetry={policy.reload} />}
      {!policy.data && policy.loading && <PageLoading />}
      {policy.data && !current && <Text data-testid="policy-none">{t('policy.none')}</Text>}
      {policy.data && current && (
        <div className={styles.columns}>
          <div className={page.card}>
            {old !== undefined && (
              <MessageBar intent="info" data-testid="policy-old-notice">
                <MessageBarBody>
                  {t('policy.old.notice', { version: old })}{' '}
                  <Button as="a" appearance="transparent" size="small" href={routeHref('policy')}>
                    {t('policy.old.back')}
                  </Button>
                </MessageBarBody>
              </MessageBar>
            )}
            {old !== undefined && older.error && <PageError error={older.error} onRetry={older.reload} />}
            {old !== undefined && !older.data && older.loading && <PageLoading />}
            {shown && (
              <>
                <div>
                  <Text as="h2" size={600} weight="semibold" className={page.h2} data-testid="policy-title">
                    {shown.title}
                  </Text>
                  <div className={styles.meta}>
                    <Text className={page.muted} data-testid="policy-version">
                      {t('policy.version', { version: shown.version })}
                    </Text>
                    {shown.publishedAt && (
                      <Text className={page.muted}>
                        {/* An older version is no longer in force: only its date. */}
                        {'· '}
                        {shown.current ? t('policy.published', { date: format.date(shown.publishedAt) }) : format.date(shown.publishedAt)}
                      </Text>
                    )}
                  </div>
                </div>
                {shown.language === 'en' && language !== 'en' && (
                  <Text size={200} className={page.muted}>
                    {t('policy.english')}
                  </Text>
                )}
                <PolicyMarkdown markdown={shown.body} label={t('policy.contentLabel')} lang={shown.language} />
                {old === undefined && (
                  <div className={styles.footer}>
                    <PolicyAgree version={current.version} acknowledgedAt={policy.data.acknowledgedAt} format={format} onAgreed={setAgreed} />
                  </div>
                )}
              </>
            )}
          </div>
          <PolicyVersions versions={policy.data.versions} shown={old ?? current.version} format={format} />
        </div>
      )}
    </section>
  );
}
