import type { Writable } from 'node:stream';
import { handleChatEvent } from './chat-handler';
import type { HttpEvent } from './chat-request';
import { chatLambdaSettings } from './lambda-environment';
import { chatLambdaAssistant, chatLambdaService } from './lambda-chat-service';
import { type BufferedResponse, type LambdaStreamingRuntime, bufferedSink, streamingSink } from './response-sinks';

/** This execution environment's chat service, configured by the variables the CDK chat stack sets. */
const service = chatLambdaService(() => chatLambdaAssistant(chatLambdaSettings(process.env)));

declare global {
  // Present in the Lambda Node.js runtime only.
  var awslambda: LambdaStreamingRuntime | undefined;
}

/** Buffered: the whole NDJSON answer in one response (API Gateway, or a function URL in BUFFERED mode). */
export async function bufferedHandler(event: HttpEvent): Promise<BufferedResponse> {
  const sink = bufferedSink();
  await handleChatEvent(event, service, sink);
  return sink.response;
}

/** The runtime's streaming API, when this runs in Lambda (the AWS SDK sets `globalThis.awslambda` elsewhere too). */
const streaming =
  typeof globalThis.awslambda?.streamifyResponse === 'function'
    ? (globalThis.awslambda as LambdaStreamingRuntime)
    : undefined;

/** The Lambda handler (`index.handler`): streamed where the runtime streams (function URL, RESPONSE_STREAM). */
export const handler = streaming
  ? streaming.streamifyResponse(async (event: unknown, responseStream: Writable) => {
      await handleChatEvent(event as HttpEvent, service, streamingSink(streaming, responseStream));
    })
  : bufferedHandler;
