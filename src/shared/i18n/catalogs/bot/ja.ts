import type { BotCatalog } from './index.js';

export const ja: BotCatalog = {
  welcome: {
    greeting: '{{name}} さん、こんにちは！',
    title: 'Advocacy Hub へようこそ',
    intro: '会社のニュースを、あなた自身の言葉でネットワークに届けるお手伝いをします。',
    points: {
      prompts:
        'あなたの役割・トピック・言語に合わせて選んだ投稿がここに届きます。自由に編集して、LinkedIn、X、Facebook でシェアできます。',
      impact: 'シェアから生まれたクリック数、あなたのスコア、開催中のコンテストでの順位を確認できます。',
      growth: 'あなたの学習スタイルに合った短いトレーニングで、自分のペースで成長できます。',
    },
    helpHint: 'いつでも **help** と入力すると、コマンドの一覧が表示されます。',
    languageHint:
      'Teams の言語でお答えします。変更するには **language** に続けて言語コードを入力してください（例: **language ja**）。',
    helpAction: 'コマンドを表示',
  },
  help: {
    intro: 'できることは次のとおりです。コマンドを入力してください。',
    line: '**{{command}}**：{{description}}',
    commands: {
      help: 'このコマンド一覧を表示します',
      language: 'お話しする言語を変更します（{{options}}）',
      myScore: '開催中のコンテストでのクリック数、スコア、順位を表示します',
      leaderboard: '開催中のコンテストの上位アドボケイトを表示します',
      board: 'シェアできる投稿のボードを開きます',
      stop: 'シェアの提案を一時停止します',
      start: 'シェアの提案を再開します',
    },
  },
  language: {
    changed: '設定しました。これからは{{language}}でお話しします。',
    current:
      '現在は{{language}}でお話ししています。変更するには **language** に続けて次のいずれかを入力してください：{{options}}',
    unknown: '「{{input}}」という言語はわかりません。**language** に続けて次のいずれかを入力してください：{{options}}',
    personalOnly: '言語の設定は、私との個人チャットでのみ保存できます。個人チャットで **language {{code}}** と送信してください。',
  },
  error: {
    generic: '申し訳ありません。こちらで問題が発生しました。しばらくしてからもう一度お試しください。',
  },
};
