import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { io as connect, type Socket } from 'socket.io-client';
import type { Server } from 'socket.io';
import { testDatabases } from '../../../../tests/databases';
import { makeUser } from '../../../../tests/factories';
import type { OpenDatabase } from '../db/index';
import { createSession, generateSessionToken, SESSION_COOKIE } from '../auth/session';
import { attachRealtime } from './attachRealtime';

describe.each(testDatabases())('realtime handshake on $name', ({ open }) => {
	let store: OpenDatabase;
	let server: http.Server;
	let io: Server;
	let url: string;
	const sockets: Socket[] = [];

	beforeAll(async () => {
		store = await open();
		server = http.createServer();
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
		io = attachRealtime(server, { database: async () => store.db, env: { ORIGIN: 'https://app.example', PORT: '1' } });
		io.on('connection', (socket) => socket.emit('hello', socket.data.user.email));
	});
	afterAll(async () => {
		for (const s of sockets) s.close();
		io.close();
		await store.close();
	});

	/** A real socket.io client, websocket only, with the given Origin and cookie. */
	function client(headers: Record<string, string>) {
		const socket = connect(url, { transports: ['websocket'], reconnection: false, extraHeaders: headers });
		sockets.push(socket);
		return socket;
	}

	const outcome = (socket: Socket) =>
		new Promise<{ hello?: string; error?: string }>((resolve) => {
			socket.on('hello', (email: string) => resolve({ hello: email }));
			socket.on('connect_error', (e) => resolve({ error: e.message }));
		});

	it('lets a signed-in user in from the app’s own origin', async () => {
		const u = await makeUser(store.db);
		const token = generateSessionToken();
		await createSession(store.db, token, u.id);
		const result = await outcome(client({ origin: 'https://app.example', cookie: `${SESSION_COOKIE}=${token}` }));
		expect(result).toEqual({ hello: u.email });
	});

	it('refuses a connection without a valid session', async () => {
		expect(await outcome(client({ origin: 'https://app.example' }))).toEqual({ error: 'Sign in to join live sessions.' });
		expect(await outcome(client({ origin: 'https://app.example', cookie: `${SESSION_COOKIE}=forged` }))).toEqual({
			error: 'Sign in to join live sessions.'
		});
	});

	it('refuses a signed-in user’s browser on another site (Origin not allowed)', async () => {
		const u = await makeUser(store.db);
		const token = generateSessionToken();
		await createSession(store.db, token, u.id);
		const result = await outcome(client({ origin: 'https://evil.example', cookie: `${SESSION_COOKIE}=${token}` }));
		expect(result.hello).toBeUndefined();
		expect(result.error).toBe("websocket error");
	});
});
