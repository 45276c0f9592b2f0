import type { Frame } from 'playwright-core';

export interface ContrastFailure {
  readonly text: string;
  readonly ratio: number;
  readonly required: number;
  readonly color: string;
  readonly background: string;
}

/**
 * WCAG contrast of every visible piece of text (and every select) on the
 * page, against the background actually behind it (the nearest ancestor with
 * an opaque background). Plain JavaScript as a string: it runs in the browser.
 */
const CONTRAST_SCRIPT = `(() => {
  const parse = (c) => { const m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return [0,0,0,0];
    const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number); return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
  const lum = ([r, g, b]) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  const over = (top, below) => [0,1,2].map((i) => top[i] * top[3] + below[i] * (1 - top[3])).concat(1);
  const backgroundOf = (el) => { const layers = [];
    for (let e = el; e; e = e.parentElement) { const c = parse(getComputedStyle(e).backgroundColor); if (c[3] > 0) layers.push(c); if (c[3] >= 1) break; }
    return layers.reverse().reduce((acc, c) => over(c, acc), [255,255,255,1]); };
  const failures = []; let checked = 0;
  for (const el of document.querySelectorAll('body *')) {
    const hasText = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (!hasText && el.tagName !== 'SELECT') continue;
    if (!el.getClientRects().length || getComputedStyle(el).visibility === 'hidden') continue;
    const r = el.getBoundingClientRect(); if (r.bottom < 0 || r.right < 0) continue;
    const style = getComputedStyle(el);
    const bg = backgroundOf(el); const fg = over(parse(style.color), bg);
    const [a, b] = [lum(fg), lum(bg)]; const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    const size = parseFloat(style.fontSize); const bold = Number(style.fontWeight) >= 700;
    const required = size >= 24 || (size >= 18.66 && bold) ? 3 : 4.5;
    checked++;
    if (ratio < required) failures.push({ text: el.textContent.trim().slice(0, 40), ratio: Math.round(ratio * 100) / 100, required, color: style.color, background: 'rgb(' + bg.slice(0,3).map(Math.round).join(',') + ')' });
  }
  return { checked, failures };
})()`;

export async function contrastOf(
  frame: Frame,
): Promise<{ checked: number; failures: ContrastFailure[] }> {
  return frame.evaluate(CONTRAST_SCRIPT) as Promise<{
    checked: number;
    failures: ContrastFailure[];
  }>;
}

/** The focused element and how its focus is drawn. */
export async function focusedElement(frame: Frame): Promise<{
  tag: string;
  text: string;
  outlineStyle: string;
  outlineWidth: number;
  outlineContrast: number;
}> {
  return frame.evaluate(`(() => {
    const el = document.activeElement; const s = getComputedStyle(el);
    const parse = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
    const lum = ([r, g, b]) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
    const [a, b] = [lum(parse(s.outlineColor)), lum(parse(getComputedStyle(document.body).backgroundColor))];
    return { tag: el.tagName.toLowerCase(), text: (el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 40),
      outlineStyle: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth),
      outlineContrast: Math.round(((Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)) * 100) / 100 };
  })()`);
}

/** Form controls without an accessible name from a <label>, aria-label or aria-labelledby. */
export async function unlabelledControls(frame: Frame): Promise<string[]> {
  return frame.evaluate(`[...document.querySelectorAll('input, select, textarea, button')]
    .filter((el) => el.type !== 'hidden')
    .filter((el) => !(el.labels && el.labels.length) && !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby') && !(el.tagName === 'BUTTON' && el.textContent.trim()))
    .map((el) => el.outerHTML.slice(0, 80))`);
}
