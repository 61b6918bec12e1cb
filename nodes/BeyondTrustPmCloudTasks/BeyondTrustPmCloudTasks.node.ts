import { tasks } from '../shared/catalogue/tasks';
import { PmCloudActionNode } from '../shared/engine/actionNode';

export class BeyondTrustPmCloudTasks extends PmCloudActionNode {
	constructor() {
		super(tasks);
	}
}
