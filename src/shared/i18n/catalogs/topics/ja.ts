import type { TopicsCatalog } from './index.js';

export const ja: TopicsCatalog = {
  title: 'トピック',
  subtitle: 'トピックごとのハブ：誰が何を語るのか、各トピックが耳を傾ける社外の声。',
};
