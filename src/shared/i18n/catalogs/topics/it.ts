import type { TopicsCatalog } from './index.js';

export const it: TopicsCatalog = {
  title: 'Temi',
  subtitle: 'I nostri hub tematici: chi parla di cosa e le voci esterne che ogni tema ascolta.',
};
