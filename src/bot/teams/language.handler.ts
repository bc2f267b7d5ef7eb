/**
 * `language <code>`: a person picks the language the bot talks to them in. Needed wherever the
 * Teams locale is not what the person wants (the Agents Playground always sends `en-US`). The reply
 * confirms in the new language; the rules live in `services/language.service.ts`. The employee row
 * the turn already read is reused, so the turn reads it once.
 */
import { TurnContext } from 'botbuilder';
import { SUPPORTED_LANGUAGES } from '../../shared/domain/types.js';
import { translator } from '../../shared/i18n/index.js';
import { parseLanguageChoice, setPreferredLanguage } from '../services/language.service.js';
import { quoteInput } from './cards/help/help.card.js';
import type { TeamsDeps } from './deps.js';
import { sendText } from './reply.js';
import type { TurnPerson } from './turn.js';

/** Show (no argument) or change the person's language. */
export async function handleLanguageCommand(context: TurnContext, deps: TeamsDeps, person: TurnPerson, argument: string): Promise<void> {
  const options = SUPPORTED_LANGUAGES.join(', ');
  const languageName = (code: string) => translator(person.language, 'common')(`languageName.${code}`);
  if (!argument) return sendText(context, person.language, 'language.current', { language: languageName(person.language), options });
  const choice = parseLanguageChoice(argument);
  if (!choice) return sendText(context, person.language, 'language.unknown', { input: quoteInput(argument), options });
  if (!person.personal && !person.employee) return sendText(context, person.language, 'language.personalOnly', { code: choice });
  await setPreferredLanguage(deps.repositories, {
    tenantId: person.tenantId,
    userId: person.userId,
    language: choice,
    reference: TurnContext.getConversationReference(context.activity),
    now: deps.clock(),
    employee: person.row ?? (person.employee ? undefined : null),
  });
  await sendText(context, choice, 'language.changed', { language: translator(choice, 'common')(`languageName.${choice}`) });
}
