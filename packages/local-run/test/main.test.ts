import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Runs `npm start`'s entry point with `env` only; resolves with its exit code and output. */
function start(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=@hdoc/source', 'packages/local-run/src/main.ts'], {
      cwd: ROOT,
      env: { PATH: process.env['PATH'] ?? '', PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    // A configuration that starts would keep running: stop it once it says it listens.
    child.stdout.on('data', () => {
      if (stdout.includes('hdoc API listening')) child.kill('SIGTERM');
    });
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe.concurrent('npm start with bad configuration', () => {
  const secret = 's3cr3t-value-7f3a';
  it.each([
    ['CORS_ORIGINS', `https://ok.example,https://${secret}.example/path`],
    ['CORS_ORIGINS', `*,https://${secret}.example`],
    ['PORT', `80${secret}`],
    ['TOKEN_SIGNING_KEY', `{"kty":"OKP","crv":"Ed25519","x":"${secret}"}`],
    ['TOKEN_SIGNING_KEY', `{"kty":"OKP","crv":"Ed25519","kid":"k","x":"${secret}","d":"${secret}"}`],
    ['ADAPTERS', `aws${secret}`],
    ['REDIS_URL', `http://${secret}@cache`],
  ])('%s=%s: exits 1 with one line naming the variable, no stack trace, no value', async (name, value) => {
    const { code, stdout, stderr } = await start({ [name]: value });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const lines = stderr.trimEnd().split('\n');
    expect(lines, stderr).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^invalid configuration: ${name}`));
    expect(stderr).not.toContain(secret);
    expect(stderr).not.toMatch(/\n\s+at /);
  }, 30_000);

  it("accepts CORS_ORIGINS='*' as any origin", async () => {
    const { stdout, stderr } = await start({ CORS_ORIGINS: '*' });
    expect(stderr).toBe('');
    expect(stdout).toContain('hdoc API listening');
  }, 30_000);
});
