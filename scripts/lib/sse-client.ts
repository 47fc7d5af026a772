/** A minimal Server-Sent Events reader (tests, benchmarks): calls `onEvent` with each event as it arrives. */
export function listen(
  url: string,
  onEvent: (event: string, data: string, id: string | undefined) => void,
  headers?: Record<string, string>,
): { ready: Promise<void>; close(): void } {
  const controller = new AbortController();
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  void (async () => {
    const response = await fetch(url, { signal: controller.signal, headers });
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        buffer += value;
        let end = buffer.indexOf('\n\n');
        while (end !== -1) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let event = 'message';
          let data = '';
          let id: string | undefined;
          for (const line of frame.split('\n')) {
            if (line.startsWith('event:')) event = line.slice(6).trim();
            else if (line.startsWith('data:')) data += line.slice(5).trim();
            else if (line.startsWith('id:')) id = line.slice(3).trim();
          }
          if (event === 'ready') markReady();
          else if (data) onEvent(event, data, id);
          end = buffer.indexOf('\n\n');
        }
      }
    } catch (error) {
      if ((error as Error).name !== 'AbortError') throw error;
    }
  })();
  return { ready, close: () => controller.abort() };
}
