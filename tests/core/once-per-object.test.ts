import { describe, expect, it } from 'vitest';
import { oncePerObject } from '../../src/lib/once-per-object.ts';

describe('oncePerObject', () => {
  it('makes one result per object and gives it back for that object only', () => {
    let made = 0;
    const summarize = oncePerObject((value: { n: number }) => ({ n: value.n, made: ++made }));
    const a = { n: 1 };
    const b = { n: 1 };
    const first = summarize(a);
    expect(summarize(a)).toBe(first);
    expect(summarize(b)).not.toBe(first);
    expect(summarize(b)).toEqual({ n: 1, made: 2 });
    expect(made).toBe(2);
  });
});
