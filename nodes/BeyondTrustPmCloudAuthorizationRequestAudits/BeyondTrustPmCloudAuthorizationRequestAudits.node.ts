import { authorizationRequestAudits } from '../shared/catalogue/authorizationRequestAudits';
import { PmCloudActionNode } from '../shared/engine/actionNode';

export class BeyondTrustPmCloudAuthorizationRequestAudits extends PmCloudActionNode {
	constructor() {
		super(authorizationRequestAudits);
	}
}
