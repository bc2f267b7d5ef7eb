/**
 * Route `#/admin/<section>` (admins and coordinators): the programme owner's Admin tab. Sections
 * by role, the API enforcing the same: coordinators see Content and Suggestions; admins also
 * Policy, Settings, People and the Audit log. Room is left for Campaigns, Topics and Contests
 * (add them to SECTIONS with their roles).
 */
import { mergeClasses, Spinner, Tab, TabList, Text } from '@fluentui/react-components';
import { usePageStyles } from '../shell/page-layout.js';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../shared/domain/types.js';
import { routeHref, useHashLocation } from '../app/router.js';
import { useTabContext } from '../app/tab-context.js';

const SECTIONS: ReadonlyArray<{ id: string; roles: readonly Role[] }> = [
  { id: 'content', roles: ['admin', 'coordinator'] },
  { id: 'suggestions', roles: ['admin', 'coordinator'] },
  { id: 'policy', roles: ['admin'] },
  { id: 'settings', roles: ['admin'] },
  { id: 'people', roles: ['admin'] },
  { id: 'campaigns', roles: ['admin', 'coordinator'] },
  { id: 'topics', roles: ['admin', 'coordinator'] },
  { id: 'contests', roles: ['admin'] },
  { id: 'audit', roles: ['admin'] },
];

const VIEWS = {
  content: lazy(() => import('./content-section.js').then((m) => ({ default: m.ContentSection }))),
  suggestions: lazy(() => import('./suggestions-section.js').then((m) => ({ default: m.SuggestionsSection }))),
  policy: lazy(() => import('./policy-section.js').then((m) => ({ default: m.PolicySection }))),
  settings: lazy(() => import('./settings-section.js').then((m) => ({ default: m.SettingsSection }))),
  people: lazy(() => import('./people-section.js').then((m) => ({ default: m.PeopleSection }))),
  campaigns: lazy(() => import('./campaigns-section.js').then((m) => ({ default: m.CampaignsSection }))),
  topics: lazy(() => import('./topics-section.js').then((m) => ({ default: m.TopicsSection }))),
  contests: lazy(() => import('./contests-section.js').then((m) => ({ default: m.ContestsSection }))),
  audit: lazy(() => import('./audit-section.js').then((m) => ({ default: m.AuditSection }))),
} as const;

export function AdminPage() {
  const layout = usePageStyles();
  const { t } = useTranslation('admin');
  const { me } = useTabContext();
  const location = useHashLocation();
  const roles: readonly Role[] = me?.roles ?? [];
  const visible = SECTIONS.filter((s) => s.roles.some((r) => roles.includes(r)));
  const asked = location.rest[0] ?? '';
  const section = (visible.find((s) => s.id === asked) ?? visible[0])?.id as keyof typeof VIEWS | undefined;
  const View = section ? VIEWS[section] : undefined;
  return (
    <section className={mergeClasses(layout.page, layout.wide)} aria-labelledby="admin-title">
      <div className={layout.titles}>
        <Text as="h1" id="admin-title" size={700} weight="semibold" className={layout.h1}>{t('title')}</Text>
        <Text as="p" className={layout.subtitle}>{t('subtitle')}</Text>
      </div>
      <TabList selectedValue={section} onTabSelect={(_e, d) => { window.location.hash = routeHref('admin', String(d.value)); }} aria-label={t('nav.label')}>
        {visible.map((s) => <Tab key={s.id} value={s.id} data-testid={`admin-tab-${s.id}`}>{t(`nav.${s.id}`)}</Tab>)}
      </TabList>
      {View && (
        <Suspense fallback={<Spinner label={t('common.loading')} />}>
          <View />
        </Suspense>
      )}
    </section>
  );
}
