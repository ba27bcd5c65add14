export {
  generateOlist,
  type FaultsManifest,
  type GenerateOlistOptions,
  type GenerateSummary,
  type GeneratedFileSummary,
} from './generate-olist';
export {
  FAULT_KINDS,
  FAULT_LAYER,
  FAULTS_BY_FILE,
  type FaultKind,
  type FaultLayer,
  type FaultRecord,
} from './fault-injector';
export { Random } from './random';
