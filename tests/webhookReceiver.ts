/** A real HTTP receiver on 127.0.0.1 for webhook tests: records each request, answers as told. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedHook {
	headers: http.IncomingHttpHeaders;
	body: string;
}

export async function startReceiver(answer: (n: number) => number = () => 200) {
	const received: ReceivedHook[] = [];
	const waiters: (() => void)[] = [];
	const server = http.createServer((req, res) => {
		let body = '';
		req.on('data', (c) => (body += c));
		req.on('end', () => {
			received.push({ headers: req.headers, body });
			const status = answer(received.length);
			res.writeHead(status, { 'Content-Type': 'text/plain' }).end(status >= 300 ? 'receiver says no' : 'ok');
			for (const w of waiters.splice(0)) w();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
	return {
		url,
		received,
		/** Resolves once `count` requests have arrived (event-driven, no polling). */
		waitFor(count: number) {
			return new Promise<void>((resolve) => {
				const check = () => (received.length >= count ? resolve() : waiters.push(check));
				check();
			});
		},
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}
