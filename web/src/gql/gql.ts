/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query AnalyticsOptions($municipalityId: ID) {\n    sectors(municipalityId: $municipalityId) {\n      id\n      code\n      name\n      nameEn\n      categories {\n        id\n        code\n        name\n        nameEn\n      }\n    }\n    departments(municipalityId: $municipalityId) {\n      id\n      name\n      shortName\n      active\n    }\n    settlements(municipalityId: $municipalityId) {\n      id\n      name\n      centre\n      lat\n      lon\n      population\n    }\n  }\n": typeof types.AnalyticsOptionsDocument,
    "\n  fragment KpiFiguresFields on KpiFigures {\n    from\n    to\n    received\n    answered\n    answeredOnTime\n    onTimeShare\n    overdueOpen\n    meanAnswerDays\n    medianAnswerDays\n    meanFirstReactionHours\n    satisfied\n    rated\n    satisfiedShare\n    repeats\n    perThousandResidents\n    reworkShare\n    reopenedShare\n    extendedShare\n    redirectedShare\n    targets {\n      ...KpiFigureStateFields\n    }\n  }\n": typeof types.KpiFiguresFieldsFragmentDoc,
    "\n  fragment KpiFigureStateFields on KpiFigureState {\n    figure\n    direction\n    level\n    target\n    margin\n    actual\n    state\n    targetId\n  }\n": typeof types.KpiFigureStateFieldsFragmentDoc,
    "\n  query KpiRanking($by: KpiDimension!, $from: DateTime!, $to: DateTime!, $scope: KpiScopeInput) {\n    kpiRanking(by: $by, from: $from, to: $to, scope: $scope) {\n      key\n      name\n      figures {\n        received\n        answered\n        answeredOnTime\n        onTimeShare\n        overdueOpen\n        repeats\n        targets {\n          ...KpiFigureStateFields\n        }\n      }\n    }\n  }\n": typeof types.KpiRankingDocument,
    "\n  query KpiSeries($bucket: KpiBucket!, $from: DateTime!, $to: DateTime!, $scope: KpiScopeInput) {\n    kpiSeries(bucket: $bucket, from: $from, to: $to, scope: $scope) {\n      from\n      to\n      figures {\n        received\n        answered\n        answeredOnTime\n        onTimeShare\n      }\n    }\n  }\n": typeof types.KpiSeriesDocument,
    "\n  fragment KpiTargetFields on KpiTarget {\n    id\n    figure\n    direction\n    level\n    value\n    atRiskMargin\n    validFrom\n    validTo\n    comment\n    approvedAt\n    approvedBy {\n      id\n      username\n      fullName\n    }\n    supersededAt\n    supersededBy {\n      id\n      username\n      fullName\n    }\n    sector {\n      id\n      code\n      name\n      nameEn\n    }\n    department {\n      id\n      name\n      shortName\n    }\n  }\n": typeof types.KpiTargetFieldsFragmentDoc,
    "\n  query KpiTargets {\n    kpiTargets(includeSuperseded: true) {\n      ...KpiTargetFields\n    }\n  }\n": typeof types.KpiTargetsDocument,
    "\n  query Kpis($from: DateTime!, $to: DateTime!, $scope: KpiScopeInput) {\n    kpis(from: $from, to: $to, scope: $scope) {\n      ...KpiFiguresFields\n      previous {\n        ...KpiFiguresFields\n      }\n    }\n  }\n": typeof types.KpisDocument,
    "\n  mutation SetKpiTarget($input: KpiTargetInput!) {\n    setKpiTarget(input: $input) {\n      ...KpiTargetFields\n    }\n  }\n": typeof types.SetKpiTargetDocument,
    "\n  query AuditDirectory($users: Boolean!, $tokens: Boolean!, $organisation: Boolean!) {\n    users @include(if: $users) {\n      id\n      username\n      fullName\n    }\n    apiTokens @include(if: $tokens) {\n      id\n      name\n    }\n    departments @include(if: $organisation) {\n      id\n      name\n      shortName\n    }\n    categories @include(if: $organisation) {\n      id\n      name\n      nameEn\n    }\n    sectors @include(if: $organisation) {\n      id\n      name\n      nameEn\n    }\n  }\n": typeof types.AuditDirectoryDocument,
    "\n  fragment AuditEventFields on AuditEvent {\n    id\n    at\n    action\n    actorLabel\n    ip\n    targetType\n    targetId\n  }\n": typeof types.AuditEventFieldsFragmentDoc,
    "\n  query AuditEvents($first: Int!, $before: DateTime, $beforeId: ID, $actions: [String!]) {\n    auditEvents(first: $first, before: $before, beforeId: $beforeId, actions: $actions) {\n      ...AuditEventFields\n    }\n  }\n": typeof types.AuditEventsDocument,
    "\n  query Me {\n    me {\n      ...ViewerFields\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation SignIn($username: String!, $password: String!) {\n    signIn(username: $username, password: $password) {\n      expiresAt\n      user {\n        ...ViewerFields\n      }\n    }\n  }\n": typeof types.SignInDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": typeof types.SignOutDocument,
    "\n  fragment ViewerFields on User {\n    id\n    username\n    fullName\n    position\n    email\n    locale\n    roles\n    department {\n      id\n      name\n      shortName\n    }\n    sectors {\n      id\n      code\n    }\n    municipality {\n      id\n      name\n      shortName\n      regionName\n      timezone\n      population\n    }\n  }\n": typeof types.ViewerFieldsFragmentDoc,
    "\n  query CalendarWarnings {\n    calendarWarnings {\n      year\n      status\n    }\n  }\n": typeof types.CalendarWarningsDocument,
    "\n  subscription KpiUpdated($scope: KpiScopeInput) {\n    kpiUpdated(scope: $scope) {\n      at\n      month {\n        ...KpiFiguresFields\n      }\n    }\n  }\n": typeof types.KpiUpdatedDocument,
    "\n  query ImportFile($id: ID!, $read: ImportReadInput) {\n    importFile(id: $id, read: $read) {\n      id\n      fileName\n      size\n      format\n      encoding\n      delimiter\n      headers\n      rows\n      suggested {\n        column\n        field\n      }\n    }\n  }\n": typeof types.ImportFileDocument,
    "\n  query ImportMappings {\n    importMappings {\n      id\n      name\n      source\n      kind\n      channel\n      columns {\n        column\n        field\n      }\n    }\n  }\n": typeof types.ImportMappingsDocument,
    "\n  mutation SaveImportMapping($input: ImportMappingInput!) {\n    saveImportMapping(input: $input) {\n      id\n      name\n      source\n      kind\n      channel\n      columns {\n        column\n        field\n      }\n    }\n  }\n": typeof types.SaveImportMappingDocument,
    "\n  subscription ImportProgress($jobId: ID!) {\n    importProgress(jobId: $jobId) {\n      ...ImportJobFields\n    }\n  }\n": typeof types.ImportProgressDocument,
    "\n  query ImportRowErrors($jobId: ID!, $first: Int!, $after: String) {\n    importRowErrors(jobId: $jobId, first: $first, after: $after) {\n      totalCount\n      nodes {\n        line\n        column\n        field\n        code\n        reason\n        message\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.ImportRowErrorsDocument,
    "\n  fragment ImportJobFields on ImportJob {\n    id\n    fileName\n    source\n    dryRun\n    status\n    total\n    processed\n    created\n    existing\n    rejected\n    error\n    createdAt\n    finishedAt\n  }\n": typeof types.ImportJobFieldsFragmentDoc,
    "\n  mutation StartImport($input: StartImportInput!) {\n    startImport(input: $input) {\n      ...ImportJobFields\n    }\n  }\n": typeof types.StartImportDocument,
    "\n  query AnswerTemplates($categoryCode: String) {\n    answerTemplates(categoryCode: $categoryCode) {\n      id\n      title\n      body\n      category {\n        id\n        code\n      }\n    }\n  }\n": typeof types.AnswerTemplatesDocument,
    "\n  mutation ApproveAnswer($id: ID!, $version: Int!, $input: ApproveInput!) {\n    approveAnswer(id: $id, version: $version, input: $input) {\n      ...ItemFields\n    }\n  }\n": typeof types.ApproveAnswerDocument,
    "\n  mutation AskCitizen($id: ID!, $version: Int!, $comment: String!) {\n    askCitizen(id: $id, version: $version, comment: $comment) {\n      ...ItemFields\n    }\n  }\n": typeof types.AskCitizenDocument,
    "\n  mutation AssignItem($id: ID!, $version: Int!, $input: AssignInput!) {\n    assignItem(id: $id, version: $version, input: $input) {\n      ...ItemFields\n    }\n  }\n": typeof types.AssignItemDocument,
    "\n  query AssignOptions {\n    departments(activeOnly: true) {\n      id\n      name\n      shortName\n    }\n  }\n": typeof types.AssignOptionsDocument,
    "\n  mutation AttachFiles($id: ID!, $version: Int!, $attachmentIds: [ID!]!) {\n    attachFiles(id: $id, version: $version, attachmentIds: $attachmentIds) {\n      ...ItemFields\n    }\n  }\n": typeof types.AttachFilesDocument,
    "\n  mutation CitizenReplied($id: ID!, $version: Int!, $comment: String) {\n    citizenReplied(id: $id, version: $version, comment: $comment) {\n      ...ItemFields\n    }\n  }\n": typeof types.CitizenRepliedDocument,
    "\n  mutation ClassifyItem($id: ID!, $version: Int!, $input: ClassifyInput!) {\n    classifyItem(id: $id, version: $version, input: $input) {\n      ...ItemFields\n    }\n  }\n": typeof types.ClassifyItemDocument,
    "\n  query ClassifyOptions {\n    sectors {\n      id\n      code\n      name\n      nameEn\n      categories {\n        id\n        code\n        name\n        nameEn\n        active\n        urgentCapable\n      }\n    }\n    settlements {\n      id\n      name\n      shortName\n    }\n  }\n": typeof types.ClassifyOptionsDocument,
    "\n  query ClassifyText($text: String!, $channel: Channel) {\n    classifyText(text: $text, channel: $channel) {\n      sectorCode\n      sectorConfidence\n      categoryCode\n      confidence\n      alternatives {\n        categoryCode\n        sectorCode\n        confidence\n      }\n      urgent\n      urgentScore\n      urgentReasons\n      place {\n        settlement {\n          id\n          name\n        }\n        locality {\n          name\n          kind\n        }\n        street\n        house\n        confidence\n      }\n      modelVersion\n    }\n  }\n": typeof types.ClassifyTextDocument,
    "\n  mutation CloseItem($id: ID!, $version: Int!, $comment: String) {\n    closeItem(id: $id, version: $version, comment: $comment) {\n      ...ItemFields\n    }\n  }\n": typeof types.CloseItemDocument,
    "\n  mutation CreateItem($input: ItemInput!) {\n    createItem(input: $input) {\n      ...ItemFields\n    }\n  }\n": typeof types.CreateItemDocument,
    "\n  query DepartmentUsers($departmentId: ID!) {\n    users(departmentId: $departmentId, activeOnly: true) {\n      id\n      fullName\n      position\n      roles\n    }\n  }\n": typeof types.DepartmentUsersDocument,
    "\n  mutation ExtendItem($id: ID!, $version: Int!, $input: ExtendInput!) {\n    extendItem(id: $id, version: $version, input: $input) {\n      ...ItemFields\n    }\n  }\n": typeof types.ExtendItemDocument,
    "\n  query InboxFilterOptions {\n    sectors {\n      id\n      code\n      name\n      nameEn\n      categories {\n        id\n        code\n        name\n        nameEn\n        active\n      }\n    }\n    departments(activeOnly: true) {\n      id\n      name\n      shortName\n    }\n  }\n": typeof types.InboxFilterOptionsDocument,
    "\n  subscription ItemCardEvents($filter: ItemEventFilter, $after: String) {\n    itemEvents(filter: $filter, after: $after) {\n      cursor\n      type\n      at\n      itemId\n      item {\n        ...ItemLiveFields\n      }\n    }\n  }\n": typeof types.ItemCardEventsDocument,
    "\n  subscription ItemEvents($filter: ItemEventFilter, $after: String) {\n    itemEvents(filter: $filter, after: $after) {\n      cursor\n      type\n      at\n      itemId\n      item {\n        ...ItemListFields\n      }\n    }\n  }\n": typeof types.ItemEventsDocument,
    "\n  query ItemLikelyDuplicates($id: ID!) {\n    item(id: $id) {\n      id\n      likelyDuplicates {\n        similarity\n        samePlace\n        sameCategory\n        item {\n          id\n          number\n          status\n          receivedAt\n          subject\n          text\n        }\n      }\n    }\n  }\n": typeof types.ItemLikelyDuplicatesDocument,
    "\n  fragment ItemListFields on Item {\n    id\n    number\n    kind\n    channel\n    status\n    version\n    subject\n    text\n    urgent\n    receivedAt\n    dueAt\n    deadlineState\n    secondsLeft\n    pausedAt\n    category {\n      id\n      code\n      name\n      nameEn\n    }\n    sector {\n      id\n      code\n      name\n      nameEn\n    }\n    settlement {\n      id\n      name\n      shortName\n    }\n    department {\n      id\n      name\n      shortName\n    }\n    executor {\n      id\n      fullName\n    }\n  }\n": typeof types.ItemListFieldsFragmentDoc,
    "\n  query ItemLookup($search: String!) {\n    items(filter: { search: $search }, first: 8) {\n      nodes {\n        id\n        number\n        kind\n        status\n        subject\n        receivedAt\n      }\n    }\n  }\n": typeof types.ItemLookupDocument,
    "\n  query ItemParts($id: ID!) {\n    item(id: $id) {\n      id\n      version\n      ...ItemPartsFields\n    }\n  }\n": typeof types.ItemPartsDocument,
    "\n  query ItemQueueCounts {\n    itemQueueCounts {\n      MINE\n      UNASSIGNED\n      MY_REVIEW\n      OVERDUE_MY_SECTORS\n      TO_CLASSIFY\n    }\n  }\n": typeof types.ItemQueueCountsDocument,
    "\n  fragment ItemLiveFields on Item {\n    ...ItemListFields\n    source\n    externalId\n    sourceStatus\n    sourceUpdatedAt\n    identified\n    anonymous\n    address\n    lat\n    lon\n    registeredAt\n    registrationDueAt\n    redirectDueAt\n    answerDueAt\n    firstReactionDueAt\n    finalAnswerDueAt\n    reviewDueAt\n    firstReactionAt\n    answeredAt\n    closedAt\n    ratedAt\n    extendedAt\n    extensionReason\n    outcome\n    satisfied\n    ratingComment\n    reopenCount\n    reworkCount\n    redirectedTo\n    noAnswerReason\n    classifiedBy\n    suggestedDepartments {\n      id\n      name\n      shortName\n    }\n    availableActions\n    updatedAt\n  }\n": typeof types.ItemLiveFieldsFragmentDoc,
    "\n  fragment ItemPartsFields on Item {\n    parent {\n      id\n      number\n      status\n      subject\n    }\n    duplicates {\n      id\n      number\n      status\n      subject\n    }\n    answers {\n      id\n      kind\n      status\n      text\n      submittedAt\n      reviewedAt\n      reworkReasons\n      reviewComment\n      checks {\n        code\n        reason\n        message\n        evidence\n      }\n      author {\n        id\n        fullName\n      }\n      reviewer {\n        id\n        fullName\n      }\n    }\n    history {\n      id\n      at\n      type\n      fromStatus\n      toStatus\n      comment\n      details\n      actorLabel\n      changes\n      actor {\n        id\n        fullName\n      }\n    }\n    attachments {\n      id\n      fileName\n      mimeType\n      size\n      url\n    }\n  }\n": typeof types.ItemPartsFieldsFragmentDoc,
    "\n  fragment MachineProposalFields on MachineProposal {\n    at\n    modelVersion\n    sectorCode\n    categoryCode\n    confidence\n    alternatives {\n      categoryCode\n      sectorCode\n      confidence\n    }\n    urgent\n    urgentScore\n    urgentReasons\n    place {\n      settlement {\n        id\n        name\n      }\n      locality {\n        name\n        kind\n      }\n      street\n      house\n      confidence\n    }\n    applied\n  }\n": typeof types.MachineProposalFieldsFragmentDoc,
    "\n  fragment ItemFields on Item {\n    ...ItemLiveFields\n    applicant {\n      name\n      phone\n      email\n      address\n      masked\n    }\n    machine {\n      ...MachineProposalFields\n    }\n    ...ItemPartsFields\n  }\n": typeof types.ItemFieldsFragmentDoc,
    "\n  fragment ItemVersion on Item {\n    id\n    version\n  }\n": typeof types.ItemVersionFragmentDoc,
    "\n  query Item($id: ID!) {\n    item(id: $id) {\n      ...ItemFields\n    }\n  }\n": typeof types.ItemDocument,
    "\n  query Items($filter: ItemFilter, $first: Int!, $after: String, $sort: ItemSort!) {\n    items(filter: $filter, first: $first, after: $after, sort: $sort) {\n      totalCount\n      nodes {\n        ...ItemListFields\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.ItemsDocument,
    "\n  mutation LeaveWithoutAnswer($id: ID!, $version: Int!, $input: LeaveInput!) {\n    leaveWithoutAnswer(id: $id, version: $version, input: $input) {\n      ...ItemFields\n    }\n  }\n": typeof types.LeaveWithoutAnswerDocument,
    "\n  query LikelyDuplicates($text: String!, $settlementId: ID, $categoryCode: String, $first: Int) {\n    likelyDuplicates(text: $text, settlementId: $settlementId, categoryCode: $categoryCode, first: $first) {\n      similarity\n      samePlace\n      sameCategory\n      item {\n        id\n        number\n        status\n        version\n        subject\n        text\n        receivedAt\n        settlement {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.LikelyDuplicatesDocument,
    "\n  mutation MergeItem($id: ID!, $version: Int!, $parentId: ID!) {\n    mergeItem(id: $id, version: $version, parentId: $parentId) {\n      ...ItemFields\n    }\n  }\n": typeof types.MergeItemDocument,
    "\n  query NewItemOptions {\n    sectors {\n      id\n      code\n      name\n      nameEn\n      categories {\n        id\n        code\n        name\n        nameEn\n        active\n        urgentCapable\n      }\n    }\n    settlements {\n      id\n      name\n      kind\n    }\n  }\n": typeof types.NewItemOptionsDocument,
    "\n  mutation PublishInterimAnswer($id: ID!, $version: Int!, $input: AnswerInput!) {\n    publishInterimAnswer(id: $id, version: $version, input: $input) {\n      ...ItemFields\n    }\n  }\n": typeof types.PublishInterimAnswerDocument,
    "\n  mutation RateItem($id: ID!, $version: Int!, $input: RatingInput!) {\n    rateItem(id: $id, version: $version, input: $input) {\n      ...ItemFields\n    }\n  }\n": typeof types.RateItemDocument,
    "\n  mutation RedirectItem($id: ID!, $version: Int!, $input: RedirectInput!) {\n    redirectItem(id: $id, version: $version, input: $input) {\n      ...ItemFields\n    }\n  }\n": typeof types.RedirectItemDocument,
    "\n  mutation RegisterItem($id: ID!, $version: Int!) {\n    registerItem(id: $id, version: $version) {\n      ...ItemFields\n    }\n  }\n": typeof types.RegisterItemDocument,
    "\n  mutation ReturnForRework($id: ID!, $version: Int!, $input: ReturnInput!) {\n    returnForRework(id: $id, version: $version, input: $input) {\n      ...ItemFields\n    }\n  }\n": typeof types.ReturnForReworkDocument,
    "\n  query SlaPreview($kind: ItemKind!, $registeredAt: DateTime!, $urgent: Boolean, $categoryCode: String, $receivedAt: DateTime) {\n    slaPreview(kind: $kind, registeredAt: $registeredAt, urgent: $urgent, categoryCode: $categoryCode, receivedAt: $receivedAt) {\n      registrationDueAt\n      redirectDueAt\n      answerDueAt\n      firstReactionDueAt\n      timezone\n      calendarConfirmed\n    }\n  }\n": typeof types.SlaPreviewDocument,
    "\n  mutation StartItem($id: ID!, $version: Int!) {\n    startItem(id: $id, version: $version) {\n      ...ItemFields\n    }\n  }\n": typeof types.StartItemDocument,
    "\n  mutation SubmitAnswer($id: ID!, $version: Int!, $input: AnswerInput!) {\n    submitAnswer(id: $id, version: $version, input: $input) {\n      ...ItemFields\n    }\n  }\n": typeof types.SubmitAnswerDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids)\n  }\n": typeof types.MarkNotificationsReadDocument,
    "\n  subscription NotificationAdded {\n    notificationAdded {\n      notificationId\n      at\n    }\n  }\n": typeof types.NotificationAddedDocument,
    "\n  query NotificationBell($first: Int!) {\n    unreadNotificationCount\n    notifications(first: $first) {\n      id\n      type\n      message\n      readAt\n      createdAt\n      itemCount\n      item {\n        id\n        number\n        subject\n      }\n      problem {\n        id\n        title\n      }\n    }\n  }\n": typeof types.NotificationBellDocument,
    "\n  mutation CreateCategory($input: CategoryInput!) {\n    createCategory(input: $input) {\n      ...CategoryFields\n    }\n  }\n": typeof types.CreateCategoryDocument,
    "\n  mutation CreateDepartment($input: DepartmentInput!) {\n    createDepartment(input: $input) {\n      ...DepartmentFields\n    }\n  }\n": typeof types.CreateDepartmentDocument,
    "\n  mutation CreateUser($input: UserInput!) {\n    createUser(input: $input) {\n      ...UserFields\n    }\n  }\n": typeof types.CreateUserDocument,
    "\n  query DepartmentFormOptions {\n    sectors {\n      id\n      code\n      name\n      nameEn\n      categories {\n        id\n        code\n        name\n        nameEn\n        active\n      }\n    }\n    settlements {\n      id\n      name\n      kind\n    }\n  }\n": typeof types.DepartmentFormOptionsDocument,
    "\n  fragment DepartmentFields on Department {\n    id\n    code\n    name\n    shortName\n    shortNameDerived\n    kind\n    email\n    phone\n    active\n    sectors {\n      id\n      code\n      name\n      nameEn\n    }\n    categories {\n      id\n      code\n      name\n      nameEn\n    }\n    settlements {\n      id\n      name\n    }\n  }\n": typeof types.DepartmentFieldsFragmentDoc,
    "\n  query Departments($municipalityId: ID) {\n    departments(municipalityId: $municipalityId) {\n      ...DepartmentFields\n    }\n  }\n": typeof types.DepartmentsDocument,
    "\n  query Municipalities {\n    municipalities {\n      id\n      name\n      shortName\n      regionName\n      timezone\n      population\n    }\n  }\n": typeof types.MunicipalitiesDocument,
    "\n  subscription OrganisationChanged($municipalityId: ID) {\n    organisationChanged(municipalityId: $municipalityId) {\n      entityId\n      entity\n      action\n      at\n      municipalityId\n    }\n  }\n": typeof types.OrganisationChangedDocument,
    "\n  fragment SectorFields on Sector {\n    id\n    code\n    name\n    nameEn\n    position\n  }\n": typeof types.SectorFieldsFragmentDoc,
    "\n  fragment CategoryFields on Category {\n    id\n    code\n    name\n    nameEn\n    active\n    urgentCapable\n    messageAnswerDays\n    position\n    sector {\n      id\n      code\n    }\n  }\n": typeof types.CategoryFieldsFragmentDoc,
    "\n  query Sectors($municipalityId: ID) {\n    sectors(municipalityId: $municipalityId) {\n      ...SectorFields\n      categories {\n        ...CategoryFields\n      }\n    }\n  }\n": typeof types.SectorsDocument,
    "\n  mutation SetUserPassword($id: ID!, $password: String!) {\n    setUserPassword(id: $id, password: $password)\n  }\n": typeof types.SetUserPasswordDocument,
    "\n  mutation UpdateCategory($id: ID!, $input: CategoryUpdateInput!) {\n    updateCategory(id: $id, input: $input) {\n      ...CategoryFields\n    }\n  }\n": typeof types.UpdateCategoryDocument,
    "\n  mutation UpdateDepartment($id: ID!, $input: DepartmentUpdateInput!) {\n    updateDepartment(id: $id, input: $input) {\n      ...DepartmentFields\n    }\n  }\n": typeof types.UpdateDepartmentDocument,
    "\n  mutation UpdateSector($id: ID!, $input: SectorUpdateInput!) {\n    updateSector(id: $id, input: $input) {\n      ...SectorFields\n    }\n  }\n": typeof types.UpdateSectorDocument,
    "\n  mutation UpdateUser($id: ID!, $input: UserUpdateInput!) {\n    updateUser(id: $id, input: $input) {\n      ...UserFields\n    }\n  }\n": typeof types.UpdateUserDocument,
    "\n  query UserFormOptions {\n    departments(activeOnly: true) {\n      id\n      name\n      shortName\n    }\n    sectors {\n      id\n      code\n      name\n      nameEn\n    }\n  }\n": typeof types.UserFormOptionsDocument,
    "\n  fragment UserFields on User {\n    id\n    username\n    fullName\n    position\n    email\n    phone\n    roles\n    active\n    locale\n    lastSignInAt\n    department {\n      id\n      name\n      shortName\n    }\n    sectors {\n      id\n      code\n      name\n      nameEn\n    }\n    municipality {\n      id\n      shortName\n    }\n  }\n": typeof types.UserFieldsFragmentDoc,
    "\n  query Users {\n    users {\n      ...UserFields\n    }\n  }\n": typeof types.UsersDocument,
    "\n  fragment ProblemListFields on Problem {\n    id\n    title\n    status\n    area\n    version\n    category {\n      id\n      code\n      name\n      nameEn\n    }\n    sector {\n      id\n      code\n      name\n      nameEn\n    }\n    settlement {\n      id\n      name\n    }\n    department {\n      id\n      name\n      shortName\n    }\n    itemCount\n    openItemCount\n    residentCount\n    updatedAt\n  }\n": typeof types.ProblemListFieldsFragmentDoc,
    "\n  fragment ProblemItemFields on Item {\n    id\n    number\n    kind\n    status\n    version\n    subject\n    address\n    receivedAt\n    answeredAt\n    outcome\n    settlement {\n      id\n      name\n    }\n    department {\n      id\n      name\n      shortName\n    }\n  }\n": typeof types.ProblemItemFieldsFragmentDoc,
    "\n  mutation ConfirmProposal($input: ConfirmProposalInput!) {\n    confirmProposal(input: $input) {\n      ...ProblemListFields\n    }\n  }\n": typeof types.ConfirmProposalDocument,
    "\n  mutation RejectProposal($input: RejectProposalInput!) {\n    rejectProposal(input: $input) {\n      ...ProblemListFields\n    }\n  }\n": typeof types.RejectProposalDocument,
    "\n  mutation CreateProblem($input: ProblemInput!) {\n    createProblem(input: $input) {\n      ...ProblemListFields\n    }\n  }\n": typeof types.CreateProblemDocument,
    "\n  mutation ConfirmProblem($id: ID!) {\n    confirmProblem(id: $id) {\n      ...ProblemFields\n    }\n  }\n": typeof types.ConfirmProblemDocument,
    "\n  mutation RejectProblem($id: ID!, $reason: String!) {\n    rejectProblem(id: $id, reason: $reason) {\n      ...ProblemFields\n    }\n  }\n": typeof types.RejectProblemDocument,
    "\n  mutation UpdateProblem($id: ID!, $input: ProblemUpdateInput!) {\n    updateProblem(id: $id, input: $input) {\n      ...ProblemFields\n    }\n  }\n": typeof types.UpdateProblemDocument,
    "\n  mutation MergeProblems($targetId: ID!, $sourceId: ID!) {\n    mergeProblems(targetId: $targetId, sourceId: $sourceId) {\n      ...ProblemFields\n    }\n  }\n": typeof types.MergeProblemsDocument,
    "\n  mutation SplitProblem($id: ID!, $input: SplitProblemInput!) {\n    splitProblem(id: $id, input: $input) {\n      ...ProblemListFields\n    }\n  }\n": typeof types.SplitProblemDocument,
    "\n  mutation LinkProblemItems($id: ID!, $itemIds: [ID!]!) {\n    linkProblemItems(id: $id, itemIds: $itemIds) {\n      ...ProblemFields\n    }\n  }\n": typeof types.LinkProblemItemsDocument,
    "\n  mutation UnlinkProblemItems($id: ID!, $itemIds: [ID!]!) {\n    unlinkProblemItems(id: $id, itemIds: $itemIds) {\n      ...ProblemFields\n    }\n  }\n": typeof types.UnlinkProblemItemsDocument,
    "\n  mutation AddProblemMeasure($problemId: ID!, $input: MeasureInput!) {\n    addProblemMeasure(problemId: $problemId, input: $input) {\n      ...ProblemMeasureFields\n    }\n  }\n": typeof types.AddProblemMeasureDocument,
    "\n  mutation UpdateProblemMeasure($id: ID!, $input: MeasureUpdateInput!) {\n    updateProblemMeasure(id: $id, input: $input) {\n      ...ProblemMeasureFields\n    }\n  }\n": typeof types.UpdateProblemMeasureDocument,
    "\n  mutation ApproveProblemPlan($id: ID!) {\n    approveProblemPlan(id: $id) {\n      ...ProblemFields\n    }\n  }\n": typeof types.ApproveProblemPlanDocument,
    "\n  mutation AddProblemReport($problemId: ID!, $text: String!) {\n    addProblemReport(problemId: $problemId, text: $text) {\n      id\n      text\n      at\n      author {\n        id\n        fullName\n      }\n    }\n  }\n": typeof types.AddProblemReportDocument,
    "\n  fragment ProblemSolveEntryFields on ProblemSolveEntry {\n    itemId\n    reason\n    message\n    actions\n    item {\n      ...ProblemItemFields\n    }\n  }\n": typeof types.ProblemSolveEntryFieldsFragmentDoc,
    "\n  mutation SolveProblem($id: ID!, $answerText: String!, $outcome: Outcome!) {\n    solveProblem(id: $id, answerText: $answerText, outcome: $outcome) {\n      problem {\n        ...ProblemFields\n      }\n      answered {\n        ...ProblemSolveEntryFields\n      }\n      submitted {\n        ...ProblemSolveEntryFields\n      }\n      skipped {\n        ...ProblemSolveEntryFields\n      }\n    }\n  }\n": typeof types.SolveProblemDocument,
    "\n  query ProblemDepartmentUsers($departmentId: ID!) {\n    users(departmentId: $departmentId, activeOnly: true) {\n      id\n      fullName\n      position\n    }\n  }\n": typeof types.ProblemDepartmentUsersDocument,
    "\n  query ProblemItemLookup($search: String!) {\n    items(filter: { search: $search }, first: 8) {\n      nodes {\n        ...ProblemItemFields\n      }\n    }\n  }\n": typeof types.ProblemItemLookupDocument,
    "\n  query ProblemOptions {\n    sectors {\n      id\n      code\n      name\n      nameEn\n      categories {\n        id\n        code\n        name\n        nameEn\n        active\n      }\n    }\n    settlements {\n      id\n      name\n    }\n    departments(activeOnly: true) {\n      id\n      name\n      shortName\n    }\n  }\n": typeof types.ProblemOptionsDocument,
    "\n  query ProblemProposals($windowDays: Int!, $minItems: Int!) {\n    problemProposals(windowDays: $windowDays, minItems: $minItems) {\n      key\n      suggestedTitle\n      street\n      itemCount\n      residentCount\n      category {\n        id\n        code\n        name\n        nameEn\n        sector {\n          id\n          code\n          name\n          nameEn\n        }\n      }\n      settlement {\n        id\n        name\n      }\n      items {\n        ...ProblemItemFields\n      }\n    }\n  }\n": typeof types.ProblemProposalsDocument,
    "\n  fragment ProblemMeasureFields on ProblemMeasure {\n    id\n    text\n    status\n    dueDate\n    dueAt\n    doneAt\n    overdue\n    department {\n      id\n      name\n      shortName\n    }\n    owner {\n      id\n      fullName\n    }\n    updatedAt\n  }\n": typeof types.ProblemMeasureFieldsFragmentDoc,
    "\n  fragment ProblemFields on Problem {\n    ...ProblemListFields\n    description\n    proposalKey\n    createdAt\n    createdBy {\n      id\n      fullName\n    }\n    confirmedAt\n    confirmedBy {\n      id\n      fullName\n    }\n    planApprovedAt\n    planApprovedBy {\n      id\n      fullName\n    }\n    solvedAt\n    solvedBy {\n      id\n      fullName\n    }\n    answerText\n    outcome\n    rejectedAt\n    rejectedBy {\n      id\n      fullName\n    }\n    rejectionReason\n    mergedInto {\n      id\n      title\n    }\n    measures {\n      ...ProblemMeasureFields\n    }\n    reports {\n      id\n      text\n      at\n      author {\n        id\n        fullName\n      }\n    }\n    items {\n      ...ProblemItemFields\n    }\n  }\n": typeof types.ProblemFieldsFragmentDoc,
    "\n  query Problem($id: ID!) {\n    problem(id: $id) {\n      ...ProblemFields\n    }\n  }\n": typeof types.ProblemDocument,
    "\n  query Problems($first: Int!, $after: String, $status: [ProblemStatus!], $sectorCode: String, $settlementId: ID, $departmentId: ID) {\n    problems(first: $first, after: $after, status: $status, sectorCode: $sectorCode, settlementId: $settlementId, departmentId: $departmentId) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...ProblemListFields\n      }\n    }\n  }\n": typeof types.ProblemsDocument,
    "\n  mutation ChangeMyPassword($currentPassword: String!, $newPassword: String!) {\n    changeMyPassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": typeof types.ChangeMyPasswordDocument,
    "\n  mutation GenerateReport($kind: ReportKind!, $periodStart: String!) {\n    generateReport(kind: $kind, periodStart: $periodStart) {\n      ...ReportFields\n    }\n  }\n": typeof types.GenerateReportDocument,
    "\n  fragment ReportFields on Report {\n    id\n    kind\n    status\n    periodFrom\n    periodTo\n    generatedAt\n    generatedBy\n    municipalityId\n    xlsxUrl\n    xlsxSize\n    pdfUrl\n    pdfSize\n  }\n": typeof types.ReportFieldsFragmentDoc,
    "\n  query Reports($first: Int!, $kind: ReportKind) {\n    reports(first: $first, kind: $kind) {\n      ...ReportFields\n    }\n  }\n": typeof types.ReportsDocument,
    "\n  query ReportMunicipalities {\n    municipalities {\n      id\n      shortName\n      timezone\n    }\n  }\n": typeof types.ReportMunicipalitiesDocument,
    "\n  mutation RetrainTextModel {\n    retrainTextModel {\n      ...TextModelFields\n    }\n  }\n": typeof types.RetrainTextModelDocument,
    "\n  fragment TextModelFields on TextModelInfo {\n    version\n    baseVersion\n    trainedAt\n    trainingMs\n    examples\n    staffExamples\n    newStaffExamples\n    municipal\n    retraining\n  }\n": typeof types.TextModelFieldsFragmentDoc,
    "\n  query TextModel {\n    textModel {\n      ...TextModelFields\n    }\n  }\n": typeof types.TextModelDocument,
    "\n  fragment ApiTokenFields on ApiToken {\n    id\n    name\n    kind\n    scopes\n    sources\n    prefix\n    createdAt\n    expiresAt\n    lastUsedAt\n    revokedAt\n  }\n": typeof types.ApiTokenFieldsFragmentDoc,
    "\n  query ApiTokens {\n    apiTokens {\n      ...ApiTokenFields\n    }\n  }\n": typeof types.ApiTokensDocument,
    "\n  mutation CreateApiToken($input: ApiTokenInput!) {\n    createApiToken(input: $input) {\n      token\n      apiToken {\n        ...ApiTokenFields\n      }\n    }\n  }\n": typeof types.CreateApiTokenDocument,
    "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      ...ApiTokenFields\n    }\n  }\n": typeof types.RevokeApiTokenDocument,
    "\n  subscription WallAlerts($after: String) {\n    alertRaised(after: $after) {\n      cursor\n      type\n      level\n      message\n      at\n      itemId\n      item {\n        ...WallFeedItem\n      }\n    }\n  }\n": typeof types.WallAlertsDocument,
    "\n  fragment WallFeedItem on Item {\n    id\n    number\n    kind\n    urgent\n    receivedAt\n    dueAt\n    deadlineState\n    pausedAt\n    category {\n      name\n    }\n    settlement {\n      name\n      shortName\n    }\n  }\n": typeof types.WallFeedItemFragmentDoc,
    "\n  subscription WallItemEvents($after: String) {\n    itemEvents(after: $after) {\n      cursor\n      type\n      at\n      itemId\n      item {\n        ...WallFeedItem\n      }\n    }\n  }\n": typeof types.WallItemEventsDocument,
    "\n  subscription WallKpi {\n    kpiUpdated {\n      at\n      today {\n        ...WallKpiFigures\n        previous {\n          ...WallKpiFigures\n        }\n      }\n      month {\n        ...WallKpiFigures\n        previous {\n          ...WallKpiFigures\n        }\n      }\n    }\n  }\n": typeof types.WallKpiDocument,
    "\n  fragment WallKpiFigures on KpiFigures {\n    received\n    answered\n    onTimeShare\n    overdueOpen\n    satisfiedShare\n    meanAnswerDays\n    targets {\n      figure\n      direction\n      target\n      actual\n      state\n    }\n  }\n": typeof types.WallKpiFiguresFragmentDoc,
    "\n  query WallProblems($first: Int!) {\n    problems(first: $first, status: [CONFIRMED, IN_WORK]) {\n      nodes {\n        id\n        title\n        status\n        area\n        itemCount\n        openItemCount\n        residentCount\n        settlement {\n          name\n        }\n        category {\n          name\n        }\n      }\n    }\n  }\n": typeof types.WallProblemsDocument,
    "\n  query WallRecentItems($first: Int!) {\n    items(first: $first, sort: RECEIVED_DESC) {\n      nodes {\n        ...WallFeedItem\n      }\n    }\n  }\n": typeof types.WallRecentItemsDocument,
    "\n  subscription WallSectors {\n    sectorUpdated {\n      sectorId\n      code\n      name\n      state\n      open\n      overdue\n      dueSoon\n      receivedToday\n      answeredToday\n      answeredOnTimeToday\n      at\n    }\n  }\n": typeof types.WallSectorsDocument,
    "\n  query WallSettlementLoad {\n    settlementLoad {\n      settlementId\n      name\n      shortName\n      lat\n      lon\n      open\n      overdue\n    }\n  }\n": typeof types.WallSettlementLoadDocument,
    "\n  query WallSetup {\n    municipalities {\n      id\n      shortName\n      timezone\n    }\n    mapSettings {\n      tileUrl\n    }\n  }\n": typeof types.WallSetupDocument,
    "\n  mutation CreateWebhook($input: WebhookInput!) {\n    createWebhook(input: $input) {\n      ...WebhookFields\n    }\n  }\n": typeof types.CreateWebhookDocument,
    "\n  mutation DeleteWebhook($id: ID!) {\n    deleteWebhook(id: $id)\n  }\n": typeof types.DeleteWebhookDocument,
    "\n  mutation PingWebhook($webhookId: ID!) {\n    pingWebhook(webhookId: $webhookId) {\n      ...WebhookDeliveryFields\n    }\n  }\n": typeof types.PingWebhookDocument,
    "\n  mutation ReplayWebhookDelivery($id: ID!) {\n    replayWebhookDelivery(id: $id) {\n      ...WebhookDeliveryFields\n    }\n  }\n": typeof types.ReplayWebhookDeliveryDocument,
    "\n  mutation UpdateWebhook($id: ID!, $input: WebhookUpdateInput!) {\n    updateWebhook(id: $id, input: $input) {\n      ...WebhookFields\n    }\n  }\n": typeof types.UpdateWebhookDocument,
    "\n  query WebhookDeliveries($webhookId: ID!, $status: WebhookDeliveryStatus, $first: Int!, $after: String) {\n    webhookDeliveries(webhookId: $webhookId, status: $status, first: $first, after: $after) {\n      nodes {\n        ...WebhookDeliveryFields\n      }\n      endCursor\n      hasNextPage\n    }\n  }\n": typeof types.WebhookDeliveriesDocument,
    "\n  fragment WebhookDeliveryFields on WebhookDelivery {\n    id\n    webhookId\n    eventType\n    itemId\n    status\n    body\n    nextAttemptAt\n    deliveredAt\n    createdAt\n    attempts {\n      number\n      at\n      durationMs\n      httpStatus\n      error\n    }\n  }\n": typeof types.WebhookDeliveryFieldsFragmentDoc,
    "\n  fragment WebhookFields on Webhook {\n    id\n    url\n    description\n    eventTypes\n    active\n    secretHint\n    owner\n    createdAt\n    updatedAt\n  }\n": typeof types.WebhookFieldsFragmentDoc,
    "\n  query Webhooks {\n    webhooks {\n      ...WebhookFields\n    }\n  }\n": typeof types.WebhooksDocument,
};
const documents: Documents = {
    "\n  query AnalyticsOptions($municipalityId: ID) {\n    sectors(municipalityId: $municipalityId) {\n      id\n      code\n      name\n      nameEn\n      categories {\n        id\n        code\n        name\n        nameEn\n      }\n    }\n    departments(municipalityId: $municipalityId) {\n      id\n      name\n      shortName\n      active\n    }\n    settlements(municipalityId: $municipalityId) {\n      id\n      name\n      centre\n      lat\n      lon\n      population\n    }\n  }\n": types.AnalyticsOptionsDocument,
    "\n  fragment KpiFiguresFields on KpiFigures {\n    from\n    to\n    received\n    answered\n    answeredOnTime\n    onTimeShare\n    overdueOpen\n    meanAnswerDays\n    medianAnswerDays\n    meanFirstReactionHours\n    satisfied\n    rated\n    satisfiedShare\n    repeats\n    perThousandResidents\n    reworkShare\n    reopenedShare\n    extendedShare\n    redirectedShare\n    targets {\n      ...KpiFigureStateFields\n    }\n  }\n": types.KpiFiguresFieldsFragmentDoc,
    "\n  fragment KpiFigureStateFields on KpiFigureState {\n    figure\n    direction\n    level\n    target\n    margin\n    actual\n    state\n    targetId\n  }\n": types.KpiFigureStateFieldsFragmentDoc,
    "\n  query KpiRanking($by: KpiDimension!, $from: DateTime!, $to: DateTime!, $scope: KpiScopeInput) {\n    kpiRanking(by: $by, from: $from, to: $to, scope: $scope) {\n      key\n      name\n      figures {\n        received\n        answered\n        answeredOnTime\n        onTimeShare\n        overdueOpen\n        repeats\n        targets {\n          ...KpiFigureStateFields\n        }\n      }\n    }\n  }\n": types.KpiRankingDocument,
    "\n  query KpiSeries($bucket: KpiBucket!, $from: DateTime!, $to: DateTime!, $scope: KpiScopeInput) {\n    kpiSeries(bucket: $bucket, from: $from, to: $to, scope: $scope) {\n      from\n      to\n      figures {\n        received\n        answered\n        answeredOnTime\n        onTimeShare\n      }\n    }\n  }\n": types.KpiSeriesDocument,
    "\n  fragment KpiTargetFields on KpiTarget {\n    id\n    figure\n    direction\n    level\n    value\n    atRiskMargin\n    validFrom\n    validTo\n    comment\n    approvedAt\n    approvedBy {\n      id\n      username\n      fullName\n    }\n    supersededAt\n    supersededBy {\n      id\n      username\n      fullName\n    }\n    sector {\n      id\n      code\n      name\n      nameEn\n    }\n    department {\n      id\n      name\n      shortName\n    }\n  }\n": types.KpiTargetFieldsFragmentDoc,
    "\n  query KpiTargets {\n    kpiTargets(includeSuperseded: true) {\n      ...KpiTargetFields\n    }\n  }\n": types.KpiTargetsDocument,
    "\n  query Kpis($from: DateTime!, $to: DateTime!, $scope: KpiScopeInput) {\n    kpis(from: $from, to: $to, scope: $scope) {\n      ...KpiFiguresFields\n      previous {\n        ...KpiFiguresFields\n      }\n    }\n  }\n": types.KpisDocument,
    "\n  mutation SetKpiTarget($input: KpiTargetInput!) {\n    setKpiTarget(input: $input) {\n      ...KpiTargetFields\n    }\n  }\n": types.SetKpiTargetDocument,
    "\n  query AuditDirectory($users: Boolean!, $tokens: Boolean!, $organisation: Boolean!) {\n    users @include(if: $users) {\n      id\n      username\n      fullName\n    }\n    apiTokens @include(if: $tokens) {\n      id\n      name\n    }\n    departments @include(if: $organisation) {\n      id\n      name\n      shortName\n    }\n    categories @include(if: $organisation) {\n      id\n      name\n      nameEn\n    }\n    sectors @include(if: $organisation) {\n      id\n      name\n      nameEn\n    }\n  }\n": types.AuditDirectoryDocument,
    "\n  fragment AuditEventFields on AuditEvent {\n    id\n    at\n    action\n    actorLabel\n    ip\n    targetType\n    targetId\n  }\n": types.AuditEventFieldsFragmentDoc,
    "\n  query AuditEvents($first: Int!, $before: DateTime, $beforeId: ID, $actions: [String!]) {\n    auditEvents(first: $first, before: $before, beforeId: $beforeId, actions: $actions) {\n      ...AuditEventFields\n    }\n  }\n": types.AuditEventsDocument,
    "\n  query Me {\n    me {\n      ...ViewerFields\n    }\n  }\n": types.MeDocument,
    "\n  mutation SignIn($username: String!, $password: String!) {\n    signIn(username: $username, password: $password) {\n      expiresAt\n      user {\n        ...ViewerFields\n      }\n    }\n  }\n": types.SignInDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": types.SignOutDocument,
    "\n  fragment ViewerFields on User {\n    id\n    username\n    fullName\n    position\n    email\n    locale\n    roles\n    department {\n      id\n      name\n      shortName\n    }\n    sectors {\n      id\n      code\n    }\n    municipality {\n      id\n      name\n      shortName\n      regionName\n      timezone\n      population\n    }\n  }\n": types.ViewerFieldsFragmentDoc,
    "\n  query CalendarWarnings {\n    calendarWarnings {\n      year\n      status\n    }\n  }\n": types.CalendarWarningsDocument,
    "\n  subscription KpiUpdated($scope: KpiScopeInput) {\n    kpiUpdated(scope: $scope) {\n      at\n      month {\n        ...KpiFiguresFields\n      }\n    }\n  }\n": types.KpiUpdatedDocument,
    "\n  query ImportFile($id: ID!, $read: ImportReadInput) {\n    importFile(id: $id, read: $read) {\n      id\n      fileName\n      size\n      format\n      encoding\n      delimiter\n      headers\n      rows\n      suggested {\n        column\n        field\n      }\n    }\n  }\n": types.ImportFileDocument,
    "\n  query ImportMappings {\n    importMappings {\n      id\n      name\n      source\n      kind\n      channel\n      columns {\n        column\n        field\n      }\n    }\n  }\n": types.ImportMappingsDocument,
    "\n  mutation SaveImportMapping($input: ImportMappingInput!) {\n    saveImportMapping(input: $input) {\n      id\n      name\n      source\n      kind\n      channel\n      columns {\n        column\n        field\n      }\n    }\n  }\n": types.SaveImportMappingDocument,
    "\n  subscription ImportProgress($jobId: ID!) {\n    importProgress(jobId: $jobId) {\n      ...ImportJobFields\n    }\n  }\n": types.ImportProgressDocument,
    "\n  query ImportRowErrors($jobId: ID!, $first: Int!, $after: String) {\n    importRowErrors(jobId: $jobId, first: $first, after: $after) {\n      totalCount\n      nodes {\n        line\n        column\n        field\n        code\n        reason\n        message\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.ImportRowErrorsDocument,
    "\n  fragment ImportJobFields on ImportJob {\n    id\n    fileName\n    source\n    dryRun\n    status\n    total\n    processed\n    created\n    existing\n    rejected\n    error\n    createdAt\n    finishedAt\n  }\n": types.ImportJobFieldsFragmentDoc,
    "\n  mutation StartImport($input: StartImportInput!) {\n    startImport(input: $input) {\n      ...ImportJobFields\n    }\n  }\n": types.StartImportDocument,
    "\n  query AnswerTemplates($categoryCode: String) {\n    answerTemplates(categoryCode: $categoryCode) {\n      id\n      title\n      body\n      category {\n        id\n        code\n      }\n    }\n  }\n": types.AnswerTemplatesDocument,
    "\n  mutation ApproveAnswer($id: ID!, $version: Int!, $input: ApproveInput!) {\n    approveAnswer(id: $id, version: $version, input: $input) {\n      ...ItemFields\n    }\n  }\n": types.ApproveAnswerDocument,
    "\n  mutation AskCitizen($id: ID!, $version: Int!, $comment: String!) {\n    askCitizen(id: $id, version: $version, comment: $comment) {\n      ...ItemFields\n    }\n  }\n": types.AskCitizenDocument,
    "\n  mutation AssignItem($id: ID!, $version: Int!, $input: AssignInput!) {\n    assignItem(id: $id, version: $version, input: $input) {\n      ...ItemFields\n    }\n  }\n": types.AssignItemDocument,
    "\n  query AssignOptions {\n    departments(activeOnly: true) {\n      id\n      name\n      shortName\n    }\n  }\n": types.AssignOptionsDocument,
    "\n  mutation AttachFiles($id: ID!, $version: Int!, $attachmentIds: [ID!]!) {\n    attachFiles(id: $id, version: $version, attachmentIds: $attachmentIds) {\n      ...ItemFields\n    }\n  }\n": types.AttachFilesDocument,
    "\n  mutation CitizenReplied($id: ID!, $version: Int!, $comment: String) {\n    citizenReplied(id: $id, version: $version, comment: $comment) {\n      ...ItemFields\n    }\n  }\n": types.CitizenRepliedDocument,
    "\n  mutation ClassifyItem($id: ID!, $version: Int!, $input: ClassifyInput!) {\n    classifyItem(id: $id, version: $version, input: $input) {\n      ...ItemFields\n    }\n  }\n": types.ClassifyItemDocument,
    "\n  query ClassifyOptions {\n    sectors {\n      id\n      code\n      name\n      nameEn\n      categories {\n        id\n        code\n        name\n        nameEn\n        active\n        urgentCapable\n      }\n    }\n    settlements {\n      id\n      name\n      shortName\n    }\n  }\n": types.ClassifyOptionsDocument,
    "\n  query ClassifyText($text: String!, $channel: Channel) {\n    classifyText(text: $text, channel: $channel) {\n      sectorCode\n      sectorConfidence\n      categoryCode\n      confidence\n      alternatives {\n        categoryCode\n        sectorCode\n        confidence\n      }\n      urgent\n      urgentScore\n      urgentReasons\n      place {\n        settlement {\n          id\n          name\n        }\n        locality {\n          name\n          kind\n        }\n        street\n        house\n        confidence\n      }\n      modelVersion\n    }\n  }\n": types.ClassifyTextDocument,
    "\n  mutation CloseItem($id: ID!, $version: Int!, $comment: String) {\n    closeItem(id: $id, version: $version, comment: $comment) {\n      ...ItemFields\n    }\n  }\n": types.CloseItemDocument,
    "\n  mutation CreateItem($input: ItemInput!) {\n    createItem(input: $input) {\n      ...ItemFields\n    }\n  }\n": types.CreateItemDocument,
    "\n  query DepartmentUsers($departmentId: ID!) {\n    users(departmentId: $departmentId, activeOnly: true) {\n      id\n      fullName\n      position\n      roles\n    }\n  }\n": types.DepartmentUsersDocument,
    "\n  mutation ExtendItem($id: ID!, $version: Int!, $input: ExtendInput!) {\n    extendItem(id: $id, version: $version, input: $input) {\n      ...ItemFields\n    }\n  }\n": types.ExtendItemDocument,
    "\n  query InboxFilterOptions {\n    sectors {\n      id\n      code\n      name\n      nameEn\n      categories {\n        id\n        code\n        name\n        nameEn\n        active\n      }\n    }\n    departments(activeOnly: true) {\n      id\n      name\n      shortName\n    }\n  }\n": types.InboxFilterOptionsDocument,
    "\n  subscription ItemCardEvents($filter: ItemEventFilter, $after: String) {\n    itemEvents(filter: $filter, after: $after) {\n      cursor\n      type\n      at\n      itemId\n      item {\n        ...ItemLiveFields\n      }\n    }\n  }\n": types.ItemCardEventsDocument,
    "\n  subscription ItemEvents($filter: ItemEventFilter, $after: String) {\n    itemEvents(filter: $filter, after: $after) {\n      cursor\n      type\n      at\n      itemId\n      item {\n        ...ItemListFields\n      }\n    }\n  }\n": types.ItemEventsDocument,
    "\n  query ItemLikelyDuplicates($id: ID!) {\n    item(id: $id) {\n      id\n      likelyDuplicates {\n        similarity\n        samePlace\n        sameCategory\n        item {\n          id\n          number\n          status\n          receivedAt\n          subject\n          text\n        }\n      }\n    }\n  }\n": types.ItemLikelyDuplicatesDocument,
    "\n  fragment ItemListFields on Item {\n    id\n    number\n    kind\n    channel\n    status\n    version\n    subject\n    text\n    urgent\n    receivedAt\n    dueAt\n    deadlineState\n    secondsLeft\n    pausedAt\n    category {\n      id\n      code\n      name\n      nameEn\n    }\n    sector {\n      id\n      code\n      name\n      nameEn\n    }\n    settlement {\n      id\n      name\n      shortName\n    }\n    department {\n      id\n      name\n      shortName\n    }\n    executor {\n      id\n      fullName\n    }\n  }\n": types.ItemListFieldsFragmentDoc,
    "\n  query ItemLookup($search: String!) {\n    items(filter: { search: $search }, first: 8) {\n      nodes {\n        id\n        number\n        kind\n        status\n        subject\n        receivedAt\n      }\n    }\n  }\n": types.ItemLookupDocument,
    "\n  query ItemParts($id: ID!) {\n    item(id: $id) {\n      id\n      version\n      ...ItemPartsFields\n    }\n  }\n": types.ItemPartsDocument,
    "\n  query ItemQueueCounts {\n    itemQueueCounts {\n      MINE\n      UNASSIGNED\n      MY_REVIEW\n      OVERDUE_MY_SECTORS\n      TO_CLASSIFY\n    }\n  }\n": types.ItemQueueCountsDocument,
    "\n  fragment ItemLiveFields on Item {\n    ...ItemListFields\n    source\n    externalId\n    sourceStatus\n    sourceUpdatedAt\n    identified\n    anonymous\n    address\n    lat\n    lon\n    registeredAt\n    registrationDueAt\n    redirectDueAt\n    answerDueAt\n    firstReactionDueAt\n    finalAnswerDueAt\n    reviewDueAt\n    firstReactionAt\n    answeredAt\n    closedAt\n    ratedAt\n    extendedAt\n    extensionReason\n    outcome\n    satisfied\n    ratingComment\n    reopenCount\n    reworkCount\n    redirectedTo\n    noAnswerReason\n    classifiedBy\n    suggestedDepartments {\n      id\n      name\n      shortName\n    }\n    availableActions\n    updatedAt\n  }\n": types.ItemLiveFieldsFragmentDoc,
    "\n  fragment ItemPartsFields on Item {\n    parent {\n      id\n      number\n      status\n      subject\n    }\n    duplicates {\n      id\n      number\n      status\n      subject\n    }\n    answers {\n      id\n      kind\n      status\n      text\n      submittedAt\n      reviewedAt\n      reworkReasons\n      reviewComment\n      checks {\n        code\n        reason\n        message\n        evidence\n      }\n      author {\n        id\n        fullName\n      }\n      reviewer {\n        id\n        fullName\n      }\n    }\n    history {\n      id\n      at\n      type\n      fromStatus\n      toStatus\n      comment\n      details\n      actorLabel\n      changes\n      actor {\n        id\n        fullName\n      }\n    }\n    attachments {\n      id\n      fileName\n      mimeType\n      size\n      url\n    }\n  }\n": types.ItemPartsFieldsFragmentDoc,
    "\n  fragment MachineProposalFields on MachineProposal {\n    at\n    modelVersion\n    sectorCode\n    categoryCode\n    confidence\n    alternatives {\n      categoryCode\n      sectorCode\n      confidence\n    }\n    urgent\n    urgentScore\n    urgentReasons\n    place {\n      settlement {\n        id\n        name\n      }\n      locality {\n        name\n        kind\n      }\n      street\n      house\n      confidence\n    }\n    applied\n  }\n": types.MachineProposalFieldsFragmentDoc,
    "\n  fragment ItemFields on Item {\n    ...ItemLiveFields\n    applicant {\n      name\n      phone\n      email\n      address\n      masked\n    }\n    machine {\n      ...MachineProposalFields\n    }\n    ...ItemPartsFields\n  }\n": types.ItemFieldsFragmentDoc,
    "\n  fragment ItemVersion on Item {\n    id\n    version\n  }\n": types.ItemVersionFragmentDoc,
    "\n  query Item($id: ID!) {\n    item(id: $id) {\n      ...ItemFields\n    }\n  }\n": types.ItemDocument,
    "\n  query Items($filter: ItemFilter, $first: Int!, $after: String, $sort: ItemSort!) {\n    items(filter: $filter, first: $first, after: $after, sort: $sort) {\n      totalCount\n      nodes {\n        ...ItemListFields\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.ItemsDocument,
    "\n  mutation LeaveWithoutAnswer($id: ID!, $version: Int!, $input: LeaveInput!) {\n    leaveWithoutAnswer(id: $id, version: $version, input: $input) {\n      ...ItemFields\n    }\n  }\n": types.LeaveWithoutAnswerDocument,
    "\n  query LikelyDuplicates($text: String!, $settlementId: ID, $categoryCode: String, $first: Int) {\n    likelyDuplicates(text: $text, settlementId: $settlementId, categoryCode: $categoryCode, first: $first) {\n      similarity\n      samePlace\n      sameCategory\n      item {\n        id\n        number\n        status\n        version\n        subject\n        text\n        receivedAt\n        settlement {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.LikelyDuplicatesDocument,
    "\n  mutation MergeItem($id: ID!, $version: Int!, $parentId: ID!) {\n    mergeItem(id: $id, version: $version, parentId: $parentId) {\n      ...ItemFields\n    }\n  }\n": types.MergeItemDocument,
    "\n  query NewItemOptions {\n    sectors {\n      id\n      code\n      name\n      nameEn\n      categories {\n        id\n        code\n        name\n        nameEn\n        active\n        urgentCapable\n      }\n    }\n    settlements {\n      id\n      name\n      kind\n    }\n  }\n": types.NewItemOptionsDocument,
    "\n  mutation PublishInterimAnswer($id: ID!, $version: Int!, $input: AnswerInput!) {\n    publishInterimAnswer(id: $id, version: $version, input: $input) {\n      ...ItemFields\n    }\n  }\n": types.PublishInterimAnswerDocument,
    "\n  mutation RateItem($id: ID!, $version: Int!, $input: RatingInput!) {\n    rateItem(id: $id, version: $version, input: $input) {\n      ...ItemFields\n    }\n  }\n": types.RateItemDocument,
    "\n  mutation RedirectItem($id: ID!, $version: Int!, $input: RedirectInput!) {\n    redirectItem(id: $id, version: $version, input: $input) {\n      ...ItemFields\n    }\n  }\n": types.RedirectItemDocument,
    "\n  mutation RegisterItem($id: ID!, $version: Int!) {\n    registerItem(id: $id, version: $version) {\n      ...ItemFields\n    }\n  }\n": types.RegisterItemDocument,
    "\n  mutation ReturnForRework($id: ID!, $version: Int!, $input: ReturnInput!) {\n    returnForRework(id: $id, version: $version, input: $input) {\n      ...ItemFields\n    }\n  }\n": types.ReturnForReworkDocument,
    "\n  query SlaPreview($kind: ItemKind!, $registeredAt: DateTime!, $urgent: Boolean, $categoryCode: String, $receivedAt: DateTime) {\n    slaPreview(kind: $kind, registeredAt: $registeredAt, urgent: $urgent, categoryCode: $categoryCode, receivedAt: $receivedAt) {\n      registrationDueAt\n      redirectDueAt\n      answerDueAt\n      firstReactionDueAt\n      timezone\n      calendarConfirmed\n    }\n  }\n": types.SlaPreviewDocument,
    "\n  mutation StartItem($id: ID!, $version: Int!) {\n    startItem(id: $id, version: $version) {\n      ...ItemFields\n    }\n  }\n": types.StartItemDocument,
    "\n  mutation SubmitAnswer($id: ID!, $version: Int!, $input: AnswerInput!) {\n    submitAnswer(id: $id, version: $version, input: $input) {\n      ...ItemFields\n    }\n  }\n": types.SubmitAnswerDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids)\n  }\n": types.MarkNotificationsReadDocument,
    "\n  subscription NotificationAdded {\n    notificationAdded {\n      notificationId\n      at\n    }\n  }\n": types.NotificationAddedDocument,
    "\n  query NotificationBell($first: Int!) {\n    unreadNotificationCount\n    notifications(first: $first) {\n      id\n      type\n      message\n      readAt\n      createdAt\n      itemCount\n      item {\n        id\n        number\n        subject\n      }\n      problem {\n        id\n        title\n      }\n    }\n  }\n": types.NotificationBellDocument,
    "\n  mutation CreateCategory($input: CategoryInput!) {\n    createCategory(input: $input) {\n      ...CategoryFields\n    }\n  }\n": types.CreateCategoryDocument,
    "\n  mutation CreateDepartment($input: DepartmentInput!) {\n    createDepartment(input: $input) {\n      ...DepartmentFields\n    }\n  }\n": types.CreateDepartmentDocument,
    "\n  mutation CreateUser($input: UserInput!) {\n    createUser(input: $input) {\n      ...UserFields\n    }\n  }\n": types.CreateUserDocument,
    "\n  query DepartmentFormOptions {\n    sectors {\n      id\n      code\n      name\n      nameEn\n      categories {\n        id\n        code\n        name\n        nameEn\n        active\n      }\n    }\n    settlements {\n      id\n      name\n      kind\n    }\n  }\n": types.DepartmentFormOptionsDocument,
    "\n  fragment DepartmentFields on Department {\n    id\n    code\n    name\n    shortName\n    shortNameDerived\n    kind\n    email\n    phone\n    active\n    sectors {\n      id\n      code\n      name\n      nameEn\n    }\n    categories {\n      id\n      code\n      name\n      nameEn\n    }\n    settlements {\n      id\n      name\n    }\n  }\n": types.DepartmentFieldsFragmentDoc,
    "\n  query Departments($municipalityId: ID) {\n    departments(municipalityId: $municipalityId) {\n      ...DepartmentFields\n    }\n  }\n": types.DepartmentsDocument,
    "\n  query Municipalities {\n    municipalities {\n      id\n      name\n      shortName\n      regionName\n      timezone\n      population\n    }\n  }\n": types.MunicipalitiesDocument,
    "\n  subscription OrganisationChanged($municipalityId: ID) {\n    organisationChanged(municipalityId: $municipalityId) {\n      entityId\n      entity\n      action\n      at\n      municipalityId\n    }\n  }\n": types.OrganisationChangedDocument,
    "\n  fragment SectorFields on Sector {\n    id\n    code\n    name\n    nameEn\n    position\n  }\n": types.SectorFieldsFragmentDoc,
    "\n  fragment CategoryFields on Category {\n    id\n    code\n    name\n    nameEn\n    active\n    urgentCapable\n    messageAnswerDays\n    position\n    sector {\n      id\n      code\n    }\n  }\n": types.CategoryFieldsFragmentDoc,
    "\n  query Sectors($municipalityId: ID) {\n    sectors(municipalityId: $municipalityId) {\n      ...SectorFields\n      categories {\n        ...CategoryFields\n      }\n    }\n  }\n": types.SectorsDocument,
    "\n  mutation SetUserPassword($id: ID!, $password: String!) {\n    setUserPassword(id: $id, password: $password)\n  }\n": types.SetUserPasswordDocument,
    "\n  mutation UpdateCategory($id: ID!, $input: CategoryUpdateInput!) {\n    updateCategory(id: $id, input: $input) {\n      ...CategoryFields\n    }\n  }\n": types.UpdateCategoryDocument,
    "\n  mutation UpdateDepartment($id: ID!, $input: DepartmentUpdateInput!) {\n    updateDepartment(id: $id, input: $input) {\n      ...DepartmentFields\n    }\n  }\n": types.UpdateDepartmentDocument,
    "\n  mutation UpdateSector($id: ID!, $input: SectorUpdateInput!) {\n    updateSector(id: $id, input: $input) {\n      ...SectorFields\n    }\n  }\n": types.UpdateSectorDocument,
    "\n  mutation UpdateUser($id: ID!, $input: UserUpdateInput!) {\n    updateUser(id: $id, input: $input) {\n      ...UserFields\n    }\n  }\n": types.UpdateUserDocument,
    "\n  query UserFormOptions {\n    departments(activeOnly: true) {\n      id\n      name\n      shortName\n    }\n    sectors {\n      id\n      code\n      name\n      nameEn\n    }\n  }\n": types.UserFormOptionsDocument,
    "\n  fragment UserFields on User {\n    id\n    username\n    fullName\n    position\n    email\n    phone\n    roles\n    active\n    locale\n    lastSignInAt\n    department {\n      id\n      name\n      shortName\n    }\n    sectors {\n      id\n      code\n      name\n      nameEn\n    }\n    municipality {\n      id\n      shortName\n    }\n  }\n": types.UserFieldsFragmentDoc,
    "\n  query Users {\n    users {\n      ...UserFields\n    }\n  }\n": types.UsersDocument,
    "\n  fragment ProblemListFields on Problem {\n    id\n    title\n    status\n    area\n    version\n    category {\n      id\n      code\n      name\n      nameEn\n    }\n    sector {\n      id\n      code\n      name\n      nameEn\n    }\n    settlement {\n      id\n      name\n    }\n    department {\n      id\n      name\n      shortName\n    }\n    itemCount\n    openItemCount\n    residentCount\n    updatedAt\n  }\n": types.ProblemListFieldsFragmentDoc,
    "\n  fragment ProblemItemFields on Item {\n    id\n    number\n    kind\n    status\n    version\n    subject\n    address\n    receivedAt\n    answeredAt\n    outcome\n    settlement {\n      id\n      name\n    }\n    department {\n      id\n      name\n      shortName\n    }\n  }\n": types.ProblemItemFieldsFragmentDoc,
    "\n  mutation ConfirmProposal($input: ConfirmProposalInput!) {\n    confirmProposal(input: $input) {\n      ...ProblemListFields\n    }\n  }\n": types.ConfirmProposalDocument,
    "\n  mutation RejectProposal($input: RejectProposalInput!) {\n    rejectProposal(input: $input) {\n      ...ProblemListFields\n    }\n  }\n": types.RejectProposalDocument,
    "\n  mutation CreateProblem($input: ProblemInput!) {\n    createProblem(input: $input) {\n      ...ProblemListFields\n    }\n  }\n": types.CreateProblemDocument,
    "\n  mutation ConfirmProblem($id: ID!) {\n    confirmProblem(id: $id) {\n      ...ProblemFields\n    }\n  }\n": types.ConfirmProblemDocument,
    "\n  mutation RejectProblem($id: ID!, $reason: String!) {\n    rejectProblem(id: $id, reason: $reason) {\n      ...ProblemFields\n    }\n  }\n": types.RejectProblemDocument,
    "\n  mutation UpdateProblem($id: ID!, $input: ProblemUpdateInput!) {\n    updateProblem(id: $id, input: $input) {\n      ...ProblemFields\n    }\n  }\n": types.UpdateProblemDocument,
    "\n  mutation MergeProblems($targetId: ID!, $sourceId: ID!) {\n    mergeProblems(targetId: $targetId, sourceId: $sourceId) {\n      ...ProblemFields\n    }\n  }\n": types.MergeProblemsDocument,
    "\n  mutation SplitProblem($id: ID!, $input: SplitProblemInput!) {\n    splitProblem(id: $id, input: $input) {\n      ...ProblemListFields\n    }\n  }\n": types.SplitProblemDocument,
    "\n  mutation LinkProblemItems($id: ID!, $itemIds: [ID!]!) {\n    linkProblemItems(id: $id, itemIds: $itemIds) {\n      ...ProblemFields\n    }\n  }\n": types.LinkProblemItemsDocument,
    "\n  mutation UnlinkProblemItems($id: ID!, $itemIds: [ID!]!) {\n    unlinkProblemItems(id: $id, itemIds: $itemIds) {\n      ...ProblemFields\n    }\n  }\n": types.UnlinkProblemItemsDocument,
    "\n  mutation AddProblemMeasure($problemId: ID!, $input: MeasureInput!) {\n    addProblemMeasure(problemId: $problemId, input: $input) {\n      ...ProblemMeasureFields\n    }\n  }\n": types.AddProblemMeasureDocument,
    "\n  mutation UpdateProblemMeasure($id: ID!, $input: MeasureUpdateInput!) {\n    updateProblemMeasure(id: $id, input: $input) {\n      ...ProblemMeasureFields\n    }\n  }\n": types.UpdateProblemMeasureDocument,
    "\n  mutation ApproveProblemPlan($id: ID!) {\n    approveProblemPlan(id: $id) {\n      ...ProblemFields\n    }\n  }\n": types.ApproveProblemPlanDocument,
    "\n  mutation AddProblemReport($problemId: ID!, $text: String!) {\n    addProblemReport(problemId: $problemId, text: $text) {\n      id\n      text\n      at\n      author {\n        id\n        fullName\n      }\n    }\n  }\n": types.AddProblemReportDocument,
    "\n  fragment ProblemSolveEntryFields on ProblemSolveEntry {\n    itemId\n    reason\n    message\n    actions\n    item {\n      ...ProblemItemFields\n    }\n  }\n": types.ProblemSolveEntryFieldsFragmentDoc,
    "\n  mutation SolveProblem($id: ID!, $answerText: String!, $outcome: Outcome!) {\n    solveProblem(id: $id, answerText: $answerText, outcome: $outcome) {\n      problem {\n        ...ProblemFields\n      }\n      answered {\n        ...ProblemSolveEntryFields\n      }\n      submitted {\n        ...ProblemSolveEntryFields\n      }\n      skipped {\n        ...ProblemSolveEntryFields\n      }\n    }\n  }\n": types.SolveProblemDocument,
    "\n  query ProblemDepartmentUsers($departmentId: ID!) {\n    users(departmentId: $departmentId, activeOnly: true) {\n      id\n      fullName\n      position\n    }\n  }\n": types.ProblemDepartmentUsersDocument,
    "\n  query ProblemItemLookup($search: String!) {\n    items(filter: { search: $search }, first: 8) {\n      nodes {\n        ...ProblemItemFields\n      }\n    }\n  }\n": types.ProblemItemLookupDocument,
    "\n  query ProblemOptions {\n    sectors {\n      id\n      code\n      name\n      nameEn\n      categories {\n        id\n        code\n        name\n        nameEn\n        active\n      }\n    }\n    settlements {\n      id\n      name\n    }\n    departments(activeOnly: true) {\n      id\n      name\n      shortName\n    }\n  }\n": types.ProblemOptionsDocument,
    "\n  query ProblemProposals($windowDays: Int!, $minItems: Int!) {\n    problemProposals(windowDays: $windowDays, minItems: $minItems) {\n      key\n      suggestedTitle\n      street\n      itemCount\n      residentCount\n      category {\n        id\n        code\n        name\n        nameEn\n        sector {\n          id\n          code\n          name\n          nameEn\n        }\n      }\n      settlement {\n        id\n        name\n      }\n      items {\n        ...ProblemItemFields\n      }\n    }\n  }\n": types.ProblemProposalsDocument,
    "\n  fragment ProblemMeasureFields on ProblemMeasure {\n    id\n    text\n    status\n    dueDate\n    dueAt\n    doneAt\n    overdue\n    department {\n      id\n      name\n      shortName\n    }\n    owner {\n      id\n      fullName\n    }\n    updatedAt\n  }\n": types.ProblemMeasureFieldsFragmentDoc,
    "\n  fragment ProblemFields on Problem {\n    ...ProblemListFields\n    description\n    proposalKey\n    createdAt\n    createdBy {\n      id\n      fullName\n    }\n    confirmedAt\n    confirmedBy {\n      id\n      fullName\n    }\n    planApprovedAt\n    planApprovedBy {\n      id\n      fullName\n    }\n    solvedAt\n    solvedBy {\n      id\n      fullName\n    }\n    answerText\n    outcome\n    rejectedAt\n    rejectedBy {\n      id\n      fullName\n    }\n    rejectionReason\n    mergedInto {\n      id\n      title\n    }\n    measures {\n      ...ProblemMeasureFields\n    }\n    reports {\n      id\n      text\n      at\n      author {\n        id\n        fullName\n      }\n    }\n    items {\n      ...ProblemItemFields\n    }\n  }\n": types.ProblemFieldsFragmentDoc,
    "\n  query Problem($id: ID!) {\n    problem(id: $id) {\n      ...ProblemFields\n    }\n  }\n": types.ProblemDocument,
    "\n  query Problems($first: Int!, $after: String, $status: [ProblemStatus!], $sectorCode: String, $settlementId: ID, $departmentId: ID) {\n    problems(first: $first, after: $after, status: $status, sectorCode: $sectorCode, settlementId: $settlementId, departmentId: $departmentId) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...ProblemListFields\n      }\n    }\n  }\n": types.ProblemsDocument,
    "\n  mutation ChangeMyPassword($currentPassword: String!, $newPassword: String!) {\n    changeMyPassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": types.ChangeMyPasswordDocument,
    "\n  mutation GenerateReport($kind: ReportKind!, $periodStart: String!) {\n    generateReport(kind: $kind, periodStart: $periodStart) {\n      ...ReportFields\n    }\n  }\n": types.GenerateReportDocument,
    "\n  fragment ReportFields on Report {\n    id\n    kind\n    status\n    periodFrom\n    periodTo\n    generatedAt\n    generatedBy\n    municipalityId\n    xlsxUrl\n    xlsxSize\n    pdfUrl\n    pdfSize\n  }\n": types.ReportFieldsFragmentDoc,
    "\n  query Reports($first: Int!, $kind: ReportKind) {\n    reports(first: $first, kind: $kind) {\n      ...ReportFields\n    }\n  }\n": types.ReportsDocument,
    "\n  query ReportMunicipalities {\n    municipalities {\n      id\n      shortName\n      timezone\n    }\n  }\n": types.ReportMunicipalitiesDocument,
    "\n  mutation RetrainTextModel {\n    retrainTextModel {\n      ...TextModelFields\n    }\n  }\n": types.RetrainTextModelDocument,
    "\n  fragment TextModelFields on TextModelInfo {\n    version\n    baseVersion\n    trainedAt\n    trainingMs\n    examples\n    staffExamples\n    newStaffExamples\n    municipal\n    retraining\n  }\n": types.TextModelFieldsFragmentDoc,
    "\n  query TextModel {\n    textModel {\n      ...TextModelFields\n    }\n  }\n": types.TextModelDocument,
    "\n  fragment ApiTokenFields on ApiToken {\n    id\n    name\n    kind\n    scopes\n    sources\n    prefix\n    createdAt\n    expiresAt\n    lastUsedAt\n    revokedAt\n  }\n": types.ApiTokenFieldsFragmentDoc,
    "\n  query ApiTokens {\n    apiTokens {\n      ...ApiTokenFields\n    }\n  }\n": types.ApiTokensDocument,
    "\n  mutation CreateApiToken($input: ApiTokenInput!) {\n    createApiToken(input: $input) {\n      token\n      apiToken {\n        ...ApiTokenFields\n      }\n    }\n  }\n": types.CreateApiTokenDocument,
    "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      ...ApiTokenFields\n    }\n  }\n": types.RevokeApiTokenDocument,
    "\n  subscription WallAlerts($after: String) {\n    alertRaised(after: $after) {\n      cursor\n      type\n      level\n      message\n      at\n      itemId\n      item {\n        ...WallFeedItem\n      }\n    }\n  }\n": types.WallAlertsDocument,
    "\n  fragment WallFeedItem on Item {\n    id\n    number\n    kind\n    urgent\n    receivedAt\n    dueAt\n    deadlineState\n    pausedAt\n    category {\n      name\n    }\n    settlement {\n      name\n      shortName\n    }\n  }\n": types.WallFeedItemFragmentDoc,
    "\n  subscription WallItemEvents($after: String) {\n    itemEvents(after: $after) {\n      cursor\n      type\n      at\n      itemId\n      item {\n        ...WallFeedItem\n      }\n    }\n  }\n": types.WallItemEventsDocument,
    "\n  subscription WallKpi {\n    kpiUpdated {\n      at\n      today {\n        ...WallKpiFigures\n        previous {\n          ...WallKpiFigures\n        }\n      }\n      month {\n        ...WallKpiFigures\n        previous {\n          ...WallKpiFigures\n        }\n      }\n    }\n  }\n": types.WallKpiDocument,
    "\n  fragment WallKpiFigures on KpiFigures {\n    received\n    answered\n    onTimeShare\n    overdueOpen\n    satisfiedShare\n    meanAnswerDays\n    targets {\n      figure\n      direction\n      target\n      actual\n      state\n    }\n  }\n": types.WallKpiFiguresFragmentDoc,
    "\n  query WallProblems($first: Int!) {\n    problems(first: $first, status: [CONFIRMED, IN_WORK]) {\n      nodes {\n        id\n        title\n        status\n        area\n        itemCount\n        openItemCount\n        residentCount\n        settlement {\n          name\n        }\n        category {\n          name\n        }\n      }\n    }\n  }\n": types.WallProblemsDocument,
    "\n  query WallRecentItems($first: Int!) {\n    items(first: $first, sort: RECEIVED_DESC) {\n      nodes {\n        ...WallFeedItem\n      }\n    }\n  }\n": types.WallRecentItemsDocument,
    "\n  subscription WallSectors {\n    sectorUpdated {\n      sectorId\n      code\n      name\n      state\n      open\n      overdue\n      dueSoon\n      receivedToday\n      answeredToday\n      answeredOnTimeToday\n      at\n    }\n  }\n": types.WallSectorsDocument,
    "\n  query WallSettlementLoad {\n    settlementLoad {\n      settlementId\n      name\n      shortName\n      lat\n      lon\n      open\n      overdue\n    }\n  }\n": types.WallSettlementLoadDocument,
    "\n  query WallSetup {\n    municipalities {\n      id\n      shortName\n      timezone\n    }\n    mapSettings {\n      tileUrl\n    }\n  }\n": types.WallSetupDocument,
    "\n  mutation CreateWebhook($input: WebhookInput!) {\n    createWebhook(input: $input) {\n      ...WebhookFields\n    }\n  }\n": types.CreateWebhookDocument,
    "\n  mutation DeleteWebhook($id: ID!) {\n    deleteWebhook(id: $id)\n  }\n": types.DeleteWebhookDocument,
    "\n  mutation PingWebhook($webhookId: ID!) {\n    pingWebhook(webhookId: $webhookId) {\n      ...WebhookDeliveryFields\n    }\n  }\n": types.PingWebhookDocument,
    "\n  mutation ReplayWebhookDelivery($id: ID!) {\n    replayWebhookDelivery(id: $id) {\n      ...WebhookDeliveryFields\n    }\n  }\n": types.ReplayWebhookDeliveryDocument,
    "\n  mutation UpdateWebhook($id: ID!, $input: WebhookUpdateInput!) {\n    updateWebhook(id: $id, input: $input) {\n      ...WebhookFields\n    }\n  }\n": types.UpdateWebhookDocument,
    "\n  query WebhookDeliveries($webhookId: ID!, $status: WebhookDeliveryStatus, $first: Int!, $after: String) {\n    webhookDeliveries(webhookId: $webhookId, status: $status, first: $first, after: $after) {\n      nodes {\n        ...WebhookDeliveryFields\n      }\n      endCursor\n      hasNextPage\n    }\n  }\n": types.WebhookDeliveriesDocument,
    "\n  fragment WebhookDeliveryFields on WebhookDelivery {\n    id\n    webhookId\n    eventType\n    itemId\n    status\n    body\n    nextAttemptAt\n    deliveredAt\n    createdAt\n    attempts {\n      number\n      at\n      durationMs\n      httpStatus\n      error\n    }\n  }\n": types.WebhookDeliveryFieldsFragmentDoc,
    "\n  fragment WebhookFields on Webhook {\n    id\n    url\n    description\n    eventTypes\n    active\n    secretHint\n    owner\n    createdAt\n    updatedAt\n  }\n": types.WebhookFieldsFragmentDoc,
    "\n  query Webhooks {\n    webhooks {\n      ...WebhookFields\n    }\n  }\n": types.WebhooksDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AnalyticsOptions($municipalityId: ID) {\n    sectors(municipalityId: $municipalityId) {\n      id\n      code\n      name\n      nameEn\n      categories {\n        id\n        code\n        name\n        nameEn\n      }\n    }\n    departments(municipalityId: $municipalityId) {\n      id\n      name\n      shortName\n      active\n    }\n    settlements(municipalityId: $municipalityId) {\n      id\n      name\n      centre\n      lat\n      lon\n      population\n    }\n  }\n"): (typeof documents)["\n  query AnalyticsOptions($municipalityId: ID) {\n    sectors(municipalityId: $municipalityId) {\n      id\n      code\n      name\n      nameEn\n      categories {\n        id\n        code\n        name\n        nameEn\n      }\n    }\n    departments(municipalityId: $municipalityId) {\n      id\n      name\n      shortName\n      active\n    }\n    settlements(municipalityId: $municipalityId) {\n      id\n      name\n      centre\n      lat\n      lon\n      population\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment KpiFiguresFields on KpiFigures {\n    from\n    to\n    received\n    answered\n    answeredOnTime\n    onTimeShare\n    overdueOpen\n    meanAnswerDays\n    medianAnswerDays\n    meanFirstReactionHours\n    satisfied\n    rated\n    satisfiedShare\n    repeats\n    perThousandResidents\n    reworkShare\n    reopenedShare\n    extendedShare\n    redirectedShare\n    targets {\n      ...KpiFigureStateFields\n    }\n  }\n"): (typeof documents)["\n  fragment KpiFiguresFields on KpiFigures {\n    from\n    to\n    received\n    answered\n    answeredOnTime\n    onTimeShare\n    overdueOpen\n    meanAnswerDays\n    medianAnswerDays\n    meanFirstReactionHours\n    satisfied\n    rated\n    satisfiedShare\n    repeats\n    perThousandResidents\n    reworkShare\n    reopenedShare\n    extendedShare\n    redirectedShare\n    targets {\n      ...KpiFigureStateFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment KpiFigureStateFields on KpiFigureState {\n    figure\n    direction\n    level\n    target\n    margin\n    actual\n    state\n    targetId\n  }\n"): (typeof documents)["\n  fragment KpiFigureStateFields on KpiFigureState {\n    figure\n    direction\n    level\n    target\n    margin\n    actual\n    state\n    targetId\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query KpiRanking($by: KpiDimension!, $from: DateTime!, $to: DateTime!, $scope: KpiScopeInput) {\n    kpiRanking(by: $by, from: $from, to: $to, scope: $scope) {\n      key\n      name\n      figures {\n        received\n        answered\n        answeredOnTime\n        onTimeShare\n        overdueOpen\n        repeats\n        targets {\n          ...KpiFigureStateFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query KpiRanking($by: KpiDimension!, $from: DateTime!, $to: DateTime!, $scope: KpiScopeInput) {\n    kpiRanking(by: $by, from: $from, to: $to, scope: $scope) {\n      key\n      name\n      figures {\n        received\n        answered\n        answeredOnTime\n        onTimeShare\n        overdueOpen\n        repeats\n        targets {\n          ...KpiFigureStateFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query KpiSeries($bucket: KpiBucket!, $from: DateTime!, $to: DateTime!, $scope: KpiScopeInput) {\n    kpiSeries(bucket: $bucket, from: $from, to: $to, scope: $scope) {\n      from\n      to\n      figures {\n        received\n        answered\n        answeredOnTime\n        onTimeShare\n      }\n    }\n  }\n"): (typeof documents)["\n  query KpiSeries($bucket: KpiBucket!, $from: DateTime!, $to: DateTime!, $scope: KpiScopeInput) {\n    kpiSeries(bucket: $bucket, from: $from, to: $to, scope: $scope) {\n      from\n      to\n      figures {\n        received\n        answered\n        answeredOnTime\n        onTimeShare\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment KpiTargetFields on KpiTarget {\n    id\n    figure\n    direction\n    level\n    value\n    atRiskMargin\n    validFrom\n    validTo\n    comment\n    approvedAt\n    approvedBy {\n      id\n      username\n      fullName\n    }\n    supersededAt\n    supersededBy {\n      id\n      username\n      fullName\n    }\n    sector {\n      id\n      code\n      name\n      nameEn\n    }\n    department {\n      id\n      name\n      shortName\n    }\n  }\n"): (typeof documents)["\n  fragment KpiTargetFields on KpiTarget {\n    id\n    figure\n    direction\n    level\n    value\n    atRiskMargin\n    validFrom\n    validTo\n    comment\n    approvedAt\n    approvedBy {\n      id\n      username\n      fullName\n    }\n    supersededAt\n    supersededBy {\n      id\n      username\n      fullName\n    }\n    sector {\n      id\n      code\n      name\n      nameEn\n    }\n    department {\n      id\n      name\n      shortName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query KpiTargets {\n    kpiTargets(includeSuperseded: true) {\n      ...KpiTargetFields\n    }\n  }\n"): (typeof documents)["\n  query KpiTargets {\n    kpiTargets(includeSuperseded: true) {\n      ...KpiTargetFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Kpis($from: DateTime!, $to: DateTime!, $scope: KpiScopeInput) {\n    kpis(from: $from, to: $to, scope: $scope) {\n      ...KpiFiguresFields\n      previous {\n        ...KpiFiguresFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query Kpis($from: DateTime!, $to: DateTime!, $scope: KpiScopeInput) {\n    kpis(from: $from, to: $to, scope: $scope) {\n      ...KpiFiguresFields\n      previous {\n        ...KpiFiguresFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetKpiTarget($input: KpiTargetInput!) {\n    setKpiTarget(input: $input) {\n      ...KpiTargetFields\n    }\n  }\n"): (typeof documents)["\n  mutation SetKpiTarget($input: KpiTargetInput!) {\n    setKpiTarget(input: $input) {\n      ...KpiTargetFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditDirectory($users: Boolean!, $tokens: Boolean!, $organisation: Boolean!) {\n    users @include(if: $users) {\n      id\n      username\n      fullName\n    }\n    apiTokens @include(if: $tokens) {\n      id\n      name\n    }\n    departments @include(if: $organisation) {\n      id\n      name\n      shortName\n    }\n    categories @include(if: $organisation) {\n      id\n      name\n      nameEn\n    }\n    sectors @include(if: $organisation) {\n      id\n      name\n      nameEn\n    }\n  }\n"): (typeof documents)["\n  query AuditDirectory($users: Boolean!, $tokens: Boolean!, $organisation: Boolean!) {\n    users @include(if: $users) {\n      id\n      username\n      fullName\n    }\n    apiTokens @include(if: $tokens) {\n      id\n      name\n    }\n    departments @include(if: $organisation) {\n      id\n      name\n      shortName\n    }\n    categories @include(if: $organisation) {\n      id\n      name\n      nameEn\n    }\n    sectors @include(if: $organisation) {\n      id\n      name\n      nameEn\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AuditEventFields on AuditEvent {\n    id\n    at\n    action\n    actorLabel\n    ip\n    targetType\n    targetId\n  }\n"): (typeof documents)["\n  fragment AuditEventFields on AuditEvent {\n    id\n    at\n    action\n    actorLabel\n    ip\n    targetType\n    targetId\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditEvents($first: Int!, $before: DateTime, $beforeId: ID, $actions: [String!]) {\n    auditEvents(first: $first, before: $before, beforeId: $beforeId, actions: $actions) {\n      ...AuditEventFields\n    }\n  }\n"): (typeof documents)["\n  query AuditEvents($first: Int!, $before: DateTime, $beforeId: ID, $actions: [String!]) {\n    auditEvents(first: $first, before: $before, beforeId: $beforeId, actions: $actions) {\n      ...AuditEventFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      ...ViewerFields\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      ...ViewerFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($username: String!, $password: String!) {\n    signIn(username: $username, password: $password) {\n      expiresAt\n      user {\n        ...ViewerFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($username: String!, $password: String!) {\n    signIn(username: $username, password: $password) {\n      expiresAt\n      user {\n        ...ViewerFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    signOut\n  }\n"): (typeof documents)["\n  mutation SignOut {\n    signOut\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ViewerFields on User {\n    id\n    username\n    fullName\n    position\n    email\n    locale\n    roles\n    department {\n      id\n      name\n      shortName\n    }\n    sectors {\n      id\n      code\n    }\n    municipality {\n      id\n      name\n      shortName\n      regionName\n      timezone\n      population\n    }\n  }\n"): (typeof documents)["\n  fragment ViewerFields on User {\n    id\n    username\n    fullName\n    position\n    email\n    locale\n    roles\n    department {\n      id\n      name\n      shortName\n    }\n    sectors {\n      id\n      code\n    }\n    municipality {\n      id\n      name\n      shortName\n      regionName\n      timezone\n      population\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CalendarWarnings {\n    calendarWarnings {\n      year\n      status\n    }\n  }\n"): (typeof documents)["\n  query CalendarWarnings {\n    calendarWarnings {\n      year\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription KpiUpdated($scope: KpiScopeInput) {\n    kpiUpdated(scope: $scope) {\n      at\n      month {\n        ...KpiFiguresFields\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription KpiUpdated($scope: KpiScopeInput) {\n    kpiUpdated(scope: $scope) {\n      at\n      month {\n        ...KpiFiguresFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImportFile($id: ID!, $read: ImportReadInput) {\n    importFile(id: $id, read: $read) {\n      id\n      fileName\n      size\n      format\n      encoding\n      delimiter\n      headers\n      rows\n      suggested {\n        column\n        field\n      }\n    }\n  }\n"): (typeof documents)["\n  query ImportFile($id: ID!, $read: ImportReadInput) {\n    importFile(id: $id, read: $read) {\n      id\n      fileName\n      size\n      format\n      encoding\n      delimiter\n      headers\n      rows\n      suggested {\n        column\n        field\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImportMappings {\n    importMappings {\n      id\n      name\n      source\n      kind\n      channel\n      columns {\n        column\n        field\n      }\n    }\n  }\n"): (typeof documents)["\n  query ImportMappings {\n    importMappings {\n      id\n      name\n      source\n      kind\n      channel\n      columns {\n        column\n        field\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveImportMapping($input: ImportMappingInput!) {\n    saveImportMapping(input: $input) {\n      id\n      name\n      source\n      kind\n      channel\n      columns {\n        column\n        field\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SaveImportMapping($input: ImportMappingInput!) {\n    saveImportMapping(input: $input) {\n      id\n      name\n      source\n      kind\n      channel\n      columns {\n        column\n        field\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ImportProgress($jobId: ID!) {\n    importProgress(jobId: $jobId) {\n      ...ImportJobFields\n    }\n  }\n"): (typeof documents)["\n  subscription ImportProgress($jobId: ID!) {\n    importProgress(jobId: $jobId) {\n      ...ImportJobFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImportRowErrors($jobId: ID!, $first: Int!, $after: String) {\n    importRowErrors(jobId: $jobId, first: $first, after: $after) {\n      totalCount\n      nodes {\n        line\n        column\n        field\n        code\n        reason\n        message\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query ImportRowErrors($jobId: ID!, $first: Int!, $after: String) {\n    importRowErrors(jobId: $jobId, first: $first, after: $after) {\n      totalCount\n      nodes {\n        line\n        column\n        field\n        code\n        reason\n        message\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ImportJobFields on ImportJob {\n    id\n    fileName\n    source\n    dryRun\n    status\n    total\n    processed\n    created\n    existing\n    rejected\n    error\n    createdAt\n    finishedAt\n  }\n"): (typeof documents)["\n  fragment ImportJobFields on ImportJob {\n    id\n    fileName\n    source\n    dryRun\n    status\n    total\n    processed\n    created\n    existing\n    rejected\n    error\n    createdAt\n    finishedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartImport($input: StartImportInput!) {\n    startImport(input: $input) {\n      ...ImportJobFields\n    }\n  }\n"): (typeof documents)["\n  mutation StartImport($input: StartImportInput!) {\n    startImport(input: $input) {\n      ...ImportJobFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AnswerTemplates($categoryCode: String) {\n    answerTemplates(categoryCode: $categoryCode) {\n      id\n      title\n      body\n      category {\n        id\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  query AnswerTemplates($categoryCode: String) {\n    answerTemplates(categoryCode: $categoryCode) {\n      id\n      title\n      body\n      category {\n        id\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveAnswer($id: ID!, $version: Int!, $input: ApproveInput!) {\n    approveAnswer(id: $id, version: $version, input: $input) {\n      ...ItemFields\n    }\n  }\n"): (typeof documents)["\n  mutation ApproveAnswer($id: ID!, $version: Int!, $input: ApproveInput!) {\n    approveAnswer(id: $id, version: $version, input: $input) {\n      ...ItemFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AskCitizen($id: ID!, $version: Int!, $comment: String!) {\n    askCitizen(id: $id, version: $version, comment: $comment) {\n      ...ItemFields\n    }\n  }\n"): (typeof documents)["\n  mutation AskCitizen($id: ID!, $version: Int!, $comment: String!) {\n    askCitizen(id: $id, version: $version, comment: $comment) {\n      ...ItemFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssignItem($id: ID!, $version: Int!, $input: AssignInput!) {\n    assignItem(id: $id, version: $version, input: $input) {\n      ...ItemFields\n    }\n  }\n"): (typeof documents)["\n  mutation AssignItem($id: ID!, $version: Int!, $input: AssignInput!) {\n    assignItem(id: $id, version: $version, input: $input) {\n      ...ItemFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AssignOptions {\n    departments(activeOnly: true) {\n      id\n      name\n      shortName\n    }\n  }\n"): (typeof documents)["\n  query AssignOptions {\n    departments(activeOnly: true) {\n      id\n      name\n      shortName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AttachFiles($id: ID!, $version: Int!, $attachmentIds: [ID!]!) {\n    attachFiles(id: $id, version: $version, attachmentIds: $attachmentIds) {\n      ...ItemFields\n    }\n  }\n"): (typeof documents)["\n  mutation AttachFiles($id: ID!, $version: Int!, $attachmentIds: [ID!]!) {\n    attachFiles(id: $id, version: $version, attachmentIds: $attachmentIds) {\n      ...ItemFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CitizenReplied($id: ID!, $version: Int!, $comment: String) {\n    citizenReplied(id: $id, version: $version, comment: $comment) {\n      ...ItemFields\n    }\n  }\n"): (typeof documents)["\n  mutation CitizenReplied($id: ID!, $version: Int!, $comment: String) {\n    citizenReplied(id: $id, version: $version, comment: $comment) {\n      ...ItemFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClassifyItem($id: ID!, $version: Int!, $input: ClassifyInput!) {\n    classifyItem(id: $id, version: $version, input: $input) {\n      ...ItemFields\n    }\n  }\n"): (typeof documents)["\n  mutation ClassifyItem($id: ID!, $version: Int!, $input: ClassifyInput!) {\n    classifyItem(id: $id, version: $version, input: $input) {\n      ...ItemFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClassifyOptions {\n    sectors {\n      id\n      code\n      name\n      nameEn\n      categories {\n        id\n        code\n        name\n        nameEn\n        active\n        urgentCapable\n      }\n    }\n    settlements {\n      id\n      name\n      shortName\n    }\n  }\n"): (typeof documents)["\n  query ClassifyOptions {\n    sectors {\n      id\n      code\n      name\n      nameEn\n      categories {\n        id\n        code\n        name\n        nameEn\n        active\n        urgentCapable\n      }\n    }\n    settlements {\n      id\n      name\n      shortName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClassifyText($text: String!, $channel: Channel) {\n    classifyText(text: $text, channel: $channel) {\n      sectorCode\n      sectorConfidence\n      categoryCode\n      confidence\n      alternatives {\n        categoryCode\n        sectorCode\n        confidence\n      }\n      urgent\n      urgentScore\n      urgentReasons\n      place {\n        settlement {\n          id\n          name\n        }\n        locality {\n          name\n          kind\n        }\n        street\n        house\n        confidence\n      }\n      modelVersion\n    }\n  }\n"): (typeof documents)["\n  query ClassifyText($text: String!, $channel: Channel) {\n    classifyText(text: $text, channel: $channel) {\n      sectorCode\n      sectorConfidence\n      categoryCode\n      confidence\n      alternatives {\n        categoryCode\n        sectorCode\n        confidence\n      }\n      urgent\n      urgentScore\n      urgentReasons\n      place {\n        settlement {\n          id\n          name\n        }\n        locality {\n          name\n          kind\n        }\n        street\n        house\n        confidence\n      }\n      modelVersion\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CloseItem($id: ID!, $version: Int!, $comment: String) {\n    closeItem(id: $id, version: $version, comment: $comment) {\n      ...ItemFields\n    }\n  }\n"): (typeof documents)["\n  mutation CloseItem($id: ID!, $version: Int!, $comment: String) {\n    closeItem(id: $id, version: $version, comment: $comment) {\n      ...ItemFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateItem($input: ItemInput!) {\n    createItem(input: $input) {\n      ...ItemFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateItem($input: ItemInput!) {\n    createItem(input: $input) {\n      ...ItemFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DepartmentUsers($departmentId: ID!) {\n    users(departmentId: $departmentId, activeOnly: true) {\n      id\n      fullName\n      position\n      roles\n    }\n  }\n"): (typeof documents)["\n  query DepartmentUsers($departmentId: ID!) {\n    users(departmentId: $departmentId, activeOnly: true) {\n      id\n      fullName\n      position\n      roles\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExtendItem($id: ID!, $version: Int!, $input: ExtendInput!) {\n    extendItem(id: $id, version: $version, input: $input) {\n      ...ItemFields\n    }\n  }\n"): (typeof documents)["\n  mutation ExtendItem($id: ID!, $version: Int!, $input: ExtendInput!) {\n    extendItem(id: $id, version: $version, input: $input) {\n      ...ItemFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InboxFilterOptions {\n    sectors {\n      id\n      code\n      name\n      nameEn\n      categories {\n        id\n        code\n        name\n        nameEn\n        active\n      }\n    }\n    departments(activeOnly: true) {\n      id\n      name\n      shortName\n    }\n  }\n"): (typeof documents)["\n  query InboxFilterOptions {\n    sectors {\n      id\n      code\n      name\n      nameEn\n      categories {\n        id\n        code\n        name\n        nameEn\n        active\n      }\n    }\n    departments(activeOnly: true) {\n      id\n      name\n      shortName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ItemCardEvents($filter: ItemEventFilter, $after: String) {\n    itemEvents(filter: $filter, after: $after) {\n      cursor\n      type\n      at\n      itemId\n      item {\n        ...ItemLiveFields\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription ItemCardEvents($filter: ItemEventFilter, $after: String) {\n    itemEvents(filter: $filter, after: $after) {\n      cursor\n      type\n      at\n      itemId\n      item {\n        ...ItemLiveFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ItemEvents($filter: ItemEventFilter, $after: String) {\n    itemEvents(filter: $filter, after: $after) {\n      cursor\n      type\n      at\n      itemId\n      item {\n        ...ItemListFields\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription ItemEvents($filter: ItemEventFilter, $after: String) {\n    itemEvents(filter: $filter, after: $after) {\n      cursor\n      type\n      at\n      itemId\n      item {\n        ...ItemListFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ItemLikelyDuplicates($id: ID!) {\n    item(id: $id) {\n      id\n      likelyDuplicates {\n        similarity\n        samePlace\n        sameCategory\n        item {\n          id\n          number\n          status\n          receivedAt\n          subject\n          text\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ItemLikelyDuplicates($id: ID!) {\n    item(id: $id) {\n      id\n      likelyDuplicates {\n        similarity\n        samePlace\n        sameCategory\n        item {\n          id\n          number\n          status\n          receivedAt\n          subject\n          text\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ItemListFields on Item {\n    id\n    number\n    kind\n    channel\n    status\n    version\n    subject\n    text\n    urgent\n    receivedAt\n    dueAt\n    deadlineState\n    secondsLeft\n    pausedAt\n    category {\n      id\n      code\n      name\n      nameEn\n    }\n    sector {\n      id\n      code\n      name\n      nameEn\n    }\n    settlement {\n      id\n      name\n      shortName\n    }\n    department {\n      id\n      name\n      shortName\n    }\n    executor {\n      id\n      fullName\n    }\n  }\n"): (typeof documents)["\n  fragment ItemListFields on Item {\n    id\n    number\n    kind\n    channel\n    status\n    version\n    subject\n    text\n    urgent\n    receivedAt\n    dueAt\n    deadlineState\n    secondsLeft\n    pausedAt\n    category {\n      id\n      code\n      name\n      nameEn\n    }\n    sector {\n      id\n      code\n      name\n      nameEn\n    }\n    settlement {\n      id\n      name\n      shortName\n    }\n    department {\n      id\n      name\n      shortName\n    }\n    executor {\n      id\n      fullName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ItemLookup($search: String!) {\n    items(filter: { search: $search }, first: 8) {\n      nodes {\n        id\n        number\n        kind\n        status\n        subject\n        receivedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query ItemLookup($search: String!) {\n    items(filter: { search: $search }, first: 8) {\n      nodes {\n        id\n        number\n        kind\n        status\n        subject\n        receivedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ItemParts($id: ID!) {\n    item(id: $id) {\n      id\n      version\n      ...ItemPartsFields\n    }\n  }\n"): (typeof documents)["\n  query ItemParts($id: ID!) {\n    item(id: $id) {\n      id\n      version\n      ...ItemPartsFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ItemQueueCounts {\n    itemQueueCounts {\n      MINE\n      UNASSIGNED\n      MY_REVIEW\n      OVERDUE_MY_SECTORS\n      TO_CLASSIFY\n    }\n  }\n"): (typeof documents)["\n  query ItemQueueCounts {\n    itemQueueCounts {\n      MINE\n      UNASSIGNED\n      MY_REVIEW\n      OVERDUE_MY_SECTORS\n      TO_CLASSIFY\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ItemLiveFields on Item {\n    ...ItemListFields\n    source\n    externalId\n    sourceStatus\n    sourceUpdatedAt\n    identified\n    anonymous\n    address\n    lat\n    lon\n    registeredAt\n    registrationDueAt\n    redirectDueAt\n    answerDueAt\n    firstReactionDueAt\n    finalAnswerDueAt\n    reviewDueAt\n    firstReactionAt\n    answeredAt\n    closedAt\n    ratedAt\n    extendedAt\n    extensionReason\n    outcome\n    satisfied\n    ratingComment\n    reopenCount\n    reworkCount\n    redirectedTo\n    noAnswerReason\n    classifiedBy\n    suggestedDepartments {\n      id\n      name\n      shortName\n    }\n    availableActions\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment ItemLiveFields on Item {\n    ...ItemListFields\n    source\n    externalId\n    sourceStatus\n    sourceUpdatedAt\n    identified\n    anonymous\n    address\n    lat\n    lon\n    registeredAt\n    registrationDueAt\n    redirectDueAt\n    answerDueAt\n    firstReactionDueAt\n    finalAnswerDueAt\n    reviewDueAt\n    firstReactionAt\n    answeredAt\n    closedAt\n    ratedAt\n    extendedAt\n    extensionReason\n    outcome\n    satisfied\n    ratingComment\n    reopenCount\n    reworkCount\n    redirectedTo\n    noAnswerReason\n    classifiedBy\n    suggestedDepartments {\n      id\n      name\n      shortName\n    }\n    availableActions\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ItemPartsFields on Item {\n    parent {\n      id\n      number\n      status\n      subject\n    }\n    duplicates {\n      id\n      number\n      status\n      subject\n    }\n    answers {\n      id\n      kind\n      status\n      text\n      submittedAt\n      reviewedAt\n      reworkReasons\n      reviewComment\n      checks {\n        code\n        reason\n        message\n        evidence\n      }\n      author {\n        id\n        fullName\n      }\n      reviewer {\n        id\n        fullName\n      }\n    }\n    history {\n      id\n      at\n      type\n      fromStatus\n      toStatus\n      comment\n      details\n      actorLabel\n      changes\n      actor {\n        id\n        fullName\n      }\n    }\n    attachments {\n      id\n      fileName\n      mimeType\n      size\n      url\n    }\n  }\n"): (typeof documents)["\n  fragment ItemPartsFields on Item {\n    parent {\n      id\n      number\n      status\n      subject\n    }\n    duplicates {\n      id\n      number\n      status\n      subject\n    }\n    answers {\n      id\n      kind\n      status\n      text\n      submittedAt\n      reviewedAt\n      reworkReasons\n      reviewComment\n      checks {\n        code\n        reason\n        message\n        evidence\n      }\n      author {\n        id\n        fullName\n      }\n      reviewer {\n        id\n        fullName\n      }\n    }\n    history {\n      id\n      at\n      type\n      fromStatus\n      toStatus\n      comment\n      details\n      actorLabel\n      changes\n      actor {\n        id\n        fullName\n      }\n    }\n    attachments {\n      id\n      fileName\n      mimeType\n      size\n      url\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MachineProposalFields on MachineProposal {\n    at\n    modelVersion\n    sectorCode\n    categoryCode\n    confidence\n    alternatives {\n      categoryCode\n      sectorCode\n      confidence\n    }\n    urgent\n    urgentScore\n    urgentReasons\n    place {\n      settlement {\n        id\n        name\n      }\n      locality {\n        name\n        kind\n      }\n      street\n      house\n      confidence\n    }\n    applied\n  }\n"): (typeof documents)["\n  fragment MachineProposalFields on MachineProposal {\n    at\n    modelVersion\n    sectorCode\n    categoryCode\n    confidence\n    alternatives {\n      categoryCode\n      sectorCode\n      confidence\n    }\n    urgent\n    urgentScore\n    urgentReasons\n    place {\n      settlement {\n        id\n        name\n      }\n      locality {\n        name\n        kind\n      }\n      street\n      house\n      confidence\n    }\n    applied\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ItemFields on Item {\n    ...ItemLiveFields\n    applicant {\n      name\n      phone\n      email\n      address\n      masked\n    }\n    machine {\n      ...MachineProposalFields\n    }\n    ...ItemPartsFields\n  }\n"): (typeof documents)["\n  fragment ItemFields on Item {\n    ...ItemLiveFields\n    applicant {\n      name\n      phone\n      email\n      address\n      masked\n    }\n    machine {\n      ...MachineProposalFields\n    }\n    ...ItemPartsFields\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ItemVersion on Item {\n    id\n    version\n  }\n"): (typeof documents)["\n  fragment ItemVersion on Item {\n    id\n    version\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Item($id: ID!) {\n    item(id: $id) {\n      ...ItemFields\n    }\n  }\n"): (typeof documents)["\n  query Item($id: ID!) {\n    item(id: $id) {\n      ...ItemFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Items($filter: ItemFilter, $first: Int!, $after: String, $sort: ItemSort!) {\n    items(filter: $filter, first: $first, after: $after, sort: $sort) {\n      totalCount\n      nodes {\n        ...ItemListFields\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query Items($filter: ItemFilter, $first: Int!, $after: String, $sort: ItemSort!) {\n    items(filter: $filter, first: $first, after: $after, sort: $sort) {\n      totalCount\n      nodes {\n        ...ItemListFields\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LeaveWithoutAnswer($id: ID!, $version: Int!, $input: LeaveInput!) {\n    leaveWithoutAnswer(id: $id, version: $version, input: $input) {\n      ...ItemFields\n    }\n  }\n"): (typeof documents)["\n  mutation LeaveWithoutAnswer($id: ID!, $version: Int!, $input: LeaveInput!) {\n    leaveWithoutAnswer(id: $id, version: $version, input: $input) {\n      ...ItemFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LikelyDuplicates($text: String!, $settlementId: ID, $categoryCode: String, $first: Int) {\n    likelyDuplicates(text: $text, settlementId: $settlementId, categoryCode: $categoryCode, first: $first) {\n      similarity\n      samePlace\n      sameCategory\n      item {\n        id\n        number\n        status\n        version\n        subject\n        text\n        receivedAt\n        settlement {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query LikelyDuplicates($text: String!, $settlementId: ID, $categoryCode: String, $first: Int) {\n    likelyDuplicates(text: $text, settlementId: $settlementId, categoryCode: $categoryCode, first: $first) {\n      similarity\n      samePlace\n      sameCategory\n      item {\n        id\n        number\n        status\n        version\n        subject\n        text\n        receivedAt\n        settlement {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MergeItem($id: ID!, $version: Int!, $parentId: ID!) {\n    mergeItem(id: $id, version: $version, parentId: $parentId) {\n      ...ItemFields\n    }\n  }\n"): (typeof documents)["\n  mutation MergeItem($id: ID!, $version: Int!, $parentId: ID!) {\n    mergeItem(id: $id, version: $version, parentId: $parentId) {\n      ...ItemFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NewItemOptions {\n    sectors {\n      id\n      code\n      name\n      nameEn\n      categories {\n        id\n        code\n        name\n        nameEn\n        active\n        urgentCapable\n      }\n    }\n    settlements {\n      id\n      name\n      kind\n    }\n  }\n"): (typeof documents)["\n  query NewItemOptions {\n    sectors {\n      id\n      code\n      name\n      nameEn\n      categories {\n        id\n        code\n        name\n        nameEn\n        active\n        urgentCapable\n      }\n    }\n    settlements {\n      id\n      name\n      kind\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishInterimAnswer($id: ID!, $version: Int!, $input: AnswerInput!) {\n    publishInterimAnswer(id: $id, version: $version, input: $input) {\n      ...ItemFields\n    }\n  }\n"): (typeof documents)["\n  mutation PublishInterimAnswer($id: ID!, $version: Int!, $input: AnswerInput!) {\n    publishInterimAnswer(id: $id, version: $version, input: $input) {\n      ...ItemFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RateItem($id: ID!, $version: Int!, $input: RatingInput!) {\n    rateItem(id: $id, version: $version, input: $input) {\n      ...ItemFields\n    }\n  }\n"): (typeof documents)["\n  mutation RateItem($id: ID!, $version: Int!, $input: RatingInput!) {\n    rateItem(id: $id, version: $version, input: $input) {\n      ...ItemFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RedirectItem($id: ID!, $version: Int!, $input: RedirectInput!) {\n    redirectItem(id: $id, version: $version, input: $input) {\n      ...ItemFields\n    }\n  }\n"): (typeof documents)["\n  mutation RedirectItem($id: ID!, $version: Int!, $input: RedirectInput!) {\n    redirectItem(id: $id, version: $version, input: $input) {\n      ...ItemFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterItem($id: ID!, $version: Int!) {\n    registerItem(id: $id, version: $version) {\n      ...ItemFields\n    }\n  }\n"): (typeof documents)["\n  mutation RegisterItem($id: ID!, $version: Int!) {\n    registerItem(id: $id, version: $version) {\n      ...ItemFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReturnForRework($id: ID!, $version: Int!, $input: ReturnInput!) {\n    returnForRework(id: $id, version: $version, input: $input) {\n      ...ItemFields\n    }\n  }\n"): (typeof documents)["\n  mutation ReturnForRework($id: ID!, $version: Int!, $input: ReturnInput!) {\n    returnForRework(id: $id, version: $version, input: $input) {\n      ...ItemFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SlaPreview($kind: ItemKind!, $registeredAt: DateTime!, $urgent: Boolean, $categoryCode: String, $receivedAt: DateTime) {\n    slaPreview(kind: $kind, registeredAt: $registeredAt, urgent: $urgent, categoryCode: $categoryCode, receivedAt: $receivedAt) {\n      registrationDueAt\n      redirectDueAt\n      answerDueAt\n      firstReactionDueAt\n      timezone\n      calendarConfirmed\n    }\n  }\n"): (typeof documents)["\n  query SlaPreview($kind: ItemKind!, $registeredAt: DateTime!, $urgent: Boolean, $categoryCode: String, $receivedAt: DateTime) {\n    slaPreview(kind: $kind, registeredAt: $registeredAt, urgent: $urgent, categoryCode: $categoryCode, receivedAt: $receivedAt) {\n      registrationDueAt\n      redirectDueAt\n      answerDueAt\n      firstReactionDueAt\n      timezone\n      calendarConfirmed\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartItem($id: ID!, $version: Int!) {\n    startItem(id: $id, version: $version) {\n      ...ItemFields\n    }\n  }\n"): (typeof documents)["\n  mutation StartItem($id: ID!, $version: Int!) {\n    startItem(id: $id, version: $version) {\n      ...ItemFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitAnswer($id: ID!, $version: Int!, $input: AnswerInput!) {\n    submitAnswer(id: $id, version: $version, input: $input) {\n      ...ItemFields\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitAnswer($id: ID!, $version: Int!, $input: AnswerInput!) {\n    submitAnswer(id: $id, version: $version, input: $input) {\n      ...ItemFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNotificationsRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids)\n  }\n"): (typeof documents)["\n  mutation MarkNotificationsRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription NotificationAdded {\n    notificationAdded {\n      notificationId\n      at\n    }\n  }\n"): (typeof documents)["\n  subscription NotificationAdded {\n    notificationAdded {\n      notificationId\n      at\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NotificationBell($first: Int!) {\n    unreadNotificationCount\n    notifications(first: $first) {\n      id\n      type\n      message\n      readAt\n      createdAt\n      itemCount\n      item {\n        id\n        number\n        subject\n      }\n      problem {\n        id\n        title\n      }\n    }\n  }\n"): (typeof documents)["\n  query NotificationBell($first: Int!) {\n    unreadNotificationCount\n    notifications(first: $first) {\n      id\n      type\n      message\n      readAt\n      createdAt\n      itemCount\n      item {\n        id\n        number\n        subject\n      }\n      problem {\n        id\n        title\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCategory($input: CategoryInput!) {\n    createCategory(input: $input) {\n      ...CategoryFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateCategory($input: CategoryInput!) {\n    createCategory(input: $input) {\n      ...CategoryFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateDepartment($input: DepartmentInput!) {\n    createDepartment(input: $input) {\n      ...DepartmentFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateDepartment($input: DepartmentInput!) {\n    createDepartment(input: $input) {\n      ...DepartmentFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUser($input: UserInput!) {\n    createUser(input: $input) {\n      ...UserFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateUser($input: UserInput!) {\n    createUser(input: $input) {\n      ...UserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DepartmentFormOptions {\n    sectors {\n      id\n      code\n      name\n      nameEn\n      categories {\n        id\n        code\n        name\n        nameEn\n        active\n      }\n    }\n    settlements {\n      id\n      name\n      kind\n    }\n  }\n"): (typeof documents)["\n  query DepartmentFormOptions {\n    sectors {\n      id\n      code\n      name\n      nameEn\n      categories {\n        id\n        code\n        name\n        nameEn\n        active\n      }\n    }\n    settlements {\n      id\n      name\n      kind\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DepartmentFields on Department {\n    id\n    code\n    name\n    shortName\n    shortNameDerived\n    kind\n    email\n    phone\n    active\n    sectors {\n      id\n      code\n      name\n      nameEn\n    }\n    categories {\n      id\n      code\n      name\n      nameEn\n    }\n    settlements {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment DepartmentFields on Department {\n    id\n    code\n    name\n    shortName\n    shortNameDerived\n    kind\n    email\n    phone\n    active\n    sectors {\n      id\n      code\n      name\n      nameEn\n    }\n    categories {\n      id\n      code\n      name\n      nameEn\n    }\n    settlements {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Departments($municipalityId: ID) {\n    departments(municipalityId: $municipalityId) {\n      ...DepartmentFields\n    }\n  }\n"): (typeof documents)["\n  query Departments($municipalityId: ID) {\n    departments(municipalityId: $municipalityId) {\n      ...DepartmentFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Municipalities {\n    municipalities {\n      id\n      name\n      shortName\n      regionName\n      timezone\n      population\n    }\n  }\n"): (typeof documents)["\n  query Municipalities {\n    municipalities {\n      id\n      name\n      shortName\n      regionName\n      timezone\n      population\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription OrganisationChanged($municipalityId: ID) {\n    organisationChanged(municipalityId: $municipalityId) {\n      entityId\n      entity\n      action\n      at\n      municipalityId\n    }\n  }\n"): (typeof documents)["\n  subscription OrganisationChanged($municipalityId: ID) {\n    organisationChanged(municipalityId: $municipalityId) {\n      entityId\n      entity\n      action\n      at\n      municipalityId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SectorFields on Sector {\n    id\n    code\n    name\n    nameEn\n    position\n  }\n"): (typeof documents)["\n  fragment SectorFields on Sector {\n    id\n    code\n    name\n    nameEn\n    position\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CategoryFields on Category {\n    id\n    code\n    name\n    nameEn\n    active\n    urgentCapable\n    messageAnswerDays\n    position\n    sector {\n      id\n      code\n    }\n  }\n"): (typeof documents)["\n  fragment CategoryFields on Category {\n    id\n    code\n    name\n    nameEn\n    active\n    urgentCapable\n    messageAnswerDays\n    position\n    sector {\n      id\n      code\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Sectors($municipalityId: ID) {\n    sectors(municipalityId: $municipalityId) {\n      ...SectorFields\n      categories {\n        ...CategoryFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query Sectors($municipalityId: ID) {\n    sectors(municipalityId: $municipalityId) {\n      ...SectorFields\n      categories {\n        ...CategoryFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetUserPassword($id: ID!, $password: String!) {\n    setUserPassword(id: $id, password: $password)\n  }\n"): (typeof documents)["\n  mutation SetUserPassword($id: ID!, $password: String!) {\n    setUserPassword(id: $id, password: $password)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCategory($id: ID!, $input: CategoryUpdateInput!) {\n    updateCategory(id: $id, input: $input) {\n      ...CategoryFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateCategory($id: ID!, $input: CategoryUpdateInput!) {\n    updateCategory(id: $id, input: $input) {\n      ...CategoryFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateDepartment($id: ID!, $input: DepartmentUpdateInput!) {\n    updateDepartment(id: $id, input: $input) {\n      ...DepartmentFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateDepartment($id: ID!, $input: DepartmentUpdateInput!) {\n    updateDepartment(id: $id, input: $input) {\n      ...DepartmentFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateSector($id: ID!, $input: SectorUpdateInput!) {\n    updateSector(id: $id, input: $input) {\n      ...SectorFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateSector($id: ID!, $input: SectorUpdateInput!) {\n    updateSector(id: $id, input: $input) {\n      ...SectorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateUser($id: ID!, $input: UserUpdateInput!) {\n    updateUser(id: $id, input: $input) {\n      ...UserFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateUser($id: ID!, $input: UserUpdateInput!) {\n    updateUser(id: $id, input: $input) {\n      ...UserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UserFormOptions {\n    departments(activeOnly: true) {\n      id\n      name\n      shortName\n    }\n    sectors {\n      id\n      code\n      name\n      nameEn\n    }\n  }\n"): (typeof documents)["\n  query UserFormOptions {\n    departments(activeOnly: true) {\n      id\n      name\n      shortName\n    }\n    sectors {\n      id\n      code\n      name\n      nameEn\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UserFields on User {\n    id\n    username\n    fullName\n    position\n    email\n    phone\n    roles\n    active\n    locale\n    lastSignInAt\n    department {\n      id\n      name\n      shortName\n    }\n    sectors {\n      id\n      code\n      name\n      nameEn\n    }\n    municipality {\n      id\n      shortName\n    }\n  }\n"): (typeof documents)["\n  fragment UserFields on User {\n    id\n    username\n    fullName\n    position\n    email\n    phone\n    roles\n    active\n    locale\n    lastSignInAt\n    department {\n      id\n      name\n      shortName\n    }\n    sectors {\n      id\n      code\n      name\n      nameEn\n    }\n    municipality {\n      id\n      shortName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Users {\n    users {\n      ...UserFields\n    }\n  }\n"): (typeof documents)["\n  query Users {\n    users {\n      ...UserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProblemListFields on Problem {\n    id\n    title\n    status\n    area\n    version\n    category {\n      id\n      code\n      name\n      nameEn\n    }\n    sector {\n      id\n      code\n      name\n      nameEn\n    }\n    settlement {\n      id\n      name\n    }\n    department {\n      id\n      name\n      shortName\n    }\n    itemCount\n    openItemCount\n    residentCount\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment ProblemListFields on Problem {\n    id\n    title\n    status\n    area\n    version\n    category {\n      id\n      code\n      name\n      nameEn\n    }\n    sector {\n      id\n      code\n      name\n      nameEn\n    }\n    settlement {\n      id\n      name\n    }\n    department {\n      id\n      name\n      shortName\n    }\n    itemCount\n    openItemCount\n    residentCount\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProblemItemFields on Item {\n    id\n    number\n    kind\n    status\n    version\n    subject\n    address\n    receivedAt\n    answeredAt\n    outcome\n    settlement {\n      id\n      name\n    }\n    department {\n      id\n      name\n      shortName\n    }\n  }\n"): (typeof documents)["\n  fragment ProblemItemFields on Item {\n    id\n    number\n    kind\n    status\n    version\n    subject\n    address\n    receivedAt\n    answeredAt\n    outcome\n    settlement {\n      id\n      name\n    }\n    department {\n      id\n      name\n      shortName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmProposal($input: ConfirmProposalInput!) {\n    confirmProposal(input: $input) {\n      ...ProblemListFields\n    }\n  }\n"): (typeof documents)["\n  mutation ConfirmProposal($input: ConfirmProposalInput!) {\n    confirmProposal(input: $input) {\n      ...ProblemListFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectProposal($input: RejectProposalInput!) {\n    rejectProposal(input: $input) {\n      ...ProblemListFields\n    }\n  }\n"): (typeof documents)["\n  mutation RejectProposal($input: RejectProposalInput!) {\n    rejectProposal(input: $input) {\n      ...ProblemListFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateProblem($input: ProblemInput!) {\n    createProblem(input: $input) {\n      ...ProblemListFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateProblem($input: ProblemInput!) {\n    createProblem(input: $input) {\n      ...ProblemListFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmProblem($id: ID!) {\n    confirmProblem(id: $id) {\n      ...ProblemFields\n    }\n  }\n"): (typeof documents)["\n  mutation ConfirmProblem($id: ID!) {\n    confirmProblem(id: $id) {\n      ...ProblemFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectProblem($id: ID!, $reason: String!) {\n    rejectProblem(id: $id, reason: $reason) {\n      ...ProblemFields\n    }\n  }\n"): (typeof documents)["\n  mutation RejectProblem($id: ID!, $reason: String!) {\n    rejectProblem(id: $id, reason: $reason) {\n      ...ProblemFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProblem($id: ID!, $input: ProblemUpdateInput!) {\n    updateProblem(id: $id, input: $input) {\n      ...ProblemFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateProblem($id: ID!, $input: ProblemUpdateInput!) {\n    updateProblem(id: $id, input: $input) {\n      ...ProblemFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MergeProblems($targetId: ID!, $sourceId: ID!) {\n    mergeProblems(targetId: $targetId, sourceId: $sourceId) {\n      ...ProblemFields\n    }\n  }\n"): (typeof documents)["\n  mutation MergeProblems($targetId: ID!, $sourceId: ID!) {\n    mergeProblems(targetId: $targetId, sourceId: $sourceId) {\n      ...ProblemFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SplitProblem($id: ID!, $input: SplitProblemInput!) {\n    splitProblem(id: $id, input: $input) {\n      ...ProblemListFields\n    }\n  }\n"): (typeof documents)["\n  mutation SplitProblem($id: ID!, $input: SplitProblemInput!) {\n    splitProblem(id: $id, input: $input) {\n      ...ProblemListFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LinkProblemItems($id: ID!, $itemIds: [ID!]!) {\n    linkProblemItems(id: $id, itemIds: $itemIds) {\n      ...ProblemFields\n    }\n  }\n"): (typeof documents)["\n  mutation LinkProblemItems($id: ID!, $itemIds: [ID!]!) {\n    linkProblemItems(id: $id, itemIds: $itemIds) {\n      ...ProblemFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnlinkProblemItems($id: ID!, $itemIds: [ID!]!) {\n    unlinkProblemItems(id: $id, itemIds: $itemIds) {\n      ...ProblemFields\n    }\n  }\n"): (typeof documents)["\n  mutation UnlinkProblemItems($id: ID!, $itemIds: [ID!]!) {\n    unlinkProblemItems(id: $id, itemIds: $itemIds) {\n      ...ProblemFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddProblemMeasure($problemId: ID!, $input: MeasureInput!) {\n    addProblemMeasure(problemId: $problemId, input: $input) {\n      ...ProblemMeasureFields\n    }\n  }\n"): (typeof documents)["\n  mutation AddProblemMeasure($problemId: ID!, $input: MeasureInput!) {\n    addProblemMeasure(problemId: $problemId, input: $input) {\n      ...ProblemMeasureFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProblemMeasure($id: ID!, $input: MeasureUpdateInput!) {\n    updateProblemMeasure(id: $id, input: $input) {\n      ...ProblemMeasureFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateProblemMeasure($id: ID!, $input: MeasureUpdateInput!) {\n    updateProblemMeasure(id: $id, input: $input) {\n      ...ProblemMeasureFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveProblemPlan($id: ID!) {\n    approveProblemPlan(id: $id) {\n      ...ProblemFields\n    }\n  }\n"): (typeof documents)["\n  mutation ApproveProblemPlan($id: ID!) {\n    approveProblemPlan(id: $id) {\n      ...ProblemFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddProblemReport($problemId: ID!, $text: String!) {\n    addProblemReport(problemId: $problemId, text: $text) {\n      id\n      text\n      at\n      author {\n        id\n        fullName\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AddProblemReport($problemId: ID!, $text: String!) {\n    addProblemReport(problemId: $problemId, text: $text) {\n      id\n      text\n      at\n      author {\n        id\n        fullName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProblemSolveEntryFields on ProblemSolveEntry {\n    itemId\n    reason\n    message\n    actions\n    item {\n      ...ProblemItemFields\n    }\n  }\n"): (typeof documents)["\n  fragment ProblemSolveEntryFields on ProblemSolveEntry {\n    itemId\n    reason\n    message\n    actions\n    item {\n      ...ProblemItemFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SolveProblem($id: ID!, $answerText: String!, $outcome: Outcome!) {\n    solveProblem(id: $id, answerText: $answerText, outcome: $outcome) {\n      problem {\n        ...ProblemFields\n      }\n      answered {\n        ...ProblemSolveEntryFields\n      }\n      submitted {\n        ...ProblemSolveEntryFields\n      }\n      skipped {\n        ...ProblemSolveEntryFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SolveProblem($id: ID!, $answerText: String!, $outcome: Outcome!) {\n    solveProblem(id: $id, answerText: $answerText, outcome: $outcome) {\n      problem {\n        ...ProblemFields\n      }\n      answered {\n        ...ProblemSolveEntryFields\n      }\n      submitted {\n        ...ProblemSolveEntryFields\n      }\n      skipped {\n        ...ProblemSolveEntryFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProblemDepartmentUsers($departmentId: ID!) {\n    users(departmentId: $departmentId, activeOnly: true) {\n      id\n      fullName\n      position\n    }\n  }\n"): (typeof documents)["\n  query ProblemDepartmentUsers($departmentId: ID!) {\n    users(departmentId: $departmentId, activeOnly: true) {\n      id\n      fullName\n      position\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProblemItemLookup($search: String!) {\n    items(filter: { search: $search }, first: 8) {\n      nodes {\n        ...ProblemItemFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProblemItemLookup($search: String!) {\n    items(filter: { search: $search }, first: 8) {\n      nodes {\n        ...ProblemItemFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProblemOptions {\n    sectors {\n      id\n      code\n      name\n      nameEn\n      categories {\n        id\n        code\n        name\n        nameEn\n        active\n      }\n    }\n    settlements {\n      id\n      name\n    }\n    departments(activeOnly: true) {\n      id\n      name\n      shortName\n    }\n  }\n"): (typeof documents)["\n  query ProblemOptions {\n    sectors {\n      id\n      code\n      name\n      nameEn\n      categories {\n        id\n        code\n        name\n        nameEn\n        active\n      }\n    }\n    settlements {\n      id\n      name\n    }\n    departments(activeOnly: true) {\n      id\n      name\n      shortName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProblemProposals($windowDays: Int!, $minItems: Int!) {\n    problemProposals(windowDays: $windowDays, minItems: $minItems) {\n      key\n      suggestedTitle\n      street\n      itemCount\n      residentCount\n      category {\n        id\n        code\n        name\n        nameEn\n        sector {\n          id\n          code\n          name\n          nameEn\n        }\n      }\n      settlement {\n        id\n        name\n      }\n      items {\n        ...ProblemItemFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProblemProposals($windowDays: Int!, $minItems: Int!) {\n    problemProposals(windowDays: $windowDays, minItems: $minItems) {\n      key\n      suggestedTitle\n      street\n      itemCount\n      residentCount\n      category {\n        id\n        code\n        name\n        nameEn\n        sector {\n          id\n          code\n          name\n          nameEn\n        }\n      }\n      settlement {\n        id\n        name\n      }\n      items {\n        ...ProblemItemFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProblemMeasureFields on ProblemMeasure {\n    id\n    text\n    status\n    dueDate\n    dueAt\n    doneAt\n    overdue\n    department {\n      id\n      name\n      shortName\n    }\n    owner {\n      id\n      fullName\n    }\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment ProblemMeasureFields on ProblemMeasure {\n    id\n    text\n    status\n    dueDate\n    dueAt\n    doneAt\n    overdue\n    department {\n      id\n      name\n      shortName\n    }\n    owner {\n      id\n      fullName\n    }\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProblemFields on Problem {\n    ...ProblemListFields\n    description\n    proposalKey\n    createdAt\n    createdBy {\n      id\n      fullName\n    }\n    confirmedAt\n    confirmedBy {\n      id\n      fullName\n    }\n    planApprovedAt\n    planApprovedBy {\n      id\n      fullName\n    }\n    solvedAt\n    solvedBy {\n      id\n      fullName\n    }\n    answerText\n    outcome\n    rejectedAt\n    rejectedBy {\n      id\n      fullName\n    }\n    rejectionReason\n    mergedInto {\n      id\n      title\n    }\n    measures {\n      ...ProblemMeasureFields\n    }\n    reports {\n      id\n      text\n      at\n      author {\n        id\n        fullName\n      }\n    }\n    items {\n      ...ProblemItemFields\n    }\n  }\n"): (typeof documents)["\n  fragment ProblemFields on Problem {\n    ...ProblemListFields\n    description\n    proposalKey\n    createdAt\n    createdBy {\n      id\n      fullName\n    }\n    confirmedAt\n    confirmedBy {\n      id\n      fullName\n    }\n    planApprovedAt\n    planApprovedBy {\n      id\n      fullName\n    }\n    solvedAt\n    solvedBy {\n      id\n      fullName\n    }\n    answerText\n    outcome\n    rejectedAt\n    rejectedBy {\n      id\n      fullName\n    }\n    rejectionReason\n    mergedInto {\n      id\n      title\n    }\n    measures {\n      ...ProblemMeasureFields\n    }\n    reports {\n      id\n      text\n      at\n      author {\n        id\n        fullName\n      }\n    }\n    items {\n      ...ProblemItemFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Problem($id: ID!) {\n    problem(id: $id) {\n      ...ProblemFields\n    }\n  }\n"): (typeof documents)["\n  query Problem($id: ID!) {\n    problem(id: $id) {\n      ...ProblemFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Problems($first: Int!, $after: String, $status: [ProblemStatus!], $sectorCode: String, $settlementId: ID, $departmentId: ID) {\n    problems(first: $first, after: $after, status: $status, sectorCode: $sectorCode, settlementId: $settlementId, departmentId: $departmentId) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...ProblemListFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query Problems($first: Int!, $after: String, $status: [ProblemStatus!], $sectorCode: String, $settlementId: ID, $departmentId: ID) {\n    problems(first: $first, after: $after, status: $status, sectorCode: $sectorCode, settlementId: $settlementId, departmentId: $departmentId) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...ProblemListFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeMyPassword($currentPassword: String!, $newPassword: String!) {\n    changeMyPassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n"): (typeof documents)["\n  mutation ChangeMyPassword($currentPassword: String!, $newPassword: String!) {\n    changeMyPassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GenerateReport($kind: ReportKind!, $periodStart: String!) {\n    generateReport(kind: $kind, periodStart: $periodStart) {\n      ...ReportFields\n    }\n  }\n"): (typeof documents)["\n  mutation GenerateReport($kind: ReportKind!, $periodStart: String!) {\n    generateReport(kind: $kind, periodStart: $periodStart) {\n      ...ReportFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReportFields on Report {\n    id\n    kind\n    status\n    periodFrom\n    periodTo\n    generatedAt\n    generatedBy\n    municipalityId\n    xlsxUrl\n    xlsxSize\n    pdfUrl\n    pdfSize\n  }\n"): (typeof documents)["\n  fragment ReportFields on Report {\n    id\n    kind\n    status\n    periodFrom\n    periodTo\n    generatedAt\n    generatedBy\n    municipalityId\n    xlsxUrl\n    xlsxSize\n    pdfUrl\n    pdfSize\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Reports($first: Int!, $kind: ReportKind) {\n    reports(first: $first, kind: $kind) {\n      ...ReportFields\n    }\n  }\n"): (typeof documents)["\n  query Reports($first: Int!, $kind: ReportKind) {\n    reports(first: $first, kind: $kind) {\n      ...ReportFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReportMunicipalities {\n    municipalities {\n      id\n      shortName\n      timezone\n    }\n  }\n"): (typeof documents)["\n  query ReportMunicipalities {\n    municipalities {\n      id\n      shortName\n      timezone\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RetrainTextModel {\n    retrainTextModel {\n      ...TextModelFields\n    }\n  }\n"): (typeof documents)["\n  mutation RetrainTextModel {\n    retrainTextModel {\n      ...TextModelFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TextModelFields on TextModelInfo {\n    version\n    baseVersion\n    trainedAt\n    trainingMs\n    examples\n    staffExamples\n    newStaffExamples\n    municipal\n    retraining\n  }\n"): (typeof documents)["\n  fragment TextModelFields on TextModelInfo {\n    version\n    baseVersion\n    trainedAt\n    trainingMs\n    examples\n    staffExamples\n    newStaffExamples\n    municipal\n    retraining\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TextModel {\n    textModel {\n      ...TextModelFields\n    }\n  }\n"): (typeof documents)["\n  query TextModel {\n    textModel {\n      ...TextModelFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ApiTokenFields on ApiToken {\n    id\n    name\n    kind\n    scopes\n    sources\n    prefix\n    createdAt\n    expiresAt\n    lastUsedAt\n    revokedAt\n  }\n"): (typeof documents)["\n  fragment ApiTokenFields on ApiToken {\n    id\n    name\n    kind\n    scopes\n    sources\n    prefix\n    createdAt\n    expiresAt\n    lastUsedAt\n    revokedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiTokens {\n    apiTokens {\n      ...ApiTokenFields\n    }\n  }\n"): (typeof documents)["\n  query ApiTokens {\n    apiTokens {\n      ...ApiTokenFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiToken($input: ApiTokenInput!) {\n    createApiToken(input: $input) {\n      token\n      apiToken {\n        ...ApiTokenFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApiToken($input: ApiTokenInput!) {\n    createApiToken(input: $input) {\n      token\n      apiToken {\n        ...ApiTokenFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      ...ApiTokenFields\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      ...ApiTokenFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription WallAlerts($after: String) {\n    alertRaised(after: $after) {\n      cursor\n      type\n      level\n      message\n      at\n      itemId\n      item {\n        ...WallFeedItem\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription WallAlerts($after: String) {\n    alertRaised(after: $after) {\n      cursor\n      type\n      level\n      message\n      at\n      itemId\n      item {\n        ...WallFeedItem\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WallFeedItem on Item {\n    id\n    number\n    kind\n    urgent\n    receivedAt\n    dueAt\n    deadlineState\n    pausedAt\n    category {\n      name\n    }\n    settlement {\n      name\n      shortName\n    }\n  }\n"): (typeof documents)["\n  fragment WallFeedItem on Item {\n    id\n    number\n    kind\n    urgent\n    receivedAt\n    dueAt\n    deadlineState\n    pausedAt\n    category {\n      name\n    }\n    settlement {\n      name\n      shortName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription WallItemEvents($after: String) {\n    itemEvents(after: $after) {\n      cursor\n      type\n      at\n      itemId\n      item {\n        ...WallFeedItem\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription WallItemEvents($after: String) {\n    itemEvents(after: $after) {\n      cursor\n      type\n      at\n      itemId\n      item {\n        ...WallFeedItem\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription WallKpi {\n    kpiUpdated {\n      at\n      today {\n        ...WallKpiFigures\n        previous {\n          ...WallKpiFigures\n        }\n      }\n      month {\n        ...WallKpiFigures\n        previous {\n          ...WallKpiFigures\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription WallKpi {\n    kpiUpdated {\n      at\n      today {\n        ...WallKpiFigures\n        previous {\n          ...WallKpiFigures\n        }\n      }\n      month {\n        ...WallKpiFigures\n        previous {\n          ...WallKpiFigures\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WallKpiFigures on KpiFigures {\n    received\n    answered\n    onTimeShare\n    overdueOpen\n    satisfiedShare\n    meanAnswerDays\n    targets {\n      figure\n      direction\n      target\n      actual\n      state\n    }\n  }\n"): (typeof documents)["\n  fragment WallKpiFigures on KpiFigures {\n    received\n    answered\n    onTimeShare\n    overdueOpen\n    satisfiedShare\n    meanAnswerDays\n    targets {\n      figure\n      direction\n      target\n      actual\n      state\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WallProblems($first: Int!) {\n    problems(first: $first, status: [CONFIRMED, IN_WORK]) {\n      nodes {\n        id\n        title\n        status\n        area\n        itemCount\n        openItemCount\n        residentCount\n        settlement {\n          name\n        }\n        category {\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query WallProblems($first: Int!) {\n    problems(first: $first, status: [CONFIRMED, IN_WORK]) {\n      nodes {\n        id\n        title\n        status\n        area\n        itemCount\n        openItemCount\n        residentCount\n        settlement {\n          name\n        }\n        category {\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WallRecentItems($first: Int!) {\n    items(first: $first, sort: RECEIVED_DESC) {\n      nodes {\n        ...WallFeedItem\n      }\n    }\n  }\n"): (typeof documents)["\n  query WallRecentItems($first: Int!) {\n    items(first: $first, sort: RECEIVED_DESC) {\n      nodes {\n        ...WallFeedItem\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription WallSectors {\n    sectorUpdated {\n      sectorId\n      code\n      name\n      state\n      open\n      overdue\n      dueSoon\n      receivedToday\n      answeredToday\n      answeredOnTimeToday\n      at\n    }\n  }\n"): (typeof documents)["\n  subscription WallSectors {\n    sectorUpdated {\n      sectorId\n      code\n      name\n      state\n      open\n      overdue\n      dueSoon\n      receivedToday\n      answeredToday\n      answeredOnTimeToday\n      at\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WallSettlementLoad {\n    settlementLoad {\n      settlementId\n      name\n      shortName\n      lat\n      lon\n      open\n      overdue\n    }\n  }\n"): (typeof documents)["\n  query WallSettlementLoad {\n    settlementLoad {\n      settlementId\n      name\n      shortName\n      lat\n      lon\n      open\n      overdue\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WallSetup {\n    municipalities {\n      id\n      shortName\n      timezone\n    }\n    mapSettings {\n      tileUrl\n    }\n  }\n"): (typeof documents)["\n  query WallSetup {\n    municipalities {\n      id\n      shortName\n      timezone\n    }\n    mapSettings {\n      tileUrl\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWebhook($input: WebhookInput!) {\n    createWebhook(input: $input) {\n      ...WebhookFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateWebhook($input: WebhookInput!) {\n    createWebhook(input: $input) {\n      ...WebhookFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteWebhook($id: ID!) {\n    deleteWebhook(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteWebhook($id: ID!) {\n    deleteWebhook(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PingWebhook($webhookId: ID!) {\n    pingWebhook(webhookId: $webhookId) {\n      ...WebhookDeliveryFields\n    }\n  }\n"): (typeof documents)["\n  mutation PingWebhook($webhookId: ID!) {\n    pingWebhook(webhookId: $webhookId) {\n      ...WebhookDeliveryFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReplayWebhookDelivery($id: ID!) {\n    replayWebhookDelivery(id: $id) {\n      ...WebhookDeliveryFields\n    }\n  }\n"): (typeof documents)["\n  mutation ReplayWebhookDelivery($id: ID!) {\n    replayWebhookDelivery(id: $id) {\n      ...WebhookDeliveryFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateWebhook($id: ID!, $input: WebhookUpdateInput!) {\n    updateWebhook(id: $id, input: $input) {\n      ...WebhookFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateWebhook($id: ID!, $input: WebhookUpdateInput!) {\n    updateWebhook(id: $id, input: $input) {\n      ...WebhookFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookDeliveries($webhookId: ID!, $status: WebhookDeliveryStatus, $first: Int!, $after: String) {\n    webhookDeliveries(webhookId: $webhookId, status: $status, first: $first, after: $after) {\n      nodes {\n        ...WebhookDeliveryFields\n      }\n      endCursor\n      hasNextPage\n    }\n  }\n"): (typeof documents)["\n  query WebhookDeliveries($webhookId: ID!, $status: WebhookDeliveryStatus, $first: Int!, $after: String) {\n    webhookDeliveries(webhookId: $webhookId, status: $status, first: $first, after: $after) {\n      nodes {\n        ...WebhookDeliveryFields\n      }\n      endCursor\n      hasNextPage\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WebhookDeliveryFields on WebhookDelivery {\n    id\n    webhookId\n    eventType\n    itemId\n    status\n    body\n    nextAttemptAt\n    deliveredAt\n    createdAt\n    attempts {\n      number\n      at\n      durationMs\n      httpStatus\n      error\n    }\n  }\n"): (typeof documents)["\n  fragment WebhookDeliveryFields on WebhookDelivery {\n    id\n    webhookId\n    eventType\n    itemId\n    status\n    body\n    nextAttemptAt\n    deliveredAt\n    createdAt\n    attempts {\n      number\n      at\n      durationMs\n      httpStatus\n      error\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WebhookFields on Webhook {\n    id\n    url\n    description\n    eventTypes\n    active\n    secretHint\n    owner\n    createdAt\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment WebhookFields on Webhook {\n    id\n    url\n    description\n    eventTypes\n    active\n    secretHint\n    owner\n    createdAt\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Webhooks {\n    webhooks {\n      ...WebhookFields\n    }\n  }\n"): (typeof documents)["\n  query Webhooks {\n    webhooks {\n      ...WebhookFields\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;