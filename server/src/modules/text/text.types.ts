/** How a text is written: the registers of issue 13 (docs/text.md). */
export type Register = 'formal' | 'operator' | 'social' | 'indirect';

/** One labelled text: a line of server/data/text/corpus.jsonl, or a staff correction later. */
export type LabelledText = {
  text: string;
  sectorCode: string;
  categoryCode: string;
  urgent: boolean;
};

export type CorpusExample = LabelledText & {
  id: string;
  register: Register;
  split: 'train' | 'test';
  provenance: { seed: string; frame: string; variations: string[]; generator: string };
};
