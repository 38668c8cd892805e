export { type AllJobsBenchResult, allJobsBench } from './all-jobs.bench';
export { type CdcBatchBenchResult, cdcBatchBench } from './cdc-batch.bench';
export { type CsvDedupBenchResult, csvDedupBench } from './csv-dedup.bench';
export {
  type ExistingBusiness,
  type GeneratedLake,
  type GeneratedLakeOptions,
  exportHeaders,
  generatedLake,
  reuseBusiness,
} from './generated-lake';
export type { EtlBenchOptions } from './bench-timer';
export { type IncrementalAnalyticsBenchResult, incrementalAnalyticsBench } from './incremental-analytics.bench';
