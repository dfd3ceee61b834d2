/**
 * Sets CSS properties on an element through CSSOM (`element.style.setProperty`), never a `style`
 * attribute: a strict Content-Security-Policy (`style-src 'self'`) refuses style attributes,
 * and Lit's styleMap writes one on first render. Use as an element binding:
 * `<div ${styleProps({ order: '2' })}>`.
 */
import { noChange, nothing } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

class StyleProps extends Directive {
  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('styleProps binds to an element, not an attribute');
  }

  render(_props: Record<string, string>) {
    return nothing;
  }

  override update(part: ElementPart, [props]: [Record<string, string>]) {
    const { style } = part.element as HTMLElement;
    for (const [name, value] of Object.entries(props)) style.setProperty(name, value);
    return noChange;
  }
}

export const styleProps = directive(StyleProps);
