/**
 * The data of each event of a server-sent event stream (GraphQL over SSE, as graphql-yoga sends
 * it), with the time it arrived. Keep-alive comments and events without data are skipped.
 */
export async function* serverSentEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<{ data: string; at: number }> {
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of body) {
    const at = performance.now();
    buffer += decoder.decode(chunk, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = block
        .split('\n')
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).trim())
        .join('\n');
      if (data) yield { data, at };
    }
  }
}
