import { writeFileSync } from 'node:fs';
import { CORPUS_PATH } from '../corpus.js';
import { generateCorpus } from './generate.js';

/** `pnpm --filter @otklik/server text:corpus`: writes server/data/text/corpus.jsonl from the seeds. */
const corpus = generateCorpus();
writeFileSync(CORPUS_PATH, corpus.map((e) => JSON.stringify(e)).join('\n') + '\n');
const test = corpus.filter((e) => e.split === 'test').length;
console.log(`${corpus.length} examples (${corpus.length - test} train, ${test} test) written to ${CORPUS_PATH}`);
