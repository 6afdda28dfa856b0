export {
  buildGazetteer,
  findPlace,
  type Gazetteer,
  type GazetteerInput,
  type LocalityInput,
  type PlaceMatch,
  type SettlementInput,
  type StreetInput,
} from './gazetteer.js';
export { referenceGazetteer, referenceGazetteerInput } from './reference.js';
