import type { NonEmptyArray } from 'type-graphql';
import { AuthResolver } from '../modules/auth/auth.resolver.js';
import { UserResolver } from '../modules/users/user.resolver.js';
import {
  CategoryFieldsResolver,
  DepartmentFieldsResolver,
  OrganisationResolver,
  SectorFieldsResolver,
} from '../modules/organisation/organisation.resolver.js';
import { AttachmentFieldsResolver, ItemAnswerFieldsResolver, ItemConnectionFieldsResolver, ItemEventFieldsResolver, ItemFieldsResolver, ItemResolver } from '../modules/items/item.resolver.js';
import { AnswerTemplateResolver } from '../modules/items/answer-template.resolver.js';
import { IngestResolver } from '../modules/ingest/ingest.resolver.js';
import { ImportResolver } from '../modules/imports/import.resolver.js';
import { NotificationResolver } from '../modules/notifications/notification.resolver.js';
import { CalendarResolver } from '../modules/calendar/calendar.resolver.js';
import { OrganisationTopicsResolver } from '../modules/organisation/organisation.topics.js';
import { KpiResolver } from '../modules/kpi/kpi.resolver.js';
import { KpiFigureTargetsResolver, KpiTargetResolver } from '../modules/kpi/kpi-target.resolver.js';
import {
  ItemProblemFieldResolver,
  ProblemFieldsResolver,
  ProblemMeasureFieldsResolver,
  ProblemReportFieldsResolver,
  ProblemResolver,
  ProblemSolveEntryFieldsResolver,
} from '../modules/problems/problem.resolver.js';
import { ReportResolver } from '../modules/reports/report.resolver.js';
import { AuditResolver } from '../modules/audit/audit.resolver.js';
import { WebhookResolver } from '../modules/webhooks/webhook.resolver.js';
import { TextResolver } from '../modules/text/text.resolver.js';
import { AlertResolver, LiveBoardResolver, LiveFiguresResolver, LiveResolver } from '../modules/live/live.resolver.js';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const resolvers: NonEmptyArray<Function> = [
  AuthResolver,
  UserResolver,
  OrganisationResolver,
  SectorFieldsResolver,
  CategoryFieldsResolver,
  DepartmentFieldsResolver,
  OrganisationTopicsResolver,
  CalendarResolver,
  ItemResolver,
  IngestResolver,
  ImportResolver,
  ItemFieldsResolver,
  ItemConnectionFieldsResolver,
  ItemAnswerFieldsResolver,
  ItemEventFieldsResolver,
  NotificationResolver,
  AttachmentFieldsResolver,
  AnswerTemplateResolver,
  KpiResolver,
  KpiTargetResolver,
  KpiFigureTargetsResolver,
  ProblemResolver,
  ProblemFieldsResolver,
  ProblemMeasureFieldsResolver,
  ProblemReportFieldsResolver,
  ProblemSolveEntryFieldsResolver,
  ItemProblemFieldResolver,
  ReportResolver,
  LiveResolver,
  AlertResolver,
  LiveFiguresResolver,
  LiveBoardResolver,
  AuditResolver,
  WebhookResolver,
  TextResolver,
];
