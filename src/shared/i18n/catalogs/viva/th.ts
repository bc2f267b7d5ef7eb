import type { VivaCatalog } from './index.js';

/** การ์ดแดชบอร์ด Viva Connections (ภาษาไทย) */
export const th: VivaCatalog = {
  title: 'Advocacy Hub',
  card: {
    waiting_one: 'มีโพสต์รอคุณอยู่ {{value}} รายการ',
    waiting_few: 'มีโพสต์รอคุณอยู่ {{value}} รายการ',
    waiting_many: 'มีโพสต์รอคุณอยู่ {{value}} รายการ',
    waiting_other: 'มีโพสต์รอคุณอยู่ {{value}} รายการ',
    clicks_one: '{{value}} คลิกในสัปดาห์นี้',
    clicks_few: '{{value}} คลิกในสัปดาห์นี้',
    clicks_many: '{{value}} คลิกในสัปดาห์นี้',
    clicks_other: '{{value}} คลิกในสัปดาห์นี้',
    rank: 'อันดับ {{rank}} จาก {{ranked}}',
    notRanked: 'ยังไม่มีอันดับ',
    noContest: 'ไม่มีการแข่งขันในขณะนี้',
    open: 'โพสต์แนะนำ',
    join: 'เปิด Advocacy Hub ใน Teams เพื่อเข้าร่วมโครงการ',
    joinButton: 'เปิดใน Teams',
  },
  quick: {
    title: 'โพสต์แนะนำสำหรับคุณ',
    empty: 'คุณแชร์ทุกโพสต์บนบอร์ดแล้ว โพสต์ใหม่จะแสดงที่นี่',
    share: 'แชร์',
    board: 'เปิดบอร์ด',
    shareTitle: 'แชร์โพสต์นี้',
    shareHint: 'แต่ละปุ่มจะเปิดเครือข่ายพร้อมข้อความที่แนะนำ โปรดตรวจสอบและโพสต์ด้วยตัวเอง',
    shareOn: 'แชร์บน {{network}}',
    sharedOn: 'แชร์บน {{network}} แล้ว',
    back: 'ย้อนกลับ',
    policyFirst: 'ก่อนแชร์ครั้งแรก โปรดอ่านและยอมรับนโยบายโซเชียลมีเดียใน Advocacy Hub บน Teams',
    unavailable: 'โพสต์นี้ไม่อยู่บนบอร์ดแล้ว',
  },
};
