// Deterministic pseudo-random numbers (mulberry32) and the helpers the seed data needs.
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
// Module-level aliases: global lookups are slow inside jest's vm context, and these run millions of times.
const { imul, floor } = Math;
export class Prng {
	private s: number;

	constructor(seed: number) {
		this.s = seed >>> 0;
	}

	/** Uniform uint32. */
	u32(): number {
		this.s = (this.s + 0x6d2b79f5) >>> 0;
		let t = this.s;
		t = imul(t ^ (t >>> 15), t | 1);
		t ^= t + imul(t ^ (t >>> 7), t | 61);
		return (t ^ (t >>> 14)) >>> 0;
	}

	/** Uniform float in [0, 1). */
	next(): number {
		return this.u32() / 4294967296;
	}

	/** Integer in [min, max] (inclusive). */
	int(min: number, max: number): number {
		return min + floor(this.next() * (max - min + 1));
	}

	chance(p: number): boolean {
		return this.next() < p;
	}

	pick<T>(items: readonly T[]): T {
		return items[floor(this.next() * items.length)];
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

	/** 8 hex digits. */
	private hex8(): string {
		const v = this.u32();
		return HEX[v >>> 24] + HEX[(v >>> 16) & 0xff] + HEX[(v >>> 8) & 0xff] + HEX[v & 0xff];
	}

	hex(chars: number): string {
		let out = '';
		while (out.length < chars) out += this.hex8();
		return out.length === chars ? out : out.slice(0, chars);
	}

	/** RFC 4122 version-4 shaped uuid. */
	uuid(): string {
		const a = this.u32();
		const b = this.u32();
		const c = this.u32();
		const d = this.u32();
		return (
			HEX[a >>> 24] + HEX[(a >>> 16) & 0xff] + HEX[(a >>> 8) & 0xff] + HEX[a & 0xff] + '-' +
			HEX[b >>> 24] + HEX[(b >>> 16) & 0xff] + '-' + HEX[((b >>> 8) & 0x0f) | 0x40] + HEX[b & 0xff] + '-' +
			HEX[((c >>> 24) & 0x3f) | 0x80] + HEX[(c >>> 16) & 0xff] + '-' + HEX[(c >>> 8) & 0xff] + HEX[c & 0xff] +
			HEX[d >>> 24] + HEX[(d >>> 16) & 0xff] + HEX[(d >>> 8) & 0xff] + HEX[d & 0xff]
		);
	}
}

/** FNV-1a 32-bit hash: a stable PRNG seed derived from an id. */
export function hashString(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) h = imul(h ^ text.charCodeAt(i), 0x01000193);
	return h >>> 0;
}
