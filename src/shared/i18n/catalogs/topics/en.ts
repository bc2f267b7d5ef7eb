/** Strings of the topics namespace (topic hubs, pyramid roles, influencer maps). */
export const en = {
  title: 'Topics',
  subtitle: 'Our topic hubs: who speaks for what, and the outside voices each topic listens to.',
};
