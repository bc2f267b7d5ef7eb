/** Shown for an unknown hash route. */
import { useTranslation } from 'react-i18next';
import { TabNotice } from '../shell/page-gate.js';

/** Friendly 404 inside the tab. */
export function NotFound() {
  const { t } = useTranslation('tab');
  return <TabNotice title={t('app.notFoundTitle')} body={t('app.notFoundBody')} backToBoard />;
}
