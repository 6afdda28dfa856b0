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
    "\n  query Me {\n    me {\n      ...ViewerFields\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation SignIn($username: String!, $password: String!) {\n    signIn(username: $username, password: $password) {\n      expiresAt\n      user {\n        ...ViewerFields\n      }\n    }\n  }\n": typeof types.SignInDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": typeof types.SignOutDocument,
    "\n  fragment ViewerFields on User {\n    id\n    username\n    fullName\n    position\n    email\n    locale\n    roles\n    department {\n      id\n      name\n      shortName\n    }\n    municipality {\n      id\n      name\n      shortName\n      regionName\n      timezone\n      population\n    }\n  }\n": typeof types.ViewerFieldsFragmentDoc,
    "\n  mutation CreateCategory($input: CategoryInput!) {\n    createCategory(input: $input) {\n      ...CategoryFields\n    }\n  }\n": typeof types.CreateCategoryDocument,
    "\n  mutation CreateDepartment($input: DepartmentInput!) {\n    createDepartment(input: $input) {\n      ...DepartmentFields\n    }\n  }\n": typeof types.CreateDepartmentDocument,
    "\n  mutation CreateUser($input: UserInput!) {\n    createUser(input: $input) {\n      ...UserFields\n    }\n  }\n": typeof types.CreateUserDocument,
    "\n  query DepartmentFormOptions {\n    sectors {\n      id\n      code\n      name\n      nameEn\n      categories {\n        id\n        code\n        name\n        nameEn\n        active\n      }\n    }\n    settlements {\n      id\n      name\n      kind\n    }\n  }\n": typeof types.DepartmentFormOptionsDocument,
    "\n  fragment DepartmentFields on Department {\n    id\n    code\n    name\n    shortName\n    kind\n    email\n    phone\n    active\n    sectors {\n      id\n      code\n      name\n      nameEn\n    }\n    categories {\n      id\n      code\n      name\n      nameEn\n    }\n    settlements {\n      id\n      name\n    }\n  }\n": typeof types.DepartmentFieldsFragmentDoc,
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
    "\n  mutation ChangeMyPassword($currentPassword: String!, $newPassword: String!) {\n    changeMyPassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": typeof types.ChangeMyPasswordDocument,
    "\n  fragment ApiTokenFields on ApiToken {\n    id\n    name\n    kind\n    scopes\n    prefix\n    createdAt\n    expiresAt\n    lastUsedAt\n    revokedAt\n  }\n": typeof types.ApiTokenFieldsFragmentDoc,
    "\n  query ApiTokens {\n    apiTokens {\n      ...ApiTokenFields\n    }\n  }\n": typeof types.ApiTokensDocument,
    "\n  mutation CreateApiToken($input: ApiTokenInput!) {\n    createApiToken(input: $input) {\n      token\n      apiToken {\n        ...ApiTokenFields\n      }\n    }\n  }\n": typeof types.CreateApiTokenDocument,
    "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      ...ApiTokenFields\n    }\n  }\n": typeof types.RevokeApiTokenDocument,
};
const documents: Documents = {
    "\n  query Me {\n    me {\n      ...ViewerFields\n    }\n  }\n": types.MeDocument,
    "\n  mutation SignIn($username: String!, $password: String!) {\n    signIn(username: $username, password: $password) {\n      expiresAt\n      user {\n        ...ViewerFields\n      }\n    }\n  }\n": types.SignInDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": types.SignOutDocument,
    "\n  fragment ViewerFields on User {\n    id\n    username\n    fullName\n    position\n    email\n    locale\n    roles\n    department {\n      id\n      name\n      shortName\n    }\n    municipality {\n      id\n      name\n      shortName\n      regionName\n      timezone\n      population\n    }\n  }\n": types.ViewerFieldsFragmentDoc,
    "\n  mutation CreateCategory($input: CategoryInput!) {\n    createCategory(input: $input) {\n      ...CategoryFields\n    }\n  }\n": types.CreateCategoryDocument,
    "\n  mutation CreateDepartment($input: DepartmentInput!) {\n    createDepartment(input: $input) {\n      ...DepartmentFields\n    }\n  }\n": types.CreateDepartmentDocument,
    "\n  mutation CreateUser($input: UserInput!) {\n    createUser(input: $input) {\n      ...UserFields\n    }\n  }\n": types.CreateUserDocument,
    "\n  query DepartmentFormOptions {\n    sectors {\n      id\n      code\n      name\n      nameEn\n      categories {\n        id\n        code\n        name\n        nameEn\n        active\n      }\n    }\n    settlements {\n      id\n      name\n      kind\n    }\n  }\n": types.DepartmentFormOptionsDocument,
    "\n  fragment DepartmentFields on Department {\n    id\n    code\n    name\n    shortName\n    kind\n    email\n    phone\n    active\n    sectors {\n      id\n      code\n      name\n      nameEn\n    }\n    categories {\n      id\n      code\n      name\n      nameEn\n    }\n    settlements {\n      id\n      name\n    }\n  }\n": types.DepartmentFieldsFragmentDoc,
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
    "\n  mutation ChangeMyPassword($currentPassword: String!, $newPassword: String!) {\n    changeMyPassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": types.ChangeMyPasswordDocument,
    "\n  fragment ApiTokenFields on ApiToken {\n    id\n    name\n    kind\n    scopes\n    prefix\n    createdAt\n    expiresAt\n    lastUsedAt\n    revokedAt\n  }\n": types.ApiTokenFieldsFragmentDoc,
    "\n  query ApiTokens {\n    apiTokens {\n      ...ApiTokenFields\n    }\n  }\n": types.ApiTokensDocument,
    "\n  mutation CreateApiToken($input: ApiTokenInput!) {\n    createApiToken(input: $input) {\n      token\n      apiToken {\n        ...ApiTokenFields\n      }\n    }\n  }\n": types.CreateApiTokenDocument,
    "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      ...ApiTokenFields\n    }\n  }\n": types.RevokeApiTokenDocument,
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
export function graphql(source: "\n  fragment ViewerFields on User {\n    id\n    username\n    fullName\n    position\n    email\n    locale\n    roles\n    department {\n      id\n      name\n      shortName\n    }\n    municipality {\n      id\n      name\n      shortName\n      regionName\n      timezone\n      population\n    }\n  }\n"): (typeof documents)["\n  fragment ViewerFields on User {\n    id\n    username\n    fullName\n    position\n    email\n    locale\n    roles\n    department {\n      id\n      name\n      shortName\n    }\n    municipality {\n      id\n      name\n      shortName\n      regionName\n      timezone\n      population\n    }\n  }\n"];
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
export function graphql(source: "\n  fragment DepartmentFields on Department {\n    id\n    code\n    name\n    shortName\n    kind\n    email\n    phone\n    active\n    sectors {\n      id\n      code\n      name\n      nameEn\n    }\n    categories {\n      id\n      code\n      name\n      nameEn\n    }\n    settlements {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment DepartmentFields on Department {\n    id\n    code\n    name\n    shortName\n    kind\n    email\n    phone\n    active\n    sectors {\n      id\n      code\n      name\n      nameEn\n    }\n    categories {\n      id\n      code\n      name\n      nameEn\n    }\n    settlements {\n      id\n      name\n    }\n  }\n"];
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
export function graphql(source: "\n  mutation ChangeMyPassword($currentPassword: String!, $newPassword: String!) {\n    changeMyPassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n"): (typeof documents)["\n  mutation ChangeMyPassword($currentPassword: String!, $newPassword: String!) {\n    changeMyPassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ApiTokenFields on ApiToken {\n    id\n    name\n    kind\n    scopes\n    prefix\n    createdAt\n    expiresAt\n    lastUsedAt\n    revokedAt\n  }\n"): (typeof documents)["\n  fragment ApiTokenFields on ApiToken {\n    id\n    name\n    kind\n    scopes\n    prefix\n    createdAt\n    expiresAt\n    lastUsedAt\n    revokedAt\n  }\n"];
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

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;