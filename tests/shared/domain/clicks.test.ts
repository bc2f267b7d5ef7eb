import { describe, it, expect } from 'vitest';
import { isbot } from 'isbot';
import fc from 'fast-check';
import { AGENT_RULES, classifyClickSource, clickDay, clickIdentity, countUniqueClicks, isCountableClick, matchAgentRule, normalizeClientAddress, visitorKey } from '../../../src/shared/domain/clicks.js';

const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';

describe('classifyClickSource', () => {
  it.each([
    [CHROME, 'human'],
    ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1', 'human'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 Teams/24165.1410.2974.6689', 'human'],
    ['Mozilla/5.0 (Linux; Android 9; CUBOT P30) AppleWebKit/537.36 Chrome/120 Mobile Safari/537.36', 'human'],
    ['LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)', 'preview'],
    ['Twitterbot/1.0', 'preview'],
    ['facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)', 'preview'],
    ['Facebot', 'preview'],
    ['Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)', 'preview'],
    ['Slackbot 1.0 (+https://api.slack.com/robots)', 'preview'],
    ['Mozilla/5.0 (Windows NT 6.1; WOW64) SkypeUriPreview Preview/0.5 skype-url-preview@microsoft.com', 'preview'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/51.0 Safari/537.36 MicrosoftPreview/2.0 +https://aka.ms/MicrosoftPreview', 'preview'],
    ['WhatsApp/2.23.20.0 A', 'preview'],
    ['TelegramBot (like TwitterBot)', 'preview'],
    ['Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)', 'preview'],
    ['Mozilla/5.0 (compatible; Pinterestbot/1.0; +http://www.pinterest.com/bot.html)', 'preview'],
    ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [Pinterest/iOS]', 'human'],
    ['Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)', 'crawler'],
    ['Mozilla/5.0 (compatible; bingbot/2.0)', 'crawler'],
    ['Mozilla/5.0 AhrefsCrawler', 'crawler'],
    ['Baiduspider', 'crawler'],
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/126.0.0.0 Safari/537.36', 'crawler'],
    ['curl/8.4.0', 'crawler'],
    ['python-requests/2.31', 'crawler'],
    ['', 'crawler'],
    ['   ', 'crawler'],
    [undefined, 'crawler'],
  ])('%s -> %s', (ua, expected) => expect(classifyClickSource(ua)).toBe(expected));

  it('ORs in a maintained library detector', () => {
    const isBotLibrary = (ua: string) => ua.includes('SomeNewFetcher');
    expect(classifyClickSource('SomeNewFetcher/1.0', { isBotLibrary })).toBe('crawler');
    expect(classifyClickSource(CHROME, { isBotLibrary })).toBe('human');
    expect(classifyClickSource('Twitterbot/1.0', { isBotLibrary: () => true })).toBe('preview');
  });

  it.each([['human', true], ['preview', false], ['crawler', false]] as const)('%s countable: %s', (source, countable) => {
    expect(isCountableClick(source)).toBe(countable);
  });
});

