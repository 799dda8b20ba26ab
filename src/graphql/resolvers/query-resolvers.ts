import { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, ID, Info, Int, Mutation, Query, Resolver } from 'type-graphql';
import { EntityRow, TypedList } from '../../domain/repository';
import { EntityTypeName } from '../../domain/vocabulary';
import { AuditedRequest, auditedImport, auditedRetract } from '../../import/audited-import';
import { ReportImporter } from '../../import/importer';
import { checkPageSize, Context } from '../context';
import { CursorScope, openCursor, sealCursor } from '../cursors';
import { selects } from '../selection';
import { badInput } from '../../errors';
import { cleanName } from '../../domain/identity';
import { Commodity, DateScalar, EntityType, OperationKind, ReportInputScalar } from '../scalars';
import {
  ConnectionShape,
  Entity,
  EntityConnection,
  ImportResult,
  pageInfoOf,
  OperationConnection,
  PersonConnection,
  Report,
  ReportConnection,
  RetractResult,
  SeizureConnection,
  SeizureTotal,
  ServiceInfo,
} from '../types';
import { toEntity } from './entity-resolvers';
import { READ_ROLES, WRITE_ROLES } from '../auth-checker';

const isKeyset = (v: unknown): v is { sortKey: string; id: string } =>
  typeof v === 'object' && v !== null && typeof (v as { id?: unknown }).id === 'string' && typeof (v as { sortKey?: unknown }).sortKey === 'string';
const isOffset = (v: unknown): v is { offset: number } =>
  typeof v === 'object' && v !== null && Number.isInteger((v as { offset?: unknown }).offset) && (v as { offset: number }).offset >= 0;

@ArgsType()
class PageArgs {
  @Field(() => Int, { defaultValue: 20, description: 'Page size (at most MAX_PAGE_SIZE).' }) first!: number;
  @Field(() => String, { nullable: true, description: 'Cursor of the last item of the previous page.' }) after?: string;
}

/** The seizures to count or list: `seizures` pages them, `seizureTotals` adds them up. */
@ArgsType()
class SeizureFilterArgs {
  @Field(() => Commodity, { nullable: true }) commodity?: string;
  @Field(() => String, { nullable: true, description: 'ISO code of the country where it was seized.' }) country?: string;
  @Field(() => DateScalar, { nullable: true }) from?: string;
  @Field(() => DateScalar, { nullable: true }) to?: string;
}

/** Loads the page's entities (one batched round-trip) and wraps them as a connection. */
async function entityPage(
  ctx: Context,
  scope: CursorScope,
  result: { total: number; start: number; page: Array<{ id: string; sortKey?: string }> },
  cursorOf: (item: { id: string; sortKey?: string }, index: number) => unknown,
): Promise<ConnectionShape<Entity>> {
  const rows = await ctx.loaders.entity.loadMany(result.page.map((p) => p.id));
  const edges = result.page
    .map((item, i) => ({ item, i, row: rows[i] }))
    .filter((x): x is { item: { id: string; sortKey?: string }; i: number; row: EntityRow } => !!x.row && !(x.row instanceof Error))
    .map(({ item, i, row }) => ({ cursor: sealCursor(ctx.config.identitySecret, scope, cursorOf(item, i)), node: toEntity(row) }));
  return { edges, totalCount: result.total, pageInfo: pageInfoOf(result.start, result.total, edges, result.start + result.page.length < result.total) };
}

const upper = (s?: string | null) => (s ? s.toUpperCase() : null);

/**
 * A typed list as a connection: one read for the page (walking the statement index), and the
 * total (a second read) only if the query selects `totalCount`.
 */
