import OpenAI from 'openai';

/** A chat message for a language model. */
export interface ChatMessage {
  readonly role: 'system' | 'user' | 'assistant';
  readonly content: string;
}

/** The language-model port: one completion for a list of messages, abortable. */
export interface ChatModel {
  readonly id: string;
  complete(messages: readonly ChatMessage[], options: { signal: AbortSignal }): Promise<string>;
}

/** Settings of an OpenAI-compatible chat endpoint. */
export interface OpenAiChatOptions {
  readonly model: string;
  readonly apiKey?: string;
  readonly baseURL?: string;
}

/** A ChatModel over any OpenAI-compatible endpoint, through the openai SDK. */
export function createOpenAiChatModel(options: OpenAiChatOptions): ChatModel {
  const client = new OpenAI({
    // Local servers often need no key; the SDK insists on one.
    apiKey: options.apiKey ?? 'not-needed',
    ...(options.baseURL ? { baseURL: options.baseURL } : {}),
    // The answer deadline is ours (LLW_LLM_TIMEOUT_MS); a retry would only miss it.
    maxRetries: 0,
  });
  return {
    id: `openai/${options.model}`,
    async complete(messages, { signal }) {
      const response = await client.chat.completions.create(
        {
          model: options.model,
          messages: messages.map((m) => ({ role: m.role, content: m.content })),
          temperature: 0,
        },
        { signal },
      );
      const content = response.choices[0]?.message?.content;
      if (typeof content !== 'string') throw new Error('the model returned no text');
      return content;
    },
  };
}
