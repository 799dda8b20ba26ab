import { Arg, Authorized, Ctx, Field, Float, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { AuditEntry } from '../../audit/audit-log';
import { CLEARANCES } from '../../auth/principal';
import { ADMIN_ROLES } from '../auth-checker';
import { checkPageSize, Context } from '../context';
import { badInput } from '../../errors';
import { Classification } from '../scalars';
import { Connection, pageInfoOf } from '../types';

/** The GraphQL `AuditEntry` (the class is named apart from the audit log's own `AuditEntry` record). */
@ObjectType('AuditEntry', { description: 'One audited request. Entries are never updated or deleted.' })
export class AuditEntryType {
  @Field(() => Int) seq!: number;
  @Field() at!: string;
  @Field() subject!: string;
  @Field() agency!: string;
  @Field() country!: string;
  @Field(() => [String]) roles!: string[];
  @Field(() => String, { nullable: true }) operationName?: string;
  @Field(() => String, { nullable: true }) operationType?: string;
  @Field({ description: 'Variables as JSON, secrets removed, import documents summarised.' }) variables!: string;
  @Field(() => [String]) returnedIds!: string[];
  @Field(() => [String]) changedIds!: string[];
  @Field() outcome!: string;
  @Field(() => Float) durationMs!: number;
  @Field() prevHash!: string;
  @Field() hash!: string;
  @Field(() => Classification, { description: 'The highest classification of what the request touched.' })
  classification(@Root() e: AuditEntry): string {
    return CLEARANCES[e.classificationLevel ?? CLEARANCES.length - 1] ?? 'SECRET';
  }
  @Field(() => [String], { description: 'For each report involved that is not releasable to everyone: its releasableTo codes, joined with "|".' })
  releasability!: string[];
  @Field({ description: "True when the reader's clearance or releasability does not cover this entry: operation name, variables and ids are withheld." })
  redacted!: boolean;
}

@ObjectType()
export class AuditChainStatus {
  @Field(() => Int) entries!: number;
  @Field() intact!: boolean;
  @Field(() => Int, { nullable: true, description: 'The first bad sequence number: rewritten, missing, or cut off (truncation).' }) brokenAt?: number | null;
  @Field(() => String, { nullable: true, description: 'Why the chain is not intact.' }) reason?: string | null;
  @Field(() => Int, { description: 'Signed checkpoints of the head kept outside the database.' }) checkpoints!: number;
}

/** Strict ISO 8601 date or date-time (Neo4j's datetime() accepts these; `Date.parse` is far looser). */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

const AuditEntryConnection = Connection(AuditEntryType, 'AuditEntry');

@Resolver()
export class AuditResolver {
  @Authorized(...ADMIN_ROLES)
  @Query(() => AuditEntryConnection, { description: 'The audit trail, newest first (admins only).' })
  async auditLog(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
    @Arg('subject', () => String, { nullable: true }) subject?: string,
    @Arg('from', () => String, { nullable: true, description: 'ISO date-time' }) from?: string,
    @Arg('to', () => String, { nullable: true, description: 'ISO date-time' }) to?: string,
  ) {
    checkPageSize(ctx, first);
    for (const [name, value] of [
      ['from', from],
      ['to', to],
    ] as const) {
      if (value !== undefined && value !== null && (!ISO_DATE_TIME.test(value) || Number.isNaN(Date.parse(value))))
        throw badInput(name, 'not an ISO date-time');
    }
    const afterSeq = after ? Number(after) : undefined;
    if (afterSeq !== undefined && (!/^\d{1,15}$/.test(after!) || !Number.isSafeInteger(afterSeq))) throw badInput('after', 'not a cursor returned by this API');
    const { total, page } = await ctx.audit.list(ctx.auth, { first, afterSeq, subject, from, to });
    const edges = page.map((e) => ({ cursor: String(e.seq), node: e }));
    return {
      edges,
      totalCount: total,
      // Sequence numbers are gapless, so more entries follow while the last one shown is above 1.
      pageInfo: pageInfoOf(afterSeq !== undefined ? 1 : 0, total, edges, edges.length > 0 && edges[edges.length - 1].node.seq > 1 && edges.length === first),
    };
  }

  @Authorized(...ADMIN_ROLES)
  @Query(() => AuditChainStatus, { description: 'Recomputes the hash chain of the audit trail (admins only).' })
  async auditChain(@Ctx() ctx: Context): Promise<AuditChainStatus> {
    const { entries, brokenAt, reason, checkpoints } = await ctx.audit.verify();
    return { entries, intact: brokenAt === null, brokenAt, reason, checkpoints };
  }
}
