import { LANGUAGE_ENDONYMS } from '../../language-names.js';
import type { CommonCatalog } from './index.js';

export const ja: CommonCatalog = {
  productName: 'Advocacy Hub',
  languageName: LANGUAGE_ENDONYMS,
  role: {
    employee: '従業員',
    trainer: 'トレーナー',
    executive: 'エグゼクティブ',
    coordinator: 'コーディネーター',
    admin: '管理者',
  },
  persona: {
    observer: 'オブザーバー',
    sharer: 'シェアラー',
    networker: 'ネットワーカー',
    influencer: 'インフルエンサー',
    next: {
      'take-audit': '2分間のソーシャル監査に答えると、あなたに合ったコンテンツとトレーニングを提案できます。',
      'keep-pace': 'あなたのペースで共有しています(月{{postsPerMonth}}件)。好きなものを共有し続けてください。それ以上は求められていません。',
      observer: { grow: '月にあと{{postsNeeded}}件(約{{targetPostsPerMonth}}件)共有し、同じ分野の人とあと{{audienceNeeded}}人つながってみましょう。' },
      sharer: { 'grow-network': '定期的に共有できています。つながりをあと{{audienceNeeded}}人(約{{targetAudience}}人まで)増やすと、より多くの人に届きます。' },
      networker: { 'post-more': '大きなネットワークをお持ちです。月にあと{{postsNeeded}}件(約{{targetPostsPerMonth}}件)共有すると、その人たちにあなたの声が届きます。' },
      influencer: { 'lead-topics': 'フォロワー{{audience}}人、月{{postsPerMonth}}件の投稿。あなたの言葉で書き、同僚と専門家をつなぐことで、トピックをリードできます。' },
      leader: { 'model-behaviour': 'まずはリーダーから。自分の言葉で月に数件(現在{{postsPerMonth}}件)投稿すると、全員の手本になります。' },
    },
  },
  category: {
    company: '会社',
    industry: '業界',
    'personal-interest': '個人の関心',
  },
  network: { linkedin: 'LinkedIn', x: 'X', facebook: 'Facebook' },
  error: {
    tooManyRequests: 'リクエストが多すぎます。少し待ってからもう一度お試しください。',
    unavailable: 'サービスが一時的に利用できません（ストレージに接続できません）。データは失われていません。しばらくしてからもう一度お試しください。',
    generic: '問題が発生しました。もう一度お試しください。',
    notFound: '見つかりません。',
    forbidden: 'これにアクセスする権限がありません。',
    unauthenticated: 'もう一度サインインしてください。',
    badRequest: 'リクエストが正しくありません: {{details}}',
    conflict: '他の人が同時に変更しました。再読み込みしてもう一度お試しください。',
    campaignLocked: 'このキャンペーンは開始済みまたは終了済みです。コンテンツ、対象者、期間は変更できず、削除もできません（配信記録と成果は保持されます）。一時停止またはキャンセルするか、新しい下書きに複製してください。',
    contestStarted: 'このコンテストは開始済みのため削除できません。代わりに早期終了してください（結果は保持されます）。',
    contestEnded: 'このコンテストは終了しています。結果は記録として残り、変更されません。',
    contestNotStarted: 'このコンテストはまだ開始していません。日程を変更するか、削除してください。',
    aiWritingOff: 'AI による文章作成の支援はここでは使えません。プログラム担当者が有効にしていないか、モデルが設定されていません。',
    aiTooManyRewrites: '短い時間に書き直しを何度も依頼しました。1 分ほど待ってからもう一度お試しください。文章は変更されていません。',
    aiBusy: '文章作成アシスタントが混み合っているか、応答が遅れています。文章は変更されていません。1 分ほどしてからもう一度お試しください。',
    aiFailed: '文章作成アシスタントは今回お手伝いできませんでした。文章は変更されていません。もう一度試すか、ご自身の言葉で書いてください。',
    aiRefused: '文章作成アシスタントはこの文章の書き直しを断りました（コンテンツ フィルター）。文章は変更されていません。',
  },
};
