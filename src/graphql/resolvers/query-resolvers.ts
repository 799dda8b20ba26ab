import { Arg, Args, ArgsType, Authorized, Ctx, Field, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { cypher } from '../../db/cypher';
import { EntityRow, ReportRow } from '../../domain/repository';
import { EntityTypeName } from '../../domain/vocabulary';
import { ReportImporter } from '../../import/importer';
import { Context } from '../context';
import { badInput, tooComplex } from '../errors';
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
  SeizureConnection,
  SeizureTotal,
  ServiceInfo,
} from '../types';
import { toEntity } from './entity-resolvers';
import { READ_ROLES, WRITE_ROLES } from '../auth-checker';

const encodeCursor = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
function decodeCursor<T>(cursor: string | undefined | null, check: (v: unknown) => v is T): T | null {
  if (!cursor) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (check(value)) return value;
  } catch {
    // fall through
  }
  throw badInput('after', 'not a cursor returned by this API');
}
const isKeyset = (v: unknown): v is { sortName: string; id: string } =>
  typeof v === 'object' && v !== null && typeof (v as { id?: unknown }).id === 'string' && typeof (v as { sortName?: unknown }).sortName === 'string';
const isOffset = (v: unknown): v is { offset: number } =>
  typeof v === 'object' && v !== null && Number.isInteger((v as { offset?: unknown }).offset) && (v as { offset: number }).offset >= 0;

@ArgsType()
class PageArgs {
  @Field(() => Int, { defaultValue: 20, description: 'Page size (at most MAX_PAGE_SIZE).' }) first!: number;
  @Field(() => String, { nullable: true, description: 'Cursor of the last item of the previous page.' }) after?: string;
}

@ArgsType()
class SeizureFilterArgs extends PageArgs {
  @Field(() => Commodity, { nullable: true }) commodity?: string;
  @Field(() => String, { nullable: true, description: 'ISO code of the country where it was seized.' }) country?: string;
  @Field(() => DateScalar, { nullable: true }) from?: string;
  @Field(() => DateScalar, { nullable: true }) to?: string;
}

function checkFirst(ctx: Context, first: number): number {
  if (!Number.isInteger(first) || first < 0 || first > ctx.config.limits.maxPageSize) {
    throw tooComplex(`first must be between 0 and ${ctx.config.limits.maxPageSize}`);
  }
  return first;
}

/** Loads the page's entities (one batched round-trip) and wraps them as a connection. */
async function entityPage(
  ctx: Context,
  result: { total: number; start: number; page: Array<{ id: string; sortName?: string }> },
  cursorOf: (item: { id: string; sortName?: string }, index: number) => unknown,
): Promise<ConnectionShape<Entity>> {
  const rows = await ctx.loaders.entity.loadMany(result.page.map((p) => p.id));
  const edges = result.page
    .map((item, i) => ({ item, i, row: rows[i] }))
    .filter((x): x is { item: { id: string; sortName?: string }; i: number; row: EntityRow } => !!x.row && !(x.row instanceof Error))
    .map(({ item, i, row }) => ({ cursor: encodeCursor(cursorOf(item, i)), node: toEntity(row) }));
  return { edges, totalCount: result.total, pageInfo: pageInfoOf(result.start, result.total, edges, result.start + result.page.length < result.total) };
}

const upper = (s?: string | null) => (s ? s.toUpperCase() : null);

