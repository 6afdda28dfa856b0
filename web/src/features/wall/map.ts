/** The district map of the wall: settlements at their shipped coordinates, in Web Mercator so tiles can sit under them. */

export type LoadRow = { settlementId: string; name: string; shortName: string; lat?: number | null; lon?: number | null; open: number; overdue: number };

/** nothing open; open, none overdue; some overdue (up to 10 %); more than 10 % overdue. */
export type LoadTone = 'none' | 'clear' | 'some' | 'many';

/** A settlement on the drawing; its label (name, then the counts below it) at `label`, anchored as `anchor` says. */
export type MapPoint = {
  id: string;
  name: string;
  label: string;
  open: number;
  overdue: number;
  x: number;
  y: number;
  r: number;
  tone: LoadTone;
  labelAt: { x: number; y: number; anchor: 'start' | 'middle' | 'end' };
};
export type MapTile = { key: string; href: string; x: number; y: number; size: number };
/** `zoom`: the zoom level of the tiles (the drawing's scale is at most one level below it). */
export type MapLayout = { width: number; height: number; zoom: number; points: MapPoint[]; tiles: MapTile[] };

export const TILE_SIZE = 256;
/** The drawing's own units (the SVG scales to its box, a tall column of the wall). */
export const MAP_WIDTH = 600;
export const MAP_HEIGHT = 760;
/** Margins around the settlements: wide at the sides, where the labels go. */
const PAD_X = 120;
const PAD_Y = 60;
/** The labels' type in the drawing's units: a name, and the counts on the line below it. */
export const NAME_SIZE = 22;
export const COUNTS_SIZE = 19;
const LINE_GAP = 3;
const MAX_ZOOM = 18;

/** A point on the Web Mercator square of side 1 (x to the east, y to the south). */
export function mercator(lat: number, lon: number): { x: number; y: number } {
  const phi = (Math.max(-85, Math.min(85, lat)) * Math.PI) / 180;
  return { x: (lon + 180) / 360, y: (1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2 };
}

export function toneOf(open: number, overdue: number): LoadTone {
  if (open <= 0 && overdue <= 0) return 'none';
  if (overdue <= 0) return 'clear';
  return overdue / Math.max(open, overdue) > 0.1 ? 'many' : 'some';
}

/** The tile template's address for one tile ({z}/{x}/{y}; {s} gets the first subdomain). */
export function tileHref(template: string, z: number, x: number, y: number): string {
  return template.replace('{z}', String(z)).replace('{x}', String(x)).replace('{y}', String(y)).replace('{s}', 'a');
}

/**
 * Fits the settlements into the drawing, centred, as large as the margins for the labels allow; circles sized by
 * open items (area ∝ count), coloured by the share overdue. With a tile template, the tiles that cover the drawing,
 * of the zoom level just above the drawing's scale (each drawn a little smaller than its 256 px, so it stays sharp).
 */
export function layoutMap(rows: readonly LoadRow[], tileUrl?: string | null, width = MAP_WIDTH, height = MAP_HEIGHT): MapLayout {
  const placed = rows
    .filter((r) => typeof r.lat === 'number' && typeof r.lon === 'number')
    .map((r) => ({ row: r, at: mercator(r.lat!, r.lon!) }));
  if (!placed.length) return { width, height, zoom: 0, points: [], tiles: [] };
  const xs = placed.map((p) => p.at.x);
  const ys = placed.map((p) => p.at.y);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  // Drawing units per unit of the Mercator square; one settlement alone is shown at about zoom 11.
  const fit = Math.min(maxX > minX ? (width - 2 * PAD_X) / (maxX - minX) : Infinity, maxY > minY ? (height - 2 * PAD_Y) / (maxY - minY) : Infinity);
  const scale = Math.min(Number.isFinite(fit) ? fit : TILE_SIZE * 2 ** 11, TILE_SIZE * 2 ** MAX_ZOOM);
  const offsetX = (width - (maxX - minX) * scale) / 2 - minX * scale;
  const offsetY = (height - (maxY - minY) * scale) / 2 - minY * scale;

  const most = Math.max(1, ...placed.map((p) => p.row.open));
  const spots = placed.map(({ row, at }) => ({
    id: row.settlementId,
    name: row.name,
    label: row.shortName,
    open: row.open,
    overdue: row.overdue,
    x: Math.round((at.x * scale + offsetX) * 10) / 10,
    y: Math.round((at.y * scale + offsetY) * 10) / 10,
    r: Math.round((7 + 23 * Math.sqrt(Math.max(0, row.open) / most)) * 10) / 10,
    tone: toneOf(row.open, row.overdue),
  }));
  const points = placeLabels(spots, width, height);

  const zoom = Math.max(0, Math.min(MAX_ZOOM, Math.ceil(Math.log2(scale / TILE_SIZE) - 1e-9)));
  const tiles: MapTile[] = [];
  if (tileUrl) {
    const count = 2 ** zoom;
    const size = scale / count;
    const [fromX, toX] = [Math.floor(-offsetX / size), Math.floor((width - offsetX) / size)];
    const [fromY, toY] = [Math.floor(-offsetY / size), Math.floor((height - offsetY) / size)];
    for (let ty = Math.max(0, fromY); ty <= Math.min(count - 1, toY); ty += 1) {
      for (let tx = Math.max(0, fromX); tx <= Math.min(count - 1, toX); tx += 1) {
        tiles.push({ key: `${zoom}/${tx}/${ty}`, href: tileHref(tileUrl, zoom, tx, ty), x: tx * size + offsetX, y: ty * size + offsetY, size });
      }
    }
  }
  return { width, height, zoom, points, tiles };
}

type Spot = Omit<MapPoint, 'labelAt'>;
type Box = { x1: number; y1: number; x2: number; y2: number };

const overlap = (a: Box, b: Box) => Math.max(0, Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1)) * Math.max(0, Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1));
const circleBox = (s: Spot): Box => ({ x1: s.x - s.r, y1: s.y - s.r, x2: s.x + s.r, y2: s.y + s.r });

