// Fault injection: one-shot queued faults, random faults for soak tests, latency and the rate limit.
import { Prng } from './prng';
import { RateLimiter } from './rateLimit';
import type { Fault, FaultMatch, RandomFaults, RateLimit, SandboxStats } from './types';

export class FaultControls {
	private queue: Array<{ fault: Fault; match?: FaultMatch }> = [];
	private random?: { probability: number; kinds: Fault[]; rng: Prng };

	constructor(
		/** Added to every API response; settable at any time. */
		public latencyMs: number,
		readonly rateLimiter: RateLimiter,
		readonly stats: SandboxStats,
	) {}

	/** Apply `fault` to the next request that matches (any API request when `match` is omitted). */
	enqueue(fault: Fault, match?: FaultMatch): void {
		this.queue.push({ fault, match });
	}

	/** Queued faults not yet applied. */
	get pending(): number {
		return this.queue.length;
	}

	clear(): void {
		this.queue = [];
	}

	/** Each API request fails with `probability`, with a kind drawn from `kinds` (deterministic PRNG). */
	failRandomly(opts: RandomFaults): void {
		if (!opts.kinds.length) throw new Error('failRandomly needs at least one fault kind');
		this.random = { probability: opts.probability, kinds: opts.kinds, rng: new Prng(opts.seed ?? 1) };
	}

	/** Stop random faults (queued ones stay). */
	stop(): void {
		this.random = undefined;
	}

	setRateLimit(limit: RateLimit | false): void {
		this.rateLimiter.limit = limit;
		this.rateLimiter.reset();
	}

	get rateLimit(): RateLimit | false {
		return this.rateLimiter.limit;
	}

	/**
	 * The fault for this request, if any. Token requests only take queued faults whose
	 * `pathIncludes` names them; random faults apply to API requests only.
	 */
	take(method: string, path: string, isToken: boolean): Fault | undefined {
		const lowerPath = path.toLowerCase();
		const index = this.queue.findIndex(({ match }) => {
			if (isToken && !match?.pathIncludes) return false;
			if (match?.method && match.method.toUpperCase() !== method.toUpperCase()) return false;
			return !match?.pathIncludes || lowerPath.includes(match.pathIncludes.toLowerCase());
		});
		if (index >= 0) return this.queue.splice(index, 1)[0].fault;
		if (!isToken && this.random && this.random.rng.next() < this.random.probability) {
			return this.random.rng.pick(this.random.kinds);
		}
		return undefined;
	}
}

export function describeFault(fault: Fault): string {
	if ('drop' in fault) return 'drop';
	if ('delayMs' in fault) return `delay ${fault.delayMs}ms`;
	return `status ${fault.status}`;
}
