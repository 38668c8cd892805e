import type { Writable } from 'node:stream';
import { handleChatEvent } from './chat-handler';
import type { HttpEvent } from './chat-request';
import { CHAT_LAMBDA_ENV, chatLambdaSettings } from './lambda-environment';
import { chatLambdaAssistant, chatLambdaService } from './lambda-chat-service';
import { type BufferedResponse, type LambdaStreamingRuntime, bufferedSink, streamingSink } from './response-sinks';

/** This execution environment's chat service, configured by the variables the CDK chat stack sets. */
const service = chatLambdaService(process.env[CHAT_LAMBDA_ENV.modelId]?.trim() || null, () =>
  chatLambdaAssistant(chatLambdaSettings(process.env)),
);

/** The function's log (CloudWatch Logs): the causes of 5xx answers and of an assistant that cannot start. */
const onError = (error: unknown) => console.error(error);

declare global {
  // Present in the Lambda Node.js runtime only.
  var awslambda: LambdaStreamingRuntime | undefined;
}

/** Buffered: the whole response at once (API Gateway, or a function URL in BUFFERED mode). */
export async function bufferedHandler(event: HttpEvent): Promise<BufferedResponse> {
  const sink = bufferedSink();
  await handleChatEvent(event, service, sink, { onError });
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
      await handleChatEvent(event as HttpEvent, service, streamingSink(streaming, responseStream), { onError });
    })
  : bufferedHandler;
