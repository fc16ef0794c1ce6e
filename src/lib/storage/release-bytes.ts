/**
 * Frees a large buffer's memory now, once nothing will read it again: for the buffers a build makes
 * and drops in passing (a file's serialized bytes once written, a scratch array once copied from).
 *
 * V8 counts the bytes behind every `ArrayBuffer` (Node's buffers and typed arrays) as its "external
 * memory" until a garbage collection frees them, and once that count has grown by 64 MB since the
 * last full collection it starts another (`--trace-incremental-marking` says "external memory
 * pressure"), whatever the heap's own size. The publish server's heap is about 1.4 GB at 100,000
 * articles, which takes about a second to mark: the 90 to 130 MB of such buffers a publish made and
 * dropped started that marking inside most publishes, and again right after each, before the
 * server's own collection (issue #20). Detaching the buffer (`ArrayBuffer.prototype.transfer(0)`,
 * whose old bytes V8 frees at once) takes its bytes off the count. No library does this; it is one
 * call, guarded.
 *
 * Only a view that spans its whole `ArrayBuffer` is released: Node's small buffers are slices of one
 * shared pool, and a view of part of a buffer may not be the only one. Below {@link RELEASE_MIN_BYTES}
 * nothing is done: such buffers die young and a minor collection frees them. The view reads as empty
 * afterwards: callers release only what they made themselves, at its last use.
 */
export function releaseBytes(view: ArrayBufferView): void {
  const { buffer } = view;
  if (!(buffer instanceof ArrayBuffer) || buffer.detached) return;
  if (view.byteLength !== buffer.byteLength || buffer.byteLength < RELEASE_MIN_BYTES) return;
  buffer.transfer(0);
}

/** Smallest buffer {@link releaseBytes} frees: 1 MB. */
export const RELEASE_MIN_BYTES = 1 << 20;
