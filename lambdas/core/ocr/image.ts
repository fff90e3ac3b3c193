/** A greyscale image, one byte a pixel (0 black, 255 white), rows top to bottom. */
export interface Gray {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Pixels of one page image: A4 at 600 dpi is 35 million. A larger one is a decompression bomb, not a scan. */
export const MAX_PIXELS = 40_000_000;

/** Interleaved 8-bit samples (1 grey, 3 RGB or 4 RGBA a pixel) to grey, by Rec. 601 luma. */
export function toGray(width: number, height: number, data: ArrayLike<number>, channels: number): Gray {
  const out = new Uint8Array(width * height);
  if (channels === 1) out.set(data as ArrayLike<number>);
  else
    for (let i = 0, p = 0; i < out.length; i++, p += channels) {
      const alpha = channels === 4 ? data[p + 3] / 255 : 1;
      // A transparent pixel is paper.
      out[i] = Math.round((0.299 * data[p] + 0.587 * data[p + 1] + 0.114 * data[p + 2]) * alpha + 255 * (1 - alpha));
    }
  return { width, height, data: out };
}

/** Share of "redness" a pixel may have before it counts as stamp ink, not print (see `dropRed`). */
const RED_MARGIN = 24;

/**
 * RGB to grey with red stamp ink lifted: a seal printed over a table is red or pink (red well above green and blue),
 * the print under it black or grey. Red ink passes red light, so where the seal lies the red channel alone shows the
 * paper and the print under it, as a red filter would.
 */
export function toGrayDroppingRed(width: number, height: number, data: ArrayLike<number>, channels: number): Gray {
  if (channels < 3) return toGray(width, height, data, channels);
  const out = new Uint8Array(width * height);
  for (let i = 0, p = 0; i < out.length; i++, p += channels) {
    const [r, g, b] = [data[p], data[p + 1], data[p + 2]];
    out[i] = r - Math.max(g, b) > RED_MARGIN ? r : Math.round(0.299 * r + 0.587 * g + 0.114 * b);
  }
  return { width, height, data: out };
}

/** A part of the image (clamped to it). */
export function crop(img: Gray, x: number, y: number, w: number, h: number): Gray {
  const x0 = Math.max(0, Math.floor(x));
  const y0 = Math.max(0, Math.floor(y));
  const x1 = Math.min(img.width, Math.ceil(x + w));
  const y1 = Math.min(img.height, Math.ceil(y + h));
  const width = Math.max(0, x1 - x0);
  const height = Math.max(0, y1 - y0);
  const data = new Uint8Array(width * height);
  for (let r = 0; r < height; r++) data.set(img.data.subarray((y0 + r) * img.width + x0, (y0 + r) * img.width + x0 + width), r * width);
  return { width, height, data };
}

/** Bilinear resampling to `width` × `height`. */
export function resize(img: Gray, width: number, height: number): Gray {
  const data = new Uint8Array(width * height);
  const sx = img.width / width;
  const sy = img.height / height;
  for (let y = 0; y < height; y++) {
    const fy = Math.min(img.height - 1, Math.max(0, (y + 0.5) * sy - 0.5));
    const y0 = Math.floor(fy);
    const y1 = Math.min(img.height - 1, y0 + 1);
    const wy = fy - y0;
    for (let x = 0; x < width; x++) {
      const fx = Math.min(img.width - 1, Math.max(0, (x + 0.5) * sx - 0.5));
      const x0 = Math.floor(fx);
      const x1 = Math.min(img.width - 1, x0 + 1);
      const wx = fx - x0;
      const a = img.data[y0 * img.width + x0] * (1 - wx) + img.data[y0 * img.width + x1] * wx;
      const b = img.data[y1 * img.width + x0] * (1 - wx) + img.data[y1 * img.width + x1] * wx;
      data[y * width + x] = Math.round(a * (1 - wy) + b * wy);
    }
  }
  return { width, height, data };
}

/**
 * The image turned by `degrees` (counter-clockwise as seen) about its centre, same size, corners filled with
 * paper. Bilinear, so a deskew of a degree keeps strokes as they were.
 */
export function rotate(img: Gray, degrees: number): Gray {
  if (degrees === 0) return img;
  const { width, height } = img;
  const t = (degrees * Math.PI) / 180;
  const [cos, sin] = [Math.cos(t), Math.sin(t)];
  const [cx, cy] = [(width - 1) / 2, (height - 1) / 2];
  const data = new Uint8Array(width * height).fill(255);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      // The source of each output pixel: the inverse turn (y grows downward, so a counter-clockwise turn is -t here).
      const dx = x - cx;
      const dy = y - cy;
      const fx = cx + cos * dx - sin * dy;
      const fy = cy + sin * dx + cos * dy;
      const x0 = Math.floor(fx);
      const y0 = Math.floor(fy);
      if (x0 < 0 || y0 < 0 || x0 + 1 >= width || y0 + 1 >= height) continue;
      const wx = fx - x0;
      const wy = fy - y0;
      const i = y0 * width + x0;
      const a = img.data[i] * (1 - wx) + img.data[i + 1] * wx;
      const b = img.data[i + width] * (1 - wx) + img.data[i + width + 1] * wx;
      data[y * width + x] = Math.round(a * (1 - wy) + b * wy);
    }
  return { width, height, data };
}

/** The image turned by a quarter: `turns` × 90° clockwise as seen. */
export function rotateQuarter(img: Gray, turns: number): Gray {
  const k = ((turns % 4) + 4) % 4;
  if (k === 0) return img;
  const { width: w, height: h } = img;
  const [width, height] = k === 2 ? [w, h] : [h, w];
  const data = new Uint8Array(w * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const v = img.data[y * w + x];
      if (k === 1) data[x * width + (h - 1 - y)] = v;
      else if (k === 2) data[(h - 1 - y) * width + (w - 1 - x)] = v;
      else data[(w - 1 - x) * width + y] = v;
    }
  return { width, height, data };
}

/**
 * Otsu's threshold of the grey levels: the level that best separates ink from paper, whatever the paper's
 * tone and the scan's contrast.
 */
export function otsu(img: Gray): number {
  const hist = new Float64Array(256);
  // Every fourth pixel is plenty for a histogram of a page.
  for (let i = 0; i < img.data.length; i += 4) hist[img.data[i]]++;
  const total = hist.reduce((a, b) => a + b, 0);
  let sum = 0;
  for (let i = 0; i < 256; i++) sum += i * hist[i];
  let [sumB, wB, best, level] = [0, 0, -1, 128];
  for (let t = 0; t < 256; t++) {
    wB += hist[t];
    if (wB === 0) continue;
    const wF = total - wB;
    if (wF === 0) break;
    sumB += t * hist[t];
    const mB = sumB / wB;
    const mF = (sum - sumB) / wF;
    const between = wB * wF * (mB - mF) ** 2;
    if (between > best) [best, level] = [between, t];
  }
  return level;
}

/** The paper's mean grey: of the pixels brighter than `level` (every fourth, as for Otsu's histogram). */
export function paperTone(img: Gray, level: number): number {
  let [sum, n] = [0, 0];
  for (let i = 0; i < img.data.length; i += 4) if (img.data[i] > level) [sum, n] = [sum + img.data[i], n + 1];
  return n ? sum / n : 255;
}

/** Ink mask: 1 where the pixel is as dark as `level` or darker (Otsu's level is the darkest class's upper bound). */
export function binarize(img: Gray, level: number): Uint8Array {
  const out = new Uint8Array(img.data.length);
  for (let i = 0; i < out.length; i++) out[i] = img.data[i] <= level ? 1 : 0;
  return out;
}
