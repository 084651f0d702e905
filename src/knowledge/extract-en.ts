import { numberFacts, type ExtractedFact, type FactFields, type FactKind } from './facts.js';
import { splitSentences } from './sentences.js';

interface Found {
  kind: FactKind;
  fields: FactFields;
  quote: string;
}

const PHONE = /\b(?:0\d{2,3}-\d{7,8}|1\d{10})\b/g;

/** Sentences of the text, each as written, in order. */
function sentences(text: string): string[] {
  return text
    .split('\n')
    .flatMap((line) => splitSentences(line).map((s) => line.slice(s.start, s.end).trim()));
}

function contact(line: string): Found | null {
  const m =
    /^Contacts?(?: person)?(?: and telephones?(?: numbers?)?)? of (?:the )?(.+?):\s*(.+)$/i.exec(
      line,
    );
  if (!m) return null;
  const rest = m[2]!;
  const firstPhone = rest.search(PHONE);
  const names = (firstPhone >= 0 ? rest.slice(0, firstPhone) : rest.split(';')[0]!).replace(
    /[,;\s]+$/,
    '',
  );
  const fields: Record<string, string> = { organization: m[1]!, names };
  const phones = rest.match(PHONE);
  if (phones) fields['phone'] = phones.join(', ');
  const email = /e-?mail:\s*([^;]+?)\.?$/i.exec(rest);
  // The copy received lost its addresses to a web page's e-mail protection; say so, never guess.
  if (email) fields[/@/.test(email[1]!) ? 'email' : 'emailLost'] = email[1]!.trim();
  return { kind: 'contact', fields, quote: line };
}

/**
 * Facts of an English notice (the 2024 machine translation and notices phrased like it): the
 * theme under its heading, the period and arrangement, the opening ceremony, what is submitted
 * and to whom, contacts, annexes, document number and signature.
 */
export function extractEnglishFacts(sourceId: string, text: string): ExtractedFact[] {
  const lines = text.split('\n');
  const found: Found[] = [];

  const themeHeading = lines.findIndex((l) =>
    /^(?:\d+\.|[A-Z][a-z]+,)\s*(?:event |activity )?theme$/i.test(l),
  );
  const themeLine =
    themeHeading >= 0 ? lines.slice(themeHeading + 1).find((l) => l.trim() !== '') : undefined;
  if (themeLine) found.push({ kind: 'theme', fields: { theme: themeLine }, quote: themeLine });

  const number = lines.find((l) => /\[\d{4}\]\s*No\.\s*\d+/.test(l));
  if (number) found.push({ kind: 'document-number', fields: { number }, quote: number });

  for (const s of sentences(text)) {
    const period = /^From (\w+) to ((?:early |mid-|late |the end of )?\w+ \d{4})/.exec(s);
    if (period) {
      found.push({ kind: 'period', fields: { period: period[0] }, quote: period[0] });
      const arrangement = /“(one province[^”]*)”/i.exec(s);
      const annex = /\(see (Annex \d+)[^)]*\)/i.exec(s);
      if (arrangement) {
        found.push({
          kind: 'arrangement',
          fields: { arrangement: arrangement[1]!, ...(annex ? { annex: annex[1]! } : {}) },
          quote: s,
        });
      }
    }
    if (/opening ceremony/i.test(s) && /separately/i.test(s)) {
      found.push({ kind: 'opening', fields: { status: 'separately' }, quote: s });
    }
    const submit = /requested to submit (.+?)\.?$/i.exec(s);
    if (submit) found.push({ kind: 'submission', fields: { items: submit[1]! }, quote: s });
    const recipient = /^Go to (?:the )?(.+?)\.$/.exec(s);
    if (recipient)
      found.push({ kind: 'submission', fields: { recipient: recipient[1]! }, quote: s });
    if (/^Typical cases .* any time\.?$/i.test(s))
      found.push({ kind: 'submission', fields: { cases: s }, quote: s });
  }

  for (const line of lines) {
    const c = contact(line);
    if (c) found.push(c);
  }

  const attachment = lines.findIndex((l) => /^Attach(?:ment|ed)s?:\s*1\./i.test(l));
  if (attachment >= 0) {
    const block = [lines[attachment]!];
    for (let i = attachment + 1; i < lines.length && /^(\d+\.\s|$)/.test(lines[i]!); i++) {
      if (lines[i]) block.push(lines[i]!);
    }
    const items = block.map((l) =>
      l.replace(/^Attach(?:ment|ed)s?:\s*/i, '').replace(/^\d+\.\s*/, ''),
    );
    const start = text.indexOf(block[0]!);
    const end = text.indexOf(block[block.length - 1]!, start) + block[block.length - 1]!.length;
    found.push({
      kind: 'annexes',
      fields: Object.fromEntries(items.map((t, i) => [`annex${i + 1}`, t])),
      quote: text.slice(start, end),
    });
  }

  // The signature: the closing lines that name general offices.
  const tail = lines.slice(-4).filter((l) => /General Office/.test(l));
  if (tail.length > 0) {
    const start = text.lastIndexOf(tail[0]!);
    const end = text.lastIndexOf(tail[tail.length - 1]!) + tail[tail.length - 1]!.length;
    found.push({
      kind: 'issuer',
      fields: { issuer: tail.join(' ') },
      quote: text.slice(start, end),
    });
  }
  return numberFacts(sourceId, found);
}
