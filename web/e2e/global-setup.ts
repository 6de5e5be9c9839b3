// Starts, for the whole run: an SMTP server collecting mail (read back over a tiny HTTP endpoint),
// then the real learnertrack binary on a fresh data directory, migrated, with an administrator
// whose first password has already been changed. Returns the teardown.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { existsSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import { ADMIN, FIRST_LOGIN_USER } from './constants';

export interface CollectedMail {
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  received_at: string;
}

const webDir = fileURLToPath(new URL('..', import.meta.url));

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createNetServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => res(port));
    });
  });
}

async function startMail(): Promise<{ smtpPort: number; mailUrl: string; close: () => Promise<void> }> {
  const mails: CollectedMail[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((m) => {
          const rcpt = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
          mails.push({
            to: rcpt,
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            subject: m.subject ?? '',
            text: m.text ?? '',
            html: typeof m.html === 'string' ? m.html : '',
            received_at: new Date().toISOString(),
          });
          callback();
        })
        .catch((e: Error) => callback(e));
    },
  });
  const smtpPort = await freePort();
  await new Promise<void>((res) => smtp.listen(smtpPort, '127.0.0.1', () => res()));

  const http: Server = createHttpServer((req, res) => {
    if (req.method === 'GET' && req.url?.startsWith('/mails')) {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(mails));
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  const httpPort = await freePort();
  await new Promise<void>((res) => http.listen(httpPort, '127.0.0.1', () => res()));

  return {
    smtpPort,
    mailUrl: `http://127.0.0.1:${httpPort}/mails`,
    close: async () => {
      await new Promise<void>((res) => http.close(() => res()));
      await new Promise<void>((res) => smtp.close(() => res()));
    },
  };
}

async function waitReady(baseUrl: string, server: ChildProcess, logFile: string) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`learnertrack serve exited with ${server.exitCode}; see ${logFile}`);
    try {
      const r = await fetch(`${baseUrl}/readyz`);
      if (r.status === 200) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`learnertrack did not become ready within 30 s; see ${logFile}`);
}

/** Signs in over the API and changes the password (the CLI's password must be changed first). */
async function changeFirstPassword(baseUrl: string, username: string, from: string, to: string) {
  const headers = { 'Content-Type': 'application/json', Origin: baseUrl };
  const s = await fetch(`${baseUrl}/api/v1/session`, { method: 'POST', headers, body: JSON.stringify({ username, password: from }) });
  if (!s.ok) throw new Error(`sign-in as ${username} failed: ${s.status} ${await s.text()}`);
  const cookie = (s.headers.get('set-cookie') ?? '').split(';')[0];
  const p = await fetch(`${baseUrl}/api/v1/me/password`, {
    method: 'PUT',
    headers: { ...headers, Cookie: cookie },
    body: JSON.stringify({ current_password: from, new_password: to }),
  });
  if (!p.ok) throw new Error(`password change for ${username} failed: ${p.status} ${await p.text()}`);
}

export default async function globalSetup() {
  const bin = resolve(webDir, process.env.LT_BIN ?? '../build/learnertrack');
  if (!existsSync(bin)) throw new Error(`server binary not found at ${bin} (set LT_BIN)`);
  const dist = resolve(webDir, 'dist');
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`no built web app in ${dist}: run "npm run build" first`);

  const mail = await startMail();
  const dataDir = mkdtempSync(join(tmpdir(), 'lt-e2e-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    LT_DATA_DIR: dataDir,
    LT_LISTEN: `127.0.0.1:${port}`,
    LT_SMTP_URL: `smtp://127.0.0.1:${mail.smtpPort}`,
    LT_PUBLIC_URL: baseUrl,
    LT_WEB_DIR: dist,
    LT_LOGIN_ATTEMPTS_PER_IP: '10000',
    LT_WORKERS: '4',
    // every spec signs in and changes passwords: cheap hashes keep the run short (auth/secrets.hpp)
    LT_PASSWORD_HASH_COST: 'minimum',
  };
  delete (env as Record<string, string | undefined>).LT_DATABASE_URL;
  const run = (...args: string[]) => execFileSync(bin, args, { env, stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });

  run('migrate');
  run('user', 'create', '--username', ADMIN.username, '--password', ADMIN.initialPassword, '--role', 'administrator', '--email', ADMIN.email, '--first-name', 'Ada', '--last-name', 'Admin');
  run('user', 'create', '--username', FIRST_LOGIN_USER.username, '--password', FIRST_LOGIN_USER.initialPassword, '--role', 'viewer', '--email', FIRST_LOGIN_USER.email, '--first-name', 'Fred', '--last-name', 'First');

  const logFile = join(dataDir, 'server.log');
  const log = openSync(logFile, 'a');
  const server = spawn(bin, ['serve'], { env, stdio: ['ignore', log, log] });
  try {
    await waitReady(baseUrl, server, logFile);
    await changeFirstPassword(baseUrl, ADMIN.username, ADMIN.initialPassword, ADMIN.password);
  } catch (e) {
    server.kill('SIGKILL');
    await mail.close();
    throw e;
  }

  process.env.E2E_BASE_URL = baseUrl;
  process.env.E2E_MAIL_URL = mail.mailUrl;
  process.env.E2E_DATA_DIR = dataDir;
  console.log(`e2e: server ${baseUrl}, data ${dataDir}, log ${logFile}, mail ${mail.mailUrl}`);

  return async () => {
    if (server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise<void>((res) => {
        const t = setTimeout(() => {
          server.kill('SIGKILL');
          res();
        }, 5000);
        server.once('exit', () => {
          clearTimeout(t);
          res();
        });
      });
    }
    await mail.close();
    if (!process.env.E2E_KEEP_DATA) rmSync(dataDir, { recursive: true, force: true });
  };
}
