import { fmix32 } from './hash';

/** Ring points per host: libketama's 160, enough for an even spread over a handful of hosts. */
const RING_POINTS_PER_HOST = 160;

/**
 * A consistent-hash ring (Karger et al.; libketama, Envoy's ring_hash): every host owns a fixed
 * number of pseudo-random points and a key belongs to the first point clockwise from its hash.
 * Points depend only on the host index, so when a host leaves only the keys it owned move.
 */
export class HashRing {
  private points = new Uint32Array(0);
  private owners = new Int32Array(0);
  private length = 0;

  /** Rebuilds the ring over `hosts[0..count)`; O(count * points * log) but only on membership changes. */
  rebuild(hosts: Int32Array, count: number): void {
    const n = count * RING_POINTS_PER_HOST;
    const hashes = new Uint32Array(n);
    const owners = new Int32Array(n);
    for (let h = 0; h < count; h++) {
      const host = hosts[h]!;
      for (let r = 0; r < RING_POINTS_PER_HOST; r++) {
        const k = h * RING_POINTS_PER_HOST + r;
        hashes[k] = fmix32(Math.imul(host + 1, 0x9e3779b1) ^ fmix32(r + 0x7f4a7c15));
        owners[k] = host;
      }
    }
    const order = Array.from({ length: n }, (_, i) => i);
    // Ties on a point go to the lower host index so the ring never depends on insertion order.
    order.sort((a, b) => hashes[a]! - hashes[b]! || owners[a]! - owners[b]!);
    this.points = new Uint32Array(n);
    this.owners = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      this.points[i] = hashes[order[i]!]!;
      this.owners[i] = owners[order[i]!]!;
    }
    this.length = n;
  }

  /** The host owning a 32-bit key hash, or -1 on an empty ring; O(log points). */
  lookup(keyHash: number): number {
    if (this.length === 0) return -1;
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.points[mid]! < keyHash) lo = mid + 1;
      else hi = mid;
    }
    return this.owners[lo === this.length ? 0 : lo]!;
  }
}
