import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * Whether the field being resolved asks for its child field `name` (directly, or through a fragment), so that a
 * resolver can fetch what will be asked for in the same statement as the rest. A field under `@skip`/`@include`
 * counts as asked: fetching it costs a little, missing it would cost a statement.
 */
export function asksFor(info: GraphQLResolveInfo, name: string): boolean {
  const seen = new Set<string>();
  const visit = (set: SelectionSetNode | undefined): boolean => {
    for (const s of set?.selections ?? []) {
      if (s.kind === Kind.FIELD && s.name.value === name) return true;
      if (s.kind === Kind.INLINE_FRAGMENT && visit(s.selectionSet)) return true;
      if (s.kind === Kind.FRAGMENT_SPREAD && !seen.has(s.name.value)) {
        seen.add(s.name.value);
        if (visit(info.fragments[s.name.value]?.selectionSet)) return true;
      }
    }
    return false;
  };
  return info.fieldNodes.some((n) => visit(n.selectionSet));
}
