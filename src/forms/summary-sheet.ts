import ExcelJS from 'exceljs';
import { toScript } from '../answer/language.js';
import type { Region } from '../knowledge/glossary.js';
import type { Language } from '../types.js';
import type { FormDefinition } from './definition.js';
import type { Draft } from './draft.js';
import { beijingDate } from './beijing-time.js';
import { displayValue } from './fields.js';
import { isUserText, warningLines } from './render.js';

const MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The summary sheet's file name, in the reader's script: 推荐汇总-20261122.xlsx. */
export function summaryFileName(language: Language, now: Date): string {
  const day = beijingDate(now).replace(/-/g, '');
  return `${language === 'en' ? 'nominations' : toScript('推荐汇总', language)}-${day}.xlsx`;
}

/** The language a summary file name was made in, or undefined when it is not one. */
export function summaryFileLanguage(name: string): Language | undefined {
  const m = /^(nominations|推荐汇总|推薦匯總)-\d{8}\.xlsx$/u.exec(name);
  if (!m) return undefined;
  return m[1] === 'nominations' ? 'en' : m[1] === '推荐汇总' ? 'zh-Hans' : 'zh-Hant';
}

/**
 * An .xlsx summary of a user's finished nominations, one sheet per form and one row per
 * nomination, every field a column (long texts in full), then the date finished and the rules of
 * the call to check: what a provincial office collects from its organizers.
 */
export async function renderSummarySheet(options: {
  forms: readonly FormDefinition[];
  drafts: readonly Draft[];
  language: Language;
  regions: readonly Region[];
  now: Date;
}): Promise<{ name: string; mediaType: string; data: Uint8Array }> {
  const { language, regions } = options;
  const en = language === 'en';
  const local = (text: string) => toScript(text, language);
  const book = new ExcelJS.Workbook();
  book.creator = 'llw-assistant';
  book.created = options.now;
  book.modified = options.now;
  for (const form of options.forms) {
    const drafts = options.drafts.filter((d) => d.formId === form.id && d.status === 'final');
    if (drafts.length === 0) continue;
    // Sheet names: at most 31 characters, none of : \ / ? * [ ].
    const sheet = book.addWorksheet(
      local(en ? form.title.en : form.title.zh)
        .replace(/[:\\/?*[\]]/g, ' ')
        .slice(0, 31),
      { views: [{ state: 'frozen', ySplit: 1 }] },
    );
    sheet.columns = [
      { header: en ? 'No.' : local('序号'), key: '#', width: 6 },
      ...form.fields.map((f) => ({
        header: local(en ? f.label.en : f.label.zh),
        key: f.id,
        width: f.kind === 'longtext' ? 60 : 18,
      })),
      { header: en ? 'Finished' : local('完成时间'), key: 'finished', width: 12 },
      {
        header: en ? 'Conditions to check' : local('需核对的推荐条件'),
        key: 'warnings',
        width: 50,
      },
    ];
    drafts.forEach((draft, i) => {
      const answers = draft.state.answers;
      const row: Record<string, string | number> = { '#': i + 1 };
      for (const f of form.fields) {
        if (answers[f.id] === undefined) continue;
        const shown = displayValue(f, answers[f.id], language, regions);
        row[f.id] = isUserText(f) ? shown : local(shown);
      }
      row['finished'] = beijingDate(draft.updatedAt);
      row['warnings'] = warningLines(form, answers, language, regions).map(local).join('\n');
      sheet.addRow(row);
    });
    sheet.getRow(1).font = { bold: true };
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columnCount } };
    sheet.eachRow((row, n) => {
      if (n > 1) row.alignment = { vertical: 'top', wrapText: true };
    });
  }
  const data = new Uint8Array(await book.xlsx.writeBuffer());
  return { name: summaryFileName(language, options.now), mediaType: MEDIA_TYPE, data };
}
