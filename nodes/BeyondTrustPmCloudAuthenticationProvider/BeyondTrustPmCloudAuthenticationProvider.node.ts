import { authenticationProvider } from '../shared/catalogue/authenticationProvider';
import { PmCloudActionNode } from '../shared/engine/actionNode';

export class BeyondTrustPmCloudAuthenticationProvider extends PmCloudActionNode {
	constructor() {
		super(authenticationProvider);
	}
}
