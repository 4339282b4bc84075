import { SseParser } from './sse-parser';

describe('SseParser', () => {
  it('should return each event once as the text grows and skip heartbeat comments', () => {
    // Given a parser and a stream that arrives in pieces
    const parser = new SseParser();
    const part1 = ': connected\n\nid: a1\nevent: notification\ndata: {"x":';
    const part2 = part1 + '1}\n\n: heartbeat\n\nid: a2\nevent: notification\ndata: line one\ndata: line two\n\n';
    // When it is fed the text received so far, twice
    const first = parser.next(part1);
    const second = parser.next(part2);
    // Then the incomplete event waits, and each complete one comes out once
    expect(first).toEqual([]);
    expect(second).toEqual([
      { id: 'a1', event: 'notification', data: '{"x":1}' },
      { id: 'a2', event: 'notification', data: 'line one\nline two' },
    ]);
    expect(parser.next(part2)).toEqual([]);
  });
});
