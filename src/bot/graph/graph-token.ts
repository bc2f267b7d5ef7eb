/**
 * Tokens for Microsoft Graph in Azure: the App Service's managed identity (or any credential
 * `DefaultAzureCredential` finds), scope `https://graph.microsoft.com/.default`. The credential
 * caches and refreshes tokens itself. Never logged.
 */
import { DefaultAzureCredential, type TokenCredential } from '@azure/identity';

export function azureGraphToken(credential: TokenCredential = new DefaultAzureCredential()): () => Promise<string> {
  return async () => {
    const token = await credential.getToken('https://graph.microsoft.com/.default');
    if (!token) throw new Error('no Microsoft Graph token from the managed identity');
    return token.token;
  };
}
