/**
 * The small markdown subset a policy is written in (headings, paragraphs, `-` lists, `**bold**`,
 * `*italic*`) rendered to HTML for a server page. Everything is escaped first and only our own
 * tags are added, so an admin's text can never inject markup or script; links stay plain text.
 */
import { escapeHtml } from './html-page.js';

function inline(text: string): string {
  return escapeHtml(text)
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/\*([^*]+)\*/g, '<em>$1</em>');
}

/**
 * Render markdown to HTML. `#` becomes `<h2>` and deeper headings `<h3>` (the page's own title is
 * the `<h1>`); consecutive `- ` lines form one list; other lines are joined into paragraphs.
 */
export function renderSafeMarkdown(markdown: string): string {
  const out: string[] = [];
  let paragraph: string[] = [];
  let list: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) out.push(`<p>${paragraph.map(inline).join(' ')}</p>`);
    if (list.length > 0) out.push(`<ul>${list.map((item) => `<li>${inline(item)}</li>`).join('')}</ul>`);
    paragraph = [];
    list = [];
  };
  for (const raw of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    const item = /^[-*]\s+(.*)$/.exec(line);
    if (line === '') {
      flush();
    } else if (heading) {
      flush();
      const tag = heading[1]!.length === 1 ? 'h2' : 'h3';
      out.push(`<${tag}>${inline(heading[2]!)}</${tag}>`);
    } else if (item) {
      if (paragraph.length > 0) flush();
      list.push(item[1]!);
    } else {
      if (list.length > 0) flush();
      paragraph.push(line);
    }
  }
  flush();
  return out.join('');
}
