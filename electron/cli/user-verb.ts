import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { RoleSchema, UserName } from '../../shared/collab/protocol';
import { Accounts } from '../services/deskserver/accounts';
import { openDeskDb } from '../services/deskserver/desk-db';
import { parseOptions, serverDataDir, ServeUsageError } from './serve-usage';

// `edition-desk user add|passwd|remove|list`: the admin's accounts on a desk server. Works
// beside a running server (SQLite WAL: one writer at a time, readers never blocked).

const MIN_PASSWORD = 8;

async function readAllStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Asks on the terminal without echo: the prompt is written, then readline's output is muted. */
function ask(prompt: string): Promise<string> {
  return new Promise((done) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    const out = rl as unknown as { _writeToOutput: (s: string) => void };
    const write = out._writeToOutput.bind(rl);
    let muted = false;
    out._writeToOutput = (s: string) => {
      if (!muted) write(s);
    };
    rl.question(prompt, (answer) => {
      rl.close();
      process.stderr.write('\n');
      done(answer);
    });
    muted = true;
  });
}

/** The password: the first line of stdin when piped, else asked twice on the terminal. */
async function readPassword(): Promise<string> {
  let password: string;
  if (!process.stdin.isTTY) {
    password = (await readAllStdin()).split(/\r?\n/)[0] ?? '';
  } else {
    password = await ask('password / 密码: ');
    if ((await ask('again / 再输一次: ')) !== password) throw new ServeUsageError('the two passwords differ');
  }
  if ([...password].length < MIN_PASSWORD) throw new ServeUsageError(`a password has at least ${MIN_PASSWORD} characters`);
  return password;
}

function userName(pos: string[]): string {
  const name = pos[1];
  if (pos.length !== 2 || !name || !UserName.safeParse(name).success) throw new ServeUsageError('give one user name: letters, digits, . _ - (1–40)');
  return name;
}

export async function userVerb(args: string[]): Promise<number> {
  const { pos, opts } = parseOptions(args, ['data', 'role']);
  const dataDir = resolve(serverDataDir(opts.get('data')));
  const sub = pos[0];
  if (sub !== 'add' && sub !== 'passwd' && sub !== 'remove' && sub !== 'list') throw new ServeUsageError('user add|passwd|remove|list; see edition-desk --help');
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const db = openDeskDb(dataDir);
  try {
    const accounts = new Accounts(db);
    if (sub === 'list') {
      for (const u of accounts.list()) console.log(`${u.name}\t${u.role}`);
      return 0;
    }
    const name = userName(pos);
    if (sub === 'add') {
      const role = RoleSchema.safeParse(opts.get('role'));
      if (!role.success) throw new ServeUsageError('--role is photographer, editor, layout, proofreader or chief');
      if (accounts.find(name)) throw new Error(`user ${name} exists (edition-desk user passwd ${name} changes the password)`);
      await accounts.add(name, role.data, await readPassword());
      console.log(`${name}\t${role.data}`);
    } else if (sub === 'passwd') {
      if (!accounts.find(name)) throw new Error(`no user ${name}`);
      await accounts.setPassword(name, await readPassword());
      console.log(`${name}: password changed, sessions ended`);
    } else {
      if (!accounts.remove(name)) throw new Error(`no user ${name}`);
      console.log(`${name}: removed`);
    }
    return 0;
  } finally {
    db.close();
  }
}
