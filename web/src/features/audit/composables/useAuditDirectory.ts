import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import { useQuery } from '@vue/apollo-composable';
import { localName } from '../../../shared/localized';
import { useViewer } from '../../auth/composables/useViewer';
import { auditDirectoryQuery } from '../graphql/audit-directory.query';

/**
 * People by username and the names of what an event may be about (by type and id), from the lists the viewer may
 * read. Names are a convenience: while they load, fail or miss something (a deleted token), the log shows what it
 * holds itself.
 */
export function useAuditDirectory() {
  const { can } = useViewer();
  const { locale } = useI18n();
  const { result } = useQuery(auditDirectoryQuery, () => ({
    users: can('USERS_READ'),
    tokens: can('TOKENS_MANAGE'),
    organisation: can('ORG_READ'),
  }));

  const people = computed(() => new Map((result.value?.users ?? []).map((u) => [u.username, u.fullName])));
  const names = computed(() => {
    const d = result.value;
    const byType: Record<string, Map<string, string>> = {
      User: new Map((d?.users ?? []).map((u) => [u.id, u.fullName])),
      ApiToken: new Map((d?.apiTokens ?? []).map((tk) => [tk.id, tk.name])),
      Department: new Map((d?.departments ?? []).map((dep) => [dep.id, dep.shortName || dep.name])),
      Category: new Map((d?.categories ?? []).map((c) => [c.id, localName(c, locale.value)])),
      Sector: new Map((d?.sectors ?? []).map((s) => [s.id, localName(s, locale.value)])),
    };
    return byType;
  });

  return {
    /** A person's full name by username, if known. */
    fullNameOf: (username: string) => people.value.get(username) ?? null,
    /** The name of an event's subject, if known. */
    nameOf: (type: string, id: string) => names.value[type]?.get(id) ?? null,
  };
}
