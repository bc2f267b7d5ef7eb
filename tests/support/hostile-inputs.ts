/**
 * Hostile values the security tests feed to every input: unicode edges, oversized text, script
 * and markup injection, OData filter injection, path tricks and wrong types.
 */

/** 8 KB of text (bigger than any text field the API accepts in a path or query). */
export const EIGHT_KB = 'x'.repeat(8 * 1024);

/** Strings: each must get a clear 4xx where it is not valid, and be stored inert where it is. */
export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  EIGHT_KB,
  '\u200F\u202Eevil\u202C\u200E', // RTL mark, right-to-left override
  '😀👩‍👩‍👧‍👦🏳️‍🌈', // emoji, ZWJ sequences
  'a\u0000b', // NUL
  '\uD800', // lone high surrogate
  '\uDFFFx', // lone low surrogate
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '[click](https://evil.example.com)',
  "' or 1 eq 1",
  "PartitionKey ne ''",
  "x' or PartitionKey ne 'x",
  '${7*7}{{7*7}}',
  '../../etc/passwd',
  '%00%2e%2e%2f',
  '\r\nSet-Cookie: a=b',
  'javascript:alert(1)',
  '__proto__',
];

/** Values of the wrong type for any field. */
export const WRONG_TYPES: readonly unknown[] = [0, -1, 1e308, 3.5, true, null, [], {}, ['x'], { $ne: null }, { __proto__: { admin: true } }];

/** Every hostile value for a JSON field. */
export const HOSTILE_VALUES: readonly unknown[] = [...HOSTILE_STRINGS, ...WRONG_TYPES];

/** Raw bodies that are not the JSON object a route wants. */
export const MALFORMED_BODIES: ReadonlyArray<{ label: string; payload: string; contentType: string }> = [
  { label: 'truncated JSON', payload: '{"a":', contentType: 'application/json' },
  { label: 'trailing garbage', payload: '{}}', contentType: 'application/json' },
  { label: 'JSON null', payload: 'null', contentType: 'application/json' },
  { label: 'JSON array', payload: '[1,2,3]', contentType: 'application/json' },
  { label: 'JSON number', payload: '42', contentType: 'application/json' },
  { label: 'JSON string', payload: '"text"', contentType: 'application/json' },
  { label: 'prototype pollution', payload: '{"__proto__":{"roles":["admin"]},"constructor":{"prototype":{"admin":true}}}', contentType: 'application/json' },
  { label: 'deep nesting', payload: `${'['.repeat(5000)}${']'.repeat(5000)}`, contentType: 'application/json' },
  { label: 'lone surrogate escape', payload: '{"text":"\\ud800"}', contentType: 'application/json' },
  { label: 'NUL escape', payload: '{"text":"a\\u0000b"}', contentType: 'application/json' },
  { label: 'plain text', payload: 'hello', contentType: 'text/plain' },
  { label: 'XML', payload: '<a>1</a>', contentType: 'application/xml' },
  { label: 'form', payload: 'a=1&b=2', contentType: 'application/x-www-form-urlencoded' },
  { label: 'over 1 MB', payload: JSON.stringify({ text: 'x'.repeat(1024 * 1024 + 10) }), contentType: 'application/json' },
];
