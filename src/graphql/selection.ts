import { FieldNode, GraphQLResolveInfo, Kind, SelectionSetNode } from 'graphql';

/**
 * Whether the field being resolved selects the field at `path` below it (`['totalCount']`,
 * `['communities', 'members']`), directly or through fragments: resolvers skip work nobody asked for.
 */
export function selects(info: GraphQLResolveInfo, ...path: string[]): boolean {
  const fieldsNamed = (set: SelectionSetNode | undefined, name: string, seen: Set<string>): FieldNode[] =>
    (set?.selections ?? []).flatMap((sel) => {
      if (sel.kind === Kind.FIELD) return sel.name.value === name ? [sel] : [];
      if (sel.kind === Kind.INLINE_FRAGMENT) return fieldsNamed(sel.selectionSet, name, seen);
      const fragment = info.fragments[sel.name.value];
      if (!fragment || seen.has(sel.name.value)) return [];
      seen.add(sel.name.value);
      return fieldsNamed(fragment.selectionSet, name, seen);
    });
  let level: Array<{ selectionSet?: SelectionSetNode }> = [...info.fieldNodes];
  for (const name of path) level = level.flatMap((node) => fieldsNamed(node.selectionSet, name, new Set()));
  return level.length > 0;
}
