/** The part of a Lambda function URL (or API Gateway HTTP API, payload 2.0) event the chat handler reads. */
export interface HttpEvent {
  /** The path CloudFront forwarded (`/api/chat`, `/api/chat/info`). */
  readonly rawPath?: string;
  readonly body?: string | null;
  readonly isBase64Encoded?: boolean;
  readonly requestContext?: { readonly http?: { readonly method?: string; readonly path?: string } };
}

/** The route an event asks for: its method (upper case) and path. */
export function eventRoute(event: HttpEvent): { readonly method: string; readonly path: string } {
  const method = (event.requestContext?.http?.method ?? 'GET').toUpperCase();
  return { method, path: event.rawPath ?? event.requestContext?.http?.path ?? '/' };
}

/** The request body as text (function URLs base64-encode bodies that are not text). */
export function eventBody(event: HttpEvent): string {
  return event.isBase64Encoded ? Buffer.from(event.body ?? '', 'base64').toString('utf8') : (event.body ?? '');
}
