/** "Export CSV" for one table of the Analytics page. */
import { Button } from '@fluentui/react-components';
import { ArrowDownload16Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportTable } from '../../shared/contracts/analytics.js';
import { useTabContext } from '../app/tab-context.js';
import { usePageStyles } from '../shell/page-layout.js';
import { downloadCsv, type PeriodChoice } from './use-analytics.js';

export function ExportButton({ table, name, period }: { table: ExportTable; name: string; period: PeriodChoice }) {
  const { t } = useTranslation('analytics');
  const { api } = useTabContext();
  const [busy, setBusy] = useState(false);
  const page = usePageStyles();
  return (
    <Button
      size="small"
      appearance="subtle"
      icon={<ArrowDownload16Regular />}
      disabled={busy}
      data-testid={`export-${table}`}
      onClick={() => {
        setBusy(true);
        void downloadCsv(api, period, table).finally(() => setBusy(false));
      }}
    >
      {t('analytics.export')}
      <span className={page.srOnly}>{` · ${name}`}</span>
    </Button>
  );
}
