export * from './olist-files';
export * from './olist-records';
export {
  readOlistFile,
  type OlistFileCounters,
  type OlistFileRead,
  type ReadOlistFileOptions,
} from './olist-reader';
export { OlistHeaderError } from './olist-record-assembler';
export { OlistRowValidator, type RowValidation } from './olist-row-validator';
export { encodingProblem, timestampProblem } from './olist-fields';
export { RejectsReport, formatReject, type RejectsReportFormat } from './rejects-report';
export { OLIST_NATURAL_KEYS, RepeatedKeyCheck, repeatedKeyReasonPrefix } from './olist-natural-keys';
