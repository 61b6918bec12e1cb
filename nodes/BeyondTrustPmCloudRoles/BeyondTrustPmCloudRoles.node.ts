import { roles } from '../shared/catalogue/roles';
import { PmCloudActionNode } from '../shared/engine/actionNode';

export class BeyondTrustPmCloudRoles extends PmCloudActionNode {
	constructor() {
		super(roles);
	}
}
