import { describe, expect, it } from 'vitest';
import { Role } from '../auth/roles.js';
import { ItemKind, ItemStatus } from './item.enums.js';
import { ItemAction, nextStatus, type ItemFacts } from './lifecycle.js';
import { actionRefusal, availableActions as policyActions, type Subject } from './item-access.js';

type Actor = Extract<Subject, { kind: 'user' }>;
/** The lifecycle's status rules through the access policy, as the service asks them. */
const refusal = (action: ItemAction, facts: ItemFacts, who: Actor) => actionRefusal(who, action, facts);
const availableActions = (facts: ItemFacts, who: Actor) => policyActions(who, facts);

const item = (over: Partial<ItemFacts> = {}): ItemFacts => ({
  kind: ItemKind.APPEAL,
  status: ItemStatus.REGISTERED,
  sectorId: 'zhkh',
  departmentId: 'housing',
  executorId: null,
  extended: false,
  ...over,
});
const actor = (roles: Role[], over: Partial<Actor> = {}): Actor => ({
  kind: 'user',
  userId: 'u1',
  roles,
  departmentId: null,
  sectorIds: [],
  ...over,
});

describe('item lifecycle', () => {
  it('walks an appeal from NEW to CLOSED through review', () => {
    const head = actor([Role.HEAD]);
    let status = ItemStatus.NEW;
    for (const a of [ItemAction.REGISTER, ItemAction.ASSIGN, ItemAction.START, ItemAction.SUBMIT_ANSWER, ItemAction.APPROVE_ANSWER]) {
      expect(refusal(a, item({ status }), head)).toBeNull();
      status = nextStatus(a, status);
    }
    expect(status).toBe(ItemStatus.ANSWERED);
    expect(nextStatus(ItemAction.RATE, status, { satisfied: true, reopenCount: 0 })).toBe(ItemStatus.CLOSED);
  });

  it('reopens on the first "not satisfied" and closes on the second', () => {
    expect(nextStatus(ItemAction.RATE, ItemStatus.ANSWERED, { satisfied: false, reopenCount: 0 })).toBe(ItemStatus.REOPENED);
    expect(nextStatus(ItemAction.RATE, ItemStatus.ANSWERED, { satisfied: false, reopenCount: 1 })).toBe(ItemStatus.CLOSED);
  });

  it('refuses a transition the status does not allow', () => {
    const r = refusal(ItemAction.APPROVE_ANSWER, item({ status: ItemStatus.IN_PROGRESS }), actor([Role.HEAD]));
    expect(r?.code).toBe('INVALID_TRANSITION');
  });

  it('extends only appeals, only once, only by the head', () => {
    const s = { status: ItemStatus.IN_PROGRESS };
    expect(refusal(ItemAction.EXTEND, item(s), actor([Role.HEAD]))).toBeNull();
    expect(refusal(ItemAction.EXTEND, item({ ...s, extended: true }), actor([Role.HEAD]))?.code).toBe('INVALID_TRANSITION');
    expect(refusal(ItemAction.EXTEND, item({ ...s, kind: ItemKind.MESSAGE }), actor([Role.HEAD]))?.code).toBe('INVALID_TRANSITION');
    expect(refusal(ItemAction.EXTEND, item(s), actor([Role.SECTOR_LEAD], { sectorIds: ['zhkh'] }))?.code).toBe('FORBIDDEN');
  });

  it('lets a sector lead work the items of their sectors only', () => {
    const lead = actor([Role.SECTOR_LEAD], { sectorIds: ['zhkh'] });
    expect(refusal(ItemAction.ASSIGN, item(), lead)).toBeNull();
    expect(refusal(ItemAction.ASSIGN, item({ sectorId: 'roads' }), lead)?.code).toBe('FORBIDDEN');
    expect(refusal(ItemAction.APPROVE_ANSWER, item({ status: ItemStatus.ON_REVIEW }), lead)).toBeNull();
  });

  it('lets an executor work the items of their department, not review or assign them', () => {
    const ex = actor([Role.EXECUTOR], { departmentId: 'housing', userId: 'ex' });
    const assigned = item({ status: ItemStatus.ASSIGNED, executorId: 'ex' });
    expect(refusal(ItemAction.START, assigned, ex)).toBeNull();
    expect(refusal(ItemAction.START, item({ status: ItemStatus.ASSIGNED, departmentId: 'roads' }), ex)?.code).toBe('FORBIDDEN');
    expect(refusal(ItemAction.START, item({ status: ItemStatus.ASSIGNED, executorId: 'someone-else' }), ex)?.code).toBe('FORBIDDEN');
    expect(refusal(ItemAction.APPROVE_ANSWER, item({ status: ItemStatus.ON_REVIEW }), ex)?.code).toBe('FORBIDDEN');
    expect(refusal(ItemAction.ASSIGN, item(), ex)?.code).toBe('FORBIDDEN');
  });

  it('keeps the ПОС operator to messages and the incident manager to incidents', () => {
    const pos = actor([Role.POS_OPERATOR]);
    const im = actor([Role.INCIDENT_MANAGER]);
    expect(refusal(ItemAction.REGISTER, item({ status: ItemStatus.NEW, kind: ItemKind.MESSAGE }), pos)).toBeNull();
    expect(refusal(ItemAction.REGISTER, item({ status: ItemStatus.NEW }), pos)?.code).toBe('FORBIDDEN');
    expect(refusal(ItemAction.PUBLISH_INTERIM, item({ status: ItemStatus.IN_PROGRESS, kind: ItemKind.INCIDENT }), im)).toBeNull();
    expect(refusal(ItemAction.REGISTER, item({ status: ItemStatus.NEW, kind: ItemKind.MESSAGE }), im)?.code).toBe('FORBIDDEN');
  });

  it('gives read-only roles no action at all', () => {
    for (const r of [Role.CURATOR, Role.ANALYST, Role.REGION]) {
      expect(availableActions(item({ status: ItemStatus.ON_REVIEW }), actor([r]))).toEqual([]);
    }
  });

  it('lists the actions the card should offer', () => {
    expect(availableActions(item({ status: ItemStatus.ON_REVIEW }), actor([Role.HEAD])).sort()).toEqual(
      [ItemAction.APPROVE_ANSWER, ItemAction.CLASSIFY, ItemAction.EXTEND, ItemAction.RETURN_FOR_REWORK].sort(),
    );
  });
});
