import type { BotCatalog } from './index.js';

export const zh: BotCatalog = {
  welcome: {
    greeting: '{{name}}，你好！',
    title: '欢迎使用 Advocacy Hub',
    intro: '我帮助你用自己的话，把公司的动态分享给你的人脉。',
    points: {
      prompts: '根据你的角色、话题和语言挑选的帖子会发送到这里，你可以编辑后分享到 LinkedIn、X 或 Facebook。',
      impact: '查看你的分享带来的点击量、你的积分，以及你在当前竞赛中的排名。',
      growth: '适合你学习风格的简短培训，帮助你按照自己的节奏成长。',
    },
    helpHint: '随时输入 **help** 查看命令列表。',
    languageHint: '我会使用你的 Teams 语言回复。如需更改，请输入 **language** 加语言代码，例如 **language zh**。',
    helpAction: '显示命令',
  },
  help: {
    intro: '我可以为你做这些事，请输入命令：',
    line: '**{{command}}**：{{description}}',
    commands: {
      help: '显示此命令列表',
      language: '更改我与你交流的语言（{{options}}）',
      myScore: '显示你在当前竞赛中的点击量、积分和排名',
      leaderboard: '显示当前竞赛的领先者',
      board: '打开可供分享的帖子看板',
      stop: '暂停分享推荐',
      start: '恢复分享推荐',
    },
  },
  language: {
    changed: '已设置。从现在起，我将使用{{language}}与你交流。',
    current: '我目前使用{{language}}与你交流。如需更改，请输入 **language** 加以下代码之一：{{options}}。',
    unknown: '我不认识语言“{{input}}”。请输入 **language** 加以下代码之一：{{options}}。',
    personalOnly: '我只能在我们的个人聊天中保存语言设置。请在个人聊天中向我发送 **language {{code}}**。',
  },
  error: {
    generic: '抱歉，我这边出了点问题。请稍后再试。',
  },
};
