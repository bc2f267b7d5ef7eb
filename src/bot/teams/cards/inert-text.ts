/**
 * Content text shown in a card's TextBlock stays text. Teams renders TextBlock text as markdown,
 * so a title such as `[click](https://evil.example.com)` would become a link whose words hide its
 * target. An invisible zero-width space after every `]` breaks every link and image form
 * (`[a](u)`, `![a](u)`, `[a][r]`, `[r]: u`) while the words read the same; a bare URL stays
 * visible as itself. Used for text that comes from content, suggestions or people, never for the
 * app's own translated strings (which may use markdown on purpose).
 */

const ZERO_WIDTH_SPACE = '\u200B';

/** `text` with no markdown link or image syntax left (see the module comment). */
export function inertText(text: string): string {
  return text.replace(/\]/g, `]${ZERO_WIDTH_SPACE}`);
}
