import { defineConfig, devices } from '@playwright/test';

// End-to-end tests drive Debian's Chromium (/usr/bin/chromium, installed by
// scripts/ensure-chromium.sh in `pretest`): these machines cannot download Playwright's own
// browser builds. The app under test is the production build (`npm run build` in `pretest`),
// started by scripts/e2e-server.js on a fresh, temporary PGlite data directory each run.

// E2E_PORT lets several checkouts run their e2e suites side by side without reusing each other's server.
const PORT = Number(process.env.E2E_PORT ?? 4173);
const BASE_URL = `http://localhost:${PORT}`;
const CI = !!process.env.CI;

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.e2e.ts',
	outputDir: 'test-results',
	// 2 cores: the server, the test runner and each worker's browser share them.
	workers: CI ? 1 : 2,
	fullyParallel: false,
	forbidOnly: CI,
	retries: 0,
	timeout: 60_000,
	expect: { timeout: 10_000 },
	reporter: 'list',
	use: {
		baseURL: BASE_URL,
		screenshot: 'only-on-failure',
		trace: 'off',
		video: 'off'
	},
	projects: [
		{
			name: 'chromium',
			use: {
				...devices['Desktop Chrome'],
				headless: true,
				launchOptions: {
					executablePath: '/usr/bin/chromium',
					// The network here is closed: without the background-networking flags Chromium
					// keeps trying (and failing) to reach Google's services.
					args: [
						'--no-sandbox',
						'--disable-gpu',
						'--disable-quic',
						'--no-first-run',
						'--disable-background-networking',
						'--disable-component-update',
						'--disable-sync'
					]
				}
			}
		}
	],
	webServer: {
		command: 'node scripts/e2e-server.js scripts/start.js',
		url: BASE_URL,
		// WEBHOOK_ALLOW_PRIVATE: the webhook spec registers a receiver on 127.0.0.1.
		env: { PORT: String(PORT), ORIGIN: BASE_URL, WEBHOOK_ALLOW_PRIVATE: '1' },
		// The first start migrates a new PGlite store and seeds the demo workspace.
		timeout: 180_000,
		reuseExistingServer: !CI,
		// SIGTERM lets the launcher stop the app and delete its temporary data directory.
		gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
		stdout: 'pipe',
		stderr: 'pipe'
	}
});
