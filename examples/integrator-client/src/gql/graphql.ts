/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type ApplicantInput = {
  /** Postal address for the answer */
  address?: string | null | undefined;
  email?: string | null | undefined;
  /** Surname, name, patronymic */
  name?: string | null | undefined;
  phone?: string | null | undefined;
};

/** How an item reached the МЦУ */
export type Channel =
  | 'EMAIL'
  | 'EPGU'
  | 'LETTER'
  | 'MESSENGER'
  | 'OTHER'
  | 'PHONE'
  | 'POS'
  | 'SOCIAL_OK'
  | 'SOCIAL_TELEGRAM'
  | 'SOCIAL_VK'
  | 'WALK_IN'
  | 'WEB_FORM'
  | 'WEB_WIDGET';

export type DeadlineState =
  | 'DUE_SOON'
  | 'ON_TRACK'
  | 'OVERDUE';

/** An item from another system; (source, externalId) identifies it */
export type IngestItemInput = {
  /** Where the problem is */
  address?: string | null | undefined;
  applicant?: ApplicantInput | null | undefined;
  /** A category code of the rubricator (`categories`) */
  categoryCode?: string | null | undefined;
  channel: Channel;
  /** The item's id in the sending system */
  externalId: string;
  /** The citizen was identified (required for an electronic APPEAL) */
  identified?: boolean;
  kind: ItemKind;
  lat?: number | null | undefined;
  lon?: number | null | undefined;
  /** When it reached the sending system: the deadlines count from it */
  receivedAt: string;
  settlementId?: string | number | null | undefined;
  /** The sending system, e.g. "pos" (the federal feedback platform) or "region-112" */
  source: string;
  subject?: string | null | undefined;
  text: string;
  urgent?: boolean;
};

/** A later change reported by an item's source system, naming the item by (source, externalId) */
export type IngestedItemUpdateInput = {
  /** The answer the source system gave the citizen: the item becomes ANSWERED, its clock stops at `at` */
  answer?: string | null | undefined;
  /** When it happened in the source system; an update not later than the last one applied changes nothing */
  at: string;
  /** The source system closed the item (resolved or withdrawn there): it is closed here too */
  closed?: boolean;
  externalId: string;
  /** The answer's reporting code (SUPPORTED, SUPPORTED_MEASURES_TAKEN, EXPLAINED, NOT_SUPPORTED) */
  outcome?: Outcome | null | undefined;
  source: string;
  /** The source's own status (kept as is and shown on the card), e.g. "Ответ направлен" */
  sourceStatus?: string | null | undefined;
};

/** What a committed change of an item was (docs/live.md) */
export type ItemEventType =
  /** the answer was sent to the applicant */
  | 'ANSWERED'
  | 'ASSIGNED'
  | 'CREATED'
  /** became due soon or overdue, or its deadline moved (an extension) */
  | 'DEADLINE_STATE_CHANGED'
  | 'MERGED'
  | 'RATED'
  | 'REGISTERED'
  /** the applicant was not satisfied: the item is worked again */
  | 'REOPENED'
  | 'STATUS_CHANGED'
  /** any other change (attachments, a duplicate added, an interim answer) */
  | 'UPDATED';

export type ItemKind =
  /** обращение (59-ФЗ): calendar-day deadlines, never paused */
  | 'APPEAL'
  /** инцидент in social media: working-hour reaction deadlines */
  | 'INCIDENT'
  /** сообщение (ПОС, e-mail, hotline, messengers): working-day deadlines */
  | 'MESSAGE';

export type ItemStatus =
  | 'ANSWERED'
  | 'ASSIGNED'
  | 'CLOSED'
  | 'IN_PROGRESS'
  | 'MERGED'
  | 'NEW'
  | 'ON_REVIEW'
  | 'REDIRECTED'
  | 'REGISTERED'
  | 'REOPENED'
  | 'WAITING_CITIZEN';

export type Outcome =
  | 'EXPLAINED'
  | 'LEFT_WITHOUT_ANSWER'
  | 'NOT_SUPPORTED'
  | 'REDIRECTED'
  | 'SUPPORTED'
  | 'SUPPORTED_MEASURES_TAKEN';

export type IntegratorIngestMutationVariables = Exact<{
  items: Array<IngestItemInput> | IngestItemInput;
}>;


export type IntegratorIngestMutation = { ingestItems: { created: number, existing: number, rejected: number, results: Array<{ index: number, created: boolean, itemId: string | null, number: string | null, item: { id: string, number: string, status: ItemStatus, dueAt: string | null } | null, error: { code: string, message: string, field: string | null } | null }> } };

export type IntegratorUpdateFromSourceMutationVariables = Exact<{
  input: IngestedItemUpdateInput;
}>;


export type IntegratorUpdateFromSourceMutation = { updateIngestedItem: { changed: boolean, itemId: string, number: string, item: { id: string, number: string, status: ItemStatus, sourceStatus: string | null, answeredAt: string | null } | null } };

export type IntegratorItemQueryVariables = Exact<{
  id: string | number;
}>;


export type IntegratorItemQuery = { item: { id: string, number: string, kind: ItemKind, status: ItemStatus, receivedAt: string, dueAt: string | null, deadlineState: DeadlineState | null, source: string, externalId: string | null, sector: { code: string, name: string } | null, department: { name: string } | null } };

export type IntegratorItemChangesSubscriptionVariables = Exact<{
  after?: string | null | undefined;
}>;


export type IntegratorItemChangesSubscription = { itemEvents: { cursor: string, type: ItemEventType, at: string, itemId: string, item: { number: string, status: ItemStatus, externalId: string | null } } };


export const IntegratorIngestDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"IntegratorIngest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"items"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"IngestItemInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ingestItems"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"items"},"value":{"kind":"Variable","name":{"kind":"Name","value":"items"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"existing"}},{"kind":"Field","name":{"kind":"Name","value":"rejected"}},{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"itemId"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"item"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]}}]} as unknown as DocumentNode<IntegratorIngestMutation, IntegratorIngestMutationVariables>;
export const IntegratorUpdateFromSourceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"IntegratorUpdateFromSource"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"IngestedItemUpdateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateIngestedItem"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changed"}},{"kind":"Field","name":{"kind":"Name","value":"itemId"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"item"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"sourceStatus"}},{"kind":"Field","name":{"kind":"Name","value":"answeredAt"}}]}}]}}]}}]} as unknown as DocumentNode<IntegratorUpdateFromSourceMutation, IntegratorUpdateFromSourceMutationVariables>;
export const IntegratorItemDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"IntegratorItem"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"item"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"deadlineState"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"sector"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<IntegratorItemQuery, IntegratorItemQueryVariables>;
export const IntegratorItemChangesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"IntegratorItemChanges"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"itemEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"itemId"}},{"kind":"Field","name":{"kind":"Name","value":"item"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}}]}}]}}]}}]} as unknown as DocumentNode<IntegratorItemChangesSubscription, IntegratorItemChangesSubscriptionVariables>;