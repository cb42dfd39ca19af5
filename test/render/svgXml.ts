/**
 * A small XML reader for the render tests: enough to prove an SVG string is well-formed (every
 * tag closed in order, one root, quoted attributes without repeats, only the five predefined
 * entities and character references) and to walk its elements. Not a dependency, not a general
 * XML parser (no DTDs).
 */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: (XmlElement | string)[];
}

const ENTITY = /&(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/g;

function decode(text: string): string {
  if (/&(?!(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)/.test(text)) throw new Error(`bare & in ${JSON.stringify(text.slice(0, 40))}`);
  return text.replace(ENTITY, (e) => {
    if (e === '&amp;') return '&';
    if (e === '&lt;') return '<';
    if (e === '&gt;') return '>';
    if (e === '&quot;') return '"';
    if (e === '&apos;') return "'";
    return String.fromCodePoint(e[2] === 'x' ? Number.parseInt(e.slice(3, -1), 16) : Number.parseInt(e.slice(2, -1), 10));
  });
}

/** Parses `xml` into its root element; throws, naming the place, when it is not well-formed. */
export function parseXml(xml: string): XmlElement {
  const token = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<\/([A-Za-z_][\w.:-]*)\s*>|<([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|([^<]+)/gy;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let match: RegExpExecArray | null;
  let at = 0;
  while (at < xml.length) {
    token.lastIndex = at;
    match = token.exec(xml);
    if (match === null) throw new Error(`not well-formed at offset ${at}: ${JSON.stringify(xml.slice(at, at + 40))}`);
    at = token.lastIndex;
    const [whole, close, open, attributeText, selfClosing, text] = match;
    if (whole.startsWith('<!--') || whole.startsWith('<?')) continue;
    if (text !== undefined) {
      const parent = stack[stack.length - 1];
      if (parent === undefined) {
        if (text.trim() !== '') throw new Error(`text outside the root: ${JSON.stringify(text.slice(0, 40))}`);
        continue;
      }
      parent.children.push(decode(text));
      continue;
    }
    if (close !== undefined) {
      const top = stack.pop();
      if (top === undefined || top.name !== close) throw new Error(`</${close}> closes <${top?.name ?? 'nothing'}> at offset ${at}`);
      continue;
    }
    const attributes: Record<string, string> = {};
    for (const a of (attributeText ?? '').matchAll(/([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      if (a[1]! in attributes) throw new Error(`attribute ${a[1]} repeated on <${open}>`);
      attributes[a[1]!] = decode(a[2] ?? a[3] ?? '');
    }
    const element: XmlElement = { name: open!, attributes, children: [] };
    const parent = stack[stack.length - 1];
    if (parent !== undefined) parent.children.push(element);
    else if (root !== undefined) throw new Error('a second root element');
    else root = element;
    if (selfClosing !== '/') stack.push(element);
  }
  if (stack.length > 0) throw new Error(`<${stack[stack.length - 1]!.name}> is never closed`);
  if (root === undefined) throw new Error('no root element');
  return root;
}

/** Every element below `root` (depth first), with its ancestors. */
export function* walk(root: XmlElement, ancestors: XmlElement[] = []): Generator<[XmlElement, readonly XmlElement[]]> {
  yield [root, ancestors];
  for (const child of root.children) if (typeof child !== 'string') yield* walk(child, [...ancestors, root]);
}

/** The text of an element's direct text children. */
export function textOf(element: XmlElement): string {
  return element.children.filter((c): c is string => typeof c === 'string').join('');
}

/**
 * The texts vega drew as marks of the chart (the labels of bars and dots), not the axes',
 * legends' or title's: `<text>` elements inside a group of class `mark-text role-mark …`.
 */
export function markTexts(root: XmlElement): string[] {
  const out: string[] = [];
  for (const [element, ancestors] of walk(root)) {
    if (element.name !== 'text') continue;
    const group = ancestors[ancestors.length - 1];
    if (group !== undefined && /\bmark-text\b/.test(group.attributes['class'] ?? '') && /\brole-mark\b/.test(group.attributes['class'] ?? '')) {
      out.push(textOf(element));
    }
  }
  return out;
}

/** The texts of the axis labels (tick labels), in document order. */
export function axisLabels(root: XmlElement): string[] {
  const out: string[] = [];
  for (const [element, ancestors] of walk(root)) {
    const group = ancestors[ancestors.length - 1];
    if (element.name === 'text' && /\brole-axis-label\b/.test(group?.attributes['class'] ?? '')) out.push(textOf(element));
  }
  return out;
}
