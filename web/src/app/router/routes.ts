import type { RouteRecordRaw } from 'vue-router';
import AppLayout from '../layout/AppLayout.vue';

export const routes: RouteRecordRaw[] = [
  {
    path: '/sign-in',
    name: 'sign-in',
    component: () => import('../../features/auth/pages/SignInPage.vue'),
    meta: { public: true, title: 'auth.signIn.title' },
  },
  {
    // The МЦУ room's screen: its own layout, authenticated by a wall token passed once as /wall#token=… (docs/live.md).
    path: '/wall',
    name: 'wall',
    component: () => import('../../features/wall/pages/WallPage.vue'),
    meta: { public: true, standalone: true, title: 'wall.title' },
  },
  {
    path: '/',
    component: AppLayout,
    children: [
      {
        path: '',
        name: 'home',
        component: () => import('../../features/home/pages/HomePage.vue'),
        meta: { title: 'home.title' },
      },
      {
        path: 'items',
        name: 'items',
        component: () => import('../../features/items/pages/InboxPage.vue'),
        meta: { permission: 'ITEMS_READ', title: 'items.title' },
      },
      {
        path: 'items/new',
        name: 'items-new',
        component: () => import('../../features/items/pages/NewItemPage.vue'),
        meta: { permission: 'ITEMS_CREATE', title: 'items.new.title' },
      },
      {
        path: 'items/:id',
        name: 'item',
        component: () => import('../../features/items/pages/ItemPage.vue'),
        meta: { permission: 'ITEMS_READ', title: 'items.card.title' },
      },
      {
        path: 'analytics',
        name: 'analytics',
        component: () => import('../../features/analytics/pages/AnalyticsPage.vue'),
        meta: { permission: 'KPI_READ', title: 'analytics.title' },
      },
      {
        path: 'analytics/targets',
        name: 'analytics-targets',
        component: () => import('../../features/analytics/pages/TargetsPage.vue'),
        meta: { permission: 'KPI_READ', title: 'analytics.targets.title' },
      },
      {
        path: 'problems',
        name: 'problems',
        component: () => import('../../features/problems/pages/ProblemsPage.vue'),
        meta: { permission: 'PROBLEMS_READ', title: 'problems.title' },
      },
      {
        path: 'problems/:id',
        name: 'problem',
        component: () => import('../../features/problems/pages/ProblemPage.vue'),
        meta: { permission: 'PROBLEMS_READ', title: 'problems.title' },
      },
      {
        path: 'reports',
        name: 'reports',
        component: () => import('../../features/reports/pages/ReportsPage.vue'),
        meta: { permission: 'REPORTS_READ', title: 'reports.title' },
      },
      {
        path: 'import',
        name: 'import',
        component: () => import('../../features/import/pages/ImportPage.vue'),
        meta: { permission: 'ITEMS_IMPORT', title: 'imports.title' },
      },
      {
        path: 'organisation',
        component: () => import('../../features/organisation/pages/OrganisationPage.vue'),
        meta: { permission: 'ORG_READ', title: 'organisation.title' },
        children: [
          { path: '', name: 'organisation', redirect: { name: 'organisation-sectors' } },
          {
            path: 'sectors',
            name: 'organisation-sectors',
            component: () => import('../../features/organisation/components/SectorsPanel.vue'),
            meta: { title: 'organisation.tabs.sectors' },
          },
          {
            path: 'departments',
            name: 'organisation-departments',
            component: () => import('../../features/organisation/components/DepartmentsPanel.vue'),
            meta: { title: 'organisation.tabs.departments' },
          },
          {
            path: 'users',
            name: 'organisation-users',
            component: () => import('../../features/organisation/components/UsersPanel.vue'),
            meta: { permission: 'USERS_READ', title: 'organisation.tabs.users' },
          },
        ],
      },
      {
        path: 'tokens',
        name: 'tokens',
        component: () => import('../../features/tokens/pages/TokensPage.vue'),
        meta: { permission: 'TOKENS_MANAGE', title: 'tokens.title' },
      },
      {
        path: 'webhooks',
        name: 'webhooks',
        component: () => import('../../features/webhooks/pages/WebhooksPage.vue'),
        meta: { permission: 'WEBHOOKS_MANAGE', title: 'webhooks.title' },
      },
      {
        path: 'text-model',
        name: 'text-model',
        component: () => import('../../features/text-model/pages/TextModelPage.vue'),
        meta: { permission: 'TEXT_MODEL_MANAGE', title: 'textModel.title' },
      },
      {
        path: 'audit',
        name: 'audit',
        component: () => import('../../features/audit/pages/AuditPage.vue'),
        meta: { permission: 'AUDIT_READ', title: 'audit.title' },
      },
      {
        path: 'profile',
        name: 'profile',
        component: () => import('../../features/profile/pages/ProfilePage.vue'),
        meta: { title: 'profile.title' },
      },
    ],
  },
  { path: '/:pathMatch(.*)*', redirect: '/' },
];
