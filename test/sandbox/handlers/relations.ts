// Values derived from relationships between records (a group's policy, a computer's group).
import type { Computer, Group } from '../models';
import type { SandboxState } from '../state';

export type PolicyRevisionStatus = 'NoPolicyAssigned' | 'OnLatestRevision' | 'NewerRevisionAvailable';

export function groupPolicy(group: Group | undefined, state: SandboxState) {
	const revision = state.revisions.find(group?.policyRevisionId);
	const policy = state.policies.find(revision?.policyId);
	const latest = policy ? state.latestRevision(policy.id) : undefined;
	const status: PolicyRevisionStatus = !policy
		? 'NoPolicyAssigned'
		: latest?.id === revision?.id
			? 'OnLatestRevision'
			: 'NewerRevisionAvailable';
	return {
		policyId: policy?.id ?? null,
		policyName: policy?.name ?? null,
		policyRevisionId: policy ? revision!.id : null,
		policyRevision: policy ? revision!.revision : null,
		policyRevisionStatus: status,
	};
}

export const groupOf = (c: Computer, state: SandboxState): Group | undefined => state.groups.find(c.groupId);

/** Detaches computers from their group (group deleted, computers unassigned or rejected). */
export function unassign(computers: Computer[]): void {
	for (const c of computers) c.groupId = null;
}
