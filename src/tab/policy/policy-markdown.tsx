/**
 * A policy's markdown as HTML: parsed with `marked`, sanitised with DOMPurify (scripts, event
 * handlers, `javascript:` links and the like removed), links opened outside the tab. Only the
 * Policy page imports this module, so both libraries load with that page and never with the board.
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
    '& h1, & h2, & h3': { margin: `${tokens.spacingVerticalL} 0 ${tokens.spacingVerticalS}`, lineHeight: tokens.lineHeightBase500 },
    '& h1': { fontSize: tokens.fontSizeBase600 },
    '& h2': { fontSize: tokens.fontSizeBase500 },
    '& h3': { fontSize: tokens.fontSizeBase400 },
    '& > :first-child': { marginTop: 0 },
    '& p, & ul, & ol': { margin: `0 0 ${tokens.spacingVerticalM}` },
    '& li': { marginBottom: tokens.spacingVerticalXS },
    '& a': { color: tokens.colorBrandForegroundLink, textDecoration: 'underline' },
    '& a:hover': { color: tokens.colorBrandForegroundLinkHover },
    '& code': { fontFamily: tokens.fontFamilyMonospace, backgroundColor: tokens.colorNeutralBackground3, padding: `0 ${tokens.spacingHorizontalXXS}`, borderRadius: tokens.borderRadiusSmall },
    '& blockquote': { margin: `0 0 ${tokens.spacingVerticalM}`, paddingLeft: tokens.spacingHorizontalM, borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorNeutralStroke1}`, color: tokens.colorNeutralForeground2 },
  },
});

let hooked = false;

/** Markdown to safe HTML (exported for tests). */
export function renderPolicyHtml(markdown: string): string {
  if (!hooked) {
    DOMPurify.addHook('afterSanitizeAttributes', (node) => {
      if (node.tagName === 'A' && node.getAttribute('href')) {
        node.setAttribute('target', '_blank');
        node.setAttribute('rel', 'noopener noreferrer');
      }
    });
    hooked = true;
  }
  // The page has its h1 and the policy title is an h2: the text's own headings start at h3.
  const html = marked.parse(markdown, {
    async: false,
    gfm: true,
    walkTokens: (token) => {
      if (token.type === 'heading') token.depth = Math.min(6, token.depth + 2);
    },
  });
  return DOMPurify.sanitize(html, { USE_PROFILES: { html: true } });
}

export function PolicyMarkdown({ markdown, label, lang }: { markdown: string; label: string; lang: string }) {
  const styles = useStyles();
  const html = useMemo(() => renderPolicyHtml(markdown), [markdown]);
  // Safe: the HTML comes out of DOMPurify just above.
  return <article className={styles.prose} aria-label={label} lang={lang} data-testid="policy-text" dangerouslySetInnerHTML={{ __html: html }} />;
}
