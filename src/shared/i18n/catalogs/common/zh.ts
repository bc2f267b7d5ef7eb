import { LANGUAGE_ENDONYMS } from '../../language-names.js';
import type { CommonCatalog } from './index.js';

export const zh: CommonCatalog = {
  productName: 'Advocacy Hub',
  languageName: LANGUAGE_ENDONYMS,
  role: {
    employee: '员工',
    trainer: '培训师',
    executive: '高管',
    coordinator: '协调员',
    admin: '管理员',
  },
  persona: {
    observer: '观察者',
    sharer: '分享者',
    networker: '联络者',
    influencer: '影响者',
    next: {
      'take-audit': '完成两分钟的社交媒体自评，我们就能为你推荐合适的内容和培训。',
      'keep-pace': '你正按自己的节奏分享（每月 {{postsPerMonth}} 篇）。继续分享你喜欢的内容，没有人要求更多。',
      observer: { grow: '试着每月多分享 {{postsNeeded}} 篇（约 {{targetPostsPerMonth}} 篇），并与你所在领域再多联系 {{audienceNeeded}} 人。' },
      sharer: { 'grow-network': '你分享得很规律。再增加 {{audienceNeeded}} 位联系人（达到约 {{targetAudience}} 位），让更多人看到你的帖子。' },
      networker: { 'post-more': '你的人脉很广。每月多分享 {{postsNeeded}} 篇（约 {{targetPostsPerMonth}} 篇），让他们听到你的声音。' },
      influencer: { 'lead-topics': '你有 {{audience}} 位关注者、每月 {{postsPerMonth}} 篇帖子，可以引领一个主题：用自己的话写作，并把同事与专家联系起来。' },
      leader: { 'model-behaviour': '领导者先行：每月用自己的声音发几篇帖子（目前 {{postsPerMonth}} 篇），为大家做出示范。' },
    },
  },
  category: {
    company: '公司',
    industry: '行业',
    'personal-interest': '个人兴趣',
  },
  network: { linkedin: 'LinkedIn', x: 'X', facebook: 'Facebook' },
  error: {
    tooManyRequests: '请求过多。请稍候再试。',
    unavailable: '服务暂时不可用（无法连接存储）。没有丢失任何数据，请稍后重试。',
    generic: '出现问题，请重试。',
    notFound: '未找到。',
    forbidden: '你无权访问此内容。',
    unauthenticated: '请重新登录。',
    badRequest: '请求无效：{{details}}',
    conflict: '其他人同时修改了此内容。请刷新后重试。',
    campaignLocked: '此活动已启动或已结束：其内容、受众和时间段不能再更改，也永远不会被删除（投递记录和成果会保留）。请暂停或取消它，或将其复制为新的草稿。',
    contestStarted: '此竞赛已开始，无法删除。请改为提前结束：结果会被保留。',
    contestEnded: '此竞赛已结束：其结果已成为历史记录，保持不变。',
    contestNotStarted: '此竞赛尚未开始：请修改日期或将其删除。',
    aiWritingOff: '此处无法使用 AI 写作帮助：项目团队尚未开启，或未配置模型。',
    aiTooManyRewrites: '你在短时间内请求了太多次改写。请等一分钟再试；你的文字没有改变。',
    aiBusy: '写作助手当前繁忙或响应缓慢。你的文字没有改变；请一分钟后再试。',
    aiFailed: '写作助手这次没能帮上忙。你的文字没有改变；请重试，或用你自己的方式来写。',
    aiRefused: '写作助手拒绝改写这段文字（内容筛选）。你的文字没有改变。',
  },
};
