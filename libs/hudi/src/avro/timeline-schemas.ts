import type { AvroSchema } from './avro-schema';

/*
 * Writer schemas of the Avro timeline instants, following hudi-common/src/main/avro/*.avsc
 * (0.14/0.15 line; later optional fields are included, which older readers skip).
 * Each is self-contained: named types are defined inline at first use.
 */

const NS = 'org.apache.hudi.avro.model';
const str = 'string';
const optional = (type: AvroSchema): AvroSchema => ['null', type];
const stringArray: AvroSchema = { type: 'array', items: str };
const stringMap: AvroSchema = { type: 'map', values: str };
const version = { name: 'version', type: ['int', 'null'] as AvroSchema, default: 1 };

export const HOODIE_REQUESTED_REPLACE_METADATA: AvroSchema = {
  type: 'record',
  name: 'HoodieRequestedReplaceMetadata',
  namespace: NS,
  fields: [
    { name: 'operationType', type: optional(str), default: null },
    {
      name: 'clusteringPlan',
      type: optional({
        type: 'record',
        name: 'HoodieClusteringPlan',
        fields: [
          {
            name: 'inputGroups',
            type: optional({
              type: 'array',
              items: {
                type: 'record',
                name: 'HoodieClusteringGroup',
                fields: [
                  {
                    name: 'slices',
                    type: optional({
                      type: 'array',
                      items: {
                        type: 'record',
                        name: 'HoodieSliceInfo',
                        fields: [
                          { name: 'dataFilePath', type: optional(str), default: null },
                          { name: 'deltaFilePaths', type: optional(stringArray), default: null },
                          { name: 'fileId', type: optional(str) },
                          { name: 'partitionPath', type: optional(str), default: null },
                          { name: 'bootstrapFilePath', type: optional(str), default: null },
                          version,
                        ],
                      },
                    }),
                    default: null,
                  },
                  { name: 'metrics', type: optional({ type: 'map', values: 'double' }), default: null },
                  { name: 'numOutputFileGroups', type: ['int', 'null'], default: 1 },
                  { name: 'extraMetadata', type: optional(stringMap), default: null },
                  version,
                ],
              },
            }),
            default: null,
          },
          {
            name: 'strategy',
            type: optional({
              type: 'record',
              name: 'HoodieClusteringStrategy',
              fields: [
                { name: 'strategyClassName', type: optional(str), default: null },
                { name: 'strategyParams', type: optional(stringMap), default: null },
                version,
              ],
            }),
            default: null,
          },
          { name: 'extraMetadata', type: optional(stringMap), default: null },
          version,
          { name: 'preserveHoodieMetadata', type: optional('boolean'), default: null },
        ],
      }),
      default: null,
    },
    { name: 'extraMetadata', type: optional(stringMap), default: null },
    version,
  ],
};

const HOODIE_INSTANT_INFO: AvroSchema = {
  type: 'record',
  name: 'HoodieInstantInfo',
  namespace: NS,
  fields: [
    { name: 'commitTime', type: str },
    { name: 'action', type: str },
  ],
};

export const HOODIE_ROLLBACK_PLAN: AvroSchema = {
  type: 'record',
  name: 'HoodieRollbackPlan',
  namespace: NS,
  fields: [
    { name: 'instantToRollback', type: optional(HOODIE_INSTANT_INFO), default: null },
    {
      name: 'RollbackRequests',
      type: optional({
        type: 'array',
        items: {
          type: 'record',
          name: 'HoodieRollbackRequest',
          fields: [
            { name: 'partitionPath', type: str },
            { name: 'fileId', type: optional(str), default: null },
            { name: 'latestBaseInstant', type: optional(str), default: null },
            { name: 'filesToBeDeleted', type: stringArray, default: [] },
            { name: 'logBlocksToBeDeleted', type: optional({ type: 'map', values: 'long' }), default: null },
          ],
        },
      }),
      default: null,
    },
    version,
  ],
};

