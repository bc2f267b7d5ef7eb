/** Strings of the analytics namespace (Pilot and Analytics pages, pilot digest data). */
export const en = {
  title: 'Analytics',
};
