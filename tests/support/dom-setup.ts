/**
 * Testing Library waits up to 10 s (default 1 s) for what a component shows after a fetch or a
 * lazy import: on a loaded 2-core machine a page's first render alone can pass one second, and a
 * test must fail on wrong behaviour, not on a busy machine. An element that never appears still
 * fails the test, ten seconds later.
 */
import { configure } from '@testing-library/dom';

configure({ asyncUtilTimeout: 10_000 });
