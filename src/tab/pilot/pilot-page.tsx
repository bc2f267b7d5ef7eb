/** Placeholder until the page is built; replaced by its own module. */
import { ComingSoon } from '../shell/coming-soon.js';

export function PilotPage() {
  return <ComingSoon page="pilot" />;
}
