import { MOVED_FOCUS, focusWhenLost } from './route-focus';

describe('focusWhenLost', () => {
  const realFrame = window.requestAnimationFrame;

  beforeEach(() => {
    // run each frame's callback at once
    window.requestAnimationFrame = ((callback: FrameRequestCallback) => {
      callback(0);
      return 1;
    }) as typeof window.requestAnimationFrame;
  });

  afterEach(() => {
    window.requestAnimationFrame = realFrame;
    document.body.innerHTML = '';
  });

  it('should focus the heading and mark it for a focus ring when the focus was lost', () => {
    // Given a page whose heading is not focusable and a focus lost on <body>
    document.body.innerHTML = '<main role="main"><h1>待办</h1><button>办理</button></main>';
    const heading = document.querySelector('h1') as HTMLElement;
    // When the focus is moved after a navigation
    focusWhenLost(document, ['[role="main"] h1', 'h1']);
    // Then the heading has it, is focusable by script only, and carries the ring's mark
    expect(document.activeElement).toBe(heading);
    expect(heading.getAttribute('tabindex')).toBe('-1');
    expect(heading.hasAttribute(MOVED_FOCUS)).toBe(true);
  });

  it('should drop the mark when the focus leaves the heading', () => {
    // Given the heading focused by the route logic
    document.body.innerHTML = '<h1>待办</h1><button>办理</button>';
    const heading = document.querySelector('h1') as HTMLElement;
    focusWhenLost(document, ['h1']);
    // When the user moves on to a button
    document.querySelector('button')?.focus();
    // Then the heading no longer carries the mark, and the button never had one
    expect(heading.hasAttribute(MOVED_FOCUS)).toBe(false);
    expect(document.querySelector('button')?.hasAttribute(MOVED_FOCUS)).toBe(false);
  });

  it('should leave a focus the user placed meanwhile where it is', () => {
    // Given a button that has the focus
    document.body.innerHTML = '<h1>待办</h1><button>办理</button>';
    const button = document.querySelector('button') as HTMLElement;
    button.focus();
    // When the route logic runs, then the focus stays on the button, unmarked
    focusWhenLost(document, ['h1']);
    expect(document.activeElement).toBe(button);
    expect(document.querySelector('h1')?.hasAttribute(MOVED_FOCUS)).toBe(false);
  });
});
