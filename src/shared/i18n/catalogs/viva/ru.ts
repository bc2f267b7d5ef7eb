import type { VivaCatalog } from './index.js';

/** Карточка панели мониторинга Viva Connections (русский). */
export const ru: VivaCatalog = {
  title: 'Advocacy Hub',
  card: {
    waiting_one: '{{value}} публикация ждёт вас',
    waiting_few: '{{value}} публикации ждут вас',
    waiting_many: '{{value}} публикаций ждут вас',
    waiting_other: '{{value}} публикации ждут вас',
    clicks_one: '{{value}} переход за эту неделю',
    clicks_few: '{{value}} перехода за эту неделю',
    clicks_many: '{{value}} переходов за эту неделю',
    clicks_other: '{{value}} перехода за эту неделю',
    rank: 'место {{rank}} из {{ranked}}',
    notRanked: 'пока без места в рейтинге',
    noContest: 'конкурс сейчас не проводится',
    open: 'Лучшие публикации',
    join: 'Откройте Advocacy Hub в Teams, чтобы присоединиться к программе.',
    joinButton: 'Открыть в Teams',
  },
  quick: {
    title: 'Лучшие публикации для вас',
    empty: 'Вы поделились всем, что есть на доске. Новые публикации появятся здесь.',
    share: 'Поделиться',
    board: 'Открыть доску',
    shareTitle: 'Поделиться публикацией',
    shareHint: 'Каждая кнопка открывает соцсеть с предложенным текстом. Проверьте его и опубликуйте сами.',
    shareOn: 'Поделиться в {{network}}',
    sharedOn: 'Опубликовано в {{network}}',
    back: 'Назад',
    policyFirst: 'Перед первой публикацией прочитайте политику работы в соцсетях в Advocacy Hub в Teams и примите её.',
    unavailable: 'Этой публикации больше нет на доске.',
  },
};
