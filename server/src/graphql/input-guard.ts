import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, visit, type DocumentNode } from 'graphql';
import { AppError, ErrorCode } from './errors.js';
import { perDocument } from './per-document.js';

/**
 * Control characters (C0 except tab, line feed and carriage return; DEL) have no place in anything a person types,
 * and PostgreSQL refuses NUL in text. Every string of every operation, in its variables and written inline, is
 * checked before anything runs; one is refused with BAD_USER_INPUT, `reason: CONTROL_CHARACTERS` and the path of
 * the value (docs/security.md, "Input").
 */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

function findIn(value: unknown, path: string): string | null {
  if (typeof value === 'string') return CONTROL.test(value) ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findIn(value[i], `${path}[${i}]`);
      if (hit) return hit;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const hit = findIn(v, path ? `${path}.${k}` : k);
      if (hit) return hit;
    }
  }
  return null;
}

/** The argument of the document itself (not of its variables) whose string holds control characters, if any. */
const inlineHit = perDocument((document: DocumentNode): string | null => {
  let field: string | null = null;
  visit(document, {
      [Kind.ARGUMENT]: {
        enter(node) {
          if (field) return false;
          let hit: string | null = null;
          visit(node.value, {
            [Kind.STRING]: (s) => {
              if (!hit && CONTROL.test(s.value)) hit = node.name.value;
            },
          });
          if (hit) field = hit;
          return undefined;
        },
      },
  });
  return field;
});

export function checkInputText(document: DocumentNode, variables: Record<string, unknown> | null | undefined): void {
  let field = variables ? findIn(variables, '') : null;
  if (field) field = `$${field}`;
  field ??= inlineHit(document);
  if (field) {
    // Refused before execution, so Apollo would answer 500 without a status of our own: the caller's mistake is 400.
    throw new AppError(ErrorCode.BAD_USER_INPUT, `Invalid input: ${field} holds control characters`, {
      reason: 'CONTROL_CHARACTERS',
      fields: [{ field, problems: ['must not contain control characters'], codes: ['controlCharacters'] }],
      http: { status: 400 },
    });
  }
}

/** The check for Apollo Server, once the operation is parsed and its variables are known. */
export function inputGuardPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          checkInputText(document, request.variables);
        },
      };
    },
  };
}
