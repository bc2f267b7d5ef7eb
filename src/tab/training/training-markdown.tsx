/**
 * A module's markdown body as safe HTML for the form's preview: parsed with `marked`, sanitised
 * with DOMPurify (no scripts, event handlers or `javascript:` links), links opened outside.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import DOMPurify from 'dompurify';
import { marked } from 'marked';
import { useMemo } from 'react';

const useStyles = makeStyles({
  prose: {
    color: tokens.colorNeutralForeground1,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase400,
    overflowWrap: 'anywhere',
    '& h3, & h4': { margin: `${tokens.spacingVerticalM} 0 ${tokens.spacingVerticalXS}`, fontSize: tokens.fontSizeBase400 },
    '& > :first-child': { marginTop: 0 },
    '& p, & ul, & ol': { margin: `0 0 ${tokens.spacingVerticalS}` },
    '& a': { color: tokens.colorBrandForegroundLink },
  },
});

/** Markdown to sanitised HTML; headings start at h3 (the page has h1 and the dialog h2). */
export function renderModuleHtml(markdown: string): string {
  const html = marked.parse(markdown, {
    async: false,
    gfm: true,
    walkTokens: (token) => {
      if (token.type === 'heading') token.depth = Math.min(6, token.depth + 2);
    },
  });
  const clean = DOMPurify.sanitize(html, { USE_PROFILES: { html: true } });
  return clean.replace(/<a /g, '<a target="_blank" rel="noopener noreferrer" ');
}

export function ModuleMarkdown({ markdown, label }: { markdown: string; label: string }) {
  const styles = useStyles();
  const html = useMemo(() => renderModuleHtml(markdown), [markdown]);
  // Safe: the HTML comes out of DOMPurify just above.
  return <div className={styles.prose} role="region" aria-label={label} dangerouslySetInnerHTML={{ __html: html }} />;
}
