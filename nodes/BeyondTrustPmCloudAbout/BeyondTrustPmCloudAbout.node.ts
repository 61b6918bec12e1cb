import { about } from '../shared/catalogue/about';
import { PmCloudActionNode } from '../shared/engine/actionNode';

export class BeyondTrustPmCloudAbout extends PmCloudActionNode {
	constructor() {
		super(about);
	}
}