async function typedConnection(
  ctx: Context,
  info: GraphQLResolveInfo,
  list: TypedList,
  filters: Record<string, unknown>,
  first: number,
  after?: string | null,
) {
  // a cursor is bound to this list, these filters and the caller's visibility class
  const scope: CursorScope = { list, filters, auth: ctx.auth };
  const cursor = openCursor(ctx.config.identitySecret, scope, after, isKeyset);
  const result = await ctx.repository.typedPage(ctx.auth, list, filters, cursor, checkPageSize(ctx, first));
  const [connection, totalCount] = await Promise.all([
    entityPage(ctx, scope, { total: 0, start: cursor ? 1 : 0, page: result.page }, (item) => item),
    selects(info, 'totalCount') ? result.total() : Promise.resolve(0),
  ]);
  connection.pageInfo.hasNextPage = result.more;
  return { ...connection, totalCount };
}

@Resolver()
export class QueryResolver {
  @Authorized(...READ_ROLES)
  @Query(() => ServiceInfo, { description: 'Versions of the service and of the database it talks to.' })
  async serviceInfo(@Ctx() ctx: Context): Promise<ServiceInfo> {
    const row = await ctx.repository.databaseVersion();
    return { version: process.env.npm_package_version ?? '0.1.0', neo4jVersion: row.version, neo4jEdition: row.edition };
  }

  @Authorized(...READ_ROLES)
  @Query(() => Entity, { nullable: true, description: 'Any entity by id; hidden and missing ids both answer null.' })
  async entity(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    const row = await ctx.loaders.entity.load(id);
    return row && toEntity(row);
  }

  @Authorized(...READ_ROLES)
  @Query(() => Report, { nullable: true, description: 'A report (the provenance of imported facts) by id.' })
  async report(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.loaders.report.load(id);
  }

  @Authorized(...READ_ROLES)
  @Query(() => ReportConnection, { description: 'Reports visible to the caller, newest first.' })
  async reports(@Args() { first, after }: PageArgs, @Arg('agency', () => String, { nullable: true }) agency: string | undefined, @Ctx() ctx: Context) {
    const scope: CursorScope = { list: 'reports', filters: { agency: upper(agency) }, auth: ctx.auth };
    const cursor = openCursor(
      ctx.config.identitySecret,
      scope,
      after,
      // the date is fed to Cypher's date(): only a real calendar date may pass (a forged one is BAD_USER_INPUT)
      (v): v is { date: string; id: string } =>
        typeof (v as { date?: unknown })?.date === 'string' &&
        /^\d{4}-\d{2}-\d{2}$/.test((v as { date: string }).date) &&
        !Number.isNaN(Date.parse((v as { date: string }).date)) &&
        typeof (v as { id?: unknown })?.id === 'string',
    );
    const result = await ctx.repository.reportsPage(ctx.auth, upper(agency), cursor, checkPageSize(ctx, first));
    const edges = result.page.map((r) => ({ cursor: sealCursor(ctx.config.identitySecret, scope, { date: r.date, id: r.id }), node: r }));
    return { edges, totalCount: result.total, pageInfo: pageInfoOf(result.start, result.total, edges) };
  }

  @Authorized(...READ_ROLES)
  @Query(() => EntityConnection, { description: 'Full-text, fuzzy, case- and diacritics-insensitive search over names and aliases.' })
  async search(
    @Arg('text') text: string,
    @Arg('types', () => [EntityType], { nullable: true }) types: EntityTypeName[] | undefined,
    @Args() { first, after }: PageArgs,
    @Ctx() ctx: Context,
  ) {
    if (text.length > 200) throw badInput('text', 'at most 200 characters');
    const scope: CursorScope = { list: 'search', filters: { text, types: types ?? [] }, auth: ctx.auth };
    const offset = openCursor(ctx.config.identitySecret, scope, after, isOffset)?.offset ?? 0;
    const repo = ctx.repository;
    const result = await repo.search(ctx.auth, text, types ?? [], offset, checkPageSize(ctx, first));
    return entityPage(ctx, scope, { ...result, start: offset }, (_item, i) => ({ offset: offset + i + 1 }));
  }

  @Authorized(...READ_ROLES)
  @Query(() => PersonConnection, { description: 'Persons by name (folded, substring) and nationality, ordered by name.' })
  async persons(
    @Arg('name', () => String, { nullable: true }) name: string | undefined,
    @Arg('nationality', () => String, { nullable: true }) nationality: string | undefined,
    @Args() { first, after }: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return typedConnection(ctx, info, 'persons', { nameClean: name ? cleanName(name) : null, nationality: upper(nationality) }, first, after);
  }

