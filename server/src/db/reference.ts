import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Reference data shipped with the server (copied from the domain reference): loaded once, then editable in the DB. */
const dataDir = fileURLToPath(new URL('../../data/', import.meta.url));

export function readReference<T>(name: 'rubricator.json' | 'surovikino.json' | 'production-calendar-ru.json'): T {
  return JSON.parse(readFileSync(dataDir + name, 'utf8')) as T;
}

export type Rubricator = {
  sectors: {
    code: string;
    name: { ru: string; en: string };
    categories: { code: string; name: { ru: string; en: string }; urgentCapable: boolean }[];
  }[];
};

type Verified<T> = { value: T; verified?: boolean };

export type DistrictReference = {
  municipality: {
    name: { ru: string; short_ru: string; en: string };
    region: Verified<string>;
    timezone: { iana: string };
    population: Verified<number>;
    oktmo: Verified<string>;
    centroid: { lat: number; lon: number };
  };
  settlements: {
    id: string;
    name: string;
    type: string;
    centre?: { name: string; kind: string };
    oktmo?: string;
    population?: Verified<number>;
    coords?: { lat: number; lon: number };
    localities: { name: string; kind: string }[];
  }[];
  streets: {
    surovikino: { name: string }[];
    rural: { locality: string; settlement: string | null; streets: { name: string }[] }[];
  };
  departments: { code: string; name_ru: string; kind: string; sectors: string[] }[];
};
