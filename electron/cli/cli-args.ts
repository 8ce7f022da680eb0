// `--name value` / `--name=value` options among positionals, for the verbs that take their
// options by hand (export and new use node:util parseArgs). Each verb module has its own usage
// error class, so help and errors never load another verb's dependencies: `usage` makes it.

export function parseOptions(args: string[], valued: string[], usage: (message: string) => Error): { pos: string[]; opts: Map<string, string> } {
  const pos: string[] = [];
  const opts = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const m = /^--([a-z]+)(?:=(.*))?$/.exec(a);
    if (!m) { pos.push(a); continue; }
    const name = m[1]!;
    if (!valued.includes(name)) throw usage(`unknown option --${name}; see edition-desk --help`);
    const v = m[2] ?? args[++i];
    if (v === undefined) throw usage(`--${name} needs a value`);
    opts.set(name, v);
  }
  return { pos, opts };
}
