import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const MAIN = fileURLToPath(new URL('../../src/main.ts', import.meta.url));
const TSX_CLI = createRequire(import.meta.url).resolve('tsx/cli');

/** The end of the demo banner: the sign-in command, base URL and credentials as printed. */
const BANNER_END = /curl -s -X POST (\S+)\/sessions .*\n.*-d '\{"username":"([^"]+)","password":"([^"]+)"\}'\n/;

describe('npm start -- --demo (the real process)', () => {
  it('prints the demo sign-in once on stdout, outside every log line, and the printed sign-in works', async () => {
    // As `npm run demo` runs it, on a free port, logging at the most verbose level.
    const child = spawn(process.execPath, [TSX_CLI, '--conditions=@hdoc/source', MAIN, '--demo'], {
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'trace' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    try {
      const banner = await new Promise<RegExpExecArray>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString('utf8');
          const match = BANNER_END.exec(stdout);
          if (match) resolve(match);
        });
        child.once('exit', (code) => reject(new Error(`exited with ${code} before printing the demo sign-in: ${stderr}`)));
      });
      const [, baseUrl, username, password] = banner as unknown as [string, string, string, string];
      expect(stdout).toContain(`  username: ${username}\n  password: ${password}\n`);

      const login = await fetch(`${baseUrl}/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password }),
      });
      expect(login.status).toBe(200);
      const { access_token: accessToken } = (await login.json()) as { access_token: string };
      const photos = await fetch(`${baseUrl}/photos`, { headers: { authorization: `Bearer ${accessToken}` } });
      const items = ((await photos.json()) as { items: { status: string }[] }).items;
      expect(items.length).toBeGreaterThan(0);
      expect(items.every((photo) => photo.status === 'ready')).toBe(true);
      const board = (await (await fetch(`${baseUrl}/leaderboard`)).json()) as { items: { total_score: number; github_streak: number }[] };
      expect(board.items.some((row) => row.total_score > 0 && row.github_streak > 1)).toBe(true);

      child.kill('SIGTERM');
      const [code] = (await once(child, 'exit')) as [number | null];
      expect(code).toBe(0);
      const logLines = stdout.split('\n').filter((line) => line.startsWith('{'));
      expect(logLines.some((line) => line.includes('"demo data loaded"'))).toBe(true);
      expect(logLines.filter((line) => line.includes(password))).toEqual([]);
      expect(stderr).not.toContain(password);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  }, 60_000);
});
