import type { CommonCatalog } from './index.js';

export const th: CommonCatalog = {
  productName: 'Advocacy Hub',
  languageName: {
    en: 'English',
    ja: '日本語',
    th: 'ไทย',
    ru: 'Русский',
    it: 'Italiano',
    zh: '中文',
  },
  persona: {
    observer: 'ผู้สังเกตการณ์',
    sharer: 'ผู้แบ่งปัน',
    networker: 'นักสร้างเครือข่าย',
    influencer: 'อินฟลูเอนเซอร์',
  },
  category: {
    company: 'บริษัท',
    industry: 'อุตสาหกรรม',
    'personal-interest': 'ความสนใจส่วนตัว',
  },
  network: { linkedin: 'LinkedIn', x: 'X', facebook: 'Facebook' },
  error: {
    generic: 'เกิดข้อผิดพลาด โปรดลองอีกครั้ง',
    notFound: 'ไม่พบข้อมูล',
    forbidden: 'คุณไม่มีสิทธิ์เข้าถึงส่วนนี้',
    unauthenticated: 'โปรดลงชื่อเข้าใช้อีกครั้ง',
    badRequest: 'คำขอไม่ถูกต้อง: {{details}}',
    conflict: 'มีผู้อื่นแก้ไขพร้อมกัน โปรดโหลดใหม่แล้วลองอีกครั้ง',
  },
};
