import type { TopicsCatalog } from './index.js';

export const th: TopicsCatalog = {
  title: 'หัวข้อ',
  subtitle: 'ศูนย์รวมตามหัวข้อ: ใครพูดเรื่องอะไร และเสียงภายนอกที่แต่ละหัวข้อรับฟัง',
};
