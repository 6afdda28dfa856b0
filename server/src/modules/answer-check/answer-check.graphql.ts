import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { ReworkReason } from '../items/item.enums.js';

/** The GraphQL face of the answer check (answer-check.ts): what the reviewer sees beside an answer. */
export enum AnswerCheckCode {
  NO_DATE = 'NO_DATE',
  NO_MEASURE = 'NO_MEASURE',
  ONLY_LAWS = 'ONLY_LAWS',
  BOILERPLATE = 'BOILERPLATE',
  OFF_TOPIC = 'OFF_TOPIC',
  PLACE_MISSING = 'PLACE_MISSING',
  DEADLINE_PASSED = 'DEADLINE_PASSED',
}
registerEnumType(AnswerCheckCode, {
  name: 'AnswerCheckCode',
  description: 'What the answer check found (a rework reason of docs/domain.md §3 a machine can see)',
  valuesConfig: {
    NO_DATE: { description: 'No date or deadline for what is promised' },
    NO_MEASURE: { description: 'No concrete measure' },
    ONLY_LAWS: { description: 'Only references to laws, not explained' },
    BOILERPLATE: { description: 'Copied from another answer' },
    OFF_TOPIC: { description: 'Does not address the question’s topic' },
    PLACE_MISSING: { description: 'Does not name the place of the question' },
    DEADLINE_PASSED: { description: 'Promises a date already passed' },
  },
});

@ObjectType({ description: 'A finding of the answer check, computed when the answer was submitted for review' })
export class AnswerCheckFinding {
  @Field(() => AnswerCheckCode)
  code!: AnswerCheckCode;

  @Field(() => ReworkReason, { description: 'The rework reason a reviewer would choose for it' })
  reason!: ReworkReason;

  @Field({ description: 'For the reviewer, in Russian' })
  message!: string;

  @Field(() => String, { nullable: true, description: 'The words of the answer (or of the other answer) it rests on' })
  evidence!: string | null;
}
