import { globalRoles } from '../shared/catalogue/globalRoles';
import { PmCloudActionNode } from '../shared/engine/actionNode';

export class BeyondTrustPmCloudGlobalRoles extends PmCloudActionNode {
	constructor() {
		super(globalRoles);
	}
}
