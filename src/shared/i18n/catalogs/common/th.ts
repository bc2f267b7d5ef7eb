import { LANGUAGE_ENDONYMS } from '../../language-names.js';
import type { CommonCatalog } from './index.js';

export const th: CommonCatalog = {
  productName: 'Advocacy Hub',
  languageName: LANGUAGE_ENDONYMS,
  role: {
    employee: 'พนักงาน',
    trainer: 'ผู้ฝึกสอน',
    executive: 'ผู้บริหาร',
    coordinator: 'ผู้ประสานงาน',
    admin: 'ผู้ดูแลระบบ',
  },
  persona: {
    observer: 'ผู้สังเกตการณ์',
    sharer: 'ผู้แบ่งปัน',
    networker: 'นักสร้างเครือข่าย',
    influencer: 'อินฟลูเอนเซอร์',
    next: {
      'take-audit': 'ตอบแบบสำรวจโซเชียล 2 นาที เพื่อให้เราแนะนำเนื้อหาและการฝึกอบรมที่เหมาะกับคุณ',
      'keep-pace': 'คุณแบ่งปันตามจังหวะของตัวเอง ({{postsPerMonth}} โพสต์ต่อเดือน) แบ่งปันสิ่งที่ชอบต่อไป ไม่มีใครคาดหวังมากกว่านี้',
      observer: { grow: 'ลองแบ่งปันเพิ่มอีก {{postsNeeded}} โพสต์ต่อเดือน (ประมาณ {{targetPostsPerMonth}}) และเชื่อมต่อกับคนในสายงานเพิ่มอีก {{audienceNeeded}} คน' },
      sharer: { 'grow-network': 'คุณแบ่งปันสม่ำเสมอแล้ว ขยายเครือข่ายอีก {{audienceNeeded}} คน (เป็นประมาณ {{targetAudience}}) เพื่อให้คนเห็นโพสต์ของคุณมากขึ้น' },
      networker: { 'post-more': 'คุณมีเครือข่ายขนาดใหญ่ แบ่งปันเพิ่มอีก {{postsNeeded}} โพสต์ต่อเดือน (ประมาณ {{targetPostsPerMonth}}) เพื่อให้พวกเขาได้ยินเสียงของคุณ' },
      influencer: { 'lead-topics': 'ด้วยผู้ติดตาม {{audience}} คนและ {{postsPerMonth}} โพสต์ต่อเดือน คุณสามารถเป็นผู้นำในหัวข้อหนึ่งได้ เขียนด้วยคำพูดของคุณเองและเชื่อมเพื่อนร่วมงานกับผู้เชี่ยวชาญ' },
      leader: { 'model-behaviour': 'ผู้นำเริ่มก่อน: โพสต์ด้วยเสียงของคุณเองสองสามครั้งต่อเดือน (ตอนนี้ {{postsPerMonth}}) เป็นแบบอย่างให้ทุกคน' },
    },
  },
  category: {
    company: 'บริษัท',
    industry: 'อุตสาหกรรม',
    'personal-interest': 'ความสนใจส่วนตัว',
  },
  network: { linkedin: 'LinkedIn', x: 'X', facebook: 'Facebook' },
  error: {
    tooManyRequests: 'มีคำขอมากเกินไป โปรดรอสักครู่แล้วลองอีกครั้ง',
    unavailable: 'บริการไม่พร้อมใช้งานชั่วคราว (เชื่อมต่อที่เก็บข้อมูลไม่ได้) ไม่มีข้อมูลสูญหาย โปรดลองอีกครั้งในอีกสักครู่',
    generic: 'เกิดข้อผิดพลาด โปรดลองอีกครั้ง',
    notFound: 'ไม่พบข้อมูล',
    forbidden: 'คุณไม่มีสิทธิ์เข้าถึงส่วนนี้',
    unauthenticated: 'โปรดลงชื่อเข้าใช้อีกครั้ง',
    badRequest: 'คำขอไม่ถูกต้อง: {{details}}',
    conflict: 'มีผู้อื่นแก้ไขพร้อมกัน โปรดโหลดใหม่แล้วลองอีกครั้ง',
  },
};
