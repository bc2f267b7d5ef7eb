import { LANGUAGE_ENDONYMS } from '../../language-names.js';

/** Strings shared by every surface: product name, persona and role names, languages. */
export const en = {
  productName: 'Advocacy Hub',
  languageName: LANGUAGE_ENDONYMS,
  role: {
    employee: 'Employee',
    trainer: 'Trainer',
    executive: 'Executive',
    coordinator: 'Coordinator',
    admin: 'Admin',
  },
  persona: {
    observer: 'Observer',
    sharer: 'Sharer',
    networker: 'Networker',
    influencer: 'Influencer',
    next: {
      'take-audit': 'Take the two-minute social audit so we can suggest content and training that fit you.',
      'keep-pace': 'You are sharing at your own pace ({{postsPerMonth}} posts a month). Keep sharing what you like; nobody expects more.',
      observer: { grow: 'Try sharing {{postsNeeded}} more posts a month (about {{targetPostsPerMonth}}) and connecting with {{audienceNeeded}} more people in your field.' },
      sharer: { 'grow-network': 'You share regularly. Grow your network by {{audienceNeeded}} connections (to about {{targetAudience}}) so more people see what you post.' },
      networker: { 'post-more': 'You have a large network. Sharing {{postsNeeded}} more posts a month (about {{targetPostsPerMonth}}) lets it hear from you.' },
      influencer: { 'lead-topics': 'With {{audience}} followers and {{postsPerMonth}} posts a month, you could lead a topic: write in your own words and connect colleagues with experts.' },
      leader: { 'model-behaviour': 'Leaders go first: a few posts a month in your own voice ({{postsPerMonth}} now) show everyone how it is done.' },
    },
  },
  category: {
    company: 'Company',
    industry: 'Industry',
    'personal-interest': 'Personal interest',
  },
  network: { linkedin: 'LinkedIn', x: 'X', facebook: 'Facebook' },
  error: {
    tooManyRequests: 'Too many requests. Please wait a moment and try again.',
    unavailable: 'The service is briefly unavailable (storage cannot be reached). Nothing was lost; please try again in a moment.',
    generic: 'Something went wrong. Please try again.',
    notFound: 'Not found.',
    forbidden: 'You do not have access to this.',
    unauthenticated: 'Please sign in again.',
    badRequest: 'The request was not valid: {{details}}',
    conflict: 'Someone else changed this at the same time. Reload and try again.',
    campaignLocked: 'This campaign has been launched or has finished: its content, audience and window no longer change, and it is never deleted (its deliveries and results stay). Pause or cancel it, or duplicate it into a new draft.',
    contestStarted: 'This contest has started, so it cannot be deleted. End it early instead: its results are kept.',
    contestEnded: 'This contest has ended: its results are history and stay as they are.',
    contestNotStarted: 'This contest has not started yet: change its dates or delete it instead.',
    aiWritingOff: 'AI writing help is not available here: your programme team has not turned it on, or no model is configured.',
    aiTooManyRewrites: 'You asked for many rewrites in a short time. Wait a minute and try again; your text is unchanged.',
    aiBusy: 'The writing assistant is busy or slow right now. Your text is unchanged; try again in a minute.',
    aiFailed: 'The writing assistant could not help this time. Your text is unchanged; try again, or write it your way.',
    aiRefused: 'The writing assistant declined this text (content filter). Your text is unchanged.',
  },
};
