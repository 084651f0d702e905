/** What a fact is about; each kind has its own fields and its own answer template. */
export type FactKind =
  | 'theme'
  | 'period'
  | 'arrangement'
  | 'opening'
  | 'hosts'
  | 'organizers'
  | 'office'
  | 'submission'
  | 'summary'
  | 'contact'
  | 'website'
  | 'issuer'
  | 'annexes'
  | 'document-number'
  /** The sentence that says what a term of the Week is (reviewed, in knowledge/facts `add`). */
  | 'definition'
  /** A sentence saying what a notice asks of one body taking part (reviewed, `add`). */
  | 'role';

/** Field values by name, in one language. */
export type FactFields = Readonly<Record<string, string>>;

/**
 * One fact of a notice, with the exact words it comes from. `fields` are in the notice's own
 * language and script; `renderings` are reviewed translations (from knowledge/facts/*.yaml) for
 * readers of the other language.
 */
export interface Fact {
  /** `<source id>/<key>`, e.g. `notice-2022/theme` or `notice-2022/contact-2`. */
  readonly id: string;
  readonly sourceId: string;
  readonly kind: FactKind;
  readonly fields: FactFields;
  readonly renderings: { readonly zh?: FactFields; readonly en?: FactFields };
  /** Exact words of the cleaned notice; `llw index` refuses a fact whose quote is not there. */
  readonly quote: string;
}

/** A fact as a rule finds it, before reviewed renderings are merged in. */
export type ExtractedFact = Omit<Fact, 'renderings'>;

/** Numbers facts of a kind that may repeat (contact-1, contact-2, …) and keeps single ones plain. */
export function numberFacts(
  sourceId: string,
  found: readonly { kind: FactKind; fields: FactFields; quote: string }[],
): ExtractedFact[] {
  const repeated = new Set<FactKind>(['contact', 'website', 'summary', 'submission']);
  const counts = new Map<FactKind, number>();
  return found.map((f) => {
    const n = (counts.get(f.kind) ?? 0) + 1;
    counts.set(f.kind, n);
    const key = repeated.has(f.kind) ? `${f.kind}-${n}` : f.kind;
    return { id: `${sourceId}/${key}`, sourceId, kind: f.kind, fields: f.fields, quote: f.quote };
  });
}

/** Facts grouped by a key (their source, their kind and year), in their order. */
export function groupFacts(facts: readonly Fact[], key: (f: Fact) => string): Map<string, Fact[]> {
  const groups = new Map<string, Fact[]>();
  for (const f of facts) {
    const group = groups.get(key(f));
    if (group) group.push(f);
    else groups.set(key(f), [f]);
  }
  return groups;
}
