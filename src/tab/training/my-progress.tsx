/**
 * The person's training progress, shown on My impact. Owned by the Training page's module; until
 * training exists it renders nothing.
 */
export function MyTrainingProgress() {
  return null;
}
