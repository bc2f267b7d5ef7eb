/** Strings shared by every surface: product name, persona and role names, languages. */
export const en = {
  productName: 'Advocacy Hub',
  languageName: {
    en: 'English',
    ja: '日本語',
    th: 'ไทย',
    ru: 'Русский',
    it: 'Italiano',
    zh: '中文',
  },
  persona: {
    observer: 'Observer',
    sharer: 'Sharer',
    networker: 'Networker',
    influencer: 'Influencer',
  },
  category: {
    company: 'Company',
    industry: 'Industry',
    'personal-interest': 'Personal interest',
  },
  network: { linkedin: 'LinkedIn', x: 'X', facebook: 'Facebook' },
  error: {
    generic: 'Something went wrong. Please try again.',
    notFound: 'Not found.',
    forbidden: 'You do not have access to this.',
    unauthenticated: 'Please sign in again.',
    badRequest: 'The request was not valid: {{details}}',
    conflict: 'Someone else changed this at the same time. Reload and try again.',
  },
};
