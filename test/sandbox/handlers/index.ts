// Every handler, keyed by `${METHOD} ${catalogue path}`, and the start-up check that the catalogue is covered.
import { CatalogueOp, operationKey, queryNames } from '../catalogue';
import { acceptedDomainHandlers } from './acceptedDomains';
import { activityAuditHandlers } from './activityAudits';
import { adminAccessRequestHandlers } from './adminAccessRequest';
import { authorizationRequestHandlers } from './authorizationRequest';
import { computerHandlers } from './computers';
import { Handler, HandlerTable } from './context';
import { eventHandlers } from './events';
import { uncoveredFilters } from './generic';
import { groupHandlers } from './groups';
import { miscHandlers } from './misc';
import { policyHandlers } from './policies';
import { roleHandlers } from './roles';
import { scimHandlers } from './scim';
import { userHandlers } from './users';

export const handlers: HandlerTable = {
	...acceptedDomainHandlers,
	...activityAuditHandlers,
	...adminAccessRequestHandlers,
	...authorizationRequestHandlers,
	...computerHandlers,
	...eventHandlers,
	...groupHandlers,
	...miscHandlers,
	...policyHandlers,
	...roleHandlers,
	...scimHandlers,
	...userHandlers,
};

/**
 * The handler of each catalogue operation. Throws when an operation has none, or when a paged
 * operation's catalogue `Filter.*` parameters are not all implemented.
 */
export function bindHandlers(catalogue: CatalogueOp[]): Map<string, Handler> {
	const bound = new Map<string, Handler>();
	const problems: string[] = [];
	for (const op of catalogue) {
		const key = operationKey(op);
		const handler = handlers[key];
		if (!handler) {
			problems.push(`no handler for ${key}`);
			continue;
		}
		const missing = uncoveredFilters(handler, queryNames(op));
		if (missing.length) problems.push(`${key} does not implement ${missing.join(', ')}`);
		bound.set(key, handler);
	}
	if (problems.length) throw new Error(`Sandbox cannot serve the catalogue: ${problems.join('; ')}`);
	return bound;
}
