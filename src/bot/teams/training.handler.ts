/**
 * The training nudge card's actions (issue 11, Universal Actions `Action.Execute`): Start, Done
 * and Not now. Each validates the payload with zod, calls the training service for the person who
 * clicked (never the card's original recipient: a forwarded card acts for whoever presses it) and
 * returns the card as that person should now see it. A forged payload or a module that is gone
 * gets a notice card and writes nothing.
 *
 * Also the `training` message builder of the delivery pipeline: the card a push sends, built at
 * send time in the person's language (nothing to send once done, declined or retired).
 */
import type { Application } from '@microsoft/teams-ai';
import type { Activity, TurnContext } from 'botbuilder';
import { TrainingCardActionSchema } from '../../shared/contracts/training.js';
import { NotFoundError } from '../services/errors.js';
import { loadChatPerson } from '../services/language.service.js';
import type { TrainingService } from '../services/training.service.js';
import { viewOf, type TrainingNudgeView } from '../services/training-views.js';
import { cardAttachment, type AdaptiveCardJson } from './cards/expand.js';
import { renderTrainingNudgeCard, type TrainingNudgeStage } from './cards/training-nudge/training-nudge.card.js';
import type { TeamsDeps } from './deps.js';
import { notice } from './share.handler.js';
import { turnUser } from './turn.js';
import { CARD_VERBS } from './verbs.js';

/** The card for a view at a stage. */
export function renderNudgeView(view: TrainingNudgeView, stage: TrainingNudgeStage): AdaptiveCardJson {
  const { module } = view;
  return renderTrainingNudgeCard(
    {
      moduleId: module.id,
      title: module.title,
      ...(module.summary ? { summary: module.summary } : {}),
      format: module.format,
      durationMinutes: module.durationMinutes,
      ...(module.body ? { body: module.body } : {}),
      ...(module.link ? { link: module.link } : {}),
      fit: view.fit,
      stage,
    },
    view.language,
  );
}

/** The `training` message builder: the nudge card for one recipient, or `undefined` when nothing is left to send. */
export function createTrainingNudgeBuilder(training: Pick<TrainingService, 'nudgeView'>) {
  return async (target: { tenantId: string; employeeId: string; subjectId: string }): Promise<Partial<Activity> | undefined> => {
    const view = await training.nudgeView(target.tenantId, target.employeeId, target.subjectId);
    if (!view) return undefined;
    const stage: TrainingNudgeStage = view.record?.status === 'started' ? 'started' : 'nudge';
    return { attachments: [cardAttachment(renderNudgeView(view, stage))], locale: view.language };
  };
}

type CardAction = 'start' | 'done' | 'not-now';

/** Register the `training.*` verbs. */
export function registerTrainingHandlers(app: Application, deps: TeamsDeps): void {
  const handle = (action: CardAction) => async (context: TurnContext, _state: unknown, data: unknown): Promise<AdaptiveCardJson> => {
    const parsed = TrainingCardActionSchema.safeParse(data);
    const training = deps.services.training;
    if (!parsed.success) return notice(context, deps, 'stale');
    if (!training) return notice(context, deps, 'unavailable');
    const user = turnUser(context, deps);
    const person = await loadChatPerson(deps.repositories, user, context.activity.locale);
    if (!person.employee) return notice(context, deps, 'personalOnly', person.language);
    let result: Awaited<ReturnType<TrainingService['respond']>>;
    try {
      result = await training.respond(user.tenantId, user.userId, parsed.data.moduleId, action);
    } catch (error) {
      if (error instanceof NotFoundError) return notice(context, deps, 'unavailable', person.language);
      throw error;
    }
    const stage: TrainingNudgeStage =
      result.record.status === 'completed' ? 'done' : action === 'start' ? 'started' : action === 'not-now' ? (result.declined ? 'declined' : 'later') : 'started';
    return renderNudgeView(viewOf(result.module, result.record, person.employee.value), stage);
  };

  app.adaptiveCards.actionExecute(CARD_VERBS.trainingStart, handle('start'));
  app.adaptiveCards.actionExecute(CARD_VERBS.trainingComplete, handle('done'));
  app.adaptiveCards.actionExecute(CARD_VERBS.trainingLater, handle('not-now'));
}
