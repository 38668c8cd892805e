import type { HttpHandlerOptions, HttpRequest, HttpResponse, RequestHandler } from '@smithy/types';

type Json = Record<string, unknown>;

interface StoredTable {
  versions: Json[];
  partitions: Json[];
}

/**
 * An in-memory Glue Data Catalog speaking the Glue wire protocol (AWS JSON 1.1) to the real
 * GlueClient, so requests and responses go through the SDK's own serializers. It records every
 * operation with the exact input the SDK sent. AWS cannot run here; this is its stand-in.
 */
export class GlueWire implements RequestHandler<HttpRequest, HttpResponse, HttpHandlerOptions> {
  readonly calls: { operation: string; input: Json }[] = [];
  private readonly databases = new Map<string, Json>();
  private readonly tables = new Map<string, StoredTable>();
  private clock = 1_700_000_000;

  constructor(private readonly pageSize = 2) {}

  async handle(request: HttpRequest): Promise<{ response: HttpResponse }> {
    const target = String(request.headers['x-amz-target'] ?? '');
    const operation = target.replace(/^AWSGlue\./, '');
    const raw = request.body as string | Uint8Array | undefined;
    const input = JSON.parse(typeof raw === 'string' ? raw : raw ? new TextDecoder().decode(raw) : '{}') as Json;
    this.calls.push({ operation, input });
    try {
      return reply(200, this.dispatch(operation, input));
    } catch (error) {
      if (error instanceof GlueFault) return reply(400, { __type: error.type, Message: error.message });
      throw error;
    }
  }

  operations(): string[] {
    return this.calls.map((c) => c.operation);
  }

  private page<T>(items: T[], token: unknown): { items: T[]; next?: string } {
    const start = token === undefined ? 0 : Number(token);
    const items2 = items.slice(start, start + this.pageSize);
    return start + this.pageSize < items.length
      ? { items: items2, next: String(start + this.pageSize) }
      : { items: items2 };
  }

  private table(input: Json, nameKey: 'Name' | 'TableName'): StoredTable {
    const key = `${input['DatabaseName']}.${input[nameKey]}`;
    const table = this.tables.get(key);
    if (!table) throw new GlueFault('EntityNotFoundException', `Table ${input[nameKey]} not found.`);
    return table;
  }

  private dispatch(operation: string, input: Json): Json {
    switch (operation) {
      case 'CreateDatabase': {
        const db = input['DatabaseInput'] as Json;
        if (this.databases.has(String(db['Name'])))
          throw new GlueFault('AlreadyExistsException', 'Database already exists.');
        this.databases.set(String(db['Name']), { ...db, CreateTime: this.clock++ });
        return {};
      }
      case 'GetDatabase': {
        const db = this.databases.get(String(input['Name']));
        if (!db) throw new GlueFault('EntityNotFoundException', `Database ${input['Name']} not found.`);
        return { Database: db };
      }
      case 'GetDatabases': {
        const { items, next } = this.page([...this.databases.values()], input['NextToken']);
        return { DatabaseList: items, ...(next ? { NextToken: next } : {}) };
      }
      case 'CreateTable': {
        if (!this.databases.has(String(input['DatabaseName'])))
          throw new GlueFault('EntityNotFoundException', 'Database not found.');
        const t = input['TableInput'] as Json;
        const key = `${input['DatabaseName']}.${t['Name']}`;
        if (this.tables.has(key)) throw new GlueFault('AlreadyExistsException', 'Table already exists.');
        const at = this.clock++;
        this.tables.set(key, {
          versions: [{ ...t, DatabaseName: input['DatabaseName'], CreateTime: at, UpdateTime: at, VersionId: '1' }],
          partitions: [],
        });
        return {};
      }
      case 'UpdateTable': {
        const t = input['TableInput'] as Json;
        const stored = this.table({ DatabaseName: input['DatabaseName'], Name: t['Name'] }, 'Name');
        const current = stored.versions.at(-1) as Json;
        stored.versions.push({
          ...t,
          DatabaseName: input['DatabaseName'],
          CreateTime: current['CreateTime'],
          UpdateTime: this.clock++,
          VersionId: String(Number(current['VersionId']) + 1),
        });
        return {};
      }
      case 'GetTable':
        return { Table: this.table(input, 'Name').versions.at(-1) };
      case 'GetTables': {
        if (!this.databases.has(String(input['DatabaseName'])))
          throw new GlueFault('EntityNotFoundException', 'Database not found.');
        const all = [...this.tables.entries()]
          .filter(([k]) => k.startsWith(`${input['DatabaseName']}.`))
          .map(([, t]) => t.versions.at(-1) as Json);
        const { items, next } = this.page(all, input['NextToken']);
        return { TableList: items, ...(next ? { NextToken: next } : {}) };
      }
      case 'GetTableVersions': {
        const versions = this.table(input, 'TableName')
          .versions.map((v) => ({ Table: v, VersionId: v['VersionId'] }))
          .reverse();
        const { items, next } = this.page(versions, input['NextToken']);
        return { TableVersions: items, ...(next ? { NextToken: next } : {}) };
      }
      case 'BatchCreatePartition': {
        const stored = this.table(input, 'TableName');
        const errors: Json[] = [];
        for (const p of input['PartitionInputList'] as Json[]) {
          const values = JSON.stringify(p['Values']);
          if (stored.partitions.some((q) => JSON.stringify(q['Values']) === values)) {
            errors.push({
              PartitionValues: p['Values'],
              ErrorDetail: { ErrorCode: 'AlreadyExistsException', ErrorMessage: 'Partition already exists.' },
            });
          } else {
            stored.partitions.push({
              ...p,
              DatabaseName: input['DatabaseName'],
              TableName: input['TableName'],
              CreationTime: this.clock++,
            });
          }
        }
        return errors.length ? { Errors: errors } : {};
      }
      case 'GetPartitions': {
        const { items, next } = this.page(this.table(input, 'TableName').partitions, input['NextToken']);
        return { Partitions: items, ...(next ? { NextToken: next } : {}) };
      }
      case 'DeleteTable': {
        this.table(input, 'Name');
        this.tables.delete(`${input['DatabaseName']}.${input['Name']}`);
        return {};
      }
      default:
        throw new GlueFault('InvalidInputException', `Operation ${operation} is not served by this test catalog.`);
    }
  }

  /** Adds a partition behind the client's back (another writer), to exercise races. */
  injectPartition(database: string, table: string, values: string[]): void {
    this.tables
      .get(`${database}.${table}`)
      ?.partitions.push({ Values: values, StorageDescriptor: { Location: 's3://x/' }, CreationTime: this.clock++ });
  }
}

class GlueFault extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

function reply(statusCode: number, body: Json): { response: HttpResponse } {
  return {
    response: {
      statusCode,
      reason: statusCode === 200 ? 'OK' : 'Bad Request',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'test-request' },
      body: new TextEncoder().encode(JSON.stringify(body)),
    },
  };
}
