import { TENANT_FILTER } from './tenant-filter.js';

/**
 * Every read that runs without the tenant filter, each with its reason. Nothing else in the code may pass
 * `filters: false` or switch the tenant filter off (a test scans the sources for it).
 *
 * Raw SQL does not pass through the filter either; it is used only where the municipality is an explicit
 * condition or the work is the system's across every municipality: the registration number counter (keyed by
 * municipality), the scheduler's scans (db/../jobs), the demo seed and the health check.
 */
export const TENANT_BYPASS = {
  SIGN_IN: 'a person who signs in is nobody yet: the username is unique across the installation',
  RESOLVE_VIEWER: 'whose session or API token a secret is must be known before the municipality is',
  PUBLIC_JURISDICTION:
    "Open311's public reader is nobody: its jurisdiction_id names the municipality it reads (their codes and time zones only; modules/open311)",
  TEXT_GAZETTEER:
    'the gazetteer of a municipality is built once for every request from its settlements, named by municipality (modules/text/proposal.ts)',
  TEXT_RETRAINING:
    "a retraining runs off the request that asked for it and reads the staff examples of the municipality it names (modules/text/model-service.ts)",
} as const;

export type TenantBypassReason = keyof typeof TENANT_BYPASS;

/** Find options that switch the tenant filter off, for one of the reasons above. */
export function withoutTenant(_reason: TenantBypassReason) {
  return { filters: { [TENANT_FILTER]: false } } as const;
}
