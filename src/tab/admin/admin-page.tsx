/** Placeholder until the page is built; replaced by its own module. */
import { ComingSoon } from '../shell/coming-soon.js';

export function AdminPage() {
  return <ComingSoon page="admin" />;
}
