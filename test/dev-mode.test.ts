import { ChildProcess, execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { decodeJwt, jwtVerify } from 'jose';
import { freePort } from '../src/db/embedded-neo4j';
import { PROJECT_ROOT } from '../src/paths';

/**
 * Issue 16 item 3: development mode listens on the loopback interface unless HOST says otherwise,
 * and signs its tokens (and keys its opaque ids) with secrets generated for this installation into
 * 0600 files of the data folder, which `npm run token` reads. Item 14: `npm run token` refuses
 * the tokens the service would refuse.
 */

const execFileAsync = promisify(execFile);
const MAIN = path.join(PROJECT_ROOT, 'dist', 'src', 'main.js');
const TOKEN = path.join(PROJECT_ROOT, 'dist', 'src', 'scripts', 'token.js');

/** The environment of a development installation whose data folder is `dataDir`: no configured keys. */
function devEnv(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'development', NEO4J_EMBEDDED_DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...extra };
  delete env.JWT_SECRET;
  delete env.IDENTITY_SECRET;
  delete env.JWT_JWKS_URL;
  return env;
}

async function mint(dataDir: string, args: string[], extra: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, [TOKEN, ...args], { env: devEnv(dataDir, extra) });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** The local addresses (hex, as in /proc/net/tcp{,6}) of the sockets listening on `port`. */
function listeningAddresses(port: number): string[] {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  const out: string[] = [];
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!fs.existsSync(file)) continue;
    for (const line of fs.readFileSync(file, 'utf8').split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols.length < 4) continue;
      const [address, p] = cols[1].split(':');
      if (p === hexPort && cols[3] === '0A') out.push(address); // 0A: LISTEN
    }
  }
  return out;
}

describe('development mode', () => {
  // An issuer and audience the service checks: the tokens it prints and `npm run token` mints carry them.
  const idp = { JWT_ISSUER: 'https://idp.dev.example', JWT_AUDIENCE: 'link-analysis-dev' };
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dev-mode-'));
  let child: ChildProcess | undefined;
  let port: number;
  let output = '';

  beforeAll(async () => {
    port = await freePort();
    child = spawn(process.execPath, [MAIN], {
      env: devEnv(dataDir, { ...idp, PORT: String(port), NEO4J_URI: process.env.NEO4J_TEST_URI!, SEED_ON_EMPTY: 'false' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d) => (output += String(d)));
    child.stderr!.on('data', (d) => (output += String(d)));
    const deadline = Date.now() + 60000;
    while (!output.includes('GraphQL API ready') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    if (!output.includes('GraphQL API ready')) throw new Error(`the service did not start:\n${output}`);
  });

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child!.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 only', async () => {
    expect(listeningAddresses(port)).toEqual(['0100007F']); // 127.0.0.1, and no wildcard or other address
    expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
    const lan = Object.values(os.networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal);
    if (lan) await expect(fetch(`http://${lan.address}:${port}/health`)).rejects.toThrow();
  });

  it('signs with secrets generated for this installation, in 0600 files of the data folder', async () => {
    const secrets: Record<string, string> = {};
    for (const file of ['dev-jwt-secret', 'dev-identity-secret']) {
      const full = path.join(dataDir, file);
      expect(fs.statSync(full).mode & 0o777).toBe(0o600);
      secrets[file] = fs.readFileSync(full, 'utf8').trim();
      expect(secrets[file].length).toBeGreaterThanOrEqual(43);
      // nothing in the compiled code is the secret (it is not published)
      expect(fs.readFileSync(MAIN, 'utf8')).not.toContain(secrets[file]);
    }
    // the printed development tokens verify with the generated key, and the service accepts them
    const printed = /dev-admin \(admin[^\n]*\n\s+(\S+)/.exec(output)![1];
    await expect(
      jwtVerify(printed, new TextEncoder().encode(secrets['dev-jwt-secret']), { issuer: idp.JWT_ISSUER, audience: idp.JWT_AUDIENCE }),
    ).resolves.toBeDefined();
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${printed}` },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('npm run token reads the installation key: its tokens work against the running service', async () => {
    const run = await mint(dataDir, ['--role', 'loader', '--agency', 'HR-MUP', '--country', 'HR', '--clearance', 'SECRET'], idp);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const jwt = run.stdout.trim();
    const secret = fs.readFileSync(path.join(dataDir, 'dev-jwt-secret'), 'utf8').trim();
    const { payload } = await jwtVerify(jwt, new TextEncoder().encode(secret), { issuer: idp.JWT_ISSUER, audience: idp.JWT_AUDIENCE });
    expect(payload).toMatchObject({ roles: ['loader'], agency: 'HR-MUP', country: 'HR', clearance: 'SECRET' });
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${jwt}` },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(res.status).toBe(200);
    // another installation's key is another key: that token is refused here
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'dev-mode-other-'));
    try {
      const foreign = (await mint(elsewhere, [], idp)).stdout.trim();
      const refused = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${foreign}` },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(refused.status).toBe(401);
    } finally {
      fs.rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});

describe('npm run token refuses what the service would refuse (issue 16 item 14)', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'token-cli-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it.each([
    [['--country', 'ZZ'], /country/],
    [['--expires', '48h'], /longer than the allowed 43200 s \(MAX_TOKEN_TTL\)/],
    [['--agency', 'X'], /agency/],
    [['--expires', 'soon'], /--expires must be a duration/],
  ])('%j: exit 2, a clear message, no token', async (args, reason) => {
    const run = await mint(dataDir, args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^token refused: /);
    expect(run.stderr).toMatch(reason);
  });

  it('a longer MAX_TOKEN_TTL allows 48h; the default 12h token is accepted', async () => {
    const longer = await mint(dataDir, ['--expires', '48h'], { MAX_TOKEN_TTL: '72h' });
    expect(longer.code).toBe(0);
    const claims = decodeJwt(longer.stdout.trim());
    expect(claims.exp! - claims.iat!).toBe(48 * 3600);
    const plain = await mint(dataDir, ['--country', 'it']);
    expect(plain.code).toBe(0);
    expect(decodeJwt(plain.stdout.trim())).toMatchObject({ country: 'IT', sub: 'dev-user' });
  });
});
