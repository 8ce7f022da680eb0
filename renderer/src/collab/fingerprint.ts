// A certificate fingerprint shown for comparison by eye (first connection to a desk server):
// 32 hex pairs read aloud by the administrator from the server console. Eight groups of
// four pairs are what a person can hold and compare, as ssh and Signal's safety numbers do.
export function groupFingerprint(fp: string): string[] {
  const pairs = fp.toUpperCase().split(':').filter((p) => p !== '');
  const groups: string[] = [];
  for (let i = 0; i < pairs.length; i += 4) groups.push(pairs.slice(i, i + 4).join(':'));
  return groups;
}
