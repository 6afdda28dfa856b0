import { describe, expect, it } from 'vitest';
import { ApolloError } from '@apollo/client/core';
import { GraphQLError } from 'graphql';
import { problemsOf, toErrorInfo } from './errors';

describe('toErrorInfo', () => {
  it('takes the code, the fields (without the input. prefix) and the conflict field', () => {
    const info = toErrorInfo(
      new ApolloError({
        graphQLErrors: [
          new GraphQLError('x', {
            extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'input.sectorCodes', problems: ['unknown codes: X'] }] },
          }),
        ],
      }),
    );
    expect(info).toEqual({ code: 'BAD_USER_INPUT', fields: [{ field: 'sectorCodes', problems: ['unknown codes: X'] }], conflictField: undefined, retryAfter: undefined });
    expect(toErrorInfo(new ApolloError({ graphQLErrors: [new GraphQLError('x', { extensions: { code: 'CONFLICT', field: 'username' } })] }))?.conflictField).toBe('username');
  });

  it('reads RATE_LIMITED and its retryAfter from the body of a 429 answer', () => {
    const networkError = Object.assign(new Error('Response not successful: Received status code 429'), {
      statusCode: 429,
      result: { errors: [{ message: 'Too many requests; try again in 1 s', extensions: { code: 'RATE_LIMITED', retryAfter: 1 } }] },
    });
    expect(toErrorInfo(new ApolloError({ networkError }))).toMatchObject({ code: 'RATE_LIMITED', retryAfter: 1 });
  });

  it('is null without an error', () => {
    expect(toErrorInfo(null)).toBeNull();
    expect(toErrorInfo(undefined)).toBeNull();
  });
});

describe('problemsOf', () => {
  it('gives the problems of one field, and the conflict text on the taken field', () => {
    const bad = toErrorInfo(
      new ApolloError({ graphQLErrors: [new GraphQLError('x', { extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'email', problems: ['email must be an email'] }] } })] }),
    );
    expect(problemsOf(bad, 'email')).toEqual(['email must be an email']);
    expect(problemsOf(bad, 'name')).toEqual([]);
    const conflict = toErrorInfo(new ApolloError({ graphQLErrors: [new GraphQLError('x', { extensions: { code: 'CONFLICT', field: 'code' } })] }));
    expect(problemsOf(conflict, 'code', 'Уже занято')).toEqual(['Уже занято']);
    expect(problemsOf(conflict, 'name', 'Уже занято')).toEqual([]);
  });
});
