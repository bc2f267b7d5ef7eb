/**
 * Strings of the share flow (namespace `sharing`): the disclosure appended to shared text, the
 * "why it matters to you" line of a share prompt (`why.*` keys returned by the sharing service),
 * and the pages of the public share door `/s/<code>/<network>` (Facebook copy page, refusals).
 */
export const en = {
  disclosure: 'I work at {{company}}. #employee',
  network: { linkedin: 'LinkedIn', x: 'X', facebook: 'Facebook' },
  why: {
    topic: 'You follow {{topic}}, so your network will value your take on this.',
    team: 'Picked for your team: it is close to the work you do every day.',
    persona: {
      observer: 'An easy first share: add a line in your own words and post it.',
      sharer: 'A good fit for your regular posts, and a fresh angle for your followers.',
      networker: 'Your large network can carry this a long way with one post from you.',
      influencer: 'Your audience looks to you for views like this: add your own.',
    },
  },
  facebook: {
    title: 'Share on Facebook',
    intro: 'Facebook does not let apps fill in your post. Copy your text here, then paste it into the Facebook post that opens next.',
    label: 'Your text',
    copy: 'Copy text',
    copied: 'Copied. Now continue to Facebook and paste it.',
    noScript: 'Select the text and copy it, then continue.',
    continue: 'Continue to Facebook',
  },
  policyPage: {
    missingTitle: 'No policy to show',
    missing: 'There is no social media policy published here yet. If you followed a link from Teams, ask your programme coordinator.',
    version: 'Version {{version}}',
  },
  refused: {
    title: 'This share link cannot be used',
    'unknown-code': 'This link is not valid. Open the share prompt in Teams again and use its buttons.',
    'network-not-offered': 'Sharing to this network is not offered by your programme. Choose another network in the share prompt in Teams.',
    'policy-not-acknowledged': 'Before you share, please read and accept the social media policy. You will find it in your chat with Advocacy Hub in Teams.',
    'content-unavailable': 'This post is no longer available to share. Have a look at the board in Teams for current posts.',
    back: 'Nothing was posted and nothing was recorded. You can close this page.',
  },
};
