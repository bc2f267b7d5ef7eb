import type { TabCatalog } from './index.js';

export const th: TabCatalog = {
  app: {
    loading: 'กำลังโหลด Advocacy Hub…',
    skipToContent: 'ข้ามไปยังเนื้อหา',
    navLabel: 'ส่วนต่าง ๆ ของ Advocacy Hub',
    standaloneBadge: 'ตัวอย่างนอก Teams',
    viewingAs: 'กำลังดูในฐานะ {{user}}',
    notFoundTitle: 'ไม่พบหน้านี้',
    notFoundBody: 'หน้านี้ไม่มีอยู่หรือถูกย้ายไปแล้ว',
    backToBoard: 'ไปที่บอร์ด',
  },
  nav: {
    board: 'บอร์ด',
  },
  board: {
    title: 'บอร์ดเนื้อหา',
    subtitle: 'โพสต์ที่พร้อมให้คุณแชร์กับเครือข่ายด้วยคำพูดของคุณเอง',
    postCount_one: '{{count}} โพสต์',
    postCount_few: '{{count}} โพสต์',
    postCount_many: '{{count}} โพสต์',
    postCount_other: '{{count}} โพสต์',
    filters: {
      label: 'กรองโพสต์',
      category: 'หมวดหมู่',
      all: 'ทั้งหมด',
      language: 'ภาษา',
      allLanguages: 'ทุกภาษา',
    },
    card: {
      published: 'เผยแพร่เมื่อ {{date}}',
      writtenIn: 'ภาษา: {{language}}',
      topics: 'หัวข้อ',
      open: 'เปิดบทความ',
      openLabel: 'เปิด “{{title}}” ในแท็บใหม่',
    },
    loading: 'กำลังโหลดโพสต์…',
    refreshing: 'กำลังอัปเดต…',
    list: 'โพสต์',
    empty: {
      title: 'ยังไม่มีโพสต์',
      filtered: 'ไม่มีโพสต์ที่ตรงกับตัวกรองนี้ ลองเลือกหมวดหมู่หรือภาษาอื่น',
      unfiltered: 'โพสต์ใหม่จากทีมดูแลโครงการจะแสดงที่นี่',
      clear: 'ล้างตัวกรอง',
    },
    error: {
      title: 'โหลดบอร์ดไม่สำเร็จ',
      retry: 'ลองอีกครั้ง',
    },
  },
};
