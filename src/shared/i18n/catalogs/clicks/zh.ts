import type { ClicksCatalog } from './index.js';

export const zh: ClicksCatalog = {
  notFound: {
    title: '此链接无法使用',
    body: '找不到此链接。地址可能有误，或者只复制了一部分。请检查地址，或请分享者重新发送一次。',
  },
  unavailable: {
    title: '请稍后再试',
    body: '暂时无法打开此链接，请稍等片刻后刷新页面。',
  },
  tooMany: {
    title: '请求过多',
    body: '此地址在过去一分钟内打开链接的次数过多。请稍候再试。',
  },
};
