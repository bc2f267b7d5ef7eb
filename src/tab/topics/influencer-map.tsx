/**
 * A topic's external influencer map (Lam, after Forrester's peer influence pyramid): the seven
 * tiers in order, each entry with its owners (employees), links opened in a new window, edit and
 * remove for the entry's owners, and the add/edit form. `extra` lets Admin > Topics add its owner
 * reassignment to an entry.
 */
import { Badge, Button, Dropdown, Field, Input, Link, Option, Text, Textarea, tokens, makeStyles } from '@fluentui/react-components';
import { Open16Regular, Warning16Filled } from '@fluentui/react-icons';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { InfluencerInput, InfluencerView } from '../../shared/contracts/topics.js';
import { INFLUENCER_TIERS, type InfluencerTier } from '../../shared/domain/topics.js';
import { useTabContext } from '../app/tab-context.js';
import { joinList } from './topics-ui.js';

const useStyles = makeStyles({
  tiers: { display: 'grid', gap: tokens.spacingHorizontalL, gridTemplateColumns: 'repeat(auto-fill, minmax(300px, 1fr))', alignItems: 'start' },
  tier: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    minWidth: 0,
  },
  entry: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: 'anywhere',
  },
  head: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  issue: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, color: tokens.colorStatusWarningForeground1 },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '640px' },
  formRow: { display: 'grid', gap: tokens.spacingHorizontalM, gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))' },
});

export interface InfluencerMapProps {
  entries: InfluencerView[];
  onEdit?: (entry: InfluencerView) => void;
  onRemove?: (entry: InfluencerView) => void;
  busy?: string | undefined;
  /** Admin controls under an entry (owner reassignment). */
  extra?: (entry: InfluencerView) => ReactNode;
}

/** The seven tiers with their entries; empty tiers say so (where to look next). */
export function InfluencerMap({ entries, onEdit, onRemove, busy, extra }: InfluencerMapProps) {
  const styles = useStyles();
  const { t } = useTranslation('topics');
  const { locale } = useTabContext();
  return (
    <div className={styles.tiers}>
      {INFLUENCER_TIERS.map((tier) => {
        const inTier = entries.filter((e) => e.tier === tier);
        const headingId = `tier-${tier}`;
        return (
          <section key={tier} className={styles.tier} aria-labelledby={headingId} data-testid={`tier-${tier}`}>
            <div className={styles.head}>
              <Text as="h3" id={headingId} weight="semibold" style={{ margin: 0 }}>{t(`tier.${tier}`)}</Text>
              <Badge appearance="tint" color={inTier.length ? 'brand' : 'informative'}>{inTier.length}</Badge>
            </div>
            <Text size={200} className={styles.muted}>{t(`tierHint.${tier}`)}</Text>
            {inTier.length === 0 && <Text size={200} italic className={styles.muted}>{t('map.emptyTier')}</Text>}
            {inTier.map((entry) => (
              <article key={entry.id} className={styles.entry} data-testid={`influencer-${entry.id}`} aria-label={entry.name}>
                <div className={styles.head}>
                  <Text weight="semibold">{entry.name}</Text>
                  {entry.handle && <Text size={200} className={styles.muted}>{entry.handle}</Text>}
                  {entry.url && (
                    <Link href={entry.url} target="_blank" rel="noopener noreferrer" aria-label={`${entry.name}: ${entry.url}`}>
                      <Open16Regular aria-hidden />
                    </Link>
                  )}
                </div>
                <Text size={200}>{entry.why}</Text>
                <Text size={200} className={styles.muted} data-testid="owners">{t('map.owners', { names: joinList(entry.owners.map((o) => o.name), locale) })}</Text>
                {entry.issues.length > 0 && (
                  <Text size={200} className={styles.issue}><Warning16Filled aria-hidden />{t('map.ownerIssue')}</Text>
                )}
                <div className={styles.actions}>
                  {entry.permissions.edit && onEdit && (
                    <Button size="small" onClick={() => onEdit(entry)} aria-label={t('map.editLabel', { name: entry.name })}>{t('map.edit')}</Button>
                  )}
                  {entry.permissions.remove && onRemove && (
                    <Button size="small" appearance="subtle" disabled={busy === entry.id} onClick={() => onRemove(entry)} aria-label={t('map.removeLabel', { name: entry.name })}>{t('map.remove')}</Button>
                  )}
                </div>
                {extra?.(entry)}
              </article>
            ))}
          </section>
        );
      })}
    </div>
  );
}

export interface InfluencerFormProps {
  entry?: InfluencerView;
  busy: boolean;
  onSubmit: (input: InfluencerInput) => void;
  onCancel?: () => void;
}

/** Add or edit one entry; the server validates again (https links only). */
export function InfluencerForm({ entry, busy, onSubmit, onCancel }: InfluencerFormProps) {
  const styles = useStyles();
  const { t } = useTranslation('topics');
  const [name, setName] = useState(entry?.name ?? '');
  const [tier, setTier] = useState<InfluencerTier>(entry?.tier ?? 'mass-maven');
  const [handle, setHandle] = useState(entry?.handle ?? '');
  const [url, setUrl] = useState(entry?.url ?? '');
  const [why, setWhy] = useState(entry?.why ?? '');
  const urlInvalid = url.trim() !== '' && !/^https:\/\/[^\s/]+/i.test(url.trim());
  return (
    <form
      className={styles.form}
      data-testid="influencer-form"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit({ name, tier, why, ...(handle.trim() ? { handle } : {}), ...(url.trim() ? { url } : {}) });
      }}
    >
      <Text as="h3" weight="semibold" style={{ margin: 0 }}>{entry ? t('form.editHeading', { name: entry.name }) : t('form.addHeading')}</Text>
      <div className={styles.formRow}>
        <Field label={t('form.name')} required>
          <Input value={name} onChange={(_e, d) => setName(d.value)} maxLength={120} data-testid="influencer-name" />
        </Field>
        <Field label={t('form.tier')} required>
          <Dropdown value={t(`tier.${tier}`)} selectedOptions={[tier]} onOptionSelect={(_e, d) => d.optionValue && setTier(d.optionValue as InfluencerTier)} data-testid="influencer-tier">
            {INFLUENCER_TIERS.map((x) => <Option key={x} value={x}>{t(`tier.${x}`)}</Option>)}
          </Dropdown>
        </Field>
      </div>
      <div className={styles.formRow}>
        <Field label={t('form.handle')} hint={t('form.handleHint')}>
          <Input value={handle} onChange={(_e, d) => setHandle(d.value)} maxLength={80} data-testid="influencer-handle" />
        </Field>
        <Field label={t('form.url')} hint={t('form.urlHint')} validationState={urlInvalid ? 'error' : 'none'}>
          <Input type="url" value={url} onChange={(_e, d) => setUrl(d.value)} maxLength={500} placeholder="https://" data-testid="influencer-url" />
        </Field>
      </div>
      <Field label={t('form.why')} required>
        <Textarea value={why} onChange={(_e, d) => setWhy(d.value)} maxLength={600} resize="vertical" data-testid="influencer-why" />
      </Field>
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={busy || name.trim() === '' || why.trim() === '' || urlInvalid} data-testid="influencer-submit">
          {entry ? t('form.save') : t('form.add')}
        </Button>
        {onCancel && <Button onClick={onCancel}>{t('form.cancel')}</Button>}
      </div>
    </form>
  );
}
