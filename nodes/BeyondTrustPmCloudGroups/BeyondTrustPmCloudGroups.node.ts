import { groups } from '../shared/catalogue/groups';
import { PmCloudActionNode } from '../shared/engine/actionNode';

export class BeyondTrustPmCloudGroups extends PmCloudActionNode {
	constructor() {
		super(groups);
	}
}
