import type { SharingCatalog } from './index.js';

export const zh: SharingCatalog = {
  disclosure: '我在{{company}}工作。#员工',
  network: { linkedin: 'LinkedIn', x: 'X', facebook: 'Facebook' },
  why: {
    topic: '你关注“{{topic}}”，你的人脉会很想听听你对这件事的看法。',
    team: '为你的团队挑选：和你每天的工作息息相关。',
    persona: {
      observer: '很适合作为第一次分享：用自己的话加一句，然后发布。',
      sharer: '很适合你平时的分享，也能给关注你的人带来新视角。',
      networker: '凭借你庞大的人脉，一条动态就能传得很远。',
      influencer: '你的受众期待你对这类话题的观点，加上你自己的看法吧。',
    },
  },
  facebook: {
    title: '分享到 Facebook',
    intro: 'Facebook 不允许应用预先填写帖子内容。请先在这里复制文字，再粘贴到接下来打开的 Facebook 发帖窗口中。',
    label: '你的文字',
    copy: '复制文字',
    copied: '已复制。现在前往 Facebook 粘贴即可。',
    noScript: '请选中文字并复制，然后继续。',
    continue: '前往 Facebook',
  },
  policyPage: {
    missingTitle: '没有可显示的政策',
    missing: '这里尚未发布社交媒体政策。如果你是从 Teams 中的链接打开的，请联系项目协调人。',
    version: '第 {{version}} 版',
  },
  refused: {
    title: '此分享链接无法使用',
    'unknown-code': '此链接无效。请在 Teams 中重新打开分享卡片，并使用卡片上的按钮。',
    'network-not-offered': '你所在的项目未开放分享到此平台。请在 Teams 的分享卡片中选择其他平台。',
    'policy-not-acknowledged': '分享之前，请先阅读并同意社交媒体政策。你可以在 Teams 中与 Advocacy Hub 的聊天里找到它。',
    'content-unavailable': '此内容已无法分享。请到 Teams 中的内容板查看最新内容。',
    back: '没有发布任何内容，也没有任何记录。你可以关闭此页面。',
  },
};
