import type { CommonCatalog } from './index.js';

export const ru: CommonCatalog = {
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
    observer: 'Наблюдатель',
    sharer: 'Распространитель',
    networker: 'Сетевик',
    influencer: 'Инфлюенсер',
  },
  category: {
    company: 'Компания',
    industry: 'Отрасль',
    'personal-interest': 'Личные интересы',
  },
  network: { linkedin: 'LinkedIn', x: 'X', facebook: 'Facebook' },
  error: {
    generic: 'Что-то пошло не так. Попробуйте ещё раз.',
    notFound: 'Не найдено.',
    forbidden: 'У вас нет доступа к этому разделу.',
    unauthenticated: 'Пожалуйста, войдите снова.',
    badRequest: 'Некорректный запрос: {{details}}',
    conflict: 'Кто-то изменил это одновременно с вами. Обновите страницу и попробуйте снова.',
  },
};
