import { scimRoles } from '../shared/catalogue/scimRoles';
import { PmCloudActionNode } from '../shared/engine/actionNode';

export class BeyondTrustPmCloudScimRoles extends PmCloudActionNode {
	constructor() {
		super(scimRoles);
	}
}
