import { activityAudits } from '../shared/catalogue/activityAudits';
import { PmCloudActionNode } from '../shared/engine/actionNode';

export class BeyondTrustPmCloudActivityAudits extends PmCloudActionNode {
	constructor() {
		super(activityAudits);
	}
}
