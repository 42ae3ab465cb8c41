import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '../../src/local/local-process.js';

/** A port the OS picked and released, for a server a test starts. */
export { freePort };

/**
 * A redis-server of the test's own (no persistence), so a test can stop, pause and restart it
 * without touching the machine's shared Redis.
 */
export class PrivateRedisServer {
  private process: ChildProcess | undefined;

  private constructor(
    readonly port: number,
    private readonly extraArgs: readonly string[],
  ) {}

  static async start(extraArgs: readonly string[] = []): Promise<PrivateRedisServer> {
    const server = new PrivateRedisServer(await freePort(), extraArgs);
    await server.startAgain();
    return server;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Starts the server (again, on the same port) and waits until it accepts connections. */
  async startAgain(): Promise<void> {
    const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', ...this.extraArgs];
    const child = spawn('redis-server', args, { stdio: 'ignore' });
    this.process = child;
    child.once('error', () => undefined);
    for (let attempt = 0; attempt < 100; attempt += 1) {
      if (await this.accepts()) return;
      if (child.exitCode !== null) break;
      await sleep(50);
    }
    throw new Error(`redis-server did not start on port ${this.port} (is redis-server installed? see scripts/ensure-services.sh)`);
  }

  /** Kills the server and waits for it to be gone. */
  async stop(): Promise<void> {
    const child = this.process;
    this.process = undefined;
    if (child === undefined || child.exitCode !== null) return;
    child.kill('SIGKILL');
    await once(child, 'exit');
  }

  /** Freezes (SIGSTOP) or thaws (SIGCONT) the server: connections stay open, nothing answers. */
  signal(signal: 'SIGSTOP' | 'SIGCONT'): void {
    this.process?.kill(signal);
  }

  private async accepts(): Promise<boolean> {
    const socket = net.connect(this.port, '127.0.0.1');
    try {
      await once(socket, 'connect');
      return true;
    } catch {
      return false;
    } finally {
      socket.destroy();
    }
  }
}
