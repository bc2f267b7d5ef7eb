/**
 * The DeliverySender for campaign deliveries: one proactive message to the conversation stored
 * at install, through botbuilder's CloudAdapter (`continueConversationAsync`). The worker owns
 * retries and the send budget, so the connector client's own retry policies (which would resend
 * a 429 or 5xx up to three times, multiplying the budget) are removed: exactly one HTTP request
 * per call. The outcome is a value, never a throw, for the worker to classify.
 */
import type { CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';
import type { Activity } from 'botbuilder';

/**
 * What one send returned: ok, or the connector's status (0 = no answer) and its Retry-After.
 * `maybeDelivered`: no answer after the request may have reached the connector (connection reset,
 * hang-up, timeout): the message may have arrived, so resending could duplicate it.
 */
export type SendResult = { ok: true } | { ok: false; status: number; retryAfterMs?: number; message: string; maybeDelivered?: boolean };

/** Errors that mean the request never left (safe to retry); any other no-answer may have been delivered. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'EADDRNOTAVAIL']);

/** The port the delivery worker sends through. */
export interface DeliverySender {
  send(referenceJson: string, activity: Partial<Activity>): Promise<SendResult>;
}

interface RetryingPipeline {
  removePolicy(options: { phase: string }): unknown;
}

/** Removes the Retry phase from the turn's connector client pipeline (idempotent). */
function disableClientRetries(context: TurnContext): boolean {
  const adapter = context.adapter as unknown as { ConnectorClientKey?: symbol };
  const client = adapter.ConnectorClientKey ? (context.turnState.get(adapter.ConnectorClientKey) as { client?: { pipeline?: RetryingPipeline } } | undefined) : undefined;
  const pipeline = client?.client?.pipeline;
  if (!pipeline) return false;
  pipeline.removePolicy({ phase: 'Retry' });
  return true;
}

function toResult(error: unknown): SendResult {
  const e = error as { statusCode?: unknown; code?: unknown; response?: { headers?: { get?: (n: string) => string | undefined } }; message?: unknown } | null;
  const status = typeof e?.statusCode === 'number' ? e.statusCode : 0;
  const code = typeof e?.code === 'string' ? e.code : '';
  const header = e?.response?.headers?.get?.('retry-after');
  const seconds = header === undefined ? Number.NaN : Number(header);
  return {
    ok: false,
    status,
    ...(Number.isFinite(seconds) ? { retryAfterMs: seconds * 1000 } : {}),
    message: typeof e?.message === 'string' ? e.message.split('\n')[0]!.slice(0, 200) : 'send failed',
    ...(status === 0 && !NOT_SENT_CODES.has(code) ? { maybeDelivered: true } : {}),
  };
}

/** A sender on the bot's adapter; `botAppId` is '' locally. */
export function createTeamsDeliverySender(adapter: Pick<CloudAdapter, 'continueConversationAsync'>, botAppId: string): DeliverySender {
  return {
    async send(referenceJson, activity) {
      let result: SendResult = { ok: false, status: 0, message: 'not sent' };
      const reference = JSON.parse(referenceJson) as Partial<ConversationReference>;
      try {
        await adapter.continueConversationAsync(botAppId, reference, async (context) => {
          disableClientRetries(context);
          try {
            await context.sendActivity({ type: 'message', ...activity });
            result = { ok: true };
          } catch (error) {
            result = toResult(error);
          }
        });
      } catch (error) {
        result = toResult(error);
      }
      return result;
    },
  };
}
