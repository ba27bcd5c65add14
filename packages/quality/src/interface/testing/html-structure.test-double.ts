const VOID = new Set(['meta', 'br', 'img', 'input', 'link', 'hr', 'circle', 'polyline', 'path', 'rect', 'line']);

/**
 * A small structural parse of our own HTML: every element closed in order (void and self-closed
 * elements aside). Returns the problems found; also gives the text of attributes by name.
 */
export function htmlProblems(html: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  const withoutComments = html.replace(/<!--[\s\S]*?-->/g, '').replace(/<!DOCTYPE[^>]*>/i, '');
  const inStyle = /<style>[\s\S]*?<\/style>/g;
  const body = withoutComments.replace(inStyle, '<style></style>');
  for (const match of body.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?(\/?)>/g)) {
    const [, closing, rawName, selfClosing] = match;
    const name = rawName!.toLowerCase();
    if (closing) {
      const open = stack.pop();
      if (open !== name) problems.push(`</${name}> closes <${open ?? 'nothing'}> at ${match.index}`);
    } else if (!selfClosing && !VOID.has(name)) stack.push(name);
  }
  if (stack.length > 0) problems.push(`unclosed: ${stack.join(', ')}`);
  if (/[<>]/.test(body.replace(/<\/?[a-zA-Z][^<>]*>/g, ''))) problems.push('a stray < or > outside a tag');
  return problems;
}

export function attributeValues(html: string, attribute: string): string[] {
  return [...html.matchAll(new RegExp(`\\s${attribute}="([^"]*)"`, 'g'))].map((m) => m[1]!);
}
