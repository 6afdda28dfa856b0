export * from './working-calendar.js';
export * from './clocks.js';
export * from './clock-pause.js';
export * from './deadline-state.js';
export * from './zoned-iso.js';
