#!/usr/bin/env node
// `npm run dev`: the API (restarted when server code changes) and the web app with hot reload.
// Open the address Vite prints; it forwards /api to the API server.
import { spawn } from 'node:child_process';
import { createServer } from 'vite';

const apiPort = process.env.PORT ?? '8080';
const api = spawn('npx', ['tsx', 'watch', '--clear-screen=false', '--exclude', 'src/web/**', 'src/cli.ts', 'start'], {
  stdio: 'inherit',
  env: { ...process.env, PORT: apiPort, RAQMANA_SKIP_WEB_BUILD: '1' },
});

process.env.API_URL ??= `http://localhost:${apiPort}`;
const web = await createServer({ configFile: new URL('../vite.config.ts', import.meta.url).pathname });
await web.listen();
web.printUrls();

const stop = async () => {
  api.kill('SIGTERM');
  await web.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
api.on('exit', (code) => {
  if (code) console.error(`API server exited with code ${code}`);
});
