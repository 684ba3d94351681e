import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { htmlToText } from './html-text.js';
import { detached } from './read-xml.js';
import { decodeAttribute } from './xml-entities.js';

/** A post's Body attribute, as the dump writes it (its HTML XML-escaped), as text. */
export function bodyText(attribute: string): string {
  return htmlToText(decodeAttribute(attribute));
}

/**
 * A batch of bodies for the text thread, and what it sends back (id 0: "ready"). Whichever
 * thread first changes `claim` from FREE converts the batch; the text thread replies null for a
 * batch the importer took back.
 */
export interface TextRequest {
  id: number;
  bodies: string[];
  claim: Int32Array;
}
export interface TextReply {
  id: number;
  texts: string[] | null;
}
export const FREE = 0;
export const CLAIMED = 1;

// Bodies per message: one message per body cost more than the conversion of a short one.
const BATCH = 64;

interface Batch {
  bodies: string[];
  claim: Int32Array;
  done: (texts: string[]) => void;
}

/** A batch sent to the thread: its texts to come, and how to convert it here instead. */
export interface Sent {
  texts: Promise<string[]>;
  /** Converts the batch here if the thread has not begun it; false if it has. */
  takeBack: () => boolean;
}

/**
 * A worker thread converting bodies to text (text-thread.ts). It runs the sources through tsx's
 * CommonJS hooks, registered in the thread itself: the process's ES module hooks do not reach
 * worker threads, and their ES module form takes twice as long to start there.
 */
export class TextThread {
  private readonly worker: Worker;
  private readonly batches = new Map<number, Batch>();
  private lastId = 0;
  private state: 'starting' | 'ready' | 'failed' = 'starting';
  private onStarted: (ready: boolean) => void = () => undefined;
  /** Resolves when the thread is ready (true) or could not start (false). */
  readonly started = new Promise<boolean>((resolve) => (this.onStarted = resolve));
  private convertedTexts = 0;

  constructor() {
    const require = createRequire(import.meta.url);
    const tsx = require.resolve('tsx/cjs/api');
    const entry = fileURLToPath(new URL('./text-thread.ts', import.meta.url));
    this.worker = new Worker(
      `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(entry)});`,
      // Not the process's flags: `--import tsx` would start the ES module hooks in it too, and
      // `--input-type=module` would make this CommonJS line a module.
      { eval: true, execArgv: [] },
    );
    this.worker.on('message', (reply: TextReply) => this.settle(reply));
    this.worker.on('error', () => this.fail());
    this.worker.on('exit', () => this.fail());
    // An idle thread must not keep the process alive; a busy one must, until it replies. (After
    // the listeners: adding a 'message' listener refs the thread again.)
    this.worker.unref();
  }

  /** Texts the thread has converted (not those converted here). */
  get converted(): number {
    return this.convertedTexts;
  }

  /** Whether batches sent now go to the thread (else they are converted here). */
  get ready(): boolean {
    return this.state === 'ready';
  }

  /**
   * Sends `bodies` to the thread. Their texts come from it, or from here if it failed or they
   * were taken back before it began them.
   */
  convert(bodies: string[]): Sent {
    if (this.state !== 'ready') {
      return { texts: Promise.resolve(bodies.map(bodyText)), takeBack: () => false };
    }
    const id = ++this.lastId;
    const claim = new Int32Array(new SharedArrayBuffer(4));
    const texts = new Promise<string[]>((done) => this.batches.set(id, { bodies, claim, done }));
    if (this.batches.size === 1) this.worker.ref();
    this.worker.postMessage({ id, bodies, claim } satisfies TextRequest);
    return { texts, takeBack: () => this.takeBack(id) };
  }

  /** Stops the thread; batches still out are converted here. */
  async stop(): Promise<void> {
    await this.worker.terminate();
  }

  private takeBack(id: number): boolean {
    const batch = this.batches.get(id);
    if (!batch || Atomics.compareExchange(batch.claim, 0, FREE, CLAIMED) !== FREE) return false;
    this.finish(id, batch, batch.bodies.map(bodyText));
    return true;
  }

  private settle(reply: TextReply): void {
    if (reply.id === 0) {
      if (this.state === 'starting') this.state = 'ready';
      this.onStarted(true);
      return;
    }
    const batch = this.batches.get(reply.id);
    // No texts: the batch was taken back, and is already done.
    if (!batch || !reply.texts) return;
    this.convertedTexts += reply.texts.length;
    this.finish(reply.id, batch, reply.texts);
  }

  private finish(id: number, batch: Batch, texts: string[]): void {
    this.batches.delete(id);
    if (this.batches.size === 0) this.worker.unref();
    batch.done(texts);
  }

  private fail(): void {
    this.state = 'failed';
    this.onStarted(false);
    for (const [id, batch] of [...this.batches]) this.finish(id, batch, batch.bodies.map(bodyText));
  }
}

let shared: TextThread | undefined;

/** The process's text thread, started if it is not running. */
export function startTextThread(): TextThread {
  shared ??= new TextThread();
  return shared;
}

/** The process's text thread if it was started, else null. */
export function runningTextThread(): TextThread | null {
  return shared ?? null;
}

/**
 * Posts' bodies to text (`bodyText`), on a text thread once it is ready, here until then: the
 * reading of a dump and the conversion of its bodies (a quarter of a warm import) then share the
 * machine's cores. The texts are the same either way.
 */
export class BodyTexts {
  private bodies: string[] = [];
  private targets: ((text: string) => void)[] = [];
  /** Batches out, each with its texts handed over once they come. */
  private sent: { handedOver: Promise<void>; takeBack: () => boolean }[] = [];

  /** `thread`: null converts everything here. */
  constructor(private readonly thread: TextThread | null) {}

  /** Converts a Body attribute, now or later, and hands its text to `apply`. */
  convert(attribute: string, apply: (text: string) => void): void {
    if (!this.thread?.ready) {
      apply(bodyText(attribute));
      return;
    }
    // A batch keeps its bodies until their texts come back: a slice of the file's piece would
    // keep the whole piece.
    this.bodies.push(detached(attribute));
    this.targets.push(apply);
    if (this.bodies.length === BATCH) this.send();
  }

  /**
   * Resolves once every text has been handed over. Rather than wait for the thread's backlog,
   * this thread converts, newest first, the batches the text thread has not begun: the two
   * finish it together.
   */
  async done(): Promise<void> {
    this.send();
    const sent = this.sent;
    this.sent = [];
    for (let i = sent.length - 1; i >= 0 && sent[i]?.takeBack(); i--);
    await Promise.all(sent.map((batch) => batch.handedOver));
  }

  private send(): void {
    if (!this.thread || this.bodies.length === 0) return;
    const targets = this.targets;
    const { texts, takeBack } = this.thread.convert(this.bodies);
    const handedOver = texts.then((converted) => {
      for (let i = 0; i < targets.length; i++) targets[i]?.(converted[i] ?? '');
    });
    this.sent.push({ handedOver, takeBack });
    this.bodies = [];
    this.targets = [];
  }
}
