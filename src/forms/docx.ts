import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';

/** What goes into a nomination draft file. */
export interface DraftDocument {
  readonly title: string;
  readonly subtitle: string;
  /** Short answers, shown as a two-column table. */
  readonly rows: readonly { readonly label: string; readonly value: string }[];
  /** Long answers, each under its own heading. */
  readonly sections: readonly { readonly label: string; readonly text: string }[];
  readonly checklistTitle: string;
  readonly checklist: readonly { readonly text: string; readonly source: string }[];
  readonly note: string;
}

const cell = (text: string, bold = false, width = 30) =>
  new TableCell({
    width: { size: width, type: WidthType.PERCENTAGE },
    children: text
      .split('\n')
      .map((line) => new Paragraph({ children: [new TextRun({ text: line, bold })] })),
  });

/** Renders a nomination draft as a .docx: heading, a table of fields, the long texts, the checklist. */
export async function renderDocx(doc: DraftDocument): Promise<Uint8Array> {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '999999' };
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
    rows: doc.rows.map(
      (r) => new TableRow({ children: [cell(r.label, true, 30), cell(r.value, false, 70)] }),
    ),
  });
  const children = [
    new Paragraph({
      text: doc.title,
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
    }),
    new Paragraph({
      children: [new TextRun({ text: doc.subtitle, italics: true })],
      alignment: AlignmentType.CENTER,
    }),
    table,
    ...doc.sections.flatMap((s) => [
      new Paragraph({ text: s.label, heading: HeadingLevel.HEADING_2 }),
      ...s.text.split(/\n+/).map((p) => new Paragraph({ text: p })),
    ]),
    new Paragraph({ text: doc.checklistTitle, heading: HeadingLevel.HEADING_2 }),
    ...doc.checklist.flatMap((c) => [
      new Paragraph({ text: c.text, bullet: { level: 0 } }),
      new Paragraph({
        children: [new TextRun({ text: c.source, size: 18, color: '666666' })],
        indent: { left: 720 },
      }),
    ]),
    new Paragraph({ children: [new TextRun({ text: doc.note, italics: true, size: 18 })] }),
  ];
  const document = new Document({
    creator: 'llw-assistant',
    title: doc.title,
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