describe('visitorKey', () => {
  const keyedHash = (data: string) => `h(${data.length}:${[...data].reduce((a, c) => (a * 31 + c.charCodeAt(0)) >>> 0, 7)})`;
  it('never contains the raw IP and separates ip/agent boundaries', () => {
    const key = visitorKey('203.0.113.7', CHROME, keyedHash);
    expect(key).not.toContain('203.0.113.7');
    expect(visitorKey('1.2.3.4', '5x', keyedHash)).not.toBe(visitorKey('1.2.3.45', 'x', keyedHash));
  });
  it('normalises IPv6 case and surrounding spaces', () => {
    expect(visitorKey(' 2001:DB8::1 ', CHROME, keyedHash)).toBe(visitorKey('2001:db8::1', `${CHROME} `, keyedHash));
  });
  it.each([
    ['203.0.113.7:51234', '203.0.113.7'],
    ['203.0.113.7', '203.0.113.7'],
    ['[2001:DB8::1]:51234', '2001:db8::1'],
    ['[2001:db8::1]', '2001:db8::1'],
    ['2001:db8::1', '2001:db8::1'],
    [' ::ffff:203.0.113.7 ', '::ffff:203.0.113.7'],
  ])('drops the port App Service adds to X-Forwarded-For: %s -> %s', (ip, address) => {
    expect(normalizeClientAddress(ip)).toBe(address);
    expect(visitorKey(ip, CHROME, (d) => d)).toBe(`${address}\u0000${CHROME}`);
  });
  it('passes the ip and agent to the injected keyed hash', () => {
    const seen: string[] = [];
    visitorKey('10.0.0.1', 'UA', (data) => (seen.push(data), 'k'));
    expect(seen).toEqual(['10.0.0.1\u0000UA']);
  });
});

describe('clickDay and clickIdentity', () => {
  it.each([
    ['2026-03-08T23:59:59.999Z', '2026-03-08'],
    ['2026-03-08T20:00:00-05:00', '2026-03-09'],
    [Date.UTC(2026, 0, 1), '2026-01-01'],
    [new Date('2026-12-31T23:00:00Z'), '2026-12-31'],
  ])('%s -> %s', (instant, day) => expect(clickDay(instant)).toBe(day));
  it('refuses an invalid instant', () => expect(() => clickDay('yesterday')).toThrow(RangeError));
  it('builds a key from code, visitor and day', () => {
    expect(clickIdentity('Abc123Def456', 'v1', '2026-03-08')).toBe('Abc123Def456|v1|2026-03-08');
  });
});

const click = fc.record({
  code: fc.constantFrom('AAAAAAAAAAAA', 'BBBBBBBBBBBB'),
  visitorKey: fc.constantFrom('v1', 'v2', 'v3'),
  at: fc.integer({ min: Date.UTC(2026, 2, 1), max: Date.UTC(2026, 2, 4) }).map((ms) => new Date(ms).toISOString()),
}).map((c) => ({ ...c, day: c.at.slice(0, 10) }));

describe('countUniqueClicks', () => {
  it('counts once per code, visitor and UTC day, keeping the earliest', () => {
    const result = countUniqueClicks([
      { code: 'A', visitorKey: 'v', day: '2026-03-01', at: '2026-03-01T10:00:00.000Z' },
      { code: 'A', visitorKey: 'v', day: '2026-03-01', at: '2026-03-01T09:00:00.000Z' },
      { code: 'A', visitorKey: 'v', day: '2026-03-02', at: '2026-03-02T09:00:00.000Z' },
      { code: 'A', visitorKey: 'w', day: '2026-03-01', at: '2026-03-01T09:00:00.000Z' },
      { code: 'B', visitorKey: 'v', day: '2026-03-01', at: '2026-03-01T11:00:00.000Z' },
    ]);
    expect(result.count).toBe(4);
    expect(result.unique.map((c) => `${c.code}${c.visitorKey}${c.at.slice(8, 13)}`)).toEqual(['Av01T09', 'Aw01T09', 'Bv01T11', 'Av02T09']);
  });

  it('is idempotent and order-independent (property)', () => {
    fc.assert(
      fc.property(fc.array(click, { maxLength: 40 }), fc.nat(), (clicks, shift) => {
        const once = countUniqueClicks(clicks);
        const rotated = clicks.map((_, i) => clicks[(i + shift) % clicks.length]!);
        expect(countUniqueClicks(rotated)).toEqual(once);
        expect(countUniqueClicks([...clicks, ...clicks.slice().reverse()])).toEqual(once);
        expect(countUniqueClicks(once.unique)).toEqual(once);
        expect(once.count).toBe(new Set(clicks.map((c) => clickIdentity(c.code, c.visitorKey, c.day))).size);
      }),
    );
  });
});

