import { LANGUAGE_ENDONYMS } from '../../language-names.js';
import type { CommonCatalog } from './index.js';

export const ru: CommonCatalog = {
  productName: 'Advocacy Hub',
  languageName: LANGUAGE_ENDONYMS,
  role: {
    employee: 'Сотрудник',
    trainer: 'Тренер',
    executive: 'Руководитель',
    coordinator: 'Координатор',
    admin: 'Администратор',
  },
  persona: {
    observer: 'Наблюдатель',
    sharer: 'Распространитель',
    networker: 'Сетевик',
    influencer: 'Инфлюенсер',
    next: {
      'take-audit': 'Пройдите двухминутный аудит соцсетей, чтобы мы предлагали подходящие вам материалы и обучение.',
      'keep-pace': 'Вы делитесь в своём темпе ({{postsPerMonth}} публикаций в месяц). Продолжайте делиться тем, что нравится: большего никто не ждёт.',
      observer: { grow: 'Попробуйте публиковать на {{postsNeeded}} больше в месяц (около {{targetPostsPerMonth}}) и добавить {{audienceNeeded}} контактов из вашей области.' },
      sharer: { 'grow-network': 'Вы делитесь регулярно. Расширьте сеть на {{audienceNeeded}} контактов (примерно до {{targetAudience}}), чтобы ваши публикации видело больше людей.' },
      networker: { 'post-more': 'У вас большая сеть. Публикуйте на {{postsNeeded}} больше в месяц (около {{targetPostsPerMonth}}), чтобы она слышала вас.' },
      influencer: { 'lead-topics': '{{audience}} подписчиков и {{postsPerMonth}} публикаций в месяц: вы можете вести тему. Пишите своими словами и знакомьте коллег с экспертами.' },
      leader: { 'model-behaviour': 'Руководители начинают первыми: несколько публикаций в месяц своими словами (сейчас {{postsPerMonth}}) показывают пример всем.' },
    },
  },
  category: {
    company: 'Компания',
    industry: 'Отрасль',
    'personal-interest': 'Личные интересы',
  },
  network: { linkedin: 'LinkedIn', x: 'X', facebook: 'Facebook' },
  error: {
    tooManyRequests: 'Слишком много запросов. Подождите немного и попробуйте снова.',
    unavailable: 'Сервис временно недоступен (нет связи с хранилищем). Ничего не потеряно; попробуйте ещё раз чуть позже.',
    generic: 'Что-то пошло не так. Попробуйте ещё раз.',
    notFound: 'Не найдено.',
    forbidden: 'У вас нет доступа к этому разделу.',
    unauthenticated: 'Пожалуйста, войдите снова.',
    badRequest: 'Некорректный запрос: {{details}}',
    conflict: 'Кто-то изменил это одновременно с вами. Обновите страницу и попробуйте снова.',
  },
};
