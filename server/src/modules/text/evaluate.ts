import { classify, type Classification, type TextModel } from './classifier.js';
import type { CorpusExample, Register } from './text.types.js';

/** Figures of a model on labelled texts: what the evaluation test asserts and docs/text.md reports. */
export type ClassScore = { code: string; support: number; precision: number; recall: number; f1: number };
export type CalibrationBin = { from: number; to: number; count: number; meanConfidence: number; accuracy: number };
export type Evaluation = {
  n: number;
  sectorAccuracy: number;
  sectorMacroF1: number;
  categoryAccuracy: number;
  categoryMacroF1: number;
  sectors: ClassScore[];
  categories: ClassScore[];
  urgent: { support: number; predicted: number; truePositives: number; recall: number; precision: number };
  calibration: CalibrationBin[];
  /** Expected calibration error: the bins' |accuracy − confidence| weighted by their counts. */
  ece: number;
  byRegister: { register: Register; n: number; categoryAccuracy: number; urgentRecall: number | null }[];
  confusedPairs: { actual: string; predicted: string; count: number }[];
  missedUrgent: { text: string; categoryCode: string; urgentScore: number }[];
};

function scores(pairs: { actual: string; predicted: string }[]): { accuracy: number; macroF1: number; perClass: ClassScore[] } {
  const codes = [...new Set(pairs.map((p) => p.actual))].sort();
  const perClass = codes.map((code) => {
    const tp = pairs.filter((p) => p.actual === code && p.predicted === code).length;
    const support = pairs.filter((p) => p.actual === code).length;
    const predicted = pairs.filter((p) => p.predicted === code).length;
    const precision = predicted ? tp / predicted : 0;
    const recall = support ? tp / support : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    return { code, support, precision, recall, f1 };
  });
  const accuracy = pairs.filter((p) => p.actual === p.predicted).length / pairs.length;
  const macroF1 = perClass.reduce((s, c) => s + c.f1, 0) / perClass.length;
  return { accuracy, macroF1, perClass };
}

export function evaluate(model: TextModel, examples: readonly CorpusExample[]): Evaluation {
  const answers: { e: CorpusExample; a: Classification }[] = examples.map((e) => ({ e, a: classify(model, e.text) }));
  const sector = scores(answers.map(({ e, a }) => ({ actual: e.sectorCode, predicted: a.sectorCode })));
  const category = scores(answers.map(({ e, a }) => ({ actual: e.categoryCode, predicted: a.categoryCode })));

  const urgentActual = answers.filter(({ e }) => e.urgent);
  const urgentPredicted = answers.filter(({ a }) => a.urgent);
  const truePositives = urgentActual.filter(({ a }) => a.urgent).length;

  const edges = [0, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0001];
  const calibration: CalibrationBin[] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const inBin = answers.filter(({ a }) => a.confidence >= edges[i]! && a.confidence < edges[i + 1]!);
    calibration.push({
      from: edges[i]!,
      to: Math.min(1, edges[i + 1]!),
      count: inBin.length,
      meanConfidence: inBin.length ? inBin.reduce((s, { a }) => s + a.confidence, 0) / inBin.length : 0,
      accuracy: inBin.length ? inBin.filter(({ e, a }) => e.categoryCode === a.categoryCode).length / inBin.length : 0,
    });
  }
  const ece = calibration.reduce((s, b) => s + (b.count / answers.length) * Math.abs(b.accuracy - b.meanConfidence), 0);

  const registers = [...new Set(examples.map((e) => e.register))].sort();
  const byRegister = registers.map((register) => {
    const mine = answers.filter(({ e }) => e.register === register);
    const urgent = mine.filter(({ e }) => e.urgent);
    return {
      register,
      n: mine.length,
      categoryAccuracy: mine.filter(({ e, a }) => e.categoryCode === a.categoryCode).length / mine.length,
      urgentRecall: urgent.length ? urgent.filter(({ a }) => a.urgent).length / urgent.length : null,
    };
  });

  const confusion = new Map<string, number>();
  for (const { e, a } of answers) {
    if (e.categoryCode !== a.categoryCode) {
      const key = `${e.categoryCode} ${a.categoryCode}`;
      confusion.set(key, (confusion.get(key) ?? 0) + 1);
    }
  }
  const confusedPairs = [...confusion]
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
    .slice(0, 10)
    .map(([key, count]) => {
      const [actual, predicted] = key.split(' ') as [string, string];
      return { actual, predicted, count };
    });

  return {
    n: answers.length,
    sectorAccuracy: sector.accuracy,
    sectorMacroF1: sector.macroF1,
    categoryAccuracy: category.accuracy,
    categoryMacroF1: category.macroF1,
    sectors: sector.perClass,
    categories: category.perClass,
    urgent: {
      support: urgentActual.length,
      predicted: urgentPredicted.length,
      truePositives,
      recall: urgentActual.length ? truePositives / urgentActual.length : 1,
      precision: urgentPredicted.length ? truePositives / urgentPredicted.length : 1,
    },
    calibration,
    ece,
    byRegister,
    confusedPairs,
    missedUrgent: urgentActual
      .filter(({ a }) => !a.urgent)
      .map(({ e, a }) => ({ text: e.text, categoryCode: e.categoryCode, urgentScore: a.urgentScore })),
  };
}
