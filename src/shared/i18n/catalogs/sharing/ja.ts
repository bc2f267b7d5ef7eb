import type { SharingCatalog } from './index.js';

export const ja: SharingCatalog = {
  disclosure: '{{company}}で働いています。#社員',
  network: { linkedin: 'LinkedIn', x: 'X', facebook: 'Facebook' },
  why: {
    topic: '{{topic}}をフォローしているあなたの視点は、つながっている人たちにとって貴重です。',
    team: 'あなたのチーム向けに選ばれた投稿です。日々の仕事に近い内容です。',
    persona: {
      observer: '最初のシェアにぴったりです。ひとこと自分の言葉を添えて投稿してみましょう。',
      sharer: 'いつもの投稿に合う内容です。フォロワーに新しい視点を届けられます。',
      networker: 'あなたの大きなネットワークなら、ひとつの投稿で遠くまで届きます。',
      influencer: 'あなたのフォロワーは、こうした話題へのあなたの意見を待っています。',
    },
  },
  facebook: {
    title: 'Facebook でシェア',
    intro: 'Facebook では、アプリが投稿文をあらかじめ入力することができません。ここで文章をコピーし、次に開く Facebook の投稿画面に貼り付けてください。',
    label: '投稿文',
    copy: '文章をコピー',
    copied: 'コピーしました。Facebook に進んで貼り付けてください。',
    noScript: '文章を選択してコピーしてから、次へ進んでください。',
    continue: 'Facebook に進む',
  },
  policyPage: {
    missingTitle: '表示できるポリシーがありません',
    missing: 'ここにはまだソーシャルメディアポリシーが公開されていません。Teams のリンクから開いた場合は、プログラム担当者にお問い合わせください。',
    version: '第{{version}}版',
  },
  refused: {
    title: 'このシェアリンクは使用できません',
    'unknown-code': 'このリンクは無効です。Teams でシェアの案内をもう一度開き、そのボタンを使ってください。',
    'network-not-offered': 'このネットワークへのシェアは、プログラムで提供されていません。Teams のシェアの案内で別のネットワークを選んでください。',
    'policy-not-acknowledged': 'シェアする前に、ソーシャルメディアポリシーを読んで同意してください。Teams の Advocacy Hub とのチャットで確認できます。',
    'content-unavailable': 'この投稿はもうシェアできません。Teams のボードで最新の投稿をご覧ください。',
    back: '何も投稿されておらず、記録もされていません。このページは閉じてかまいません。',
  },
};
