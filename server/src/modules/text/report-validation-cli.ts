import { validate } from './report-validation.js';

/**
 * Sector and category accuracy on the validation fold of the train split for the options given as JSON, e.g.
 * `node --import @swc-node/register/esm-register src/modules/text/report-validation-cli.ts '{"epochs":20}'`
 * (from server/). It never reads the test split.
 */
const options = JSON.parse(process.argv[2] ?? '{}') as Record<string, unknown>;
const { evaluation: e, trainMs } = validate(options);
console.log(
  `${JSON.stringify(options)}: ${e.n} validation texts, sector ${e.sectorAccuracy.toFixed(3)}, category ${e.categoryAccuracy.toFixed(3)}, ` +
    `urgent recall ${e.urgent.recall.toFixed(3)}; trained in ${(trainMs / 1000).toFixed(1)} s`,
);
