/**
 * What the audit log records (docs/security.md, "Audit"). The server writes `AuditEvent.action` as a plain string;
 * these are every value it writes today, in the groups the page filters by. Each has a label in messages.ts
 * (actions.spec.ts checks both against the server's sources), and a value the dashboard does not know yet is shown
 * as "another action", never as its code.
 */
export const AUDIT_GROUPS = {
  signIns: ['SIGN_IN', 'SIGN_IN_FAILED', 'SIGN_IN_THROTTLED', 'SIGN_OUT'],
  accounts: ['USER_CREATED', 'USER_UPDATED', 'PASSWORD_CHANGED', 'PASSWORD_SET'],
  tokens: ['TOKEN_CREATED', 'TOKEN_REVOKED', 'WEBHOOK_CREATED', 'WEBHOOK_UPDATED', 'WEBHOOK_DELETED'],
  organisation: ['DEPARTMENT_CREATED', 'DEPARTMENT_UPDATED', 'CATEGORY_CREATED', 'CATEGORY_UPDATED', 'SECTOR_CREATED', 'SECTOR_UPDATED', 'SETTLEMENT_CREATED', 'SETTLEMENT_UPDATED', 'TEXT_MODEL_RETRAINED'],
  calendarTargets: ['CALENDAR_SAVED', 'KPI_TARGET_SET'],
} as const;

export type AuditGroup = keyof typeof AUDIT_GROUPS;
export type AuditAction = (typeof AUDIT_GROUPS)[AuditGroup][number];

export const AUDIT_GROUP_NAMES = Object.keys(AUDIT_GROUPS) as AuditGroup[];
export const AUDIT_ACTIONS: readonly AuditAction[] = Object.values(AUDIT_GROUPS).flat();

export function isAuditAction(action: string): action is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(action);
}

/** The `actions` argument of `auditEvents` for a group; null: every action. */
export function actionsOf(group: AuditGroup | ''): AuditAction[] | null {
  return group ? [...AUDIT_GROUPS[group]] : null;
}

/** Refused and held-back sign-ins stand out in the list. */
export function actionTone(action: string): 'danger' | 'warning' | 'neutral' {
  if (action === 'SIGN_IN_FAILED') return 'warning';
  if (action === 'SIGN_IN_THROTTLED') return 'danger';
  return 'neutral';
}

/** What an event's `targetType` may be; a label each in messages.ts. */
export const AUDIT_TARGET_TYPES = ['User', 'UserSession', 'ApiToken', 'Department', 'Category', 'Sector', 'CalendarYear', 'KpiTarget', 'Webhook'] as const;
export type AuditTargetType = (typeof AUDIT_TARGET_TYPES)[number];

export function isAuditTargetType(type: string): type is AuditTargetType {
  return (AUDIT_TARGET_TYPES as readonly string[]).includes(type);
}

/** How `actorLabel` names an API token (`token:<name>`) and changes made by the platform itself. */
export const TOKEN_ACTOR_PREFIX = 'token:';
export const SYSTEM_ACTOR = 'system';
