/** Links from chat to the tab: a Teams deep link with the app id, else the tab URL. */
import { describe, expect, it } from 'vitest';
import { tabPageUrl } from '../../../src/bot/teams/tab-links.js';
import { topicHubUrl } from '../../../src/bot/teams/topic-decision-notifier.js';

describe('tabPageUrl', () => {
  it('deep-links a static tab in Teams, or opens the tab locally; a target adds the sub-entity or the hash path', () => {
    expect(tabPageUrl({ publicBaseUrl: 'https://hub.example.com', teamsAppId: 'app id' }, 'board')).toBe('https://teams.microsoft.com/l/entity/app%20id/board');
    expect(tabPageUrl({ publicBaseUrl: 'https://hub.example.com//' }, 'leaderboard')).toBe('https://hub.example.com/tab/#/leaderboard');
    expect(topicHubUrl({ publicBaseUrl: 'https://hub.example.com', teamsAppId: 'app' }, 'ai ethics')).toBe(
      `https://teams.microsoft.com/l/entity/app/topics?context=${encodeURIComponent('{"subEntityId":"topic:ai ethics"}')}`,
    );
    expect(topicHubUrl({ publicBaseUrl: 'http://localhost:3978/' }, 'ai ethics')).toBe('http://localhost:3978/tab/#/topics/ai%20ethics');
  });
});
