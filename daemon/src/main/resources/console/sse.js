// The daemon's event stream read with fetch(): EventSource cannot send the Authorization header.
import { headers } from './api.js';

/**
 * Follows text/event-stream at path, calling onEvent(name, data) for each event with JSON data,
 * until signal aborts. Reconnects after a dropped connection (1 s later).
 */
export function follow(path, onEvent, signal) {
  const run = async () => {
    while (!signal.aborted) {
      try {
        const response = await fetch(path, { headers: headers(), cache: 'no-store', credentials: 'omit', signal });
        if (!response.ok || !response.body) throw new Error('stream answered ' + response.status);
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            dispatch(buffer.slice(0, end), onEvent);
            buffer = buffer.slice(end + 2);
          }
        }
      } catch (e) {
        if (signal.aborted) return;
      }
      await new Promise((resume) => setTimeout(resume, 1000));
    }
  };
  run();
}

function dispatch(block, onEvent) {
  let name = 'message';
  const data = [];
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) continue;
    if (line.startsWith('event:')) name = line.slice(6).trim();
    else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
  }
  if (data.length === 0) return;
  try {
    onEvent(name, JSON.parse(data.join('\n')));
  } catch (e) {
    // A malformed event is skipped; the next fetch of the run corrects the view.
  }
}
