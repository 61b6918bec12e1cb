// AcceptedDomains: e-mail domains users may belong to.
import { isoMs } from '../dates';
import type { AcceptedDomain } from '../models';
import { invalid } from '../problem';
import type { SandboxState } from '../state';
import { str } from './body';
import { created, done, HandlerTable } from './context';
import { arrayHandler, deleteHandler, getHandler } from './generic';

const DOMAIN_RE = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

const view = (d: AcceptedDomain) => ({ id: d.id, domain: d.domain, created: d.created });

/** "Either DomainName or Domain required"; must look like a domain and be unique. */
function domainFrom(body: unknown, state: SandboxState, self?: AcceptedDomain): string {
	const domain = (str(body, 'domainName') ?? str(body, 'domain'))?.trim().toLowerCase();
	if (!domain) throw invalid('domainName', 'Either DomainName or Domain is required.');
	if (!DOMAIN_RE.test(domain)) throw invalid('domainName', `'${domain}' is not a valid domain name.`);
	if (state.acceptedDomains.all().some((d) => d !== self && d.domain === domain)) {
		throw invalid('domainName', `The domain '${domain}' already exists.`);
	}
	return domain;
}

export const acceptedDomainHandlers: HandlerTable = {
	'GET /v3/AcceptedDomains': arrayHandler((ctx) => ctx.state.acceptedDomains.all(), view),
	'GET /v3/AcceptedDomains/{id}': getHandler((s) => s.acceptedDomains, view),
	'DELETE /v3/AcceptedDomains/{id}': deleteHandler((s) => s.acceptedDomains),
	'POST /v3/AcceptedDomains': (ctx) => {
		const domain = domainFrom(ctx.body, ctx.state);
		const item = { id: ctx.state.rng.uuid(), domain, created: isoMs(ctx.state.now()) };
		ctx.state.acceptedDomains.add(item);
		return created(ctx.op, item.id);
	},
	'PUT /v3/AcceptedDomains/{id}': (ctx) => {
		const item = ctx.state.acceptedDomains.require(ctx.params.id);
		item.domain = domainFrom(ctx.body, ctx.state, item);
		return done(ctx.op);
	},
};
