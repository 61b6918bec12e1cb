import { policies } from '../shared/catalogue/policies';
import { PmCloudActionNode } from '../shared/engine/actionNode';

export class BeyondTrustPmCloudPolicies extends PmCloudActionNode {
	constructor() {
		super(policies);
	}
}
