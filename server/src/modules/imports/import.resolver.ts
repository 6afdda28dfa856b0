import { Arg, Authorized, Ctx as Context, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { SubscribeResolverData } from 'type-graphql';
import type { Ctx } from '../../graphql/context.js';
import { requirePermission } from '../../graphql/auth-checker.js';
import { bufferedIterator } from '../../graphql/pubsub.js';
import { Permission } from '../auth/roles.js';
import { ImportJob, ImportMapping, ImportStatus } from './import.entity.js';
import { ImportMappingInput, ImportPreview, ImportReadInput, ImportRowErrorConnection, StartImportInput } from './import.types.js';
import {
  deleteImportMapping,
  getImportJob,
  importPreview,
  importRowErrors,
  listImportJobs,
  listImportMappings,
  saveImportMapping,
  startImport,
} from './import.service.js';

/** What the subscription hands its resolver: the job to read now, and whether it has ended. */
type ProgressTick = { jobId: string; final: boolean };
const ENDED: readonly string[] = [ImportStatus.DONE, ImportStatus.FAILED];

@Resolver()
export class ImportResolver {
  @Authorized(Permission.ITEMS_IMPORT)
  @Query(() => ImportPreview, { description: 'An uploaded file (POST /imports): how it is read, its header, first rows and a suggested mapping' })
  importFile(
    @Context() ctx: Ctx,
    @Arg('id', () => ID) id: string,
    @Arg('read', () => ImportReadInput, { nullable: true, description: 'CSV: the encoding and delimiter to use instead of those detected' }) read?: ImportReadInput,
  ): Promise<ImportPreview> {
    return importPreview(ctx, id, read);
  }

  @Authorized(Permission.ITEMS_IMPORT)
  @Query(() => [ImportMapping], { description: 'The saved mappings of the municipality, by name' })
  importMappings(@Context() ctx: Ctx): Promise<ImportMapping[]> {
    return listImportMappings(ctx);
  }

  @Authorized(Permission.ITEMS_IMPORT)
  @Mutation(() => ImportMapping, { description: 'Saves a mapping under its name (replacing one of the same name)' })
  saveImportMapping(@Context() ctx: Ctx, @Arg('input', () => ImportMappingInput) input: ImportMappingInput): Promise<ImportMapping> {
    return saveImportMapping(ctx, input);
  }

  @Authorized(Permission.ITEMS_IMPORT)
  @Mutation(() => Boolean)
  deleteImportMapping(@Context() ctx: Ctx, @Arg('id', () => ID) id: string): Promise<boolean> {
    return deleteImportMapping(ctx, id);
  }

  @Authorized(Permission.ITEMS_IMPORT)
  @Mutation(() => ImportJob, {
    description: 'Queues an import (or with dryRun a check) of an uploaded file; follow it with importProgress. Importing the same rows again creates nothing.',
  })
  startImport(@Context() ctx: Ctx, @Arg('input', () => StartImportInput) input: StartImportInput): Promise<ImportJob> {
    return startImport(ctx, input);
  }

  @Authorized(Permission.ITEMS_IMPORT)
  @Query(() => ImportJob)
  importJob(@Context() ctx: Ctx, @Arg('id', () => ID) id: string): Promise<ImportJob> {
    return getImportJob(ctx, id);
  }

  @Authorized(Permission.ITEMS_IMPORT)
  @Query(() => [ImportJob], { description: 'The imports of the municipality, newest first' })
  importJobs(@Context() ctx: Ctx, @Arg('first', () => Int, { defaultValue: 20 }) first: number): Promise<ImportJob[]> {
    return listImportJobs(ctx, first);
  }

  @Authorized(Permission.ITEMS_IMPORT)
  @Query(() => ImportRowErrorConnection, { description: "A job's refused rows by line (a dry run's: every bad row)" })
  importRowErrors(
    @Context() ctx: Ctx,
    @Arg('jobId', () => ID) jobId: string,
    @Arg('first', () => Int, { defaultValue: 100 }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'pageInfo.endCursor of the page before' }) after?: string,
  ): Promise<ImportRowErrorConnection> {
    return importRowErrors(ctx, jobId, first, after);
  }

  @Authorized(Permission.ITEMS_IMPORT)
  @Subscription(() => ImportJob, {
    description: 'The job now, then after each committed chunk, until it is DONE or FAILED',
    subscribe: async ({ args, context }: SubscribeResolverData<unknown, { jobId: string }, Ctx>) => {
      requirePermission(context, [Permission.ITEMS_IMPORT]);
      // The job must be the viewer's municipality's (the tenant filter): NOT_FOUND otherwise.
      const job = await getImportJob(context, args.jobId);
      const municipalityId = job.municipality.id;
      const events = bufferedIterator<ProgressTick>(
        (push) =>
          context.pubsub.on('IMPORT_PROGRESS', (e) => {
            if (e.jobId === job.id && e.municipalityId === municipalityId) push({ jobId: job.id, final: ENDED.includes(e.status) });
          }),
        context.config.liveBuffer,
      );
      let first = true;
      let ended = false;
      const iterator: AsyncIterableIterator<ProgressTick> = {
        async next() {
          if (ended) {
            await events.return?.();
            return { value: undefined as never, done: true };
          }
          if (first) {
            first = false;
            // Listening since before the read below: no chunk committed in between is missed.
            const now = await getImportJob({ ...context, em: context.em.fork({ clear: true }) }, job.id);
            if (ENDED.includes(now.status)) ended = true;
            return { value: { jobId: job.id, final: ended }, done: false };
          }
          const r = await events.next();
          if (r.done) return r;
          if (r.value.final) ended = true;
          return r;
        },
        async return() {
          ended = true;
          await events.return?.();
          return { value: undefined as never, done: true };
        },
        async throw(e?: unknown) {
          ended = true;
          await events.return?.();
          throw e;
        },
        [Symbol.asyncIterator]() {
          return iterator;
        },
      };
      return iterator;
    },
  })
  importProgress(@Root() tick: ProgressTick, @Context() ctx: Ctx, @Arg('jobId', () => ID) _jobId: string): Promise<ImportJob> {
    // Read afresh: a subscription lives long, its unit of work must not keep what it read.
    return getImportJob({ ...ctx, em: ctx.em.fork({ clear: true }) }, tick.jobId);
  }
}
