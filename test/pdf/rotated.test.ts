import { partitionPdf } from '../../lambdas/core/partition/pdf';
import { limits } from '../../lambdas/core/record/options';
import { makePdf, textAt } from './make-pdf';

const cells: [string, number, number][] = [
  ['Item', 60, 500],
  ['A', 300, 500],
  ['B', 350, 500],
  ['Row one', 60, 480],
  ['1', 300, 480],
  ['2', 350, 480],
  ['Row two', 60, 460],
  ['3', 300, 460],
  ['4', 350, 460],
  ['and a line of prose long enough to count as a text layer', 60, 400],
];

const grid = async (bytes: Uint8Array) => (await partitionPdf(bytes, limits({}))).grids.map((g) => g.rows.map((r) => r.map((c) => c.text)));

it('reads a page shown rotated (/Rotate 90, text drawn turned) the way it is displayed', async () => {
  const upright = await grid(makePdf([{ stream: textAt(cells) }]));
  expect(upright).toEqual([
    [
      ['Item', 'A', 'B'],
      ['Row one', '1', '2'],
      ['Row two', '3', '4'],
    ],
  ]);
  expect(await grid(makePdf([{ stream: textAt(cells, 90), rotate: 90 }]))).toEqual(upright);
});
