import { readReference } from '../../db/reference.js';
import { buildGazetteer, type Gazetteer, type GazetteerInput } from './gazetteer.js';

type SurovikinoJson = {
  settlements: { id: string; name: string; centre?: { name: string }; localities: { name: string; kind: string }[] }[];
  localities_unassigned?: { name: string; kind: string; settlement: string | null }[];
  streets: {
    surovikino: { name: string }[];
    rural: { locality: string; settlement: string | null; streets: { name: string }[] }[];
  };
};

/** The gazetteer's input from `server/data/surovikino.json`: the town's streets are Суровикино's, the centre. */
export function referenceGazetteerInput(
  ref: SurovikinoJson = readReference<SurovikinoJson>('surovikino.json'),
): GazetteerInput {
  const town = ref.settlements.find((s) => s.id === 'surovikino_gp');
  const townLocality = town?.centre?.name ?? 'Суровикино';
  return {
    settlements: ref.settlements.map((s) => ({ code: s.id, name: s.name, centre: s.centre?.name })),
    localities: [
      ...ref.settlements.flatMap((s) => s.localities.map((l) => ({ name: l.name, kind: l.kind, settlement: s.id }))),
      ...(ref.localities_unassigned ?? []).map((l) => ({ name: l.name, kind: l.kind, settlement: l.settlement })),
    ],
    streets: [
      ...ref.streets.surovikino.map((s) => ({ name: s.name, settlement: town?.id ?? null, locality: townLocality })),
      ...ref.streets.rural.flatMap((r) =>
        r.streets.map((s) => ({ name: s.name, settlement: r.settlement, locality: r.locality })),
      ),
    ],
    centre: town ? { settlement: town.id, locality: townLocality } : undefined,
  };
}

export function referenceGazetteer(): Gazetteer {
  return buildGazetteer(referenceGazetteerInput());
}
