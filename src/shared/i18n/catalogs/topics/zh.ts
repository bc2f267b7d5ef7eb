import type { TopicsCatalog } from './index.js';

export const zh: TopicsCatalog = {
  title: '话题',
  subtitle: '我们的话题中心：谁为哪个话题发声，以及每个话题关注的外部声音。',
};