describe('classifyClickSource with the maintained isbot library passed in', () => {
  it.each([
    ['Mozilla/5.0 (compatible; Google-InspectionTool/1.0)', 'human', 'crawler'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36', 'human', 'human'],
    ['LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)', 'preview', 'preview'],
  ] as const)('%s: alone %s, with isbot %s', (ua, alone, withLibrary) => {
    expect(classifyClickSource(ua)).toBe(alone);
    expect(classifyClickSource(ua, { isBotLibrary: isbot })).toBe(withLibrary);
  });
});

/**
 * One real user agent per entry of AGENT_RULES (captured from the products' documentation and
 * server logs), with what `isbot` 5.2.3 alone says about it: an entry whose agent isbot already
 * catches is kept so the count does not hinge on one library; one it misses is why the entry exists.
 */
const RULE_EXAMPLES: Record<string, { ua: string; isbotAlone: boolean }> = {
  'linkedin-app': { ua: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [LinkedInApp]/9.29.8960', isbotAlone: false },
  'facebook-app': { ua: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBAV/466.0.0.43.111;FBBV/600000000;FBDV/iPhone15,2;FBMD/iPhone;FBSN/iOS;FBSV/17.5;FBSS/3;FBCR/;FBID/phone;FBLC/en_US;FBOP/5]', isbotAlone: false },
  'instagram-app': { ua: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 334.0.4.32.98 (iPhone15,2; iOS 17_5; en_US; en; scale=3.00; 1179x2556; 613441213)', isbotAlone: false },
  'pinterest-app': { ua: 'Mozilla/5.0 (Linux; Android 13; Pixel 7 Build/TQ3A.230805.001; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/124.0.6367.113 Mobile Safari/537.36 [Pinterest/Android]', isbotAlone: false },
  'x-app': { ua: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Twitter for iPhone/10.48', isbotAlone: false },
  'linkedin-preview': { ua: 'LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)', isbotAlone: true },
  'x-preview': { ua: 'Twitterbot/1.0', isbotAlone: true },
  'facebook-preview': { ua: 'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)', isbotAlone: true },
  'slack-preview': { ua: 'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)', isbotAlone: true },
  'teams-skype-preview': { ua: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/51.0 Safari/537.36 MicrosoftPreview/2.0 +https://aka.ms/MicrosoftPreview', isbotAlone: true },
  'whatsapp-preview': { ua: 'WhatsApp/2.23.20.0 A', isbotAlone: true },
  'telegram-preview': { ua: 'TelegramBot/1.0', isbotAlone: true },
  'discord-preview': { ua: 'Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)', isbotAlone: true },
  'reddit-preview': { ua: 'Mozilla/5.0 (compatible; redditbot/1.0; +http://www.reddit.com/feedback)', isbotAlone: true },
  'pinterest-preview': { ua: 'Mozilla/5.0 (compatible; Pinterestbot/1.0; +http://www.pinterest.com/bot.html)', isbotAlone: true },
  'embed-services': { ua: 'Mozilla/5.0 (compatible; Embedly/0.2; +http://support.embed.ly/)', isbotAlone: true },
  'generic-preview': { ua: 'Mozilla/5.0 (compatible; Iframe preview)', isbotAlone: true },
  'generic-bot': { ua: 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)', isbotAlone: true },
  'crawler-spider': { ua: 'Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)', isbotAlone: true },
  'headless-browser': { ua: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/126.0.0.0 Safari/537.36', isbotAlone: true },
  'http-library': { ua: 'python-requests/2.31.0', isbotAlone: true },
  gtmetrix: { ua: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36 GTmetrix', isbotAlone: false },
  pingdom: { ua: 'Mozilla/5.0 (Unknown; Linux x86_64) AppleWebKit/534.34 (KHTML, like Gecko) PingdomTMS/0.8.5 Safari/534.34', isbotAlone: true },
  lighthouse: { ua: 'Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Mobile Safari/537.36 Chrome-Lighthouse', isbotAlone: true },
  pagespeed: { ua: 'Mozilla/5.0 (Windows NT 6.1; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko; Google Page Speed Insights) Chrome/27.0.1453 Safari/537.36', isbotAlone: true },
  'uptime-monitors': { ua: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Monitis', isbotAlone: false },
  'w3c-validators': { ua: 'W3C_Validator/1.3 http://validator.w3.org/services', isbotAlone: true },
  webpagetest: { ua: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 PTST/240101.121212', isbotAlone: true },
  'page-audits': { ua: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 YLT', isbotAlone: false },
};

describe('AGENT_RULES: one real user agent per entry', () => {
  it('every rule has an example here and every example names a rule', () => {
    expect(Object.keys(RULE_EXAMPLES).sort()).toEqual(AGENT_RULES.map((rule) => rule.name).sort());
    expect(new Set(AGENT_RULES.map((rule) => rule.name)).size).toBe(AGENT_RULES.length);
  });

  it.each(AGENT_RULES.map((rule) => [rule.name, rule.source] as const))('%s -> %s (decided by this rule, with or without isbot)', (name, source) => {
    const example = RULE_EXAMPLES[name]!;
    expect(matchAgentRule(example.ua)?.name).toBe(name);
    expect(classifyClickSource(example.ua)).toBe(source);
    expect(classifyClickSource(example.ua, { isBotLibrary: isbot })).toBe(source);
    expect(isbot(example.ua)).toBe(example.isbotAlone);
  });

  it.each([
    ['Pinterest in-app browser on iOS', 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [Pinterest/iOS]'],
    ['Facebook in-app browser on Android', 'Mozilla/5.0 (Linux; Android 14; SM-S918B Build/UP1A.231005.007; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/125.0.6422.165 Mobile Safari/537.36 [FB_IAB/FB4A;FBAV/468.1.0.56.78;]'],
    ['X app on Android', 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Mobile Safari/537.36 TwitterAndroid'],
    ['LinkedIn app on Android', 'Mozilla/5.0 (Linux; Android 14; Pixel 8 Build/AP2A.240805.005; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/127.0.6533.103 Mobile Safari/537.36 [LinkedInApp]/4.1.1000'],
  ])('in-app browser is a person: %s', (_label, ua) => {
    expect(classifyClickSource(ua, { isBotLibrary: isbot })).toBe('human');
    expect(classifyClickSource(ua, { isBotLibrary: () => true })).toBe('human');
  });

  it.each([
    ['GTmetrix (older agent)', 'Mozilla/5.0 (X11; Linux x86_64; GTmetrix https://gtmetrix.com/) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/90.0.4430.212 Safari/537.36'],
    ['Pingdom page speed', 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 PingdomPageSpeed/1.0 (pingbot/2.0; +http://www.pingdom.com/)'],
    ['UptimeRobot', 'Mozilla/5.0+(compatible; UptimeRobot/2.0; http://www.uptimerobot.com/)'],
    ['StatusCake', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 StatusCake'],
    ['Site24x7', 'Site24x7'],
    ['New Relic synthetics', 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 NewRelicSynthetics/1.0'],
    ['W3C link checker', 'W3C-checklink/4.81 libwww-perl/6.05'],
    ['W3C CSS validator', 'Jigsaw/2.3.0 W3C_CSS_Validator_JFouffa/2.0 (See <http://validator.w3.org/services>)'],
    ['Nu HTML checker', 'Validator.nu/LV http://validator.w3.org/services'],
    ['DareBoost', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 DareBoost'],
  ])('automated page checker is not a person: %s', (_label, ua) => {
    expect(classifyClickSource(ua)).toBe('crawler');
    expect(classifyClickSource(ua, { isBotLibrary: isbot })).toBe('crawler');
  });
});
