/** Reads that give up when the run is interrupted: a read from a lost GPU context never resolves. */
export const INTERRUPTED = Symbol('interrupted');

export interface InterruptibleReads {
  /** The read's value, or INTERRUPTED once `interrupted` settles first. */
  read<T>(p: Promise<T>): Promise<T | typeof INTERRUPTED>;
  /** The reason the interruption gave, once it has. */
  reason(): string | null;
}

export function interruptibleReads(interrupted?: Promise<string>): InterruptibleReads {
  let why: string | null = null;
  const interruption: Promise<typeof INTERRUPTED> | undefined = interrupted?.then((r): typeof INTERRUPTED => {
    why = r;
    return INTERRUPTED;
  });
  return {
    read: (p) => (interruption ? Promise.race([p, interruption]) : p),
    reason: () => why,
  };
}
