import { describe, expect, it } from 'vitest';
import { confirmsErasure, erasureNeedles, erasurePattern } from './erasure';

const ana = { firstName: 'Ana', lastName: 'Lopez', email: 'ana.lopez@acme.com' };

describe('confirmsErasure', () => {
	it('accepts the full name or the email, ignoring case and extra spaces', () => {
		expect(confirmsErasure('  ana   LOPEZ ', ana)).toBe(true);
		expect(confirmsErasure('Ana.Lopez@acme.com', ana)).toBe(true);
	});
	it('refuses anything else', () => {
		expect(confirmsErasure('Ana', ana)).toBe(false);
		expect(confirmsErasure('', { ...ana, email: null })).toBe(false);
	});
});

describe('erasurePattern', () => {
	it('matches the email and the name in either order, in plain and JSON text', () => {
		const re = new RegExp(erasurePattern(erasureNeedles(ana))!, 'gi');
		expect('Call with ANA LOPEZ (ana.lopez@acme.com); Lopez, Ana agreed'.replace(re, '[erased]')).toBe('Call with [erased] ([erased]); [erased] agreed');
		expect('anaxlopez@acmexcom'.replace(re, '[erased]')).toBe('anaxlopez@acmexcom');
	});
	it('escapes quotes the way JSON text holds them', () => {
		const needles = erasureNeedles({ firstName: 'Dee "DJ"', lastName: "O'Neil", email: null });
		const json = JSON.stringify({ text: 'met Dee "DJ" O\'Neil' });
		expect(json.replace(new RegExp(erasurePattern(needles)!, 'gi'), '[erased]')).toBe('{"text":"met [erased]"}');
	});
	it('has nothing to match for a name too short to search safely', () => {
		expect(erasurePattern(erasureNeedles({ firstName: 'Al', lastName: '', email: null }))).toBeNull();
	});
});
