/** Strings of the training namespace. */
export const en = {
  title: 'Training',
};
