import { figure, megabytes, type Figure } from './bench-report';
import type { ColdStart } from './measure-browser';
import type { OpenAndList, ServerMemory } from './measure-startup';
import { median } from './percentiles';
import type { Scale } from './scales';

/** “Start-up cost flat in library size”: the cold start at the largest scale over the one with the bundled sources. */
export function coldStartRatioFigure(smallest: Scale, smallestCold: ColdStart, largest: Scale, largestCold: ColdStart): Figure {
  const small = median(smallestCold.runs.map((run) => run.visibleMs));
  const large = median(largestCold.runs.map((run) => run.visibleMs));
  return figure({
    id: `cold-start-growth`,
    measurement: `Cold start with ${largest.sources.toLocaleString('en-US')} sources ÷ with ${smallest.sources}`,
    scale: `${largest.key} vs ${smallest.key}`,
    statistic: 'ratio of the two medians',
    value: large / small,
    unit: '×',
    target: { max: 1.3, unit: '×' },
    method: 'The median cold starts to the report visible (the rows “Cold start to the report visible”) at the largest scale and with the bundled sources, divided.',
    detail: { [`${smallest.key} median ms`]: small, [`${largest.key} median ms`]: large },
  });
}

export function openAndListFigure(scale: Scale, measured: OpenAndList): Figure {
  return figure({
    id: `open-and-list-${scale.key}`,
    measurement: 'Open the notebook and list the highlights of one source',
    scale: scale.label,
    statistic: `median of ${measured.runs.length} opens`,
    value: median(measured.runs),
    unit: 'ms',
    target: { max: 150, unit: 'ms' },
    method:
      'openNotebook on a copy of the notebook (taking the data folder’s lock, opening the store, the library and the API) and highlights.list through dispatch for its most highlighted source, the report, timed together; closed after each (not timed) and opened again on the same copy, as a person restarting Notebook would.',
    detail: { 'first open ms': measured.runs[0] ?? null, 'slowest open ms': Math.max(...measured.runs), 'highlights listed': measured.highlights, 'highlights stored on the report': measured.stored },
  });
}

export function serverMemoryFigure(scale: Scale, memory: ServerMemory): Figure {
  return figure({
    id: `peak-memory-server-searched-${scale.key}`,
    measurement: 'Peak memory: browser-mode server, after a search of every source',
    scale: scale.label,
    statistic: 'peak RSS (VmHWM) of the server’s process tree',
    value: memory.searchedBytes === null ? null : megabytes(memory.searchedBytes),
    unit: 'MB',
    shown: 'not measurable here (no /proc)',
    target: { max: 400, unit: 'MB' },
    method:
      'The server started on a copy of the notebook, the report opened in Chromium, then “taliban” typed into the search box and its summary awaited; VmHWM of the server process (its worker threads included) plus that of every process it started, read from /proc.',
    detail: {
      'peak once the report was shown MB': memory.shownBytes === null ? null : megabytes(memory.shownBytes),
      'search summary': memory.summary,
    },
  });
}
