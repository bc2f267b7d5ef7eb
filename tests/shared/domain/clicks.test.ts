import { describe, it, expect } from 'vitest';
import { isbot } from 'isbot';
import fc from 'fast-check';
import { classifyClickSource, clickDay, clickIdentity, countUniqueClicks, isCountableClick, visitorKey } from '../../../src/shared/domain/clicks.js';

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
