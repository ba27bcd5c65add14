// Writes docs/events.md from the catalog. Run: pnpm --filter @mercado/contracts docs:events
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { catalog } from '../catalog/catalog';
import { EVENTS_DOC_PATH, renderEventsDoc } from '../docs/render-events-doc';

mkdirSync(path.dirname(EVENTS_DOC_PATH), { recursive: true });
writeFileSync(EVENTS_DOC_PATH, renderEventsDoc(catalog));
console.log(`wrote ${EVENTS_DOC_PATH}`);
