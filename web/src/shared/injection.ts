import { inject, type InjectionKey, type Ref, ref } from 'vue';

/**
 * The transport behind the Apollo client. The WebSocket connection authenticates once, with the cookie it was
 * opened with; after sign-in or sign-out it must be reopened.
 */
export interface Transport {
  restart(): void;
}

export const TransportKey: InjectionKey<Transport> = Symbol('transport');

export function useTransport(): Transport {
  return inject(TransportKey, { restart: () => undefined });
}

/** The IANA time zone in which dates are shown: the municipality's (deadlines are counted in it). */
export const TimeZoneKey: InjectionKey<Ref<string | undefined>> = Symbol('timeZone');

export function useTimeZone(): Ref<string | undefined> {
  return inject(TimeZoneKey, ref(undefined));
}
