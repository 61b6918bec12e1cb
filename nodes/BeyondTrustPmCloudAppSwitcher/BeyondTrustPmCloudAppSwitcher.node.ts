import { appSwitcher } from '../shared/catalogue/appSwitcher';
import { PmCloudActionNode } from '../shared/engine/actionNode';

export class BeyondTrustPmCloudAppSwitcher extends PmCloudActionNode {
	constructor() {
		super(appSwitcher);
	}
}
