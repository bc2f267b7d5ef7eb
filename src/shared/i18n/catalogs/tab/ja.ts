import type { TabCatalog } from './index.js';

export const ja: TabCatalog = {
  app: {
    loading: 'Advocacy Hub を読み込んでいます…',
    skipToContent: 'コンテンツへスキップ',
    navLabel: 'Advocacy Hub のセクション',
    standaloneBadge: 'Teams 外でのプレビュー',
    viewingAs: '{{user}} として表示中',
    notFoundTitle: 'ページが見つかりません',
    notFoundBody: 'このページは存在しないか、移動されました。',
    backToBoard: 'ボードへ移動',
  },
  nav: {
    board: 'ボード',
  },
  board: {
    title: 'コンテンツ ボード',
    subtitle: 'あなた自身の言葉でネットワークに共有できる投稿です。',
    postCount_one: '{{count}} 件の投稿',
    postCount_few: '{{count}} 件の投稿',
    postCount_many: '{{count}} 件の投稿',
    postCount_other: '{{count}} 件の投稿',
    filters: {
      label: '投稿を絞り込む',
      category: 'カテゴリ',
      all: 'すべて',
      language: '言語',
      allLanguages: 'すべての言語',
    },
    card: {
      published: '公開日: {{date}}',
      writtenIn: '言語: {{language}}',
      topics: 'トピック',
      open: '記事を開く',
      openLabel: '「{{title}}」を新しいタブで開く',
    },
    loading: '投稿を読み込んでいます…',
    refreshing: '更新しています…',
    list: '投稿',
    empty: {
      title: 'まだ投稿はありません',
      filtered: 'この条件に一致する投稿はありません。別のカテゴリや言語をお試しください。',
      unfiltered: 'プログラム チームからの新しい投稿がここに表示されます。',
      clear: '絞り込みをクリア',
    },
    error: {
      title: 'ボードを読み込めませんでした',
      retry: '再試行',
    },
  },
};
