export { type AllJobsBenchResult, allJobsBench } from './all-jobs.bench';
export { type CdcBatchBenchResult, cdcBatchBench } from './cdc-batch.bench';
export { type CsvDedupBenchResult, csvDedupBench } from './csv-dedup.bench';
export { type GeneratedLake, type GeneratedLakeOptions, exportHeaders, generatedLake } from './generated-lake';
