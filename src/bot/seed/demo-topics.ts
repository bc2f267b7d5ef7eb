/** Demo topics (seed 004: topics, not products) with names in every shipped language. */
import type { Topic } from '../../shared/domain/types.js';

export const DEMO_TOPICS: Topic[] = [
  { id: 'employee-advocacy', name: { en: 'Employee advocacy', ja: '従業員アドボカシー', th: 'การสนับสนุนโดยพนักงาน', ru: 'Адвокация сотрудников', it: 'Advocacy dei dipendenti', zh: '员工倡导' } },
  { id: 'social-selling', name: { en: 'Social selling', ja: 'ソーシャルセリング', th: 'การขายผ่านโซเชียล', ru: 'Социальные продажи', it: 'Social selling', zh: '社交销售' } },
  { id: 'customer-engagement', name: { en: 'Customer engagement', ja: '顧客エンゲージメント', th: 'การมีส่วนร่วมของลูกค้า', ru: 'Вовлечение клиентов', it: 'Coinvolgimento dei clienti', zh: '客户参与' } },
  { id: 'thought-leadership', name: { en: 'Thought leadership', ja: 'ソートリーダーシップ', th: 'ความเป็นผู้นำทางความคิด', ru: 'Экспертное лидерство', it: 'Thought leadership', zh: '思想领导力' } },
  { id: 'employer-branding', name: { en: 'Employer branding', ja: '採用ブランディング', th: 'แบรนด์นายจ้าง', ru: 'HR-бренд', it: 'Employer branding', zh: '雇主品牌' } },
  { id: 'marketing-analytics', name: { en: 'Marketing analytics', ja: 'マーケティング分析', th: 'การวิเคราะห์การตลาด', ru: 'Маркетинговая аналитика', it: 'Analisi di marketing', zh: '营销分析' } },
  { id: 'innovation', name: { en: 'Innovation', ja: 'イノベーション', th: 'นวัตกรรม', ru: 'Инновации', it: 'Innovazione', zh: '创新' } },
  { id: 'sustainability', name: { en: 'Sustainability', ja: 'サステナビリティ', th: 'ความยั่งยืน', ru: 'Устойчивое развитие', it: 'Sostenibilità', zh: '可持续发展' } },
  { id: 'community-impact', name: { en: 'Community impact', ja: '地域社会への貢献', th: 'ผลกระทบต่อชุมชน', ru: 'Вклад в сообщество', it: 'Impatto sociale', zh: '社区影响' } },
];
