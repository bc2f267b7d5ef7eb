import type { CommonCatalog } from './index.js';

export const it: CommonCatalog = {
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
    observer: 'Osservatore',
    sharer: 'Condivisore',
    networker: 'Networker',
    influencer: 'Influencer',
  },
  category: {
    company: 'Azienda',
    industry: 'Settore',
    'personal-interest': 'Interessi personali',
  },
  network: { linkedin: 'LinkedIn', x: 'X', facebook: 'Facebook' },
  error: {
    generic: 'Si è verificato un errore. Riprova.',
    notFound: 'Non trovato.',
    forbidden: 'Non hai accesso a questa sezione.',
    unauthenticated: 'Accedi di nuovo.',
    badRequest: 'Richiesta non valida: {{details}}',
    conflict: 'Qualcun altro ha modificato questo elemento nello stesso momento. Ricarica e riprova.',
  },
};
