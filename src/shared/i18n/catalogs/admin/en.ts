/** Strings of the admin namespace (the Admin tab). */
export const en = {
  title: 'Admin',
};