@Resolver()
export class QueryResolver {
  @Authorized(...READ_ROLES)
  @Query(() => ServiceInfo, { description: 'Versions of the service and of the database it talks to.' })
  async serviceInfo(@Ctx() ctx: Context): Promise<ServiceInfo> {
    const [row] = await ctx.db.read<{ version: string; edition: string }>(
      'CALL dbms.components() YIELD versions, edition RETURN versions[0] AS version, edition',
    );
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
    const cursor = decodeCursor(
      after,
      // the date is fed to Cypher's date(): only a real calendar date may pass (a forged one is BAD_USER_INPUT)
      (v): v is { date: string; id: string } =>
        typeof (v as { date?: unknown })?.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test((v as { date: string }).date) && !Number.isNaN(Date.parse((v as { date: string }).date)) && typeof (v as { id?: unknown })?.id === 'string',
    );
    const [result] = await ctx.db.read<{ total: number; start: number; page: ReportRow[] }>(cypher('list-reports'), {
      auth: ctx.auth,
      agency: upper(agency),
      after: cursor,
      first: checkFirst(ctx, first),
    });
    const edges = result.page.map((r) => ({ cursor: encodeCursor({ date: r.date, id: r.id }), node: r }));
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
    const offset = decodeCursor(after, isOffset)?.offset ?? 0;
    const repo = ctx.repository;
    const result = await repo.search(ctx.auth, text, types ?? [], offset, checkFirst(ctx, first));
    return entityPage(ctx, { ...result, start: offset }, (_item, i) => ({ offset: offset + i + 1 }));
  }

  @Authorized(...READ_ROLES)
  @Query(() => PersonConnection, { description: 'Persons by name (folded, substring) and nationality, ordered by name.' })
  async persons(
    @Arg('name', () => String, { nullable: true }) name: string | undefined,
    @Arg('nationality', () => String, { nullable: true }) nationality: string | undefined,
    @Args() { first, after }: PageArgs,
    @Ctx() ctx: Context,
  ) {
    const result = await ctx.db.read<{ total: number; start: number; page: Array<{ id: string; sortName: string }> }>(cypher('list-persons'), {
      auth: ctx.auth,
      name: name ?? null,
      // folded like apoc.text.clean: no diacritics, lower case, letters and digits only
      nameClean: name ? name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '') : null,
      nationality: upper(nationality),
      after: decodeCursor(after, isKeyset),
      first: checkFirst(ctx, first),
    });
    return entityPage(ctx, result[0], (item) => item);
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
  ) {
    const result = await ctx.db.read<{ total: number; start: number; page: Array<{ id: string; sortName: string }> }>(cypher('list-operations'), {
      auth: ctx.auth,
      country: upper(country),
      kind: kind ?? null,
      from: from ?? null,
      to: to ?? null,
      after: decodeCursor(after, isKeyset),
      first: checkFirst(ctx, first),
    });
    return entityPage(ctx, result[0], (item) => item);
  }

  @Authorized(...READ_ROLES)
  @Query(() => SeizureConnection, { description: 'Seizures by commodity, country where seized, and date range.' })
  async seizures(@Args() args: SeizureFilterArgs, @Ctx() ctx: Context) {
    const result = await ctx.db.read<{ total: number; start: number; page: Array<{ id: string; sortName: string }> }>(cypher('list-seizures'), {
      ...seizureParams(ctx, args),
      after: decodeCursor(args.after, isKeyset),
      first: checkFirst(ctx, args.first),
    });
    return entityPage(ctx, result[0], (item) => item);
  }

  @Authorized(...READ_ROLES)
  @Query(() => [SeizureTotal], { description: 'Totals per commodity and unit over the same filters as `seizures`.' })
  async seizureTotals(@Args() args: SeizureFilterArgs, @Ctx() ctx: Context) {
    return ctx.db.read<SeizureTotal>(cypher('seizure-totals'), seizureParams(ctx, args));
  }

  @Authorized(...WRITE_ROLES)
  @Mutation(() => ImportResult, { description: 'Imports one operation report atomically and idempotently.' })
  async importReport(@Arg('report', () => ReportInputScalar) report: unknown, @Ctx() ctx: Context): Promise<ImportResult> {
    const outcome = await new ReportImporter(ctx.db).import(report, ctx.principal.subject, ctx.auth);
    outcome.changedIds.forEach((id) => ctx.changedIds.add(id));
    return outcome;
  }
}

function seizureParams(ctx: Context, args: SeizureFilterArgs) {
  return {
    auth: ctx.auth,
    commodity: args.commodity ?? null,
    country: upper(args.country),
    from: args.from ?? null,
    to: args.to ?? null,
  };
}
