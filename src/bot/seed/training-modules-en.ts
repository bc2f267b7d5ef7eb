/** English text of the starter training modules (see `training-modules.ts`). */
import type { StarterTexts } from './training-modules.js';

export const STARTER_TEXT_EN: StarterTexts = {
  'best-times': {
    title: 'Best times and how often to post on each network',
    summary: 'When your network reads, and a pace you can keep.',
    body: `# Post when your network reads
- In Oktopost's programme, engagement rose on every weekday; Wednesday stayed the busiest day and Monday grew the most.
- Weekends worked too: Saturday +205 %, Sunday +114 %. Some teams work Sunday to Thursday: their Sunday is a Monday.

# A pace you can keep
- **LinkedIn**: two or three posts a week on working days, mornings first.
- **X**: short posts, more often; join conversations while they happen.
- **Facebook**: fewer posts, chosen for friends and family (community stories work well).

# Measure, then adjust
These are starting points, not rules. Watch the clicks on My impact for a month and keep the days and times that work for you. Advocacy Hub only suggests posts in your working hours and within the weekly limit you chose.`,
  },
  'what-works': {
    title: 'What works on each network',
    summary: 'A short checklist before you post on LinkedIn, X or Facebook.',
    body: `# LinkedIn
- Lead with what the reader learns, not what the company announces.
- Add one sentence of your own experience; people trust people, not logos.
- Employee shares are seen as three times more trustworthy and get twice the clicks of the company's own post.

# X
- One idea per post, well under the limit; the link at the end.
- Reply to others on your topic: conversation beats broadcasting.

# Facebook
- Stories that make you proud: community days, colleagues, customers helped.
- Keep it personal and short; skip hashtags lists.

# Everywhere
- Share only what you are comfortable with: choice, not obligation.
- Never share confidential information; follow the social media policy.`,
  },
  'own-words': {
    title: 'Write in your own words and comment on industry content',
    summary: 'Turn a re-share into your voice, and join the conversation on your topic.',
    body: `# Why your own words
Your network follows you, not the brand. A suggested text is a starting point: change it until it sounds like you.

# A three-line formula
1. **What** caught your attention (one fact or idea).
2. **Why** it matters to your customers or your field.
3. **A question** that invites a reply.

# Comment on industry content
- Once a week, find one article from outside the company on your topic.
- Add what you have seen in your work: agree, disagree, or add an example.
- Problem solving and innovation get the best conversations.

# Check before posting
- Is it true and public? Would you say it to a customer's face?
- Does the disclosure show that you work here when you share company content?`,
  },
  'grow-network': {
    title: 'Grow your network, at your own pace',
    summary: 'Small steps that widen who sees what you share.',
    body: `# Start where you are
Growing is optional: if you share what you like at your own pace, that is fine. If you want more reach, try these steps.

# Every week
- Connect with three people you met: customers, partners, people from events (add a short personal note).
- Follow two experts on your topic and comment thoughtfully on one of their posts.
- Complete your profile: a clear photo, what you help people with, your topics.

# Every month
- Look at who clicked and replied to your posts on My impact: more of what worked.
- Join one group or community on your topic and answer one question there.

# Remember
A larger network helps only when it hears from you: a post or comment each week keeps it alive.`,
  },
  'external-influencers': {
    title: 'Connect with external influencers on your topic',
    summary: 'Map who shapes your topic outside the company, and own those relationships.',
    body: `# Map your topic's outside world
For each topic, list the people who shape it:
- **Social broadcasters**: wide reach, lower trust.
- **Mass mavens**: long, in-depth posts; **mass connectors**: frequent short posts and wide reach.
- **Potential influencers**: customers writing reviews, respected in their circles.
- People in **organisations**, **media** (journalists) and **politics**.

# You own the network
The map and the relationships are yours; marketing and communications only support you.

# How to connect
- Follow first, then comment with substance on what they publish.
- Share their best work with your view added, and mention them.
- Offer something useful: data, a customer story, an introduction.
- When your topic is discussed, you may be alerted: join early with a helpful reply.`,
  },
  'blogging-presenting': {
    title: 'Blogging and presenting on your topic',
    summary: 'From posts to articles, talks and panels: become a recognised voice.',
    body: `# Choose your style
Short posts or long blog posts: both work. Pick the one you enjoy and keep a rhythm.

# Your first article
- [ ] One question your customers ask, answered in 600–900 words.
- [ ] A real example from your work (cleared for public use).
- [ ] A clear title and one image; publish on LinkedIn or the company blog.
- [ ] Share it in your own words and answer every comment in the first day.

# Your first talk
- [ ] An internal session first (team meeting, company event), then a meetup or conference.
- [ ] One message, three points, one story.
- [ ] Rehearse twice out loud; time it.
- [ ] Offer your slides or a summary post afterwards.

# Ask for support
Advice hours, photos, videos and interviews can be arranged: show the face behind the organisation.`,
  },
  press: {
    title: 'Speaking to the press',
    summary: 'For spokespeople: prepare, answer and stay on message with journalists.',
    body: `# Before the interview
- Agree with communications who speaks on what, and what is confidential.
- Prepare three key messages and one proof point for each.
- Ask the journalist about the angle, the format and the deadline.

# During the interview
- Answer the question, then bridge to your message.
- Short sentences; no jargon; no "no comment" (say what you can say instead).
- Nothing is off the record.

# After the interview
- Send promised facts quickly; tell communications how it went.
- Share the published piece in your own words.

# The live session
In this session you practise a short mock interview on camera and get feedback from the communications team.`,
  },
};
