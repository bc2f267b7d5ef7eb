import type { TabCatalog } from './index.js';

export const zh: TabCatalog = {
  app: {
    loading: '正在加载 Advocacy Hub…',
    skipToContent: '跳到内容',
    navLabel: 'Advocacy Hub 栏目',
    standaloneBadge: 'Teams 外预览',
    viewingAs: '正在以 {{user}} 的身份查看',
    notFoundTitle: '找不到页面',
    notFoundBody: '此页面不存在或已被移动。',
    backToBoard: '前往内容板',
  },
  nav: {
    board: '内容板',
  },
  board: {
    title: '内容板',
    subtitle: '可用你自己的话分享给人脉的帖子。',
    postCount_one: '{{count}} 篇帖子',
    postCount_few: '{{count}} 篇帖子',
    postCount_many: '{{count}} 篇帖子',
    postCount_other: '{{count}} 篇帖子',
    filters: {
      label: '筛选帖子',
      category: '类别',
      all: '全部',
      language: '语言',
      allLanguages: '所有语言',
    },
    card: {
      published: '发布于 {{date}}',
      writtenIn: '语言：{{language}}',
      topics: '主题',
      open: '打开文章',
      openLabel: '在新标签页中打开“{{title}}”',
    },
    loading: '正在加载帖子…',
    refreshing: '正在更新…',
    list: '帖子',
    empty: {
      title: '这里还没有内容',
      filtered: '没有符合这些筛选条件的帖子。请尝试其他类别或语言。',
      unfiltered: '项目团队发布的新帖子会显示在这里。',
      clear: '清除筛选',
    },
    error: {
      title: '无法加载内容板',
      retry: '重试',
    },
  },
};
