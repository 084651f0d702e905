import { numberFacts, type ExtractedFact, type FactFields, type FactKind } from './facts.js';
import { toSimplified } from './script.js';

interface Found {
  kind: FactKind;
  fields: FactFields;
  quote: string;
}

/**
 * A line seen twice: as written, and in Simplified script for matching. OpenCC converts these
 * notices character for character, so positions agree; a line where they do not is only read
 * whole (never sliced), which no rule below needs.
 */
interface Line {
  readonly text: string;
  readonly simple: string;
  readonly aligned: boolean;
}

const PHONE = /(?:0\d{2,3}-\d{7,8}|1\d{10})/g;

function trimPunct(text: string): string {
  return text.replace(/^[\s,，:：;；。]+|[\s,，:：;；。]+$/g, '');
}

/** Runs `pattern` on the Simplified line and returns the groups as written in the source. */
function match(line: Line, pattern: RegExp): { quote: string; groups: string[] } | null {
  if (!line.aligned) return null;
  const m = new RegExp(pattern.source, pattern.flags.replace('g', '') + 'd').exec(line.simple);
  if (!m?.indices) return null;
  const [start, end] = m.indices[0]!;
  const groups = m.indices.slice(1).map((span) => (span ? line.text.slice(span[0], span[1]) : ''));
  return { quote: line.text.slice(start, end), groups };
}

function contactBlock(lines: readonly Line[], at: number, found: Found[]): number {
  const head = match(lines[at]!, /^(.+?)联系人[:：]\s*(.+)$/);
  if (!head) return at;
  const fields: Record<string, string> = {
    organization: trimPunct(head.groups[0]!),
    names: trimPunct(head.groups[1]!),
  };
  let end = at;
  for (let i = at + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (/联系人[:：]/.test(line.simple) || !/^(联系电话|电话|邮箱|邮编|传真)/.test(line.simple))
      break;
    end = i;
    const phones = line.text.match(PHONE);
    if (phones) fields['phone'] = [fields['phone'], ...phones].filter(Boolean).join(', ');
    const email = /邮箱[:：]\s*([\w.+-]+@[\w.-]+)/.exec(line.simple);
    if (email) fields['email'] = email[1]!;
    const postcode = /邮编[:：]\s*(\d{6})/.exec(line.simple);
    if (postcode) fields['postcode'] = postcode[1]!;
  }
  found.push({
    kind: 'contact',
    fields,
    quote: lines
      .slice(at, end + 1)
      .map((l) => l.text)
      .join('\n'),
  });
  return end;
}

/**
 * Facts of a Chinese notice, by rules over the phrasing Ministry notices use (主题：…,
 * 举办时间为…, 应于…前将…报送至…, …联系人：…). Either script works: lines are matched in
 * Simplified and quoted as written.
 */
export function extractChineseFacts(sourceId: string, text: string): ExtractedFact[] {
  const lines: Line[] = text.split('\n').map((t) => {
    const simple = toSimplified(t);
    return { text: t, simple, aligned: simple.length === t.length };
  });
  const found: Found[] = [];
  const once = (kind: FactKind) => found.some((f) => f.kind === kind);

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    let m;
    if (!once('theme') && (m = match(line, /主题[:：]\s*(.+?)\s*$/))) {
      found.push({ kind: 'theme', fields: { theme: m.groups[0]! }, quote: m.quote });
    }
    if (
      !once('period') &&
      (m = match(
        line,
        /举办时间为\s*(\d{4}年\d{1,2}月\d{1,2}日\s*[—–~-]+\s*(?:\d{1,2}月)?\d{1,2}日)/,
      ))
    ) {
      found.push({ kind: 'period', fields: { period: m.groups[0]! }, quote: m.quote });
    }
    if (!once('opening') && (m = match(line, /总开幕式拟定?于(.+?)在(.+?)举办/))) {
      found.push({
        kind: 'opening',
        fields: { when: m.groups[0]!, where: m.groups[1]! },
        quote: m.quote,
      });
    }
    if (!once('hosts') && (m = match(line, /总开幕式由(.+?)承办(?:[,，](.+?)协办)?/))) {
      found.push({
        kind: 'hosts',
        fields: { hosts: m.groups[0]!, ...(m.groups[1] ? { cohosts: m.groups[1] } : {}) },
        quote: m.quote,
      });
    }
    if (!once('organizers') && (m = match(line, /本届活动周由(.+?)共同举办/))) {
      found.push({ kind: 'organizers', fields: { organizers: m.groups[0]! }, quote: m.quote });
    }
    if (!once('office') && (m = match(line, /办公室设在(.+?)[,，]负责(.+?)。/))) {
      found.push({
        kind: 'office',
        fields: { office: m.groups[0]!, duties: m.groups[1]! },
        quote: m.quote,
      });
    }
    if ((m = match(line, /应于(.+?)前将(.+?)报送至(.+?)。/))) {
      const items = m.groups[1]!;
      const fields: Record<string, string> = {
        deadline: m.groups[0]!,
        items,
        recipient: m.groups[2]!,
      };
      const simpleItems = toSimplified(items);
      const stars = /(\d+\s*[—–~-]\s*\d+)\s*名“?百姓学习之星/.exec(simpleItems);
      if (stars) fields['stars'] = stars[1]!;
      const brands = /(\d+\s*[—–~-]\s*\d+)\s*个“?终身学习品牌项目/.exec(simpleItems);
      if (brands) fields['brands'] = brands[1]!;
      const materials = /材料[(（](.+?)[)）]/.exec(items);
      if (materials) fields['materials'] = materials[1]!;
      found.push({ kind: 'submission', fields, quote: m.quote });
    }
    if ((m = match(line, /(\d{4}年\d{1,2}月\d{1,2}日)前[,，]\s*要?将(.+?)报送至(.+?)。/))) {
      found.push({
        kind: 'summary',
        fields: { deadline: m.groups[0]!, items: m.groups[1]!, recipient: m.groups[2]! },
        quote: m.quote,
      });
    }
    for (const w of line.aligned
      ? line.simple.matchAll(/([\p{Script=Han}“”]+)[(（](https?:\/\/[^)）\s]+)[)）]/gu)
      : []) {
      const name = line.text.slice(w.index, w.index + w[1]!.length).replace(/^.*[与與及和、]/u, '');
      found.push({
        kind: 'website',
        fields: { name, url: w[2]! },
        quote: line.text.slice(w.index, w.index + w[0].length),
      });
    }
    i = contactBlock(lines, i, found);
  }

  // The signature: the issuing office, then the date, on the last two lines.
  const last = lines[lines.length - 1];
  const before = lines[lines.length - 2];
  if (
    last &&
    before &&
    /^\d{4}年\d{1,2}月\d{1,2}日$/.test(last.text) &&
    /^\p{Script=Han}{2,30}$/u.test(before.text)
  ) {
    found.push({
      kind: 'issuer',
      fields: { issuer: before.text, date: last.text },
      quote: `${before.text}\n${last.text}`,
    });
  }
  return numberFacts(sourceId, found);
}
