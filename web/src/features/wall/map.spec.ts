import { describe, expect, it } from 'vitest';
import { layoutMap, MAP_HEIGHT, MAP_WIDTH, mercator, tileHref, toneOf, TILE_SIZE } from './map';

const rows = [
  { settlementId: 'town', name: 'Городское поселение город Суровикино', shortName: 'г. Суровикино', lat: 48.6189, lon: 42.8541, open: 40, overdue: 10 },
  { settlementId: 'north', name: 'Добринское сельское поселение', shortName: 'Добринское с.п.', lat: 48.8231, lon: 42.9706, open: 10, overdue: 0 },
  { settlementId: 'south', name: 'Нижнечирское сельское поселение', shortName: 'Нижнечирское с.п.', lat: 48.3642, lon: 43.0889, open: 0, overdue: 0 },
  { settlementId: 'nowhere', name: 'Без координат', shortName: 'Без координат', lat: null, lon: null, open: 3, overdue: 0 },
];

describe('the wall’s map', () => {
  it('colours a settlement by the share of its open items that are overdue', () => {
    expect(toneOf(0, 0)).toBe('none');
    expect(toneOf(10, 0)).toBe('clear');
    expect(toneOf(20, 2)).toBe('some');
    expect(toneOf(20, 3)).toBe('many');
  });

  it('labels each settlement with its short name from the organisation data', () => {
    expect(layoutMap(rows).points.map((p) => p.label)).toEqual(['г. Суровикино', 'Добринское с.п.', 'Нижнечирское с.п.']);
  });

  it('places the settlements inside the drawing, north up and east right, the busiest largest; those without coordinates are left out', () => {
    const map = layoutMap(rows);
    expect(map.points.map((p) => p.id)).toEqual(['town', 'north', 'south']);
    for (const p of map.points) {
      expect(p.x).toBeGreaterThan(0);
      expect(p.x).toBeLessThan(MAP_WIDTH);
      expect(p.y).toBeGreaterThan(0);
      expect(p.y).toBeLessThan(MAP_HEIGHT);
    }
    const [town, north, south] = map.points;
    expect(north!.y).toBeLessThan(town!.y);
    expect(south!.y).toBeGreaterThan(town!.y);
    expect(south!.x).toBeGreaterThan(town!.x);
    expect(town!.r).toBeGreaterThan(north!.r);
    expect(north!.r).toBeGreaterThan(south!.r);
    expect(map.tiles).toEqual([]);
  });

  it('with a tile template, covers the drawing with the tiles of its zoom level', () => {
    const map = layoutMap(rows, 'https://tiles.example/{z}/{x}/{y}.png');
    expect(map.tiles.length).toBeGreaterThan(0);
    // Tiles reach every edge of the drawing.
    expect(Math.min(...map.tiles.map((t) => t.x))).toBeLessThanOrEqual(0);
    expect(Math.min(...map.tiles.map((t) => t.y))).toBeLessThanOrEqual(0);
    expect(Math.max(...map.tiles.map((t) => t.x + t.size))).toBeGreaterThanOrEqual(MAP_WIDTH);
    expect(Math.max(...map.tiles.map((t) => t.y + t.size))).toBeGreaterThanOrEqual(MAP_HEIGHT);
    // Never blown up beyond their own 256 px, nor shrunk below half.
    for (const t of map.tiles) expect(t.size).toBeGreaterThan(TILE_SIZE / 2 - 1e-9);
    for (const t of map.tiles) expect(t.size).toBeLessThanOrEqual(TILE_SIZE + 1e-9);
    // The tile under the town holds the town's own Web Mercator position at that zoom.
    const town = map.points[0]!;
    const under = map.tiles.find((t) => t.x <= town.x && town.x < t.x + t.size && t.y <= town.y && town.y < t.y + t.size)!;
    const world = mercator(48.6189, 42.8541);
    const n = 2 ** map.zoom;
    expect(under.href).toBe(`https://tiles.example/${map.zoom}/${Math.floor(world.x * n)}/${Math.floor(world.y * n)}.png`);
  });

  it('fills a tile template’s placeholders', () => {
    expect(tileHref('https://{s}.tile.example/{z}/{x}/{y}.png', 10, 632, 351)).toBe('https://a.tile.example/10/632/351.png');
  });
});
