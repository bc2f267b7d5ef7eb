import type { TabCatalog } from './index.js';

export const ru: TabCatalog = {
  app: {
    loading: 'Загрузка Advocacy Hub…',
    skipToContent: 'Перейти к содержимому',
    navLabel: 'Разделы Advocacy Hub',
    standaloneBadge: 'Просмотр вне Teams',
    viewingAs: 'Просмотр от имени {{user}}',
    notFoundTitle: 'Страница не найдена',
    notFoundBody: 'Эта страница не существует или была перемещена.',
    backToBoard: 'Перейти к доске',
  },
  nav: {
    board: 'Доска',
  },
  board: {
    title: 'Доска публикаций',
    subtitle: 'Публикации, которыми можно поделиться со своей сетью — своими словами.',
    postCount_one: '{{count}} публикация',
    postCount_few: '{{count}} публикации',
    postCount_many: '{{count}} публикаций',
    postCount_other: '{{count}} публикации',
    filters: {
      label: 'Фильтр публикаций',
      category: 'Категория',
      all: 'Все',
      language: 'Язык',
      allLanguages: 'Все языки',
    },
    card: {
      published: 'Опубликовано {{date}}',
      writtenIn: 'Язык: {{language}}',
      topics: 'Темы',
      open: 'Открыть статью',
      openLabel: 'Открыть «{{title}}» в новой вкладке',
    },
    loading: 'Загрузка публикаций…',
    refreshing: 'Обновление…',
    list: 'Публикации',
    empty: {
      title: 'Пока ничего нет',
      filtered: 'Нет публикаций по этим фильтрам. Выберите другую категорию или язык.',
      unfiltered: 'Здесь появятся новые публикации от команды программы.',
      clear: 'Сбросить фильтры',
    },
    error: {
      title: 'Не удалось загрузить доску',
      retry: 'Повторить',
    },
  },
};
