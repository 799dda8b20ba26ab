import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { EntityRow, LinkRow } from '../../domain/repository';
import { SourceRef } from '../../domain/statements';
import { LINK_TYPES, LinkTypeName } from '../../domain/vocabulary';
import { checkPageSize, Context } from '../context';
import { Direction, LinkType } from '../scalars';
import { Country, Entity, Event, Link, Location, Operation, Organisation, Person, Report, Route, Seizure, Source } from '../types';

/** Fills list defaults and keeps provenance under names that do not clash with GraphQL fields. */
export function toEntity(row: EntityRow): Entity {
  return {
    ...row,
    aliases: row.aliases ?? [],
    nationalities: row.nationalities ?? [],
    countries: row.countries ?? [],
    commodities: row.commodities ?? [],
    legIds: row.legs ?? [],
    sourceRefs: row.sources,
  } as unknown as Entity;
}

/** A link as listed under `viewpointId`: one GraphQL object per link and viewpoint (see `Link`). */
export function toLink(row: LinkRow, viewpointId: string): Link {
  return { ...row, id: `${row.id}~${viewpointId}`, linkId: row.id, viewpointId, sourceRefs: row.sources };
}

export function toSources(sources: SourceRef[]): Source[] {
  return sources.map(({ reportId, grade }) => ({
    reportId,
    sourceReliability: grade.slice(0, 1),
    informationAccuracy: Number(grade.slice(1)) || 4,
  }));
}

/** Loads the links of one entity through the request's batching loader. */
async function linksOf(root: Entity, ctx: Context, types: readonly LinkTypeName[], dir: Direction, first: number): Promise<Link[]> {
  const rows = await ctx.loaders.links.load({ id: root.id, types, dir, first: checkPageSize(ctx, first) });
  return rows.map((r) => toLink(r, root.id));
}

const FIRST = { defaultValue: 100, description: 'At most this many links (ordered by the other end’s name).' };

@Resolver(() => Entity)
export class EntityFieldsResolver {
  @FieldResolver(() => [Source], { description: 'The visible reports that assert this entity, with their evaluation.' })
  sources(@Root() root: Entity): Source[] {
    return toSources(root.sourceRefs ?? []);
  }

  @FieldResolver(() => [Link], { description: 'Links of any type, optionally filtered.' })
  links(
    @Root() root: Entity,
    @Ctx() ctx: Context,
    @Arg('types', () => [LinkType], { nullable: true }) types: LinkTypeName[] | undefined,
    @Arg('direction', () => Direction, { defaultValue: Direction.BOTH }) direction: Direction,
    @Arg('first', () => Int, FIRST) first: number,
  ): Promise<Link[]> {
    return linksOf(root, ctx, types && types.length ? types : LINK_TYPES, direction, first);
  }
}

@Resolver(() => Source)
export class SourceResolver {
  @FieldResolver(() => Report, { nullable: true })
  async report(@Root() root: Source, @Ctx() ctx: Context) {
    return ctx.loaders.report.load(root.reportId);
  }
}

@Resolver(() => Link)
export class LinkResolver {
  @FieldResolver(() => Entity, { nullable: true })
  async from(@Root() link: Link, @Ctx() ctx: Context) {
    const row = await ctx.loaders.entity.load(link.fromId);
    return row && toEntity(row);
  }

  @FieldResolver(() => Entity, { nullable: true })
  async to(@Root() link: Link, @Ctx() ctx: Context) {
    const row = await ctx.loaders.entity.load(link.toId);
    return row && toEntity(row);
  }

  @FieldResolver(() => Entity, { nullable: true, description: 'The other end, seen from the entity this link is listed under.' })
  async entity(@Root() link: Link, @Ctx() ctx: Context) {
    const row = await ctx.loaders.entity.load(link.viewpointId === link.fromId ? link.toId : link.fromId);
    return row && toEntity(row);
  }

  @FieldResolver(() => [Source])
  sources(@Root() link: Link): Source[] {
    return toSources(link.sourceRefs);
  }
}

