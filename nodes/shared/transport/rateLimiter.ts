import { sleep } from 'n8n-workflow';

/**
 * A sliding-window limiter: never more than `limit` requests start within any `windowMs`.
 * A client that respects a sliding window also respects a server's fixed window of the same size.
 *
 * Slots are reserved synchronously, so concurrent callers never race for the same slot. Memory is one
 * timestamp per slot (1,000 numbers at the API's default).
 */
export class SlidingWindowLimiter {
	private readonly starts: number[] = [];

	private head = 0;

	private pausedUntil = 0;

	/** max(250 ms, 1% of the window), see reserve(). */
	private readonly marginMs: number;

	constructor(
		readonly limit: number,
		readonly windowMs: number,
		private readonly now: () => number = Date.now,
	) {
		this.marginMs = Math.max(250, windowMs / 100);
	}

	/** Waits until a request may start, then counts it. */
	async acquire(): Promise<void> {
		const at = this.reserve();
		const wait = at - this.now();
		if (wait > 0) await sleep(wait);
	}

	/** The tenant answered 429: hold every caller of this limiter until `untilMs`. */
	pause(untilMs: number): void {
		this.pausedUntil = Math.max(this.pausedUntil, untilMs);
	}

	private reserve(): number {
		let at = Math.max(this.now(), this.pausedUntil);
		if (this.starts.length < this.limit) {
			this.starts.push(at);
			return at;
		}
		// The slot reused is the oldest of the last `limit` starts; it frees one window after that start,
		// plus a margin: the tenant counts a request when it arrives, a little after we send it.
		at = Math.max(at, this.starts[this.head] + this.windowMs + this.marginMs);
		this.starts[this.head] = at;
		this.head = (this.head + 1) % this.limit;
		return at;
	}
}

const limiters = new Map<string, SlidingWindowLimiter>();

/**
 * One limiter per tenant and API client, shared by every execution in this n8n process.
 * Changing the configured limit replaces the limiter.
 */
export function limiterFor(key: string, limit: number, windowMs: number): SlidingWindowLimiter {
	const existing = limiters.get(key);
	if (existing && existing.limit === limit && existing.windowMs === windowMs) return existing;
	const limiter = new SlidingWindowLimiter(limit, windowMs);
	limiters.set(key, limiter);
	return limiter;
}
