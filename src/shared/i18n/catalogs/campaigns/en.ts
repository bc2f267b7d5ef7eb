/** Strings of the campaigns namespace. */
export const en = {
  title: 'Campaigns',
};
