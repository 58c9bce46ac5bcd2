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
		// Migrates one PGlite store and one PostgreSQL template per run; database tests copy them (tests/databases.ts).
		globalSetup: ['tests/globalSetup.ts'],
		testTimeout: 30_000,
		// Tests' webhook receivers listen on 127.0.0.1, which the app otherwise refuses (publicAddress.ts).
		env: { WEBHOOK_ALLOW_PRIVATE: '1' },
		hookTimeout: 120_000
	}
});
