/** Strings of the tab. */
export const en = {
  placeholder: 'placeholder',
};
