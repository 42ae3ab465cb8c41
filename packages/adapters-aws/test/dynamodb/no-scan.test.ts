import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SOURCES = fileURLToPath(new URL('../../src', import.meta.url));

/** ScanCommand, the `Scan` operation by name, and `.scan(` (aggregated clients, DocumentClient v2 style). */
const SCAN_CALL = /\bScanCommand\b|['"`]Scan['"`]|\.scan\s*\(/;

async function sourceFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && /\.[cm]?[jt]s$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('DynamoDB reads', () => {
  it('the pattern catches every way of calling Scan', () => {
    for (const line of [
      "import { ScanCommand } from '@aws-sdk/lib-dynamodb';",
      "await client.send(new ScanCommand({ TableName }));",
      "client.send({ operation: 'Scan' });",
      'await documentClient.scan({ TableName });',
    ]) {
      expect(line).toMatch(SCAN_CALL);
    }
    expect("await client.send(new QueryCommand({ TableName }));").not.toMatch(SCAN_CALL);
  });

  it('no source file under packages/adapters-aws/src calls Scan', async () => {
    const files = await sourceFiles(SOURCES);
    expect(files.length).toBeGreaterThan(0);
    const offenders: string[] = [];
    for (const file of files) {
      const lines = (await readFile(file, 'utf8')).split('\n');
      lines.forEach((line, index) => {
        if (SCAN_CALL.test(line)) offenders.push(`${file}:${index + 1}: ${line.trim()}`);
      });
    }
    expect(offenders).toEqual([]);
  });
});
