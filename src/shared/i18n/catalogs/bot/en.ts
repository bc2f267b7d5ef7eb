/** Strings of the bot. */
export const en = {
  placeholder: 'placeholder',
};
