import type { ClicksCatalog } from './index.js';

export const ja: ClicksCatalog = {
  notFound: {
    title: 'このリンクは利用できません',
    body: 'リンクが見つかりませんでした。アドレスに入力ミスがあるか、一部しかコピーされていない可能性があります。アドレスをご確認いただくか、共有した方にもう一度送ってもらってください。',
  },
  unavailable: {
    title: 'しばらくしてからもう一度お試しください',
    body: '現在このリンクを開けません。少し時間をおいてからページを再読み込みしてください。',
  },
};
