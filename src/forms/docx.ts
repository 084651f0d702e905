import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  HeightRule,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';

/** What goes into a nomination draft file. */
export interface DraftDocument {
  readonly title: string;
  readonly subtitle: string;
  /** Short answers: a label and its value on one row of the form. */
  readonly rows: readonly { readonly label: string; readonly value: string }[];
  /** Long answers: a label row, then the text across the whole width. */
  readonly sections: readonly { readonly label: string; readonly text: string }[];
  /** The recommending unit's block, left blank to be filled in, signed and stamped. */
  readonly endorsement: { readonly label: string; readonly seal: string; readonly date: string };
  /** What to check before handing the form in: printed after it, to be deleted. */
  readonly notesTitle: string;
  readonly notes: readonly string[];
  readonly checklistTitle: string;
  readonly checklist: readonly { readonly text: string; readonly source: string }[];
}

const lines = (text: string, bold = false) =>
  text.split(/\n+/).map((line) => new Paragraph({ children: [new TextRun({ text: line, bold })] }));

const cell = (children: Paragraph[], width: number, span = 1, shade = false) =>
  new TableCell({
    width: { size: width, type: WidthType.PERCENTAGE },
    columnSpan: span,
    children,
    ...(shade ? { shading: { fill: 'F2F2F2' } } : {}),
  });

/**
 * Renders a nomination as a recommendation form (.docx): a bordered table of the fields, the long
 * texts across the full width, a blank "recommending unit's opinion (stamp)" block with a date
 * line; then, after the form, the drafting notes and the checklist with the notices' words.
 */
export async function renderDocx(doc: DraftDocument): Promise<Uint8Array> {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const rows = [
    ...doc.rows.map(
      (r) =>
        new TableRow({
          children: [cell(lines(r.label, true), 28, 1, true), cell(lines(r.value), 72)],
        }),
    ),
    ...doc.sections.flatMap((s) => [
      new TableRow({ children: [cell(lines(s.label, true), 100, 2, true)] }),
      new TableRow({ children: [cell(lines(s.text), 100, 2)] }),
    ]),
    new TableRow({
      height: { value: 2400, rule: HeightRule.ATLEAST },
      children: [
        new TableCell({
          width: { size: 28, type: WidthType.PERCENTAGE },
          verticalAlign: VerticalAlign.CENTER,
          shading: { fill: 'F2F2F2' },
          children: lines(doc.endorsement.label, true),
        }),
        new TableCell({
          width: { size: 72, type: WidthType.PERCENTAGE },
          verticalAlign: VerticalAlign.BOTTOM,
          children: [
            new Paragraph({ text: '' }),
            new Paragraph({ text: doc.endorsement.seal, alignment: AlignmentType.RIGHT }),
            new Paragraph({ text: doc.endorsement.date, alignment: AlignmentType.RIGHT }),
          ],
        }),
      ],
    }),
  ];
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: {
      top: border,
      bottom: border,
      left: border,
      right: border,
      insideHorizontal: border,
      insideVertical: border,
    },
    rows,
  });
  const children = [
    new Paragraph({
      text: doc.title,
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
    }),
    new Paragraph({
      children: [new TextRun({ text: doc.subtitle, italics: true, size: 18 })],
      alignment: AlignmentType.CENTER,
    }),
    table,
    new Paragraph({ text: doc.notesTitle, heading: HeadingLevel.HEADING_2, pageBreakBefore: true }),
    ...doc.notes.map((n) => new Paragraph({ text: n, bullet: { level: 0 } })),
    new Paragraph({ text: doc.checklistTitle, heading: HeadingLevel.HEADING_3 }),
    ...doc.checklist.flatMap((c) =>
      // A line without a source is a heading (a notice's year).
      c.source
        ? [
            new Paragraph({ text: c.text, bullet: { level: 0 } }),
            new Paragraph({
              children: [new TextRun({ text: c.source, size: 18, color: '666666' })],
              indent: { left: 720 },
            }),
          ]
        : [new Paragraph({ children: [new TextRun({ text: c.text, bold: true })] })],
    ),
  ];
  const document = new Document({
    creator: 'llw-assistant',
    title: doc.title,
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
