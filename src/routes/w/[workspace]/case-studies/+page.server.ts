import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, url }) => redirect(307, `/w/${params.workspace}/case-studies/churn${url.search}`);