/**
 * Puts each settlement's label beside its circle where it covers the least of the other labels, circles and the
 * drawing's edge: right, left, below or above, the busiest settlements first. (The width of a line is estimated
 * from its length: no text is measured.)
 */
export function placeLabels(spots: readonly Spot[], width: number, height: number): MapPoint[] {
  const circles = spots.map(circleBox);
  const taken: Box[] = [];
  const placed = new Map<string, MapPoint['labelAt']>();
  const order = [...spots].sort((a, b) => b.open - a.open || a.label.localeCompare(b.label));
  for (const s of order) {
    const w = Math.max(s.label.length * NAME_SIZE * 0.68, 7 * COUNTS_SIZE * 0.62);
    const h = NAME_SIZE + LINE_GAP + COUNTS_SIZE;
    const gap = 6;
    const candidates: { box: Box; at: MapPoint['labelAt'] }[] = [
      { box: { x1: s.x + s.r + gap, y1: s.y - NAME_SIZE, x2: s.x + s.r + gap + w, y2: s.y - NAME_SIZE + h }, at: { x: s.x + s.r + gap, y: s.y - 2, anchor: 'start' } },
      { box: { x1: s.x - s.r - gap - w, y1: s.y - NAME_SIZE, x2: s.x - s.r - gap, y2: s.y - NAME_SIZE + h }, at: { x: s.x - s.r - gap, y: s.y - 2, anchor: 'end' } },
      { box: { x1: s.x - w / 2, y1: s.y + s.r + 2, x2: s.x + w / 2, y2: s.y + s.r + 2 + h }, at: { x: s.x, y: s.y + s.r + NAME_SIZE, anchor: 'middle' } },
      { box: { x1: s.x - w / 2, y1: s.y - s.r - 2 - h, x2: s.x + w / 2, y2: s.y - s.r - 2 }, at: { x: s.x, y: s.y - s.r - 2 - h + NAME_SIZE, anchor: 'middle' } },
    ];
    // Leaving the drawing is worse than covering a neighbour: a cut label cannot be read at all.
    const cost = (box: Box) => {
      const outside = box.x1 < 0 || box.x2 > width || box.y1 < 0 || box.y2 > height ? 4 * w * h : 0;
      return outside + taken.reduce((sum, t) => sum + overlap(box, t), 0) + circles.reduce((sum, c) => sum + overlap(box, c), 0);
    };
    const best = candidates.reduce((a, b) => (cost(b.box) < cost(a.box) ? b : a));
    taken.push(best.box);
    placed.set(s.id, { x: Math.round(best.at.x * 10) / 10, y: Math.round(best.at.y * 10) / 10, anchor: best.at.anchor });
  }
  return spots.map((s) => ({ ...s, labelAt: placed.get(s.id)! }));
}
