/**
 * For use:enhance on forms that change the page in place (save a note, mark an alert read):
 * SvelteKit resets focus after every successful action, as after a navigation, which sends a
 * keyboard user back to the top of the page. This puts focus back on the control that submitted
 * (or had focus), or, when that control is gone, on `fallback` (an element id), else the main
 * content.
 */
import type { SubmitFunction } from '@sveltejs/kit';

export function keepFocus(fallback?: string): SubmitFunction {
	return () => {
		const focused = document.activeElement instanceof HTMLElement ? document.activeElement : null;
		return async ({ update }) => {
			await update();
			// With a #fragment in the URL, SvelteKit moves focus to its target in a timeout of its own.
			await new Promise((resolve) => setTimeout(resolve));
			const visible = focused?.isConnected && focused.getClientRects().length > 0;
			const target = visible ? focused : ((fallback ? document.getElementById(fallback) : null) ?? document.getElementById('main'));
			target?.focus();
		};
	};
}
