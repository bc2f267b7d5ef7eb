import type { CommonCatalog } from './index.js';

export const ja: CommonCatalog = {
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
    observer: 'オブザーバー',
    sharer: 'シェアラー',
    networker: 'ネットワーカー',
    influencer: 'インフルエンサー',
  },
  category: {
    company: '会社',
    industry: '業界',
    'personal-interest': '個人の関心',
  },
  network: { linkedin: 'LinkedIn', x: 'X', facebook: 'Facebook' },
  error: {
    generic: '問題が発生しました。もう一度お試しください。',
    notFound: '見つかりません。',
    forbidden: 'これにアクセスする権限がありません。',
    unauthenticated: 'もう一度サインインしてください。',
    badRequest: 'リクエストが正しくありません: {{details}}',
    conflict: '他の人が同時に変更しました。再読み込みしてもう一度お試しください。',
  },
};