  @Authorized(...READ_ROLES)
  @Query(() => OperationConnection, { description: 'Operations by country, kind and a date window overlapping their period.' })
  async operations(
    @Arg('country', () => String, { nullable: true }) country: string | undefined,
    @Arg('kind', () => OperationKind, { nullable: true }) kind: string | undefined,
    @Arg('from', () => DateScalar, { nullable: true }) from: string | undefined,
    @Arg('to', () => DateScalar, { nullable: true }) to: string | undefined,
    @Args() { first, after }: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return typedConnection(ctx, info, 'operations', { country: upper(country), kind: kind ?? null, from: from ?? null, to: to ?? null }, first, after);
  }

  @Authorized(...READ_ROLES)
  @Query(() => SeizureConnection, { description: 'Seizures by commodity, country where seized, and date range.' })
  async seizures(@Args() filter: SeizureFilterArgs, @Args() { first, after }: PageArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return typedConnection(ctx, info, 'seizures', seizureFilters(filter), first, after);
  }

  @Authorized(...READ_ROLES)
  @Query(() => [SeizureTotal], {
    description:
      'Totals per commodity and unit over the same filters as `seizures`, ordered by commodity and unit. ' +
      'One row per group, at most one per commodity and unit of the vocabulary, so the whole list at once: no pages.',
  })
  async seizureTotals(@Args() filter: SeizureFilterArgs, @Ctx() ctx: Context) {
    return ctx.repository.seizureTotals(ctx.auth, seizureFilters(filter));
  }

  @Authorized(...WRITE_ROLES)
  @Mutation(() => ImportResult, { description: 'Imports one operation report atomically and idempotently.' })
  async importReport(
    @Arg('report', () => ReportInputScalar) report: unknown,
    @Arg('validateOnly', { defaultValue: false, description: 'Run every check and answer what would change, writing nothing.' }) validateOnly: boolean,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ImportResult> {
    // The one audited import (src/import/audited-import.ts): a written report's entry commits in the
    // import's own transaction, whatever happens to the connection afterwards (a dry run, and a
    // failed import, are audited as every request is, by the audit plugin).
    const { outcome, audited } = await auditedImport(requestOf(ctx, info), report, { validateOnly, returns: 'entities' });
    // the request's only field: its entry is written (otherwise the plugin records the request too)
    if (audited && info.operation.selectionSet.selections.length === 1) ctx.auditWritten = true;
    if (!outcome.dryRun) outcome.changedIds.forEach((id) => ctx.changedIds.add(id));
    return outcome;
  }

  @Authorized(...WRITE_ROLES)
  @Mutation(() => RetractResult, { description: 'Removes every statement of a report: only its agency’s loaders, or an admin within clearance.' })
  async retractReport(@Arg('id', () => ID) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<RetractResult> {
    // audited in the retraction's own transaction, as the CLI's direct retraction is
    const outcome = await auditedRetract(requestOf(ctx, info), id);
    if (info.operation.selectionSet.selections.length === 1) ctx.auditWritten = true;
    outcome.changedIds.forEach((x) => ctx.changedIds.add(x));
    return { reportId: outcome.reportId, statements: outcome.statements, links: outcome.links };
  }
}

/** An import or retraction request as the audited functions take it. */
const requestOf = (ctx: Context, info: GraphQLResolveInfo): AuditedRequest => ({
  importer: new ReportImporter(ctx.db, ctx.config.identitySecret),
  audit: ctx.audit,
  principal: ctx.principal,
  auth: ctx.auth,
  operationName: info.operation.name?.value ?? null,
  variables: info.variableValues,
  started: Date.now(),
});

function seizureFilters(args: SeizureFilterArgs) {
  return {
    commodity: args.commodity ?? null,
    country: upper(args.country),
    from: args.from ?? null,
    to: args.to ?? null,
  };
}
