import type { TopicsCatalog } from './index.js';

export const ru: TopicsCatalog = {
  title: 'Темы',
  subtitle: 'Наши тематические хабы: кто о чём говорит и к каким внешним голосам прислушивается каждая тема.',
};
