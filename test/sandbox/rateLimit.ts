// Sliding-window rate limit per API client.
import type { RateLimit } from './types';

export class RateLimiter {
	private readonly hits = new Map<string, number[]>();

	constructor(public limit: RateLimit | false = false) {}

	/** Counts the request and returns undefined, or returns the seconds to wait (request not counted). */
	check(clientId: string, now: number): number | undefined {
		if (!this.limit) return undefined;
		const { requests, windowMs } = this.limit;
		const list = this.hits.get(clientId) ?? [];
		this.hits.set(clientId, list);
		let expired = 0;
		while (expired < list.length && list[expired] <= now - windowMs) expired++;
		if (expired) list.splice(0, expired);
		if (list.length >= requests) return Math.max(1, Math.ceil((list[0] + windowMs - now) / 1000));
		list.push(now);
		return undefined;
	}

	reset(): void {
		this.hits.clear();
	}
}
