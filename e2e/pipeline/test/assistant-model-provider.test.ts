/**
 * The model providers with the assistant's real tools over a lake built by a real pipeline pass: a scripted model
 * behind a local OpenAI-compatible server searches the knowledge base (vector ranking with a local embeddings
 * endpoint) and runs SQL through the guard; the answer's numbers, citations and SQL come from those tools.
 */
import {
  type Assistant,
  CANNOT_ANSWER,
  OpenAiCompatibleChatModel,
  OpenAiCompatibleEmbeddings,
  RUN_SQL,
  SEARCH_KNOWLEDGE_BASE,
  VectorRetriever,
  createAssistant,
  createModelProvider,
} from '@autocorp/assistant';
import {
  type ChatCompletionsBody,
  type ScriptedHttpServer,
  type ScriptedReply,
  startScriptedHttpServer,
  startScriptedOpenAiServer,
  toolMessages,
  wordEmbedding,
} from '@autocorp/assistant/testing';
import { DuckDbExecutor } from '@autocorp/query';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PipelinePass, runPipelinePass } from './support/pipeline-pass';

const SCALE = 0.002;
const SEED = 11;
const COUNT_PARTS = 'SELECT count(*) AS parts FROM auto_parts';

/** The scripted model: searches and counts, then writes an answer from the two tool results it got back. */
function model(body: ChatCompletionsBody): ScriptedReply {
  const question = body.messages.filter((m) => m.role === 'user').at(-1)?.content ?? '';
  const results = toolMessages(body);
  if (/tidy up/i.test(question))
    return results.length === 0
      ? { toolCalls: [{ name: RUN_SQL, input: { sql: 'DELETE FROM auto_parts' } }] }
      : { text: `${CANNOT_ANSWER} ${JSON.stringify(results[0])}` };
  if (results.length === 0)
    return {
      toolCalls: [
        { name: SEARCH_KNOWLEDGE_BASE, input: { query: 'brake pads', kinds: ['part'], limit: 3 } },
        { name: RUN_SQL, input: { sql: COUNT_PARTS } },
      ],
    };
  const [hits, count] = results as [{ title: string }[], { rows: { parts: number | string }[] }];
  return { text: `The closest part is ${hits[0]?.title}; the catalog has ${count.rows[0]?.parts} parts.` };
}

describe(`openai-compatible provider with the assistant's tools (generator scale ${SCALE}, seed ${SEED})`, () => {
  let pass: PipelinePass;
  let executor: DuckDbExecutor;
  let assistant: Assistant;
  let chat: ScriptedHttpServer;
  let embeddings: ScriptedHttpServer;

  beforeAll(async () => {
    pass = await runPipelinePass(SCALE, SEED);
    executor = new DuckDbExecutor({ catalog: pass.catalog });
    chat = await startScriptedOpenAiServer(model);
    embeddings = await startScriptedHttpServer((request) => {
      const { input } = JSON.parse(request.body) as { input: string[] };
      return {
        body: JSON.stringify({ data: input.map((text, index) => ({ index, embedding: wordEmbedding(text) })) }),
      };
    });
    assistant = await createAssistant({
      executor,
      provider: () =>
        createModelProvider({ model: new OpenAiCompatibleChatModel({ baseUrl: `${chat.url}/v1`, model: 'scripted' }) }),
      retriever: (kb) =>
        new VectorRetriever(kb, new OpenAiCompatibleEmbeddings({ baseUrl: `${embeddings.url}/v1`, model: 'embed' })),
    });
  }, 240_000);

  afterAll(async () => {
    await chat?.close();
    await embeddings?.close();
    await executor?.close();
    await pass?.close();
  });

  it('answers from the tools: the searched part, the counted parts, their citations and the SQL', async () => {
    const { answer } = await assistant.ask('Do we stock brake pads, and how many parts do we carry?');
    const parts = Number((await executor.execute(COUNT_PARTS)).rows[0]?.['parts']);
    const [hit] =
      (JSON.parse(chat.requests[1]?.body ?? '{}') as ChatCompletionsBody).messages
        .filter((m) => m.role === 'tool')
        .map((m) => JSON.parse(m.content ?? '[]') as { id: string; title: string }[])[0] ?? [];

    expect(answer).toMatchObject({ provider: 'openai-compatible', outcome: 'answered', sql: [COUNT_PARTS] });
    expect(answer.text).toBe(`The closest part is ${hit?.title}; the catalog has ${parts} parts.`);
    expect(hit?.id).toMatch(/^part:/);
    expect(answer.citations).toEqual(
      expect.arrayContaining([
        { kind: 'document', id: hit?.id, title: hit?.title },
        { kind: 'table', table: 'auto_parts', commit: assistant.kb.commits().get('auto_parts') },
      ]),
    );
  });

  it('cannot delete through the SQL tool: the guard refuses, the model is told, the parts stay', async () => {
    const before = Number((await executor.execute(COUNT_PARTS)).rows[0]?.['parts']);
    const { answer } = await assistant.ask('Tidy up the parts table');
    expect(answer.outcome).toBe('unanswerable');
    expect(answer.sql).toEqual([]);
    expect(answer.text).toMatch(/DELETE/);
    expect(Number((await executor.execute(COUNT_PARTS)).rows[0]?.['parts'])).toBe(before);
  });
});
