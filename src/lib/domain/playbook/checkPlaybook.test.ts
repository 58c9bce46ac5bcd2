import { describe, expect, it } from 'vitest';
import { checkPlaybook } from './checkPlaybook';

const block = (status: string, rule: string) =>
	['```signal', 'id: s-1', 'name: S', 'family: buying', `status: ${status}`, `rule: ${rule}`, 'means: m', 'action: a', '```', ''].join('\n');

describe('checkPlaybook', () => {
	it('passes a sound playbook', () => {
		expect(checkPlaybook({ sections: [{ slug: 'a', title: 'A', body: block('stable', 'count(pricing_visit) >= 3 within 1d') }] })).toEqual([]);
	});

	it('blocks bad slugs, titles and signal blocks', () => {
		const problems = checkPlaybook({
			sections: [
				{ slug: 'Bad Slug', title: ' ', body: '' },
				{ slug: 'b', title: 'B', body: block('stable', 'count(pricing_visit) >= 3 within 1d').replace('family: buying', 'family: nope') }
			]
		});
		expect(problems.map((p) => [p.sectionSlug, p.blocking])).toEqual([
			['Bad Slug', true],
			['Bad Slug', true],
			['b', true]
		]);
		expect(problems[2].message).toContain("family is 'nope'");
	});

	it('reports unreadable rules on the rule line; blocking only for signals that run', () => {
		const problems = checkPlaybook({
			sections: [
				{ slug: 'a', title: 'A', body: `intro\n${block('stable', 'count(pricing_visit) >= 3 within tomorrow')}` },
				{ slug: 'b', title: 'B', body: block('draft', 'nonsense ((').replace('s-1', 's-2') }
			]
		});
		expect(problems).toHaveLength(2);
		expect(problems[0]).toMatchObject({ sectionSlug: 'a', line: 7, signalId: 's-1', blocking: true });
		expect(problems[0].message).toMatch(/^Signal 's-1' \(line 7\): the rule could not be read: .+\(column \d+\)\.$/);
		expect(problems[1]).toMatchObject({ sectionSlug: 'b', signalId: 's-2', blocking: false });
	});
});
