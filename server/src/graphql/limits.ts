import { Kind, type ASTVisitor, type ValidationContext } from 'graphql';
import { AppError, ErrorCode } from './errors.js';

export const MAX_DEPTH = 12;

const tooDeep = (max: number) =>
  new AppError(ErrorCode.QUERY_TOO_COMPLEX, `Query is nested deeper than ${max} levels`, { maxDepth: max });

/** Refuses operations nested deeper than `max` selection levels (introspection included). */
export function depthLimit(max = MAX_DEPTH) {
  return (context: ValidationContext): ASTVisitor => {
    let depth = 0;
    let reported = false;
    return {
      Field: {
        enter() {
          depth += 1;
          if (depth > max && !reported) {
            reported = true;
            context.reportError(tooDeep(max));
          }
        },
        leave() {
          depth -= 1;
        },
      },
      FragmentSpread(node) {
        // Fragments are inlined for the count: walk the fragment's selections at the current depth.
        const fragment = context.getFragment(node.name.value);
        if (!fragment) return;
        const measure = (sel: typeof fragment.selectionSet, d: number): number =>
          Math.max(
            d,
            ...sel.selections.map((s) =>
              s.kind === Kind.FIELD && s.selectionSet
                ? measure(s.selectionSet, d + 1)
                : s.kind === Kind.INLINE_FRAGMENT
                  ? measure(s.selectionSet, d)
                  : d,
            ),
          );
        if (depth + measure(fragment.selectionSet, 0) > max && !reported) {
          reported = true;
          context.reportError(tooDeep(max));
        }
      },
    };
  };
}
