// Joining two pieces of caption text the way each script wants: Chinese runs on without a
// space (a caption followed by （张三 摄）); where either side is Latin, one space goes between.

const TIGHT = /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F\u2018-\u201F]/u;

export function joinText(a: string, b: string): string {
  const x = a.trimEnd();
  const y = b.trimStart();
  if (!x) return y;
  if (!y) return x;
  return TIGHT.test(x.at(-1)!) && TIGHT.test(y[0]!) ? x + y : `${x} ${y}`;
}
