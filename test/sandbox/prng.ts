// Deterministic pseudo-random numbers (mulberry32) and the helpers the seed data needs.
export class Prng {
	private s: number;

	constructor(seed: number) {
		this.s = seed >>> 0;
	}

	/** Uniform uint32. */
	u32(): number {
		this.s = (this.s + 0x6d2b79f5) >>> 0;
		let t = this.s;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return (t ^ (t >>> 14)) >>> 0;
	}

	/** Uniform float in [0, 1). */
	next(): number {
		return this.u32() / 4294967296;
	}

	/** Integer in [min, max] (inclusive). */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	chance(p: number): boolean {
		return this.next() < p;
	}

	pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.next() * items.length)];
	}

	/** Pick by weight: `[[value, weight], ...]`. */
	weighted<T>(items: ReadonlyArray<readonly [T, number]>): T {
		let total = 0;
		for (const [, w] of items) total += w;
		let r = this.next() * total;
		for (const [value, w] of items) {
			r -= w;
			if (r < 0) return value;
		}
		return items[items.length - 1][0];
	}

	hex(chars: number): string {
		let out = '';
		while (out.length < chars) out += this.u32().toString(16).padStart(8, '0');
		return out.slice(0, chars);
	}

	/** RFC 4122 version-4 shaped uuid. */
	uuid(): string {
		const h = this.hex(32);
		const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
		return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
	}
}
