/**
 * The Web Worker path of likertkit/parallel under Node, with a stand-in `Worker` global that
 * structured-clones each message (as postMessage does) and answers it in-process with the
 * browser worker's own handler. The real thing in Chromium is test/browser/parallel.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { survey } from '../../src/data/survey';
import { correlate } from '../../src/describe/correlate';
import { scales } from '../../src/scale/presets';

type Listener = (event: { data?: unknown; message?: string }) => void;

/** What the stand-in workers were started with and sent. */
const started: URL[] = [];
let failNext: 'error' | 'reply' | null = null;

class StandInWorker {
  readonly listeners = new Map<string, Set<Listener>>();
  terminated = false;
  constructor(url: URL, options: { type: string }) {
    expect(options).toEqual({ type: 'module' });
    started.push(url);
  }
  addEventListener(type: string, listener: Listener): void {
    if (!this.listeners.has(type)) this.listeners.set(type, new Set());
    this.listeners.get(type)?.add(listener);
  }
  removeEventListener(type: string, listener: Listener): void {
    this.listeners.get(type)?.delete(listener);
  }
  postMessage(message: unknown): void {
    const copy = structuredClone(message);
    queueMicrotask(async () => {
      const emit = (type: string, event: { data?: unknown; message?: string }): void => {
        for (const listener of [...(this.listeners.get(type) ?? [])]) listener(event);
      };
      if (failNext === 'error') {
        failNext = null;
        emit('error', {});
        return;
      }
      if (failNext === 'reply') {
        failNext = null;
        emit('message', { data: { ok: false, message: 'out of memory' } });
        return;
      }
      // The browser worker's handler, registered on the stand-in scope below.
      emit('message', { data: await workerScope.handle(copy) });
    });
  }
  terminate(): void {
    this.terminated = true;
  }
}

/** The scope the browser worker script registers its handler on. */
const workerScope = {
  handler: null as ((event: { data: unknown }) => void) | null,
  reply: undefined as unknown,
  addEventListener(type: string, listener: (event: { data: unknown }) => void) {
    expect(type).toBe('message');
    this.handler = listener;
  },
  postMessage(reply: unknown, transfer: ArrayBuffer[]) {
    expect(Array.isArray(transfer)).toBe(true);
    this.reply = reply;
  },
  async handle(data: unknown): Promise<unknown> {
    this.handler?.({ data });
    return this.reply;
  },
};

const labels = [...scales.daDegree4.levels, 'Ved ikke', null];
const s = survey({
  id: 'id',
  columns: {
    id: Array.from({ length: 300 }, (_, i) => i),
    ...Object.fromEntries([1, 2, 3, 4, 5].map((j) => [`q${j}`, Array.from({ length: 300 }, (_, i) => labels[(i * j + (i >> 2)) % 6])])),
  },
  items: [1, 2, 3, 4, 5].map((j) => ({ id: `q${j}`, scale: scales.daDegree4 })),
});
const options = { x: ['q1', 'q2', 'q3', 'q4', 'q5'] };

let browser: typeof import('../../src/parallel/browser');

describe('correlateParallel over Web Workers (a stand-in Worker under Node)', () => {
  beforeAll(async () => {
    vi.stubGlobal('Worker', StandInWorker);
    vi.stubGlobal('navigator', { hardwareConcurrency: 3 });
    // The worker script registers its handler on globalThis: give it the stand-in scope.
    vi.stubGlobal('addEventListener', workerScope.addEventListener.bind(workerScope));
    vi.stubGlobal('postMessage', workerScope.postMessage.bind(workerScope));
    await import('../../src/parallel/webWorker');
    browser = await import('../../src/parallel/browser');
  });

  afterAll(() => {
    vi.unstubAllGlobals();
  });

  it('reports web workers, shared memory where Node has it, and navigator.hardwareConcurrency', async () => {
    expect(await browser.parallelSupport()).toEqual({ threads: 'web-workers', sharedMemory: true, parallelism: 3 });
  });

  it('gives correlate’s table, starting module workers from webWorker.js next to the entry', async () => {
    expect(await browser.correlateParallel(s, options, { workers: 3, minWork: 0 })).toEqual(correlate(s, options));
    expect(started.length).toBe(2);
    expect(started.every((url) => url.pathname.endsWith('/src/parallel/webWorker.js'))).toBe(true);
    // Idle workers are kept: a second call starts none.
    expect(await browser.correlateParallel(s, options, { minWork: 0 })).toEqual(correlate(s, options));
    expect(started.length).toBe(2);
  });

  it('rejects with the worker’s message when a slice fails, and with a hint when a worker cannot start', async () => {
    failNext = 'reply';
    await expect(browser.correlateParallel(s, options, { workers: 2, minWork: 0 })).rejects.toThrow('correlateParallel: a worker failed: out of memory');
    failNext = 'error';
    await expect(browser.correlateParallel(s, options, { workers: 2, minWork: 0 })).rejects.toThrow(/correlateParallel: a worker failed: .*is webWorker\.js served next to the entry/);
    // A failed worker is not reused; the next call starts a fresh one and succeeds.
    expect(await browser.correlateParallel(s, options, { workers: 2, minWork: 0 })).toEqual(correlate(s, options));
  });
});
