/**
 * Conversions: the closed loop from a share to revenue. Seed 002 (GaggleAMP): leads and deals are
 * passed back from marketing automation and the CRM and traced to the share that brought them;
 * seed 003 (Oktopost): conversions +266%. A conversion arrives as a signed webhook naming the
 * tracked link (its code, or the `utm_content` the link put on the landing URL); the external id
 * of the CRM record makes a retried webhook the same conversion.
 */
import type { IsoInstant, Network } from './types.js';

export const CONVERSION_KINDS = ['lead', 'deal'] as const;
export type ConversionKind = (typeof CONVERSION_KINDS)[number];

/** A recorded conversion, attributed through the tracked link to its share. */
export interface Conversion {
  /** The CRM's id of the lead or deal: the idempotency key (per tenant). */
  externalId: string;
  tenantId: string;
  kind: ConversionKind;
  /** Value in minor units of `currency` (cents; yen have none), when the source sent one. */
  amountMinor?: number;
  /** ISO 4217, upper case. */
  currency?: string;
  linkCode: string;
  shareId: string;
  employeeId: string;
  contentId: string;
  campaignId?: string;
  network: Network;
  occurredAt: IsoInstant;
  receivedAt: IsoInstant;
}

/** Digits after the decimal point for a currency (JPY 0, EUR 2, KWD 3); RangeError if unknown. */
export function currencyExponent(currency: string): number {
  if (!/^[A-Z]{3}$/.test(currency)) throw new RangeError(`Invalid currency "${currency}": use an ISO 4217 code such as EUR.`);
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/**
 * A decimal amount as sent by a CRM ("1234.5", "1234.50") to integer minor units, exactly (no
 * floating point): more decimals than the currency has, a sign or an exponent are refused.
 */
export function toMinorUnits(amount: string, currency: string): number {
  const exponent = currencyExponent(currency);
  const match = /^(\d{1,15})(?:\.(\d+))?$/.exec(amount);
  if (!match) throw new RangeError(`Invalid amount "${amount}": a non-negative decimal such as 1234.50 is expected.`);
  const [, whole = '0', fraction = ''] = match;
  if (fraction.length > exponent) throw new RangeError(`Invalid amount "${amount}": ${currency} has ${exponent} decimal places.`);
  const minor = Number(whole) * 10 ** exponent + Number(fraction.padEnd(exponent, '0') || '0');
  if (!Number.isSafeInteger(minor)) throw new RangeError(`Invalid amount "${amount}": too large.`);
  return minor;
}

/** A parsed `Advocacy-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>]` header (Stripe style). */
export interface SignatureHeader {
  timestamp: number;
  /** Every `v1` value: several while a secret is being rotated. */
  signatures: string[];
}

/** Parses the signature header; undefined when it is missing or malformed. */
export function parseSignatureHeader(header: string | undefined): SignatureHeader | undefined {
  if (!header) return undefined;
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't' && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    else if (key === 'v1' && /^[0-9a-f]{64}$/i.test(value)) signatures.push(value.toLowerCase());
  }
  return timestamp === undefined || signatures.length === 0 ? undefined : { timestamp, signatures };
}

/** Replay window of a signed webhook, either side of the receiver's clock. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/** Whether a signed timestamp is within the tolerance of `nowSeconds` (both ways: clock skew). */
export function isSignatureFresh(timestamp: number, nowSeconds: number, toleranceSeconds = SIGNATURE_TOLERANCE_SECONDS): boolean {
  return Math.abs(nowSeconds - timestamp) <= toleranceSeconds;
}

/** The exact bytes that are signed: `<timestamp>.<raw body>`. */
export function signedPayload(timestamp: number, rawBody: string): string {
  return `${timestamp}.${rawBody}`;
}

/** The link code a conversion names: `linkCode`, else `utm_content` (the code the link carried). */
export function conversionLinkCode(input: { linkCode?: string; utmContent?: string }): string | undefined {
  const code = input.linkCode ?? input.utmContent;
  return code === undefined || code.trim() === '' ? undefined : code.trim();
}
