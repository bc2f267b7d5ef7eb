/**
 * Builds queue clients the same way as tables: connection string locally, account endpoint +
 * `DefaultAzureCredential` in Azure. Queue usage (delivery messages) lives with the delivery
 * worker; this file only creates clients and ensures the queues exist.
 */
import { QueueClient, QueueServiceClient } from '@azure/storage-queue';
import { DefaultAzureCredential } from '@azure/identity';
import { translateError, ValidationError } from './errors.js';
import { queueName, QUEUES, type QueueKey } from './keys.js';
import type { StorageConnection } from './table-client.js';

/** Creates clients for the configured queues; one instance per process. */
export interface QueueClientFactory {
  client(queue: QueueKey): QueueClient;
  /** Create every queue if missing (idempotent). */
  ensureQueues(): Promise<void>;
}

function accountQueueUrl(connection: StorageConnection): string | undefined {
  if (connection.accountName) return `https://${connection.accountName}.queue.core.windows.net`;
  if (connection.accountUrl) return connection.accountUrl.replace('.table.', '.queue.').replace(/\/+$/, '');
  return undefined;
}

/** Queue factory for a connection; `prefix` namespaces every queue name. */
export function createQueueClientFactory(connection: StorageConnection, prefix: string): QueueClientFactory {
  let service: QueueServiceClient;
  const url = accountQueueUrl(connection);
  if (connection.connectionString) {
    service = QueueServiceClient.fromConnectionString(connection.connectionString);
  } else if (url) {
    service = new QueueServiceClient(url, connection.credential ?? new DefaultAzureCredential());
  } else {
    throw new ValidationError('Storage needs a connection string or an account URL/name');
  }
  const keys = Object.keys(QUEUES) as QueueKey[];
  return {
    client: (queue) => service.getQueueClient(queueName(prefix, queue)),
    async ensureQueues() {
      await Promise.all(
        keys.map(async (key) => {
          try {
            await service.getQueueClient(queueName(prefix, key)).createIfNotExists();
          } catch (err) {
            throw translateError(err, `create queue ${key}`);
          }
        }),
      );
    },
  };
}
