/**
 * Strings of the bot (namespace `bot`): chat replies and card text. Command keywords (`help`,
 * `language`, ...) stay in English in every language because people type them; their
 * descriptions are translated. Language names come from `common.languageName`.
 */
export const en = {
  welcome: {
    greeting: 'Hi {{name}}!',
    title: 'Welcome to Advocacy Hub',
    intro: "I help you share the company's news with your network, in your own words.",
    points: {
      prompts:
        'Posts picked for your role, topics and language arrive here, ready to edit and share on LinkedIn, X or Facebook.',
      impact: 'You see the clicks your shares bring, your score and your rank in the current contest.',
      growth: 'Short training that fits your learning style helps you grow at your own pace.',
    },
    helpHint: 'Type **help** at any time to see the commands.',
    languageHint:
      'I answer in your Teams language. To change it, type **language** and a code, for example **language ja**.',
    helpAction: 'Show commands',
  },
  help: {
    intro: 'Here is what I can do. Type a command:',
    line: '**{{command}}**: {{description}}',
    commands: {
      help: 'show this list of commands',
      language: 'change the language I talk to you in ({{options}})',
      myScore: 'show your clicks, score and rank in the current contest',
      leaderboard: 'show the top advocates of the current contest',
      board: 'open the board of posts ready to share',
      stop: 'pause share prompts',
      start: 'resume share prompts',
    },
  },
  language: {
    changed: "Done. From now on I'll talk to you in {{language}}.",
    current: "I'm talking to you in {{language}}. To change it, type **language** and one of: {{options}}.",
    unknown: 'I don\'t know the language "{{input}}". Type **language** and one of: {{options}}.',
    personalOnly: 'I can only keep a language choice in our personal chat. Send me **language {{code}}** there.',
  },
  error: {
    generic: 'Sorry, something went wrong on my side. Please try again in a moment.',
  },
};
