/** Strings of the impact namespace. */
export const en = {
  title: 'Impact',
};
