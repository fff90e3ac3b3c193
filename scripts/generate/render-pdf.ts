/**
 * `npx tsx scripts/generate/render-pdf.ts [id…]`: prints generated HTML samples to PDF with headless Chromium
 * (Debian `chromium` through playwright-core), LibreOffice, pandoc + LibreOffice, wkhtmltopdf and Ghostscript
 * into samples/pdf/ (and samples/pdf/producers/), each with the labels of the HTML it came from. Page numbers `-N-` go in the footer as WPS prints them; `@page` margins and a larger table font
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
  /**
   * Who prints it: headless Chromium (default), LibreOffice Writer on the page, LibreOffice on the Word
   * document pandoc makes of the page (a Word-style PDF: narrow label columns, tall wrapped rows), or
   * wkhtmltopdf.
   */
  producer?: 'chromium' | 'libreoffice' | 'pandoc-libreoffice' | 'wkhtmltopdf';
  /** Re-distil the PDF with Ghostscript (pdfwrite), as archives and print drivers do. */
  distil?: boolean;
  /** Blank paragraphs before the body: moves the page breaks (into a tall row, through a wrapped figure). */
  pad?: number;
  /** Print every table this many pixels wide: wider than the page, so LibreOffice cuts it at both edges. */
  tableWidth?: number;
  /** Where it goes: samples/pdf, or samples/pdf/producers (read by the property tests only, not by the layout checks of samples/pdf). */
  dir?: 'producers';
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
  ...(
    [
      [
        'gen-2021-pdf-pandoc-lo',
        'gen-2021-html-one-table',
        { producer: 'pandoc-libreoffice' },
        'Word-style: pandoc makes a Word document of the page, LibreOffice prints it (narrow label columns, rows wrapped tall).',
      ],
      [
        'gen-2019-pdf-sparse-pandoc-lo',
        'gen-2019-html-sparse',
        { producer: 'pandoc-libreoffice' },
        'Word-style PDF of the sparse page: labels wrapped two characters a line, next to a group label of the same width.',
      ],
      [
        'gen-2021-pdf-pandoc-lo-gs',
        'gen-2021-html-split-variants',
        { producer: 'pandoc-libreoffice', distil: true },
        'Word-style PDF re-distilled by Ghostscript: text runs broken up, a figure a few points from its label.',
      ],
      [
        'gen-2021-pdf-sparse-lo-gs',
        'gen-2021-html-sparse',
        { producer: 'libreoffice', distil: true },
        'LibreOffice PDF of the sparse page re-distilled by Ghostscript.',
      ],
      ['gen-2021-pdf-wkhtml', 'gen-2021-html-split-variants', { producer: 'wkhtmltopdf' }, 'Printed by wkhtmltopdf (Qt WebKit).'],
      ['gen-2019-pdf-sparse-wkhtml', 'gen-2019-html-sparse', { producer: 'wkhtmltopdf' }, 'The sparse 2019 page printed by wkhtmltopdf.'],
      [
        'gen-2021-pdf-break-lo',
        'gen-2021-html-one-table',
        { producer: 'libreoffice', pad: 23 },
        'LibreOffice with the page break through table 3: the figure 105 wraps in its narrow cell, 10 on one page and 5 on the next.',
      ],
      [
        'gen-2021-pdf-wide-lo',
        'gen-2021-html-one-table',
        { producer: 'libreoffice', tableWidth: 1100 },
        'Tables wider than the page: LibreOffice cuts them at both edges (labels cut on the left, columns lost on the right).',
      ],
    ] as const
  ).map(([id, from, opts, note]): PdfSample => ({ id, from, font: 'WenQuanYi Zen Hei', ...opts, dir: 'producers', notes: [note] })),
];

/** The folder a rendered sample goes to. */
export const pdfDir = (s: PdfSample) => (s.dir ? join(OUT, s.dir) : OUT);

/** The page as a sample asks for it: blank paragraphs before the body, tables wider than the page. */
function shaped(html: string, s: PdfSample): string {
  let out = html;
  if (s.pad) out = out.replace(/(<div class=WordSection1[^>]*>)/, (m) => m + '<p class=MsoNormal>　</p>'.repeat(s.pad!));
  if (s.tableWidth) out = out.replace(/<table class=MsoNormalTable /g, `<table class=MsoNormalTable width=${s.tableWidth} `);
  return out;
}

