import type { CommonCatalog } from './index.js';

export const zh: CommonCatalog = {
  productName: 'Advocacy Hub',
  languageName: {
    en: 'English',
    ja: '日本語',
    th: 'ไทย',
    ru: 'Русский',
    it: 'Italiano',
    zh: '中文',
  },
  persona: {
    observer: '观察者',
    sharer: '分享者',
    networker: '联络者',
    influencer: '影响者',
  },
  category: {
    company: '公司',
    industry: '行业',
    'personal-interest': '个人兴趣',
  },
  network: { linkedin: 'LinkedIn', x: 'X', facebook: 'Facebook' },
  error: {
    generic: '出现问题，请重试。',
    notFound: '未找到。',
    forbidden: '你无权访问此内容。',
    unauthenticated: '请重新登录。',
    badRequest: '请求无效：{{details}}',
    conflict: '其他人同时修改了此内容。请刷新后重试。',
  },
};
