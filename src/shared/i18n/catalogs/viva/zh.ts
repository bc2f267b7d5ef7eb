import type { VivaCatalog } from './index.js';

/** Viva Connections 仪表板卡片（简体中文）。 */
export const zh: VivaCatalog = {
  title: 'Advocacy Hub',
  card: {
    waiting_one: '{{value}} 篇帖子等你分享',
    waiting_few: '{{value}} 篇帖子等你分享',
    waiting_many: '{{value}} 篇帖子等你分享',
    waiting_other: '{{value}} 篇帖子等你分享',
    clicks_one: '本周 {{value}} 次点击',
    clicks_few: '本周 {{value}} 次点击',
    clicks_many: '本周 {{value}} 次点击',
    clicks_other: '本周 {{value}} 次点击',
    rank: '第 {{rank}} 名，共 {{ranked}} 人',
    notRanked: '暂无排名',
    noContest: '当前没有进行中的竞赛',
    open: '热门帖子',
    join: '请在 Teams 中打开 Advocacy Hub 加入计划。',
    joinButton: '在 Teams 中打开',
  },
  quick: {
    title: '为你推荐的热门帖子',
    empty: '看板上的帖子你都已分享。新帖子会显示在这里。',
    share: '分享',
    board: '打开看板',
    shareTitle: '分享这篇帖子',
    shareHint: '每个按钮都会打开对应的社交网络并填入建议文本。请检查后由你自己发布。',
    shareOn: '在 {{network}} 上分享',
    sharedOn: '已在 {{network}} 上分享',
    back: '返回',
    policyFirst: '首次分享前，请在 Teams 的 Advocacy Hub 中阅读并同意社交媒体政策。',
    unavailable: '这篇帖子已不在看板上。',
  },
};
