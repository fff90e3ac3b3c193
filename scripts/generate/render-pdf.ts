/**
 * `npx tsx scripts/generate/render-pdf.ts`: prints generated HTML samples to PDF with headless Chromium
 * (Debian `chromium` through playwright-core) into samples/pdf/, each with the labels of the HTML it came
 * from. Page numbers `-N-` go in the footer as WPS prints them; `@page` margins and a larger table font
 * make table 3 break across pages, as in the real reports.
 *
 * Fonts decide what pdf.js sees: WenQuanYi Zen Hei (TrueType) is embedded as a CID font, like WPS exports;
 * Noto CJK (OpenType/CFF) is embedded as Type3, whose text pdf.js reads back as Kangxi radicals.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as OpenCC from 'opencc-js/cn2t';

const ROOT = resolve(__dirname, '../..');
const SAMPLES = join(ROOT, 'samples');
const OUT = join(SAMPLES, 'pdf');

export interface PdfSample {
  id: string;
  /** The HTML sample (samples/<from>.html) it is printed from. */
  from: string;
  font: 'WenQuanYi Zen Hei' | 'Noto Sans CJK SC';
  /** Who prints it: headless Chromium (default) or LibreOffice Writer, the way a Word document becomes a PDF. */
  producer?: 'chromium' | 'libreoffice';
  /** Print the tables without any rule (a borderless table), so columns can only be told from the text. */
  borderless?: boolean;
  /** Convert the text to traditional characters (opencc cn→tw) before printing, as Taiwan or Hong Kong style copies are. */
  traditional?: boolean;
  notes: string[];
}

export const PDF_SAMPLES: PdfSample[] = [
  {
    id: 'gen-2021-pdf-cid',
    from: 'gen-2021-html-one-table',
    font: 'WenQuanYi Zen Hei',
    notes: [
      'Printed by headless Chromium with WenQuanYi Zen Hei: CID TrueType Identity-H fonts, as WPS exports.',
      'Footer page numbers `-N-`; table 3 continues on the next page.',
    ],
  },
  {
    id: 'gen-2019-pdf-cid',
    from: 'gen-2019-html-split-typo',
    font: 'WenQuanYi Zen Hei',
    notes: ['2019 format printed by headless Chromium with WenQuanYi Zen Hei (CID fonts).', 'Footer page numbers `-N-`.'],
  },
  {
    id: 'gen-2021-pdf-traditional',
    from: 'gen-2021-html-one-table',
    font: 'WenQuanYi Zen Hei',
    traditional: true,
    notes: ['The same report converted to traditional characters (opencc cn→tw) before printing: the extractor converts the text back to simplified.'],
  },
  {
    id: 'gen-2021-pdf-type3',
    from: 'gen-2021-html-split-variants',
    font: 'Noto Sans CJK SC',
    notes: ['Printed with Noto Sans CJK: Type3 fonts, which pdf.js reads as Kangxi radicals (`⽅` for 方); the extractor maps them back.'],
  },
  ...(['2021', '2019'] as const).flatMap((format): PdfSample[] => [
    {
      id: `gen-${format}-pdf-sparse-lo`,
      from: `gen-${format}-html-sparse`,
      font: 'WenQuanYi Zen Hei',
      producer: 'libreoffice',
      notes: [
        'Sparse table 3 exported by LibreOffice Writer (soffice --infilter="HTML (StarWriter)" --convert-to pdf): stroked rules, numbers at the left of their cells, labels wrapped in narrow columns, rows cut by page breaks.',
      ],
    },
    {
      id: `gen-${format}-pdf-sparse-chromium`,
      from: `gen-${format}-html-sparse`,
      font: 'WenQuanYi Zen Hei',
      notes: ['Sparse table 3 printed by headless Chromium: borders as thin filled rectangles, blank cells.'],
    },
    {
      id: `gen-${format}-pdf-sparse-borderless`,
      from: `gen-${format}-html-sparse`,
      font: 'WenQuanYi Zen Hei',
      borderless: true,
      notes: [
        'Sparse table 3 printed by headless Chromium with no rules at all: columns blank in every row are known only by their header titles; labels of rows printed blank sit between the rows.',
      ],
    },
  ]),
];

/** LibreOffice Writer's PDF export of an HTML page (Debian `libreoffice-writer-nogui`). */
export function writerPdf(html: string): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'ogi-lo-'));
  try {
    writeFileSync(join(dir, 'page.html'), html);
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${dir}/profile`,
        '--headless',
        '--infilter=HTML (StarWriter)',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        join(dir, 'page.html'),
      ],
      { stdio: 'ignore' },
    );
    return new Uint8Array(readFileSync(join(dir, 'page.pdf')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The HTML with every font forced to `font`, a table font large enough to push table 3 over a page break, and the rules dropped when `borderless`. */
export function printableHtml(html: string, font: string, borderless = false): string {
  const rules = borderless ? ' table,tr,td,th{border:0 !important}' : '';
  const style = `<style>*{font-family:"${font}" !important} td,th{font-size:10.5pt !important;padding:3pt !important}${rules} @page{size:A4;margin:20mm 18mm 22mm 18mm}</style>`;
  return html.includes('</head>') ? html.replace('</head>', `${style}</head>`) : style + html;
}

const FOOTER = (font: string) => `<div style="width:100%;text-align:center;font-size:10pt;font-family:'${font}'">-<span class="pageNumber"></span>-</div>`;

/** Prints HTML to PDF bytes with Chromium; the footer carries `-N-` page numbers. `pageRanges` as `1-100`. */
export async function printPdf(html: string, font: string, pageRanges?: string): Promise<Uint8Array> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({
      format: 'A4',
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: FOOTER(font),
      preferCSSPageSize: true,
      pageRanges,
    });
    return new Uint8Array(pdf);
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  for (const s of PDF_SAMPLES) {
    const source = readFileSync(join(SAMPLES, `${s.from}.html`), 'utf8');
    const html = s.traditional ? OpenCC.Converter({ from: 'cn', to: 'tw' })(source) : source;
    const pdf = s.producer === 'libreoffice' ? writerPdf(html) : await printPdf(printableHtml(html, s.font, s.borderless), s.font);
    writeFileSync(join(OUT, `${s.id}.pdf`), pdf);
    const labels = JSON.parse(readFileSync(join(SAMPLES, `${s.from}.labels.json`), 'utf8')) as Record<string, unknown>;
    const notes = [...s.notes, `Rendered from samples/${s.from}.html by scripts/generate/render-pdf.ts; labels copied from it.`];
    writeFileSync(join(OUT, `${s.id}.labels.json`), `${JSON.stringify({ ...labels, id: s.id, layout: 'pdf', notes }, null, 1)}\n`);
    console.log(`samples/pdf/${s.id}.pdf ← samples/${s.from}.html (${s.producer ?? 'chromium'}, ${s.font})`);
  }
}

if (require.main === module)
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
