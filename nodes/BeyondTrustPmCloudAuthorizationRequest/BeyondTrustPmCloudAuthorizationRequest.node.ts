import { authorizationRequest } from '../shared/catalogue/authorizationRequest';
import { PmCloudActionNode } from '../shared/engine/actionNode';

export class BeyondTrustPmCloudAuthorizationRequest extends PmCloudActionNode {
	constructor() {
		super(authorizationRequest);
	}
}
