export const apiErrorFixtures = {
	validation: {
		type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
		title: 'One or more validation errors occurred.',
		status: 400,
		traceId: '00-abc-def-00',
		errors: { 'Pagination.PageSize': ['The field PageSize must be between 1 and 200.'] },
	},
};
