import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import { RELEASE_MIN_BYTES, releaseBytes } from '../../src/lib/storage/release-bytes.ts';

// Issue #20: large buffers a build drops in passing are freed at once, so that V8's count of external
// memory does not start a full collection of the publish server's heap (release-bytes.ts).
const external = (): number => v8.getHeapStatistics().external_memory;

describe('releaseBytes', () => {
  it('frees a large buffer at once and takes its bytes off V8’s external memory', () => {
    const bytes = v8.serialize('x'.repeat(8 * RELEASE_MIN_BYTES));
    const before = external();
    releaseBytes(bytes);
    expect(bytes.buffer.detached).toBe(true);
    expect(bytes.length).toBe(0);
    expect(before - external()).toBeGreaterThanOrEqual(8 * RELEASE_MIN_BYTES);
  });

  it('frees a typed array that spans its buffer', () => {
    const array = new Uint32Array(RELEASE_MIN_BYTES);
    releaseBytes(array);
    expect(array.buffer.detached).toBe(true);
  });

  it('leaves alone what other views may share: a slice of Node’s pool, part of a buffer, small buffers', () => {
    const pooled = Buffer.from('kecil');
    releaseBytes(pooled);
    expect(pooled.buffer.detached).toBe(false);
    const whole = new Uint8Array(2 * RELEASE_MIN_BYTES);
    const part = whole.subarray(RELEASE_MIN_BYTES);
    releaseBytes(part);
    expect(whole.buffer.detached).toBe(false);
    expect(part.length).toBe(RELEASE_MIN_BYTES);
    const small = new Uint8Array(RELEASE_MIN_BYTES - 1);
    releaseBytes(small);
    expect(small.buffer.detached).toBe(false);
    // Released twice: nothing happens the second time.
    releaseBytes(whole);
    releaseBytes(whole);
    expect(whole.buffer.detached).toBe(true);
  });
});
