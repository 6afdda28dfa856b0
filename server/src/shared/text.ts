import { ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * Text rules every input follows (docs/security.md, "Input"):
 * - no control characters except tab, line feed and carriage return (graphql/input-guard.ts refuses them for every
 *   string of every operation, before anything runs);
 * - a text's minimum length counts what remains after trimming, so three spaces are not a three-letter text: a
 *   text of only whitespace is refused (`minLength`, like any text too short).
 */
export function MinTrimmedLength(min: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'minLength',
      constraints: [min],
      validator: {
        validate: (value: unknown) => typeof value === 'string' && value.trim().length >= min,
        defaultMessage: () => `must be at least ${min} characters, not counting spaces at either end`,
      },
    },
    options,
  );
}
