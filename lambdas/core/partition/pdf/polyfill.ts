/**
 * pdf.js (unpdf 1.8.1 declares Node ≥ 22) calls `ArrayBuffer.prototype.transferToFixedLength` (ES2024, Node 21+)
 * while building operator lists. On Node 20 (this machine, CI) the call throws inside pdf.js, which logs
 * "ignoring errors" and returns a truncated list: table rules silently go missing. Lambda's Node 22 has it.
 */
interface FixedLengthTransfer {
  transferToFixedLength?: (length?: number) => ArrayBuffer;
}

const proto = ArrayBuffer.prototype as ArrayBuffer & FixedLengthTransfer;
if (typeof proto.transferToFixedLength !== 'function') {
  Object.defineProperty(ArrayBuffer.prototype, 'transferToFixedLength', {
    configurable: true,
    writable: true,
    value(this: ArrayBuffer, length: number = this.byteLength): ArrayBuffer {
      // Detaches the original, as the native method does.
      const moved = structuredClone(this, { transfer: [this] });
      if (length === moved.byteLength) return moved;
      const out = new ArrayBuffer(length);
      new Uint8Array(out).set(new Uint8Array(moved, 0, Math.min(length, moved.byteLength)));
      return out;
    },
  });
}
