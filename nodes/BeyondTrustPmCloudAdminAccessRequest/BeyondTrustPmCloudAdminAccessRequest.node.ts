import { adminAccessRequest } from '../shared/catalogue/adminAccessRequest';
import { PmCloudActionNode } from '../shared/engine/actionNode';

export class BeyondTrustPmCloudAdminAccessRequest extends PmCloudActionNode {
	constructor() {
		super(adminAccessRequest);
	}
}
