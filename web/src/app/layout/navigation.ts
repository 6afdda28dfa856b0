import type { IconName } from '../../ui';

/** The main navigation. Each item is shown only to roles that may open its route (see shared/route-access.ts). */
export type NavItem = {
  /** Route name; also the test id: `nav-<name>`. */
  name: string;
  labelKey: string;
  icon: IconName;
  /** Route names under which this item is the current one. */
  activeFor: readonly string[];
};

export const NAV_ITEMS: readonly NavItem[] = [
  { name: 'home', labelKey: 'nav.home', icon: 'home', activeFor: ['home'] },
  { name: 'items', labelKey: 'nav.items', icon: 'inbox', activeFor: ['items', 'items-new', 'item'] },
  { name: 'analytics', labelKey: 'nav.analytics', icon: 'chart', activeFor: ['analytics', 'analytics-targets'] },
  { name: 'problems', labelKey: 'nav.problems', icon: 'alert', activeFor: ['problems', 'problem'] },
  { name: 'reports', labelKey: 'nav.reports', icon: 'download', activeFor: ['reports'] },
  { name: 'import', labelKey: 'nav.import', icon: 'upload', activeFor: ['import'] },
  {
    name: 'organisation',
    labelKey: 'nav.organisation',
    icon: 'building',
    activeFor: ['organisation', 'organisation-sectors', 'organisation-departments'],
  },
  { name: 'organisation-users', labelKey: 'nav.users', icon: 'users', activeFor: ['organisation-users'] },
  { name: 'tokens', labelKey: 'nav.tokens', icon: 'key', activeFor: ['tokens'] },
  { name: 'webhooks', labelKey: 'nav.webhooks', icon: 'zap', activeFor: ['webhooks'] },
  { name: 'text-model', labelKey: 'textModel.nav', icon: 'layers', activeFor: ['text-model'] },
  { name: 'audit', labelKey: 'nav.audit', icon: 'clock', activeFor: ['audit'] },
  { name: 'profile', labelKey: 'nav.profile', icon: 'user', activeFor: ['profile'] },
];
