/** One element's inline declarations, as html-to-image wrote them. */
interface Declared {
  element: HTMLElement | SVGElement;
  declarations: { name: string; value: string; priority: string }[];
}

function declarationsOf(element: HTMLElement | SVGElement): Declared {
  const style = element.style;
  const declarations = [];
  for (let i = 0; i < style.length; i++) {
    const name = style.item(i);
    // Computed values are resolved: nothing in the picture reads a custom property.
    if (name.startsWith('--')) continue;
    declarations.push({
      name,
      value: style.getPropertyValue(name),
      priority: style.getPropertyPriority(name),
    });
  }
  return { element, declarations };
}

/** Puts back each declaration whose value the element no longer computes; true if any came back. */
function restoreDiffering({ element, declarations }: Declared): boolean {
  const computed = getComputedStyle(element);
  let restored = false;
  for (const d of declarations) {
    if (computed.getPropertyValue(d.name) === d.value || element.style.getPropertyValue(d.name) !== '')
      continue;
    element.style.setProperty(d.name, d.value, d.priority);
    restored = true;
  }
  return restored;
}

/**
 * Drops every inline declaration an element would compute anyway. html-to-image writes all of an
 * element's ~360 computed properties inline (9 KB an element, 6 MB for the e-commerce template);
 * most equal what the element inherits or its default. The subtree is laid out in a shadow root,
 * out of reach of the page's stylesheets, under a host at initial values, as in the picture: each element's
 * declarations are removed, then put back, parents first, wherever the computed value differs,
 * until nothing changes (a restored font size changes other values). Classes go too: the picture
 * carries no stylesheet for them. The result computes the same values as the input.
 */
function slimInlineStyles(root: HTMLElement): void {
  const sandbox = document.createElement('div');
  sandbox.style.cssText = 'all: initial; position: fixed; left: -100000px; top: 0; contain: layout style';
  sandbox.attachShadow({ mode: 'open' }).append(root);
  document.body.append(sandbox);
  try {
    const elements = [root, ...root.querySelectorAll<HTMLElement | SVGElement>('*')];
    const declared = elements.map(declarationsOf);
    for (const element of elements) {
      element.removeAttribute('class');
      element.style.cssText = '';
    }
    for (const entry of declared) for (let pass = 0; pass < 4 && restoreDiffering(entry); pass++);
  } finally {
    sandbox.remove();
  }
}

/** What an SVG shape on the canvas takes from the stylesheet: its paint and whether it shows. */
const svgPaint = [
  'display',
  'visibility',
  'opacity',
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-dashoffset',
  'stroke-linecap',
  'stroke-linejoin',
  'color',
];

/**
 * html-to-image copies an <svg> as it is, without the styles its shapes get from the stylesheet
 * (an edge's stroke, the dashes of a live edge), so edges came out invisible or filled black. This
 * writes each shape's paint from the canvas onto its copy, matched in document order.
 */
function paintSvgShapes(liveRoot: Element, copyRoot: Element): void {
  const live = [...liveRoot.querySelectorAll('svg *')];
  const copies = [...copyRoot.querySelectorAll('svg *')];
  if (live.length !== copies.length) return;
  live.forEach((element, i) => {
    const copy = copies[i];
    if (!(copy instanceof SVGElement) || copy.tagName !== element.tagName) return;
    const computed = getComputedStyle(element);
    for (const name of svgPaint) copy.style.setProperty(name, computed.getPropertyValue(name));
  });
}

/**
 * An SVG of html-to-image's made whole and light: the shapes of inner SVGs painted as on the
 * canvas (`liveRoot` is what was rendered), then the inline styles slimmed (slimInlineStyles).
 */
export function slimSvg(svgText: string, liveRoot: Element): string {
  const doc = new DOMParser().parseFromString(svgText, 'image/svg+xml');
  const holder = doc.querySelector('foreignObject');
  const content = holder?.firstElementChild;
  if (!holder || !content) return svgText;
  const live = document.importNode(content, true) as HTMLElement;
  paintSvgShapes(liveRoot, live);
  slimInlineStyles(live);
  holder.replaceChildren(doc.importNode(live, true));
  return new XMLSerializer().serializeToString(doc);
}
