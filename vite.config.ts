import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';

/** In development, hand Vite's HTTP server to the app so socket.io shares it (see httpServerSlot.ts). */
const shareHttpServer: Plugin = {
	name: 'signalroom-share-http-server',
	configureServer(server) {
		if (server.httpServer) (globalThis as Record<string, unknown>).__signalroomHttpServer = server.httpServer;
	}
};

export default defineConfig({
	plugins: [shareHttpServer, sveltekit()],
	server: { port: 3000 },
	test: {
		include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
		exclude: ['tests/e2e/**', 'node_modules/**'],
		environment: 'node',
		testTimeout: 30_000,
		hookTimeout: 120_000
	}
});
