import { randomUUID } from 'crypto';

import type { Sandbox } from '../sandbox';
import type { Policy, PolicyRevision } from '../sandbox/models';

/** A resource locator value "By ID", as n8n stores it. */
export const rl = (value: string) => ({ __rl: true, mode: 'id', value });

/** A small policy file as the console exports it. */
export const policyXml = (name: string) =>
	`<?xml version="1.0" encoding="utf-8"?>\n<Configuration Name="${name}" RevisionNumber="1" FileVersion="24.7.0">\n  <Workstyles />\n</Configuration>\n`;

/** A policy only the calling case uses, with `count` revisions (1..count); revision i holds `policyXml("<name> r<i>")`. */
export function addPolicy(
	sandbox: Sandbox,
	name: string,
	count = 2,
	extra: Partial<Policy> = {},
): { policy: Policy; revisions: PolicyRevision[] } {
	const now = new Date().toISOString();
	const policy = sandbox.state.policies.add({
		id: randomUUID(),
		name,
		description: `${name} description`,
		created: now,
		modified: now,
		checkedOutBy: null,
		hasOpenDraft: false,
		...extra,
	})[0];
	const revisions = Array.from({ length: count }, (_, i) =>
		sandbox.state.revisions.add({
			id: randomUUID(),
			policyId: policy.id,
			revision: i + 1,
			created: new Date(Date.parse(policy.created) + i * 1000).toISOString(),
			user: 'admin@example.com',
			comment: `Revision ${i + 1}`,
			content: Buffer.from(policyXml(`${name} r${i + 1}`)),
		})[0],
	);
	return { policy, revisions };
}
