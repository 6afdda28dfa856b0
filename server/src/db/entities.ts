import { Municipality } from '../modules/organisation/municipality.entity.js';
import { Settlement } from '../modules/organisation/settlement.entity.js';
import { Sector } from '../modules/organisation/sector.entity.js';
import { Category } from '../modules/organisation/category.entity.js';
import { Department } from '../modules/organisation/department.entity.js';
import { User } from '../modules/users/user.entity.js';
import { UserSession } from '../modules/auth/session.entity.js';
import { ApiToken } from '../modules/auth/api-token.entity.js';
import { TenantEntity } from '../modules/organisation/tenant.entity.js';
import { Item } from '../modules/items/item.entity.js';
import { ItemEvent } from '../modules/items/item-event.entity.js';
import { ItemCounter } from '../modules/items/item-counter.entity.js';
import { ItemAnswer } from '../modules/items/item-answer.entity.js';
import { AnswerTemplate } from '../modules/items/answer-template.entity.js';
import { Attachment } from '../modules/files/attachment.entity.js';
import { Notification } from '../modules/notifications/notification.entity.js';
import { CalendarYear } from '../modules/calendar/calendar-year.entity.js';
import { PersonalDataAccess } from '../modules/audit/personal-data-access.entity.js';
import { KpiDay, KpiDirty, KpiMonth, KpiMonthDirty } from '../modules/kpi/kpi-rollup.entity.js';
import { LiveEvent } from '../modules/live/live-event.entity.js';
import { AuditEvent } from '../modules/audit/audit-event.entity.js';
import { SignInThrottle } from '../modules/auth/sign-in-throttle.entity.js';
import { KpiTarget } from '../modules/kpi/kpi-target.entity.js';
import { Problem } from '../modules/problems/problem.entity.js';
import { ProblemItem } from '../modules/problems/problem-item.entity.js';
import { ProblemMeasure } from '../modules/problems/problem-measure.entity.js';
import { ProblemReport } from '../modules/problems/problem-report.entity.js';
import { Spike } from '../modules/spikes/spike.entity.js';
import { Report } from '../modules/reports/report.entity.js';
import { ImportFile, ImportJob, ImportMapping, ImportRowError } from '../modules/imports/import.entity.js';
import { Webhook, WebhookDelivery, WebhookDispatch } from '../modules/webhooks/webhook.entity.js';
import { TextExample, TextModelRecord } from '../modules/text/text-model.entity.js';

/** Every entity of the application. Add a new one here and create a migration (`pnpm migration:create`). */
export const entities = [
  Municipality,
  Settlement,
  Sector,
  Category,
  Department,
  User,
  UserSession,
  ApiToken,
  Item,
  ItemEvent,
  ItemCounter,
  ItemAnswer,
  AnswerTemplate,
  Attachment,
  Notification,
  CalendarYear,
  PersonalDataAccess,
  KpiDay,
  KpiDirty,
  KpiMonth,
  KpiMonthDirty,
  KpiTarget,
  LiveEvent,
  AuditEvent,
  SignInThrottle,
  Problem,
  ProblemItem,
  ProblemMeasure,
  ProblemReport,
  Spike,
  Report,
  ImportFile,
  ImportMapping,
  ImportJob,
  ImportRowError,
  Webhook,
  WebhookDelivery,
  WebhookDispatch,
  TextModelRecord,
  TextExample,
];

/** Entities whose rows belong to a municipality: every TenantEntity, and users (null for regional readers). */
export const tenantEntityNames = [
  ...entities.filter((e) => e.prototype instanceof TenantEntity).map((e) => e.name),
  User.name,
];
