/**
 * Strings of the tab (namespace `tab`). Product, category, language and error names come from
 * `common`. Counts carry every plural suffix any shipped language needs (`_one`, `_few`, `_many`,
 * `_other`), so Russian can use all four while the other catalogs keep the same keys.
 */
export const en = {
  app: {
    loading: 'Loading Advocacy Hub…',
    skipToContent: 'Skip to content',
    navLabel: 'Advocacy Hub sections',
    standaloneBadge: 'Preview outside Teams',
    viewingAs: 'Viewing as {{user}}',
    notFoundTitle: 'Page not found',
    notFoundBody: 'This page does not exist or has moved.',
    backToBoard: 'Go to the board',
    viewAs: 'View as',
    viewAsLabel: 'Switch the person you view the tab as',
    notEnrolledTitle: 'You are not in the programme yet',
    notEnrolledBody: 'Ask your programme team to add you; then this tab shows your board and your impact.',
    notAllowedTitle: 'Not available for your role',
    notAllowedBody: 'This page is for other roles in the programme.',
    comingSoon: 'This page is being built.',
  },
  nav: {
    board: 'Board',
    impact: 'My impact',
    leaderboard: 'Leaderboard',
    policy: 'Policy',
    training: 'Training',
    pilot: 'Pilot',
    analytics: 'Analytics',
  },
  board: {
    title: 'Content board',
    subtitle: 'Posts ready to share with your network, in your own words.',
    postCount_one: '{{count}} post',
    postCount_few: '{{count}} posts',
    postCount_many: '{{count}} posts',
    postCount_other: '{{count}} posts',
    filters: {
      label: 'Filter posts',
      category: 'Category',
      all: 'All',
      language: 'Language',
      allLanguages: 'All languages',
    },
    card: {
      published: 'Published {{date}}',
      writtenIn: 'Written in {{language}}',
      topics: 'Topics',
      open: 'Open article',
      openLabel: 'Open “{{title}}” in a new tab',
    },
    loading: 'Loading posts…',
    refreshing: 'Updating…',
    list: 'Posts',
    empty: {
      title: 'Nothing here yet',
      filtered: 'No posts match these filters. Try another category or language.',
      unfiltered: 'New posts from your programme team will show up here.',
      clear: 'Clear filters',
    },
    error: {
      title: 'Could not load the board',
      retry: 'Try again',
    },
  },
};
