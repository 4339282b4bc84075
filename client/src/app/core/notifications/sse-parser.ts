/** One server-sent event (https://html.spec.whatwg.org/multipage/server-sent-events.html §9.2.6). */
export interface SseEvent {
  id: string | null;
  event: string;
  data: string;
}

/**
 * Parses a growing event-stream text: feed it the whole text received so far (what the fetch
 * backend reports as `partialText`) and it returns the events completed since the last call.
 * Comment lines (heartbeats) are skipped.
 */
export class SseParser {
  private consumed = 0;

  /** Everything after the last complete event is kept for the next call. */
  next(text: string): SseEvent[] {
    const events: SseEvent[] = [];
    for (;;) {
      const match = /\r\n\r\n|\n\n|\r\r/.exec(text.slice(this.consumed));
      if (!match) return events;
      const block = text.slice(this.consumed, this.consumed + match.index);
      this.consumed += match.index + match[0].length;
      const event = parseBlock(block);
      if (event) events.push(event);
    }
  }
}

function parseBlock(block: string): SseEvent | null {
  let id: string | null = null;
  let event = 'message';
  const data: string[] = [];
  for (const line of block.split(/\r\n|\n|\r/)) {
    if (line === '' || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'id') id = value;
    else if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  }
  return data.length ? { id, event, data: data.join('\n') } : null;
}