@Resolver(() => Person)
export class PersonResolver {
  @FieldResolver(() => [Link], { description: 'MEMBER_OF links to organisations.' })
  memberships(@Root() p: Person, @Ctx() ctx: Context, @Arg('first', () => Int, FIRST) first: number) {
    return linksOf(p, ctx, ['MEMBER_OF'], Direction.OUT, first);
  }
  @FieldResolver(() => [Link], { description: 'ASSOCIATE_OF links (either direction).' })
  associates(@Root() p: Person, @Ctx() ctx: Context, @Arg('first', () => Int, FIRST) first: number) {
    return linksOf(p, ctx, ['ASSOCIATE_OF'], Direction.BOTH, first);
  }
  @FieldResolver(() => [Link], { description: 'ARRESTED links from operations.' })
  arrests(@Root() p: Person, @Ctx() ctx: Context, @Arg('first', () => Int, FIRST) first: number) {
    return linksOf(p, ctx, ['ARRESTED'], Direction.IN, first);
  }
  @FieldResolver(() => [Link], { description: 'TARGETED links from operations.' })
  targetedBy(@Root() p: Person, @Ctx() ctx: Context, @Arg('first', () => Int, FIRST) first: number) {
    return linksOf(p, ctx, ['TARGETED'], Direction.IN, first);
  }
  @FieldResolver(() => [Link], { description: 'SEIZED_FROM links from seizures.' })
  seizures(@Root() p: Person, @Ctx() ctx: Context, @Arg('first', () => Int, FIRST) first: number) {
    return linksOf(p, ctx, ['SEIZED_FROM'], Direction.IN, first);
  }
  @FieldResolver(() => [Link], { description: 'USES_ROUTE links.' })
  routes(@Root() p: Person, @Ctx() ctx: Context, @Arg('first', () => Int, FIRST) first: number) {
    return linksOf(p, ctx, ['USES_ROUTE'], Direction.OUT, first);
  }
  @FieldResolver(() => [Link], { description: 'ATTENDED links to events.' })
  attended(@Root() p: Person, @Ctx() ctx: Context, @Arg('first', () => Int, FIRST) first: number) {
    return linksOf(p, ctx, ['ATTENDED'], Direction.OUT, first);
  }
  @FieldResolver(() => [Link], { description: 'BASED_IN and NATIONAL_OF links.' })
  places(@Root() p: Person, @Ctx() ctx: Context, @Arg('first', () => Int, FIRST) first: number) {
    return linksOf(p, ctx, ['BASED_IN', 'NATIONAL_OF'], Direction.OUT, first);
  }
}

@Resolver(() => Organisation)
export class OrganisationResolver {
  @FieldResolver(() => [Link], { description: 'MEMBER_OF links from persons.' })
  members(@Root() o: Organisation, @Ctx() ctx: Context, @Arg('first', () => Int, FIRST) first: number) {
    return linksOf(o, ctx, ['MEMBER_OF'], Direction.IN, first);
  }
  @FieldResolver(() => [Link], { description: 'PARTICIPATED_IN links to operations.' })
  participations(@Root() o: Organisation, @Ctx() ctx: Context, @Arg('first', () => Int, FIRST) first: number) {
    return linksOf(o, ctx, ['PARTICIPATED_IN'], Direction.OUT, first);
  }
  @FieldResolver(() => [Link], { description: 'TARGETED links from operations.' })
  targetedBy(@Root() o: Organisation, @Ctx() ctx: Context, @Arg('first', () => Int, FIRST) first: number) {
    return linksOf(o, ctx, ['TARGETED'], Direction.IN, first);
  }
  @FieldResolver(() => [Link], { description: 'SEIZED_FROM links from seizures.' })
  seizures(@Root() o: Organisation, @Ctx() ctx: Context, @Arg('first', () => Int, FIRST) first: number) {
    return linksOf(o, ctx, ['SEIZED_FROM'], Direction.IN, first);
  }
  @FieldResolver(() => [Link], { description: 'USES_ROUTE links.' })
  routes(@Root() o: Organisation, @Ctx() ctx: Context, @Arg('first', () => Int, FIRST) first: number) {
    return linksOf(o, ctx, ['USES_ROUTE'], Direction.OUT, first);
  }
  @FieldResolver(() => [Link], { description: 'BASED_IN links to countries and locations.' })
  basedIn(@Root() o: Organisation, @Ctx() ctx: Context, @Arg('first', () => Int, FIRST) first: number) {
    return linksOf(o, ctx, ['BASED_IN'], Direction.OUT, first);
  }
}

@Resolver(() => Operation)
export class OperationResolver {
  @FieldResolver(() => [Link], { description: 'PARTICIPATED_IN links from agencies.' })
  participants(@Root() o: Operation, @Ctx() ctx: Context, @Arg('first', () => Int, FIRST) first: number) {
    return linksOf(o, ctx, ['PARTICIPATED_IN'], Direction.IN, first);
  }
  @FieldResolver(() => [Link], { description: 'TARGETED links to persons and organisations.' })
  targets(@Root() o: Operation, @Ctx() ctx: Context, @Arg('first', () => Int, FIRST) first: number) {
    return linksOf(o, ctx, ['TARGETED'], Direction.OUT, first);
  }
  @FieldResolver(() => [Link], { description: 'ARRESTED links to persons.' })
  arrests(@Root() o: Operation, @Ctx() ctx: Context, @Arg('first', () => Int, FIRST) first: number) {
    return linksOf(o, ctx, ['ARRESTED'], Direction.OUT, first);
  }
  @FieldResolver(() => [Link], { description: 'SEIZED_IN links from seizures.' })
  seizures(@Root() o: Operation, @Ctx() ctx: Context, @Arg('first', () => Int, FIRST) first: number) {
    return linksOf(o, ctx, ['SEIZED_IN'], Direction.IN, first);
  }
}