export const HOODIE_ROLLBACK_METADATA: AvroSchema = {
  type: 'record',
  name: 'HoodieRollbackMetadata',
  namespace: NS,
  fields: [
    { name: 'startRollbackTime', type: str },
    { name: 'timeTakenInMillis', type: 'long' },
    { name: 'totalFilesDeleted', type: 'int' },
    { name: 'commitsRollback', type: stringArray },
    {
      name: 'partitionMetadata',
      type: {
        type: 'map',
        values: {
          type: 'record',
          name: 'HoodieRollbackPartitionMetadata',
          fields: [
            { name: 'partitionPath', type: str },
            { name: 'successDeleteFiles', type: stringArray },
            { name: 'failedDeleteFiles', type: stringArray },
            { name: 'rollbackLogFiles', type: optional({ type: 'map', values: 'long' }), default: null },
            { name: 'writtenLogFiles', type: optional({ type: 'map', values: 'long' }), default: null },
          ],
        },
      },
    },
    version,
    { name: 'instantsRollback', type: { type: 'array', items: HOODIE_INSTANT_INFO }, default: [] },
  ],
};

export const HOODIE_CLEANER_PLAN: AvroSchema = {
  type: 'record',
  name: 'HoodieCleanerPlan',
  namespace: NS,
  fields: [
    {
      name: 'earliestInstantToRetain',
      type: optional({
        type: 'record',
        name: 'HoodieActionInstant',
        fields: [
          { name: 'timestamp', type: str },
          { name: 'action', type: str },
          { name: 'state', type: str },
        ],
      }),
      default: null,
    },
    { name: 'lastCompletedCommitTimestamp', type: str, default: '' },
    { name: 'policy', type: str },
    { name: 'filesToBeDeletedPerPartition', type: optional({ type: 'map', values: stringArray }), default: null },
    version,
    {
      name: 'filePathsToBeDeletedPerPartition',
      type: optional({
        type: 'map',
        values: {
          type: 'array',
          items: {
            type: 'record',
            name: 'HoodieCleanFileInfo',
            fields: [
              { name: 'filePath', type: optional(str), default: null },
              { name: 'isBootstrapBaseFile', type: optional('boolean'), default: null },
            ],
          },
        },
      }),
      default: null,
    },
    { name: 'partitionsToBeDeleted', type: optional(stringArray), default: null },
    { name: 'extraMetadata', type: optional(stringMap), default: null },
  ],
};

const HOODIE_CLEAN_PARTITION_METADATA: AvroSchema = {
  type: 'record',
  name: 'HoodieCleanPartitionMetadata',
  namespace: NS,
  fields: [
    { name: 'partitionPath', type: str },
    { name: 'policy', type: str },
    { name: 'deletePathPatterns', type: stringArray },
    { name: 'successDeleteFiles', type: stringArray },
    { name: 'failedDeleteFiles', type: stringArray },
    { name: 'isPartitionDeleted', type: optional('boolean'), default: null },
  ],
};

export const HOODIE_CLEAN_METADATA: AvroSchema = {
  type: 'record',
  name: 'HoodieCleanMetadata',
  namespace: NS,
  fields: [
    { name: 'startCleanTime', type: str },
    { name: 'timeTakenInMillis', type: 'long' },
    { name: 'totalFilesDeleted', type: 'int' },
    { name: 'earliestCommitToRetain', type: str },
    { name: 'lastCompletedCommitTimestamp', type: str, default: '' },
    { name: 'partitionMetadata', type: { type: 'map', values: HOODIE_CLEAN_PARTITION_METADATA } },
    version,
    {
      name: 'bootstrapPartitionMetadata',
      type: optional({ type: 'map', values: 'HoodieCleanPartitionMetadata' }),
      default: null,
    },
    { name: 'extraMetadata', type: optional(stringMap), default: null },
  ],
};