/** Runs a command in a fresh folder holding `page.html`; returns the PDF it leaves at `out`. */
function inFolder(html: string, out: string, commands: (dir: string) => [string, string[]][]): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'ogi-pdf-'));
  try {
    writeFileSync(join(dir, 'page.html'), html);
    for (const [bin, args] of commands(dir)) execFileSync(bin, args, { stdio: 'ignore' });
    return new Uint8Array(readFileSync(join(dir, out)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const soffice = (dir: string, file: string, filter?: string): [string, string[]] => [
  'soffice',
  [
    `-env:UserInstallation=file://${dir}/profile`,
    '--headless',
    ...(filter ? [`--infilter=${filter}`] : []),
    '--convert-to',
    'pdf',
    '--outdir',
    dir,
    join(dir, file),
  ],
];

/** pandoc's Word document of the page, printed by LibreOffice: how a report written in Word becomes a PDF. */
export const pandocWriterPdf = (html: string) =>
  inFolder(html, 'page.pdf', (dir) => [
    ['pandoc', ['-f', 'html', '-t', 'docx', join(dir, 'page.html'), '-o', join(dir, 'page.docx')]],
    soffice(dir, 'page.docx'),
  ]);

/** wkhtmltopdf's print of the page. */
export const wkhtmlPdf = (html: string) => inFolder(html, 'page.pdf', (dir) => [['wkhtmltopdf', ['-q', join(dir, 'page.html'), join(dir, 'page.pdf')]]]);

/** The PDF re-distilled by Ghostscript's pdfwrite. */
export function distilled(pdf: Uint8Array): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'ogi-gs-'));
  try {
    writeFileSync(join(dir, 'in.pdf'), pdf);
    execFileSync('gs', ['-q', '-dNOPAUSE', '-dBATCH', '-dSAFER', '-sDEVICE=pdfwrite', `-sOutputFile=${join(dir, 'out.pdf')}`, join(dir, 'in.pdf')], {
      stdio: 'ignore',
    });
    return new Uint8Array(readFileSync(join(dir, 'out.pdf')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** LibreOffice Writer's PDF export of an HTML page (Debian `libreoffice-writer-nogui`). */
export const writerPdf = (html: string) => inFolder(html, 'page.pdf', (dir) => [soffice(dir, 'page.html', 'HTML (StarWriter)')]);

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
  const only = process.argv.slice(2);
  for (const s of PDF_SAMPLES.filter((p) => only.length === 0 || only.includes(p.id))) {
    const source = readFileSync(join(SAMPLES, `${s.from}.html`), 'utf8');
    const html = shaped(s.traditional ? OpenCC.Converter({ from: 'cn', to: 'tw' })(source) : source, s);
    const printed =
      s.producer === 'libreoffice'
        ? writerPdf(html)
        : s.producer === 'pandoc-libreoffice'
          ? pandocWriterPdf(html)
          : s.producer === 'wkhtmltopdf'
            ? wkhtmlPdf(html)
            : await printPdf(printableHtml(html, s.font, s.borderless), s.font);
    const pdf = s.distil ? distilled(printed) : printed;
    const out = pdfDir(s);
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, `${s.id}.pdf`), pdf);
    const labels = JSON.parse(readFileSync(join(SAMPLES, `${s.from}.labels.json`), 'utf8')) as Record<string, unknown>;
    const notes = [...s.notes, `Rendered from samples/${s.from}.html by scripts/generate/render-pdf.ts; labels copied from it.`];
    writeFileSync(join(out, `${s.id}.labels.json`), `${JSON.stringify({ ...labels, id: s.id, layout: 'pdf', notes }, null, 1)}\n`);
    console.log(`${out.slice(ROOT.length + 1)}/${s.id}.pdf ← samples/${s.from}.html (${s.producer ?? 'chromium'}${s.distil ? ' + gs' : ''}, ${s.font})`);
  }
}

if (require.main === module)
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
