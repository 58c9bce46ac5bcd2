/** When two tags name the same signal. */
import type { SignalRef } from './events';

/** The key that says two tags name the same signal: a playbook id, or a new name in any case. */
export function signalKey(signal: SignalRef): string {
	return signal.kind === 'playbook' ? `playbook:${signal.signalId}` : `new:${normalizeSignalName(signal.name)}`;
}

/** "  Pricing   Page Loops " and "pricing page loops" are the same new signal. */
export function normalizeSignalName(name: string): string {
	return name.trim().replace(/\s+/g, ' ').toLowerCase();
}
