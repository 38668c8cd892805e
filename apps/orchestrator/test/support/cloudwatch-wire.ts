import type { HttpHandlerOptions, HttpRequest, HttpResponse, RequestHandler } from '@smithy/types';

type Json = Record<string, unknown>;

/** One metric-math series as CloudWatch holds it: points (ms since the epoch, value). */
export type StoredSeries = readonly { readonly t: number; readonly v: number }[];

/**
 * A CloudWatch speaking its wire protocol (AWS JSON 1.0, `GraniteServiceVersion20100801.GetMetricData`) to the real
 * CloudWatchClient. It answers each query of a GetMetricData call with the series `seriesOf` gives for its
 * expression, within [StartTime, EndTime), newest first unless ScanBy asks otherwise, `pageSize` points per page
 * (NextToken). It records each call with the input the SDK sent. AWS cannot run here; this is its stand-in.
 */
export class CloudWatchWire implements RequestHandler<HttpRequest, HttpResponse, HttpHandlerOptions> {
  readonly calls: { operation: string; input: Json }[] = [];

  constructor(
    private readonly seriesOf: (expression: string) => StoredSeries,
    private readonly pageSize = 3,
  ) {}

  async handle(request: HttpRequest): Promise<{ response: HttpResponse }> {
    const operation = String(request.headers['x-amz-target'] ?? '').replace(/^GraniteServiceVersion20100801\./, '');
    const raw = request.body as string | Uint8Array | undefined;
    const input = JSON.parse(typeof raw === 'string' ? raw : raw ? new TextDecoder().decode(raw) : '{}') as Json;
    this.calls.push({ operation, input });
    if (operation !== 'GetMetricData') throw new Error(`Operation ${operation} is not served by this test CloudWatch.`);
    const start = Number(input['StartTime']) * 1000;
    const end = Number(input['EndTime']) * 1000;
    const offset = input['NextToken'] === undefined ? 0 : Number(input['NextToken']);
    let more = false;
    const results = (input['MetricDataQueries'] as Json[]).map((query) => {
      const points = this.seriesOf(String(query['Expression']))
        .filter((p) => p.t >= start && p.t < end)
        .sort((a, b) => (input['ScanBy'] === 'TimestampAscending' ? a.t - b.t : b.t - a.t));
      const page = points.slice(offset, offset + this.pageSize);
      if (offset + this.pageSize < points.length) more = true;
      return {
        Id: query['Id'],
        Label: query['Label'],
        Timestamps: page.map((p) => p.t / 1000),
        Values: page.map((p) => p.v),
        StatusCode: more ? 'PartialData' : 'Complete',
      };
    });
    const body = { MetricDataResults: results, ...(more ? { NextToken: String(offset + this.pageSize) } : {}) };
    return {
      response: {
        statusCode: 200,
        reason: 'OK',
        headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': 'test-request' },
        body: new TextEncoder().encode(JSON.stringify(body)),
      },
    };
  }
}
