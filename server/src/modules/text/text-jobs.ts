import type { EntityManager } from '@mikro-orm/postgresql';
import { logger, safeError } from '../../shared/logger.js';
import type { TextModels } from './model-service.js';
import { TrainingStopped } from './model-training.js';

/**
 * The nightly retraining (docs/text.md, "Models"): every municipality whose staff classified texts since its model
 * was trained (each such classification is a labelled example) gets a model retrained with them, one municipality
 * after the other (each takes a core for some seconds, off the event loop); the others keep theirs. What the
 * head's "Переобучить" does by hand, so that corrections teach the machine without anyone asking. Returns the
 * municipalities retrained.
 */
export async function retrainWithNewExamples(em: EntityManager, models: Pick<TextModels, 'status' | 'retrain' | 'isRetraining'>): Promise<string[]> {
  const counts: { municipality_id: string; n: number }[] = await em
    .getConnection()
    .execute('select municipality_id, count(*)::int as n from text_example group by municipality_id order by municipality_id');
  const retrained: string[] = [];
  for (const { municipality_id: municipalityId, n } of counts) {
    const status = await models.status(municipalityId);
    // No model yet (the base still training), or one running now: the next night.
    if (!status || models.isRetraining(municipalityId) || n <= status.staffExamples) continue;
    try {
      await models.retrain(municipalityId, null);
      retrained.push(municipalityId);
    } catch (e) {
      // The server stopping ends the night's retrainings: the next night takes them up.
      if (e instanceof TrainingStopped) break;
      logger.error('text model: the nightly retraining failed', { municipalityId, ...safeError(e) });
    }
  }
  return retrained;
}
