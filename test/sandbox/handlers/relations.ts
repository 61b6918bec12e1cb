// Values derived from relationships between records (a group's policy, a computer's group).
import type { Computer, Group } from '../models';
import type { SandboxState } from '../state';

export type PolicyRevisionStatus = 'NoPolicyAssigned' | 'OnLatestRevision' | 'NewerRevisionAvailable';

/** The policy fields of a group (and of its computers). */
export function groupPolicy(group: Group | undefined, state: SandboxState) {
	const applied = state.groupPolicy(group?.id);
	const status: PolicyRevisionStatus = !applied
		? 'NoPolicyAssigned'
		: applied.latest.id === applied.revision.id
			? 'OnLatestRevision'
			: 'NewerRevisionAvailable';
	return {
		policyId: applied?.policy.id ?? null,
		policyName: applied?.policy.name ?? null,
		policyRevisionId: applied?.revision.id ?? null,
		policyRevision: applied?.revision.revision ?? null,
		policyRevisionStatus: status,
	};
}

export const groupOf = (c: Computer, state: SandboxState): Group | undefined => state.groups.find(c.groupId);

/** Detaches computers from their group (group deleted, computers unassigned or rejected). */
export function unassign(computers: Computer[]): void {
	for (const c of computers) c.groupId = null;
}