@Resolver(() => Seizure)
export class SeizureResolver {
  @FieldResolver(() => [Link], { description: 'SEIZED_IN, SEIZED_AT and SEIZED_FROM links.' })
  context(@Root() s: Seizure, @Ctx() ctx: Context, @Arg('first', () => Int, FIRST) first: number) {
    return linksOf(s, ctx, ['SEIZED_IN', 'SEIZED_AT', 'SEIZED_FROM'], Direction.OUT, first);
  }
  @FieldResolver(() => [Link], { description: 'SEIZED_IN links to operations.' })
  operations(@Root() s: Seizure, @Ctx() ctx: Context, @Arg('first', () => Int, FIRST) first: number) {
    return linksOf(s, ctx, ['SEIZED_IN'], Direction.OUT, first);
  }
  @FieldResolver(() => [Link], { description: 'SEIZED_AT links to locations.' })
  locations(@Root() s: Seizure, @Ctx() ctx: Context, @Arg('first', () => Int, FIRST) first: number) {
    return linksOf(s, ctx, ['SEIZED_AT'], Direction.OUT, first);
  }
  @FieldResolver(() => [Link], { description: 'SEIZED_FROM links to persons and organisations.' })
  seizedFrom(@Root() s: Seizure, @Ctx() ctx: Context, @Arg('first', () => Int, FIRST) first: number) {
    return linksOf(s, ctx, ['SEIZED_FROM'], Direction.OUT, first);
  }
}

@Resolver(() => Route)
export class RouteResolver {
  @FieldResolver(() => [Entity], { description: 'The legs in order: countries or locations.' })
  async legs(@Root() r: Route, @Ctx() ctx: Context) {
    const rows = await ctx.loaders.entity.loadMany(r.legIds ?? []);
    return rows.filter((row): row is EntityRow => !!row && !(row instanceof Error)).map(toEntity);
  }
  @FieldResolver(() => [Link], { description: 'USES_ROUTE links from persons and organisations.' })
  users(@Root() r: Route, @Ctx() ctx: Context, @Arg('first', () => Int, FIRST) first: number) {
    return linksOf(r, ctx, ['USES_ROUTE'], Direction.IN, first);
  }
}

@Resolver(() => Location)
export class LocationResolver {
  @FieldResolver(() => [Link], { description: 'SEIZED_AT links from seizures.' })
  seizures(@Root() l: Location, @Ctx() ctx: Context, @Arg('first', () => Int, FIRST) first: number) {
    return linksOf(l, ctx, ['SEIZED_AT'], Direction.IN, first);
  }
  @FieldResolver(() => [Link], { description: 'HELD_AT links from events.' })
  events(@Root() l: Location, @Ctx() ctx: Context, @Arg('first', () => Int, FIRST) first: number) {
    return linksOf(l, ctx, ['HELD_AT'], Direction.IN, first);
  }
}

@Resolver(() => Event)
export class EventResolver {
  @FieldResolver(() => [Link], { description: 'ATTENDED links from persons.' })
  attendees(@Root() e: Event, @Ctx() ctx: Context, @Arg('first', () => Int, FIRST) first: number) {
    return linksOf(e, ctx, ['ATTENDED'], Direction.IN, first);
  }
  @FieldResolver(() => [Link], { description: 'HELD_AT links to locations.' })
  heldAt(@Root() e: Event, @Ctx() ctx: Context, @Arg('first', () => Int, FIRST) first: number) {
    return linksOf(e, ctx, ['HELD_AT'], Direction.OUT, first);
  }
}

@Resolver(() => Country)
export class CountryResolver {
  @FieldResolver(() => [Link], { description: 'NATIONAL_OF and BASED_IN links into this country.' })
  linked(@Root() c: Country, @Ctx() ctx: Context, @Arg('first', () => Int, FIRST) first: number) {
    return linksOf(c, ctx, ['NATIONAL_OF', 'BASED_IN'], Direction.IN, first);
  }
}

// Authorisation of nested fields follows from the root fields, which require a reading role.
export const ENTITY_RESOLVERS = [
  EntityFieldsResolver,
  SourceResolver,
  LinkResolver,
  PersonResolver,
  OrganisationResolver,
  OperationResolver,
  SeizureResolver,
  RouteResolver,
  LocationResolver,
  EventResolver,
  CountryResolver,
] as const;
