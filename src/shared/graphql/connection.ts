import { type ClassType, Field, ObjectType } from 'type-graphql';

import { inputError, InputErrorCode } from '../errors';
import { isUuid } from '../validation';

@ObjectType({ description: 'Where a page of a connection sits in the whole list (Relay cursor connections).' })
export class PageInfo {
  @Field({ description: 'True when this page was asked for with `after`: the cursor names an edge before this page.' })
  hasPreviousPage!: boolean;

  @Field({ description: 'True when more edges follow this page; pass `endCursor` as `after` to fetch them.' })
  hasNextPage!: boolean;

  @Field({ nullable: true, description: "The first edge's cursor; null when the page is empty." })
  startCursor?: string;

  @Field({
    nullable: true,
    description: "The last edge's cursor, to pass as `after` for the next page; null when the page is empty.",
  })
  endCursor?: string;
}

/** The `first` argument of every connection field: `@Arg('first', () => Int, PAGE_FIRST)`. */
export const PAGE_FIRST = { nullable: true, description: 'Page size, 1 to 100; default 20.' } as const;

/** The `after` argument of every connection field: `@Arg('after', () => String, PAGE_AFTER)`. */
export const PAGE_AFTER = {
  nullable: true,
  description: 'The `endCursor` of the previous page; omit for the first page.',
} as const;

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
}

/** A Relay connection type (`<Name>Connection` with `<Name>Edge`) for a node type. */
export function ConnectionType<T extends object>(name: string, nodeType: ClassType<T>) {
  @ObjectType(`${name}Edge`, { description: `One ${name} in a page, with the cursor that marks its place.` })
  class EdgeType implements Edge<T> {
    @Field({ description: 'Opaque; pass it as `after` to continue after this edge.' })
    cursor!: string;

    @Field(() => nodeType, { description: `The ${name}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} results (Relay cursor connection).` })
  class ConnectionClass implements Connection<T> {
    @Field(() => [EdgeType], { description: 'The page, in the order of the list.' })
    edges!: EdgeType[];

    @Field(() => PageInfo, { description: 'Where this page sits in the whole list.' })
    pageInfo!: PageInfo;
  }
  return ConnectionClass;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export function pageSize(first: number | undefined | null): number {
  if (first === undefined || first === null) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw inputError(InputErrorCode.INVALID, `first must be from 1 to ${MAX_PAGE_SIZE}`, 'first');
  }
  return first;
}

/** Keyset cursor over (timestamp, id): stable while rows are inserted, unlike offsets. */
export interface KeysetCursor {
  at: Date;
  id: string;
}

export function encodeCursor(cursor: KeysetCursor): string {
  return Buffer.from(JSON.stringify([cursor.at.toISOString(), cursor.id])).toString('base64url');
}

export function decodeCursor(value: string | undefined | null, field = 'after'): KeysetCursor | undefined {
  if (value === undefined || value === null) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      typeof parsed[0] === 'string' &&
      typeof parsed[1] === 'string' &&
      isUuid(parsed[1])
    ) {
      const at = new Date(parsed[0]);
      if (!Number.isNaN(at.getTime())) return { at, id: parsed[1] };
    }
  } catch {
    // fall through to the error below
  }
  throw inputError(InputErrorCode.INVALID, `${field} is not a cursor this API returned`, field);
}

/** Keyset cursor over (a number, id), for lists ranked by a score rather than by time. */
export interface RankCursor {
  rank: number;
  id: string;
}

export function encodeRankCursor(cursor: RankCursor): string {
  return Buffer.from(JSON.stringify({ r: cursor.rank, id: cursor.id })).toString('base64url');
}

export function decodeRankCursor(value: string | undefined | null, field = 'after'): RankCursor | undefined {
  if (value === undefined || value === null) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (typeof parsed === 'object' && parsed !== null) {
      const { r, id } = parsed as { r?: unknown; id?: unknown };
      if (typeof r === 'number' && Number.isSafeInteger(r) && typeof id === 'string' && isUuid(id))
        return { rank: r, id };
    }
  } catch {
    // fall through to the error below
  }
  throw inputError(InputErrorCode.INVALID, `${field} is not a cursor this API returned`, field);
}

const encodeKey = (key: KeysetCursor | RankCursor): string => ('at' in key ? encodeCursor(key) : encodeRankCursor(key));

/**
 * Builds a connection from `limit + 1` rows fetched in order after `after`: the extra row only says there is more.
 * `hasPreviousPage` is true when `after` was given: a cursor names an edge this API returned before this page, so
 * the answer costs no second query (Relay lets forward pagination answer it only as far as that is cheap).
 */
export function toConnection<T, K extends KeysetCursor | RankCursor = KeysetCursor>(
  rows: T[],
  limit: number,
  keyOf: (row: T) => K,
  after: K | undefined,
): Connection<T> {
  const page = rows.slice(0, limit);
  const edges = page.map((node) => ({ node, cursor: encodeKey(keyOf(node)) }));
  return {
    edges,
    pageInfo: {
      hasPreviousPage: after !== undefined,
      hasNextPage: rows.length > limit,
      startCursor: edges.at(0)?.cursor,
      endCursor: edges.at(-1)?.cursor,
    },
  };
}
