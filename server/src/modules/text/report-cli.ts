import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readCorpus } from './corpus.js';
import { classifyLatency, reportMarkdown, trainAndEvaluate } from './report.js';

/**
 * `pnpm --filter @otklik/server text:report`: trains on the train split, evaluates on the test split and rewrites
 * the generated section of docs/text.md (between the two markers), so anyone can rerun the figures.
 */
const DOC = fileURLToPath(new URL('../../../../docs/text.md', import.meta.url));
const START = '<!-- text:report:start -->';
const END = '<!-- text:report:end -->';

const corpus = readCorpus();
const { model, evaluation, trainMs } = trainAndEvaluate(corpus);
const latency = classifyLatency(model, corpus.filter((e) => e.split === 'test').map((e) => e.text));
const section = reportMarkdown(corpus, model, evaluation, { trainMs, ...latency });
const doc = readFileSync(DOC, 'utf8');
const a = doc.indexOf(START);
const b = doc.indexOf(END);
if (a < 0 || b < a) throw new Error(`${DOC} has no ${START} … ${END} section`);
writeFileSync(DOC, doc.slice(0, a + START.length) + '\n' + section + '\n' + doc.slice(b));
console.log(section);
