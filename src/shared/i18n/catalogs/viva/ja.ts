import type { VivaCatalog } from './index.js';

/** Viva Connections ダッシュボード カード (日本語)。 */
export const ja: VivaCatalog = {
  title: 'Advocacy Hub',
  card: {
    waiting_one: 'シェア待ちの投稿 {{value}} 件',
    waiting_few: 'シェア待ちの投稿 {{value}} 件',
    waiting_many: 'シェア待ちの投稿 {{value}} 件',
    waiting_other: 'シェア待ちの投稿 {{value}} 件',
    clicks_one: '今週のクリック {{value}} 回',
    clicks_few: '今週のクリック {{value}} 回',
    clicks_many: '今週のクリック {{value}} 回',
    clicks_other: '今週のクリック {{value}} 回',
    rank: '{{ranked}} 人中 {{rank}} 位',
    notRanked: 'まだ順位はありません',
    noContest: '開催中のコンテストはありません',
    open: 'おすすめの投稿',
    join: 'Teams で Advocacy Hub を開いて、プログラムに参加してください。',
    joinButton: 'Teams で開く',
  },
  quick: {
    title: 'あなたへのおすすめ投稿',
    empty: 'ボードの投稿はすべてシェア済みです。新しい投稿はここに表示されます。',
    share: 'シェア',
    board: 'ボードを開く',
    shareTitle: 'この投稿をシェア',
    shareHint: '各ボタンで提案文が入った状態の SNS が開きます。内容を確認して、ご自身で投稿してください。',
    shareOn: '{{network}} でシェア',
    sharedOn: '{{network}} でシェア済み',
    back: '戻る',
    policyFirst: '最初のシェアの前に、Teams の Advocacy Hub でソーシャルメディアポリシーを読み、同意してください。',
    unavailable: 'この投稿はボードから削除されました。',
  },
};
