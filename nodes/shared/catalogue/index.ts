import { about } from './about';
import { acceptedDomains } from './acceptedDomains';
import { activityAudits } from './activityAudits';
import { adminAccessRequest } from './adminAccessRequest';
import { apiAccounts } from './apiAccounts';
import { appSwitcher } from './appSwitcher';
import { authenticationProvider } from './authenticationProvider';
import { authorizationRequest } from './authorizationRequest';
import { authorizationRequestAudits } from './authorizationRequestAudits';
import { computers } from './computers';
import { events } from './events';
import { file } from './file';
import { globalRoles } from './globalRoles';
import { groups } from './groups';
import { policies } from './policies';
import { roles } from './roles';
import { scimResourceTypes } from './scimResourceTypes';
import { scimRoles } from './scimRoles';
import { scimSchemas } from './scimSchemas';
import { scimServiceProviderConfig } from './scimServiceProviderConfig';
import { scimUsers } from './scimUsers';
import { tasks } from './tasks';
import type { TagDeclaration } from './types';
import { users } from './users';

/** Every API tag, in the order of the vendor's reference. One action node each. */
export const TAGS: TagDeclaration[] = [
	acceptedDomains,
	activityAudits,
	adminAccessRequest,
	appSwitcher,
	authorizationRequest,
	authorizationRequestAudits,
	computers,
	file,
	globalRoles,
	groups,
	policies,
	roles,
	tasks,
	users,
	about,
	apiAccounts,
	authenticationProvider,
	events,
	scimResourceTypes,
	scimRoles,
	scimSchemas,
	scimServiceProviderConfig,
	scimUsers,
];
