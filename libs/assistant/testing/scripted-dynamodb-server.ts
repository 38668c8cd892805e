import { type ScriptedHttpServer, startScriptedHttpServer } from './scripted-http-server';

/** A DynamoDB item in the wire format (attribute name to typed value: `{S}`, `{N}`, ...). */
export type DynamoItem = Record<string, Record<string, unknown>>;

/** The local DynamoDB stand-in: its server and the items of each table (by key attribute value). */
export interface ScriptedDynamoDb extends ScriptedHttpServer {
  /** table name -> item key (the partition key's value) -> item. */
  readonly tables: Map<string, Map<string, DynamoItem>>;
  /** The operations it received, in order (`GetItem`, `PutItem`, ...). */
  readonly operations: string[];
}

const JSON_1_0 = { 'content-type': 'application/x-amz-json-1.0' };

function error(type: string, message: string) {
  return {
    status: 400,
    headers: JSON_1_0,
    body: JSON.stringify({ __type: `com.amazonaws.dynamodb.v20120810#${type}`, message }),
  };
}

/**
 * A local stand-in for the DynamoDB endpoint speaking its JSON 1.0 protocol (`X-Amz-Target:
 * DynamoDB_20120810.<Operation>`): GetItem and PutItem over tables keyed by one string partition key `keyName`.
 * An unknown table answers ResourceNotFoundException, as DynamoDB does.
 */
export async function startScriptedDynamoDb(tableKeys: Readonly<Record<string, string>>): Promise<ScriptedDynamoDb> {
  const tables = new Map(Object.keys(tableKeys).map((name) => [name, new Map<string, DynamoItem>()]));
  const operations: string[] = [];
  const server = await startScriptedHttpServer((request) => {
    const operation = String(request.headers['x-amz-target'] ?? '').replace(/^DynamoDB_20120810\./, '');
    operations.push(operation);
    const body = JSON.parse(request.body) as { TableName: string; Key?: DynamoItem; Item?: DynamoItem };
    const table = tables.get(body.TableName);
    const keyName = tableKeys[body.TableName];
    if (!table || !keyName)
      return error('ResourceNotFoundException', `Requested resource not found: Table: ${body.TableName} not found`);
    const keyOf = (item: DynamoItem | undefined) => item?.[keyName]?.['S'];
    if (operation === 'GetItem') {
      const key = keyOf(body.Key);
      if (typeof key !== 'string')
        return error('ValidationException', 'The provided key element does not match the schema');
      const item = table.get(key);
      return { headers: JSON_1_0, body: JSON.stringify(item ? { Item: item } : {}) };
    }
    if (operation === 'PutItem') {
      const key = keyOf(body.Item);
      if (typeof key !== 'string')
        return error('ValidationException', 'One of the required keys was not given a value');
      table.set(key, body.Item as DynamoItem);
      return { headers: JSON_1_0, body: '{}' };
    }
    return error('UnknownOperationException', `${operation} is not scripted`);
  });
  return Object.assign(server, { tables, operations });
}
