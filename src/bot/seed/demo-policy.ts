/**
 * The demo programme's social media policy v1 and settings. Seed 000/001 (Onalytica): write a
 * simple, approachable policy that sets out expectations and success, because "expectations not
 * defined" is one of the three barriers to advocacy. So: short, friendly, what to do rather than
 * a list of threats, in every shipped language, written for each reader rather than translated
 * word for word.
 */
import type { ProgrammeSettings, StoredPolicy } from '../services/sharing.ports.js';

/** Settings of the demo tenant: disclosure on, company "Contoso", every network. */
export const DEMO_SETTINGS: ProgrammeSettings = { disclosureEnabled: true, companyName: 'Contoso', networks: ['linkedin', 'x', 'facebook'] };

/** Policy v1, published when the demo is seeded. */
export function buildDemoPolicy(now: Date): StoredPolicy {
  const at = now.toISOString();
  return {
    version: 1,
    publishedAt: at,
    createdAt: at,
    texts: {
      en: {
        title: 'Our social media guidelines',
        summary: 'Share what you find useful, in your own words. Say you work here, keep confidential things confidential, and be kind. Sharing is always your choice.',
        body: `# Our social media guidelines (v1)

Sharing is **always your choice**. Nobody is expected to share everything, and you can pause prompts at any time.

## Do
- **Use your own words.** Edit the suggested text so it sounds like you; your view is what people want to read.
- **Say you work here.** We add a short disclosure (for example "I work at Contoso. #employee") when it fits. Please keep it: in many countries it is required when you talk about your employer.
- **Share what you find genuinely useful**, including industry news and topics you care about, not only company posts.
- **Be kind and respectful**, especially when you disagree.

## Don't
- Don't share anything confidential: customers, numbers, plans or internal discussions that are not public yet.
- Don't speak *for* the company. You speak for yourself; press questions go to the communications team.
- Don't argue with critics. If something goes wrong or a post attracts complaints, tell your programme coordinator and we will help.

## What we measure
We count clicks on the links you share, never what you post elsewhere. Your data stays in the company's Microsoft 365 tenant.

Questions? Ask your programme coordinator in Teams.`,
      },
      ja: {
        title: 'ソーシャルメディア ガイドライン',
        summary: '役に立つと思った情報を、自分の言葉でシェアしましょう。社員であることを明記し、社外秘は守り、思いやりを忘れずに。シェアするかどうかはいつでもあなたの自由です。',
        body: `# ソーシャルメディア ガイドライン（第1版）

シェアするかどうかは**いつでもあなたの自由**です。すべてをシェアする必要はなく、案内はいつでも一時停止できます。

## おすすめ
- **自分の言葉で。** 提案文は自由に書き換えてください。読み手が知りたいのは、あなた自身の視点です。
- **社員であることを明記。** 文字数に収まる場合、「Contosoで働いています。#社員」のような短い一文を自動で添えます。多くの国で、勤務先について発信するときに必要とされていますので、消さずに残してください。
- **本当に役立つと思ったものを。** 会社の投稿だけでなく、業界ニュースや関心のあるテーマも歓迎です。
- **敬意と思いやりを。** 意見が違うときこそ、丁寧に。

## 控えること
- 社外秘の情報（お客様、数字、計画、未公開の社内の話）はシェアしないでください。
- 会社を*代表して*発言しないでください。あなたは個人として発信します。取材の依頼は広報チームへ。
- 批判に反論しないでください。困ったことやクレームがあれば、プログラムの担当者に相談してください。一緒に対応します。

## 計測するもの
計測するのは、あなたがシェアしたリンクのクリック数だけです。ほかの場所での投稿内容は見ません。データは会社の Microsoft 365 テナント内に保存されます。

ご不明な点は、Teams でプログラム担当者にお気軽にどうぞ。`,
      },
      th: {
        title: 'แนวทางการใช้โซเชียลมีเดียของเรา',
        summary: 'แชร์สิ่งที่คุณเห็นว่ามีประโยชน์ด้วยคำพูดของคุณเอง บอกว่าคุณทำงานที่นี่ เก็บเรื่องลับไว้เป็นความลับ และสุภาพเสมอ การแชร์เป็นทางเลือกของคุณเสมอ',
        body: `# แนวทางการใช้โซเชียลมีเดียของเรา (ฉบับที่ 1)

การแชร์เป็น**ทางเลือกของคุณเสมอ** ไม่มีใครต้องแชร์ทุกอย่าง และคุณหยุดรับการชวนแชร์ชั่วคราวได้ทุกเมื่อ

## ควรทำ
- **ใช้คำพูดของคุณเอง** แก้ข้อความที่แนะนำให้เป็นสไตล์ของคุณ เพราะผู้อ่านอยากรู้มุมมองของคุณ
- **บอกว่าคุณทำงานที่นี่** เมื่อความยาวพอ เราจะเติมข้อความสั้น ๆ เช่น "ฉันทำงานที่ Contoso #พนักงาน" ให้ โปรดอย่าลบออก เพราะหลายประเทศกำหนดให้ต้องแจ้งเมื่อพูดถึงนายจ้างของตน
- **แชร์สิ่งที่คุณเห็นว่ามีประโยชน์จริง ๆ** รวมถึงข่าวในอุตสาหกรรมและเรื่องที่คุณสนใจ ไม่ใช่แค่โพสต์ของบริษัท
- **สุภาพและให้เกียรติผู้อื่น** โดยเฉพาะเมื่อเห็นต่าง

## ไม่ควรทำ
- อย่าแชร์ข้อมูลลับ เช่น ข้อมูลลูกค้า ตัวเลข แผนงาน หรือเรื่องภายในที่ยังไม่เปิดเผย
- อย่าพูด*ในนาม*บริษัท คุณพูดในนามของตัวเอง หากสื่อติดต่อมา โปรดส่งต่อให้ทีมสื่อสารองค์กร
- อย่าโต้เถียงกับผู้วิจารณ์ หากเกิดปัญหาหรือมีคนร้องเรียนโพสต์ โปรดแจ้งผู้ประสานงานโปรแกรม เราพร้อมช่วย

## สิ่งที่เราวัดผล
เรานับเฉพาะจำนวนคลิกบนลิงก์ที่คุณแชร์ ไม่ได้ดูสิ่งที่คุณโพสต์ที่อื่น ข้อมูลของคุณเก็บอยู่ใน Microsoft 365 ของบริษัท

มีคำถาม? สอบถามผู้ประสานงานโปรแกรมได้ใน Teams`,
      },
      ru: {
        title: 'Наши правила для соцсетей',
        summary: 'Делитесь тем, что считаете полезным, своими словами. Указывайте, что работаете у нас, не раскрывайте конфиденциальное и будьте вежливы. Делиться или нет — всегда ваш выбор.',
        body: `# Наши правила для соцсетей (версия 1)

Делиться или нет — **всегда ваш выбор**. Никто не обязан публиковать всё подряд, а предложения можно приостановить в любой момент.

## Что стоит делать
- **Пишите своими словами.** Меняйте предложенный текст так, чтобы он звучал как вы: читателям интересно именно ваше мнение.
- **Указывайте, что работаете у нас.** Если позволяет длина, мы добавим короткую пометку, например «Я работаю в Contoso. #сотрудник». Пожалуйста, не удаляйте её: во многих странах это обязательно, когда вы пишете о работодателе.
- **Делитесь тем, что действительно полезно**, — в том числе отраслевыми новостями и близкими вам темами, а не только публикациями компании.
- **Будьте вежливы и уважительны**, особенно если не согласны.

## Чего делать не стоит
- Не публикуйте конфиденциальное: данные клиентов, цифры, планы и внутренние обсуждения, которые ещё не объявлены.
- Не говорите *от имени* компании. Вы говорите от своего имени; вопросы журналистов передавайте команде по коммуникациям.
- Не вступайте в споры с критиками. Если что-то пошло не так или на публикацию жалуются, напишите координатору программы — мы поможем.

## Что мы измеряем
Мы считаем только переходы по ссылкам, которыми вы поделились, и не смотрим, что вы публикуете в других местах. Данные хранятся в клиенте Microsoft 365 компании.

Остались вопросы? Напишите координатору программы в Teams.`,
      },
      it: {
        title: 'Le nostre linee guida per i social',
        summary: 'Condividi ciò che trovi utile, con parole tue. Di\' che lavori qui, mantieni riservato ciò che è riservato e sii gentile. Condividere è sempre una tua scelta.',
        body: `# Le nostre linee guida per i social (v1)

Condividere è **sempre una tua scelta**. Nessuno deve condividere tutto e puoi mettere in pausa i suggerimenti quando vuoi.

## Cosa fare
- **Usa parole tue.** Modifica il testo suggerito perché suoni come te: chi legge vuole il tuo punto di vista.
- **Di' che lavori qui.** Quando c'è spazio aggiungiamo una breve nota, per esempio «Lavoro in Contoso. #dipendente». Lasciala: in molti Paesi è obbligatoria quando parli del tuo datore di lavoro.
- **Condividi ciò che trovi davvero utile**, anche notizie di settore e temi che ti stanno a cuore, non solo i post dell'azienda.
- **Sii gentile e rispettoso**, soprattutto quando non sei d'accordo.

## Cosa evitare
- Non condividere informazioni riservate: clienti, numeri, piani o discussioni interne non ancora pubbliche.
- Non parlare *a nome* dell'azienda. Parli per te; le richieste della stampa vanno al team comunicazione.
- Non metterti a discutere con chi critica. Se qualcosa va storto o un post riceve lamentele, avvisa il referente del programma: ti aiutiamo noi.

## Cosa misuriamo
Contiamo solo i clic sui link che condividi, mai quello che pubblichi altrove. I tuoi dati restano nel tenant Microsoft 365 dell'azienda.

Domande? Scrivi al referente del programma in Teams.`,
      },
      zh: {
        title: '我们的社交媒体指南',
        summary: '用自己的话分享你觉得有用的内容。表明你在这里工作，保密信息不外传，待人友善。分享与否，始终由你决定。',
        body: `# 我们的社交媒体指南（第 1 版）

分享与否，**始终由你决定**。没有人需要分享所有内容，你也可以随时暂停推送。

## 建议这样做
- **用自己的话。** 随意修改推荐文案，让它听起来像你；读者想看的是你的观点。
- **表明你在这里工作。** 在字数允许时，我们会附上一句简短说明，例如“我在Contoso工作。#员工”。请保留它：在许多国家，谈论雇主时必须作出说明。
- **分享你真正觉得有用的内容**，包括行业新闻和你关心的话题，而不只是公司的帖子。
- **友善、尊重他人**，尤其是在意见不同时。

## 请不要这样做
- 不要分享任何保密信息：客户、数据、计划或尚未公开的内部讨论。
- 不要*代表*公司发言。你代表的是你自己；媒体咨询请转给传播团队。
- 不要与批评者争论。如果出了问题或帖子收到投诉，请告诉项目协调人，我们会帮你处理。

## 我们统计什么
我们只统计你分享的链接的点击量，从不查看你在其他地方发布的内容。你的数据保存在公司的 Microsoft 365 租户中。

有问题？在 Teams 里问问项目协调人吧。`,
      },
    },
  };
}
