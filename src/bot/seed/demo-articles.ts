/**
 * Demo content made from the five seed articles (shared/seeds), in their own languages. Texts are
 * cleaned of the scraping noise the digest warns about (a stray "Life Style" label in 001, the
 * injected "乌干达电报数据" spam in 004); the seeder also runs the blocked-phrase check on them.
 */
import type { ContentItem } from '../../shared/domain/types.js';

type DemoItem = Omit<ContentItem, 'createdAt' | 'status'> & { publishedOn: string };

export const DEMO_ARTICLES: DemoItem[] = [
  {
    id: 'seed-000-onalytica-ja',
    title: '社内のインフルエンサーを活用する方法: Onalytica の最新調査からの主な調査結果',
    url: 'https://news.contoso.example/ja/internal-influencers-onalytica',
    summary:
      'バイヤーはブランドのメッセージよりも従業員の声を信頼します。Onalytica と Tribal Impact のレポート「Employee Advocacy 2.0」が、ペルソナ別のトレーニング、社外インフルエンサーとのつながり、経営陣による試験導入でプログラムを成功させる方法を解説します。',
    language: 'ja',
    category: 'industry',
    topics: ['employee-advocacy', 'social-selling'],
    targetTeams: [],
    targetPersonas: [],
    targetLanguages: ['ja'],
    suggestedTexts: [
      {
        network: 'linkedin',
        language: 'ja',
        variants: [
          '従業員が共有したコンテンツは、企業の投稿より3倍信頼され、クリック率は2倍だそうです。社内の声を活かすヒントがまとまっています。',
          'ブランドは従業員の影響力を「買う」ことはできない、という指摘が印象的でした。アドボカシー 2.0 の要点はこちら。',
        ],
      },
      { network: 'x', language: 'ja', variants: ['従業員の声はブランドより3倍信頼される。アドボカシー 2.0 の要点:'] },
    ],
    publishedOn: '2019-01-28',
  },
  {
    id: 'seed-001-onalytica-th',
    title: 'วิธีใช้ประโยชน์จากอินฟลูเอนเซอร์ภายในของคุณ: ข้อค้นพบที่สำคัญจากงานวิจัยล่าสุดของ Onalytica',
    url: 'https://news.contoso.example/th/internal-influencers-onalytica',
    summary:
      'ผู้ซื้อเชื่อถือพนักงานมากกว่าข้อความของแบรนด์ รายงาน Employee Advocacy 2.0 ของ Onalytica อธิบายวิธีจัดกลุ่มพนักงานตามเพอร์โซนา ตั้งเป้าหมายส่วนตัว และฝึกอบรมให้เหมาะกับแต่ละคน',
    language: 'th',
    category: 'industry',
    topics: ['employee-advocacy', 'social-selling'],
    targetTeams: [],
    targetPersonas: [],
    targetLanguages: ['th'],
    suggestedTexts: [
      {
        network: 'linkedin',
        language: 'th',
        variants: [
          'ลีดที่มาจากพนักงานปิดการขายได้มากกว่าแหล่งอื่นถึง 7 เท่า บทความนี้สรุปวิธีสร้างโปรแกรมที่พนักงานอยากมีส่วนร่วมจริง ๆ',
          'คนเชื่อคนมากกว่าโลโก้ ข้อค้นพบสำคัญจาก Onalytica เรื่องอินฟลูเอนเซอร์ภายในองค์กร',
        ],
      },
      { network: 'x', language: 'th', variants: ['พนักงานคือเสียงที่น่าเชื่อถือที่สุดของแบรนด์ สรุปจาก Onalytica:'] },
    ],
    publishedOn: '2019-01-28',
  },
  {
    id: 'seed-002-gaggleamp-ru',
    title: 'Адвокация сотрудников: интервью с основателем GaggleAMP',
    url: 'https://news.contoso.example/ru/gaggleamp-founder-interview',
    summary:
      'Основатель GaggleAMP о двух эффектах адвокации — охвате и вовлечённости — о том, почему сотрудникам нужен выбор, а не обязанность делиться всем, и как распределять публикации во времени, а не выпускать их одной волной.',
    language: 'ru',
    category: 'industry',
    topics: ['employee-advocacy', 'employer-branding'],
    targetTeams: [],
    targetPersonas: [],
    targetLanguages: ['ru'],
    suggestedTexts: [
      {
        network: 'linkedin',
        language: 'ru',
        variants: [
          'Компания из 17 человек утроила трафик и учетверила лиды за три месяца благодаря сотрудникам. Хорошее интервью о том, как это работает.',
          'Главная мысль: не ждите, что каждый будет делиться всем подряд. Дайте людям выбор.',
        ],
      },
      { network: 'x', language: 'ru', variants: ['Адвокация сотрудников = охват + культура. Интервью с основателем GaggleAMP:'] },
    ],
    publishedOn: '2021-03-15',
  },
  {
    id: 'seed-003-oktopost-it',
    title: "Come abbiamo utilizzato l'advocacy dei dipendenti per aumentare le conversioni sociali del 266% in 90 giorni",
    url: 'https://news.contoso.example/it/oktopost-266-percent-conversions',
    summary:
      'Un concorso di 90 giorni basato sui clic, non sulle condivisioni, contenuti pertinenti per ogni team e aggiornamenti settimanali: +53% sessioni, +50% clic e +266% conversioni social.',
    language: 'it',
    category: 'industry',
    topics: ['employee-advocacy', 'marketing-analytics'],
    targetTeams: [],
    targetPersonas: [],
    targetLanguages: ['it'],
    suggestedTexts: [
      {
        network: 'linkedin',
        language: 'it',
        variants: [
          'Premiare i clic invece delle condivisioni ha prodotto post più personali e +266% di conversioni. Un caso concreto di advocacy.',
          'Contenuti pertinenti per ogni team: è stata questa la svolta nel programma di advocacy di Oktopost.',
        ],
      },
      { network: 'x', language: 'it', variants: ['+266% conversioni social in 90 giorni con l\'advocacy dei dipendenti:'] },
    ],
    publishedOn: '2022-06-14',
  },
  {
    id: 'seed-004-lam-zh',
    title: '员工对其网络负责，而不是营销或传播部门',
    url: 'https://news.contoso.example/zh/employees-own-their-network',
    summary:
      '影响者营销的七步法：先确定主题而不是产品，再把员工与主题联系起来，按“内部影响者金字塔”确定每个人的角色，并由员工自己绘制和维护外部影响者地图。',
    language: 'zh',
    category: 'industry',
    topics: ['employee-advocacy', 'customer-engagement', 'thought-leadership'],
    targetTeams: [],
    targetPersonas: [],
    targetLanguages: ['zh'],
    suggestedTexts: [
      {
        network: 'linkedin',
        language: 'zh',
        variants: [
          '人们与人建立联系，而不是与标志。让员工成为内容背后的面孔——这篇文章讲清楚了步骤。',
          '先选主题，不选产品：“客户参与”是主题，CRM 不是。很实用的影响者方法。',
        ],
      },
      { network: 'x', language: 'zh', variants: ['员工拥有自己的网络，市场部只提供支持。七步影响者方法：'] },
    ],
    publishedOn: '2025-01-28',
  },
];
