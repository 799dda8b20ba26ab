import neo4j, { isDate, isDateTime, isDuration, isInt, isLocalDateTime, isLocalTime, isNode, isPath, isPoint, isRelationship, isTime } from 'neo4j-driver';

/**
 * Converts driver values to plain JSON-friendly JavaScript, in one place: integers to numbers,
 * dates to ISO `YYYY-MM-DD`, other temporals to ISO strings, nodes/relationships to their
 * properties, recursively through lists and maps.
 */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (typeof value === 'bigint') return Number(value);
  if (isDate(value)) return value.toString();
  if (isDateTime(value) || isLocalDateTime(value) || isTime(value) || isLocalTime(value) || isDuration(value)) {
    return value.toString();
  }
  if (isPoint(value)) {
    const p = value as { x: number; y: number };
    return { longitude: p.x, latitude: p.y };
  }
  if (isNode(value) || isRelationship(value)) {
    return toPlain((value as { properties: Record<string, unknown> }).properties);
  }
  if (isPath(value)) throw new Error('paths must be returned as node and relationship lists');
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = toPlain(v);
    return out;
  }
  return value;
}

/**
 * Parameters on their way to Neo4j: whole JavaScript numbers become Neo4j integers (so LIMIT,
 * SKIP and list slices accept them and integer properties stay integers); the rest is unchanged.
 */
export function toParams(value: unknown): unknown {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? neo4j.int(value) : value;
  if (Array.isArray(value)) return value.map(toParams);
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, toParams(v)]));
  }
  return value;
}
