import { Arg, Authorized, Ctx as Context, Mutation, Query, Resolver } from 'type-graphql';
import type { Ctx } from '../../graphql/context.js';
import { AppError, badInput, ErrorCode } from '../../graphql/errors.js';
import { writableMunicipalityId } from '../../shared/tenancy.js';
import { logger, safeError } from '../../shared/logger.js';
import { auditChange } from '../audit/audit.service.js';
import { Permission } from '../auth/roles.js';
import { Channel } from '../items/item.enums.js';
import type { ModelStatus } from './model-service.js';
import { TrainingStopped } from './model-training.js';
import { Classification, classificationOf, TextModelInfo } from './text.graphql.js';
import { TextExample } from './text-model.entity.js';

/** The longest text `classifyText` reads: a long letter; the classifier reads its words, not its length. */
const MAX_TEXT = 20_000;

function notReady(): AppError {
  return new AppError(
    ErrorCode.SERVICE_UNAVAILABLE,
    'The text model is not ready yet (it is being trained on this server for the first time); try again in a minute',
    { reason: 'TEXT_MODEL_NOT_READY' },
  );
}

@Resolver()
export class TextResolver {
  @Authorized(Permission.TEXT_CLASSIFY)
  @Query(() => Classification, {
    description:
      'What the machine reads in a text: sector and category of the rubricator with a calibrated confidence and alternatives, urgency with its reasons, and the place in the district (docs/text.md)',
  })
  async classifyText(
    @Context() ctx: Ctx,
    @Arg('text') text: string,
    @Arg('channel', () => Channel, { nullable: true }) channel?: Channel,
  ): Promise<Classification> {
    if (!text.trim()) throw badInput([{ field: 'text', problems: ['is empty'] }]);
    if (text.length > MAX_TEXT) throw badInput([{ field: 'text', problems: [`at most ${MAX_TEXT} characters`] }]);
    const municipalityId = writableMunicipalityId(ctx);
    if (!ctx.text) throw notReady();
    const u = await ctx.text.understand(municipalityId, text, channel);
    if (!u.classification) throw notReady();
    return classificationOf(u.classification, u.place);
  }

  @Authorized(Permission.TEXT_MODEL_MANAGE)
  @Query(() => TextModelInfo, { nullable: true, description: 'The text model that answers for your municipality (null: none ready yet)' })
  async textModel(@Context() ctx: Ctx): Promise<TextModelInfo | null> {
    const municipalityId = writableMunicipalityId(ctx);
    if (!ctx.text) return null;
    const status = await ctx.text.models.status(municipalityId);
    return status ? infoOf(ctx, municipalityId, status) : null;
  }

  @Authorized(Permission.TEXT_MODEL_MANAGE)
  @Mutation(() => TextModelInfo, {
    description:
      'Starts retraining the municipality’s text model on the corpus and every classification by its staff (up to half a minute, off the request); answers the model that answers now, with `retraining` true. Read `textModel` until its version changes.',
  })
  async retrainTextModel(
    @Context() ctx: Ctx,
    @Arg('onlyIfNewExamples', { defaultValue: false, description: 'Retrain only when staff examples came after the model (else answer it as it is)' })
    onlyIfNewExamples: boolean,
  ): Promise<TextModelInfo> {
    const municipalityId = writableMunicipalityId(ctx);
    if (!ctx.text) throw notReady();
    const current = await ctx.text.models.status(municipalityId);
    if (!current) throw notReady();
    const info = await infoOf(ctx, municipalityId, current);
    if (onlyIfNewExamples && info.newStaffExamples === 0) return info;
    const v = ctx.viewer;
    void ctx.text.models.retrain(municipalityId, v?.kind === 'user' ? v.userId : null).catch((e: unknown) => {
      if (e instanceof TrainingStopped) logger.info('text model: a retraining ended unfinished: the server stopped');
      else logger.error('text model: the retraining failed', safeError(e));
    });
    auditChange(ctx, municipalityId, 'TEXT_MODEL_RETRAINED');
    await ctx.em.flush();
    return { ...info, retraining: true };
  }
}

async function infoOf(ctx: Ctx, municipalityId: string, s: ModelStatus): Promise<TextModelInfo> {
  // Staff examples are never deleted: those beyond the ones the model learnt from came after it.
  const newStaffExamples = Math.max(0, (await ctx.em.count(TextExample, {})) - s.staffExamples);
  return {
    version: s.version,
    baseVersion: s.baseVersion,
    trainedAt: s.trainedAt,
    examples: s.examples,
    staffExamples: s.staffExamples,
    newStaffExamples,
    trainingMs: s.trainingMs,
    municipal: s.municipal,
    retraining: ctx.text?.models.isRetraining(municipalityId) ?? false,
  };
}
