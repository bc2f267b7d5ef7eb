/**
 * Fixtures for the card tests: one realistic data set per card, including the awkward parts
 * (a shared network with clicks, a name and a post with template syntax, Thai and Japanese text).
 */
import type { SharePromptCardData } from '../../../../src/bot/teams/cards/share-prompt/share-prompt.card.js';

export const PROMPT_CODE = 'p1a2b3c4d5e6f7g8';

export function promptFixture(overrides: Partial<SharePromptCardData> = {}): SharePromptCardData {
  return {
    promptCode: PROMPT_CODE,
    title: 'Our 2026 sustainability report: 41% less travel emissions',
    summary: 'How hybrid events and a new travel policy cut our travel emissions by 41% while customer meetings grew.',
    imageUrl: 'https://contoso.example/images/sustainability.png',
    category: 'company',
    topics: ['Sustainability', 'Employer branding'],
    why: 'You follow Sustainability.',
    networks: [
      {
        network: 'linkedin',
        text: 'Proud of this one: we cut travel emissions by 41% and met more customers than ever.',
        disclosure: 'I work at Contoso. #employee',
        length: 141,
        limit: 3000,
        intentUrl: `https://advocacy.example/s/${PROMPT_CODE}/linkedin`,
      },
      { network: 'x', text: 'We cut travel emissions by 41%.', length: 55, limit: 280, intentUrl: `https://advocacy.example/s/${PROMPT_CODE}/x` },
      { network: 'facebook', text: 'We cut travel emissions by 41%.', length: 31, limit: 63206, intentUrl: `https://advocacy.example/s/${PROMPT_CODE}/facebook` },
    ],
    state: 'open',
    boardDeepLink: 'https://advocacy.example/tab/#/board?item=c1',
    stage: 'open',
    refreshUserIds: ['29:1abc'],
    ...overrides,
  };
}
